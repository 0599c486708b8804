#include "db/incident_queries.h"

#include <algorithm>
#include <map>

#include "core/statistics.h"
#include "core/working_hours.h"
#include "db/database.h"

namespace raekoda::db {
namespace {

// One scope for every query: all incidents, or the security ones only.
struct Scope {
  bool security_only = false;
  std::string sql(std::string_view where) const {
    return std::string(where) + (security_only ? " AND is_security = 1" : "");
  }
};

std::size_t index_of(Severity s) {
  return static_cast<std::size_t>(s);
}

void load_open(Database& db, IncidentFigures& f, const WorkingCalendar& calendar,
               const Scope& scope) {
  Statement select =
      db.prepare("SELECT id, title, severity, is_security, opened_at FROM incidents " +
                 scope.sql("WHERE resolved_at IS NULL"));
  while (select.step()) {
    auto severity = enum_from_key<Severity>(select.text(2)).value_or(Severity::normal);
    auto opened = DateTime::parse_iso(select.text(4));
    if (!opened) continue;
    DateTime due = add_working_minutes(*opened, f.target_minutes[index_of(severity)], calendar);
    bool breaching = f.now > due;
    f.open.push_back({select.integer(0), select.text(1), severity, select.integer(3) == 1, *opened,
                      due, breaching});
    if (breaching) ++f.open_breaching;
  }
  std::sort(f.open.begin(), f.open.end(), [](const auto& a, const auto& b) {
    if (a.breaching != b.breaching) return a.breaching;
    return a.due < b.due;
  });
}

void load_weeks(Database& db, IncidentFigures& f, const Scope& scope) {
  Date this_week = f.today.week_start();
  Date first = this_week.plus_days(-7 * 25);
  for (int w = 0; w < 26; ++w) f.weeks.push_back(first.plus_days(7 * w));
  f.opened_per_week.assign(26, 0);
  f.resolved_per_week.assign(26, 0);
  // Each count reads its own index; the resolved one is partial, over resolved incidents only.
  auto weekly = [&](const char* column, std::vector<std::int64_t>& into) {
    std::string where =
        std::string("WHERE ") + column + " >= ?" +
        (column == std::string_view("resolved_week") ? " AND resolved_at IS NOT NULL" : "");
    Statement select = db.prepare(std::string("SELECT ") + column + ", count(*) FROM incidents " +
                                  scope.sql(where) + " GROUP BY 1");
    select.bind(1, first);
    while (select.step())
      if (auto week = select.date(0)) {
        auto index = static_cast<std::size_t>(first.days_until(*week) / 7);
        if (index < into.size()) into[index] = select.integer(1);
      }
  };
  weekly("opened_week", f.opened_per_week);
  weekly("resolved_week", f.resolved_per_week);
  // Open when the window began, then week by week: backlog = before + opened - resolved. What
  // was open before is what is open now, less what opened since, plus what was resolved since:
  // three counts over the window's indexes, not two over all the history before it.
  std::int64_t backlog =
      static_cast<std::int64_t>(f.open.size()) -  // read by load_open, in the same scope
      db.query_integer("SELECT count(*) FROM incidents " + scope.sql("WHERE opened_at >= ?"), 0,
                       first) +
      db.query_integer("SELECT count(*) FROM incidents " +
                           scope.sql("WHERE resolved_at IS NOT NULL AND resolved_at >= ?"),
                       0, first);
  for (std::size_t w = 0; w < f.weeks.size(); ++w) {
    backlog += f.opened_per_week[w] - f.resolved_per_week[w];
    f.backlog_at_week_end.push_back(backlog);
  }

  // This week so far against the same days of last week.
  auto so_far = [&](const char* week_column, const char* column, Date week, Date until) {
    return db.query_integer("SELECT count(*) FROM incidents " +
                                scope.sql(std::string("WHERE ") + week_column + " = ? AND " +
                                          column + " IS NOT NULL AND " + column + " < ?"),
                            0, week, until.plus_days(1));
  };
  Date last_week = this_week.plus_days(-7);
  f.opened_this_week = so_far("opened_week", "opened_at", this_week, f.today);
  f.opened_last_week = so_far("opened_week", "opened_at", last_week, f.today.plus_days(-7));
  f.resolved_this_week = so_far("resolved_week", "resolved_at", this_week, f.today);
  f.resolved_last_week = so_far("resolved_week", "resolved_at", last_week, f.today.plus_days(-7));
  f.security_this_quarter = db.query_integer(
      "SELECT count(*) FROM incidents WHERE is_security = 1 AND opened_at >= ? AND opened_at < ?",
      0, f.today.quarter_start(), f.today.plus_days(1));
}

void load_resolution(Database& db, IncidentFigures& f, const WorkingCalendar& calendar,
                     const Scope& scope) {
  Date year_ago = f.today.plus_months(-12).plus_days(1);
  Date month_ago = f.today.plus_days(-29);
  std::array<std::vector<double>, Severity_count> severity_hours;
  std::array<std::vector<double>, IncidentCategory_count> category_hours;
  std::vector<double> recent;
  Statement select =
      db.prepare("SELECT opened_at, resolved_at, severity, category FROM incidents " +
                 scope.sql("WHERE resolved_at IS NOT NULL AND resolved_at >= ?"));
  select.bind(1, year_ago);
  while (select.step()) {
    auto opened = DateTime::parse_iso(select.text(0));
    auto resolved = DateTime::parse_iso(select.text(1));
    auto severity = enum_from_key<Severity>(select.text(2));
    auto category = enum_from_key<IncidentCategory>(select.text(3));
    if (!opened || !resolved || !severity || !category) continue;
    double hours = working_minutes_between(*opened, *resolved, calendar) / 60.0;
    severity_hours[index_of(*severity)].push_back(hours);
    category_hours[static_cast<std::size_t>(*category)].push_back(hours);
    if (resolved->date >= month_ago) recent.push_back(hours);
  }
  auto spread = [](const std::vector<double>& hours) {
    return IncidentFigures::Spread{static_cast<std::int64_t>(hours.size()),
                                   nearest_rank(hours, 0.5), nearest_rank(hours, 0.9)};
  };
  for (std::size_t s = 0; s < Severity_count; ++s) f.by_severity[s] = spread(severity_hours[s]);
  for (std::size_t c = 0; c < IncidentCategory_count; ++c)
    f.by_category[c] = spread(category_hours[c]);
  f.resolved_30d = static_cast<std::int64_t>(recent.size());
  f.median_hours_30d = nearest_rank(recent, 0.5);
}

// One pass over the incidents of the last year (and a month before, for targets running into
// it) and every one still open: breaches by the month their target ran out, categories per
// month, institutions, weekdays and hours.
void load_year(Database& db, IncidentFigures& f, const WorkingCalendar& calendar,
               const Scope& scope) {
  f.months = last_months(f.today, 12);
  Date first = f.months.front();
  Date year_ago = f.today.plus_months(-12).plus_days(1);
  for (auto& counts : f.breaches_per_month) counts.assign(12, 0);
  for (auto& counts : f.opened_per_month_by_category) counts.assign(12, 0);
  // Targets that run out after today belong to no month yet.
  auto month_of = [&](Date day) {
    return day > f.today ? std::nullopt : month_index(f.months, day);
  };
  std::map<Id, IncidentFigures::InstitutionCount> places;
  Statement names = db.prepare("SELECT id, name, kind FROM institutions");
  while (names.step())
    places[names.integer(0)] = {
        names.integer(0), names.text(1),
        enum_from_key<InstitutionKind>(names.text(2)).value_or(InstitutionKind::other), 0, 0};

  // From a Monday, as the weekly figures count; opened_at is a real column, read from its index.
  // The open ones opened before are read from their own small index (severity > '', always
  // true, is what makes SQLite take it rather than the history-long range of opened_at) and
  // those opened since left to the first part.
  Date since = std::min(first, year_ago).plus_days(-31).week_start();
  constexpr const char* columns =
      "id, opened_at, resolved_at, severity, category, institution_id FROM incidents ";
  Statement select = db.prepare(std::string("SELECT 0, ") + columns +
                                scope.sql("WHERE opened_at >= ?") + " UNION ALL SELECT 1, " +
                                columns + scope.sql("WHERE resolved_at IS NULL AND severity > ''"));
  select.bind(1, since);
  while (select.step()) {
    auto opened = DateTime::parse_iso(select.text(2));
    if (select.integer(0) == 1 && opened && opened->date >= since) continue;
    auto resolved = select.is_null(3) ? std::nullopt : DateTime::parse_iso(select.text(3));
    auto severity = enum_from_key<Severity>(select.text(4));
    auto category = enum_from_key<IncidentCategory>(select.text(5));
    if (!opened || !severity || !category) continue;
    if (auto m = month_of(opened->date))
      ++f.opened_per_month_by_category[static_cast<std::size_t>(*category)][*m];
    if (opened->date >= year_ago) {
      auto place = places.find(select.integer(6));
      if (place != places.end()) {
        ++place->second.opened;
        if (!resolved) ++place->second.open;
      }
      ++f.opened_by_weekday_hour[opened->date.iso_weekday() - 1]
                                [static_cast<std::size_t>(opened->minute_of_day / 60)];
    }
    DateTime due = add_working_minutes(*opened, f.target_minutes[index_of(*severity)], calendar);
    bool breached = resolved ? *resolved > due : f.now > due;
    if (!breached) continue;
    if (auto m = month_of(due.date)) {
      ++f.breaches_per_month[index_of(*severity)][*m];
      f.breaches.push_back({select.integer(1), *m, *severity});
    }
  }
  for (auto& [id, place] : places)
    if (place.opened > 0) f.institutions.push_back(std::move(place));
  std::stable_sort(f.institutions.begin(), f.institutions.end(),
                   [](const auto& a, const auto& b) { return a.opened > b.opened; });
}

void load_restores(Database& db, IncidentFigures& f) {
  Statement select = db.prepare(
      "SELECT s.id, s.name, s.restore_test_interval_days, t.tested_on, t.result "
      "FROM information_systems s LEFT JOIN restore_tests t ON t.id = "
      "(SELECT id FROM restore_tests WHERE system_id = s.id ORDER BY tested_on DESC, id DESC "
      "LIMIT 1) ORDER BY " +
      db.collated("s.name"));
  while (select.step()) {
    IncidentFigures::RestoreStatus r;
    r.system = select.integer(0);
    r.name = select.text(1);
    if (!select.is_null(2)) r.interval_days = static_cast<int>(select.integer(2));
    r.last_test = select.date(3);
    if (!select.is_null(4)) r.result = enum_from_key<RestoreResult>(select.text(4));
    if (r.interval_days) {
      r.next_due = r.last_test ? r.last_test->plus_days(*r.interval_days) : f.today;
      r.overdue = !r.last_test || *r.next_due < f.today;
    }
    r.failed = r.result && *r.result != RestoreResult::passed;
    if (r.overdue) ++f.restores_overdue;
    if (r.failed) ++f.restores_failed;
    if (r.needs_attention()) ++f.restores_attention;
    f.restores.push_back(std::move(r));
  }
  std::stable_sort(f.restores.begin(), f.restores.end(), [](const auto& a, const auto& b) {
    return a.needs_attention() > b.needs_attention();
  });
}

}  // namespace

IncidentTargets load_incident_targets(Database& db) {
  IncidentTargets targets;
  Statement select = db.prepare("SELECT id, severity, target_hours FROM incident_targets");
  while (select.step())
    if (auto severity = enum_from_key<Severity>(select.text(1))) {
      targets.ids[index_of(*severity)] = select.integer(0);
      targets.minutes[index_of(*severity)] = static_cast<int>(select.integer(2)) * 60;
    }
  return targets;
}

IncidentFigures load_incident_figures(Database& db, DateTime now, const WorkingCalendar& calendar,
                                      bool security_only) {
  IncidentFigures f;
  f.today = now.date;
  f.now = now;
  f.security_only = security_only;
  IncidentTargets targets = load_incident_targets(db);
  f.target_minutes = targets.minutes;
  f.target_ids = targets.ids;
  Scope scope{security_only};
  load_open(db, f, calendar, scope);
  load_weeks(db, f, scope);
  load_resolution(db, f, calendar, scope);
  load_year(db, f, calendar, scope);
  load_restores(db, f);
  return f;
}

}  // namespace raekoda::db
