#include "db/incident_queries.h"

#include <algorithm>
#include <map>

#include "core/statistics.h"
#include "core/working_hours.h"
#include "db/database.h"
#include "db/incident_months.h"
#include "db/summary_sql.h"

namespace raekoda::db {
namespace {

// One scope for every query: all incidents, or the security ones only.
struct Scope {
  bool security_only = false;
  std::string sql(std::string_view where) const {
    return std::string(where) + (security_only ? " AND is_security = 1" : "");
  }
  bool counts(bool security) const { return security || !security_only; }
};

std::size_t index_of(Severity s) {
  return static_cast<std::size_t>(s);
}

// Every incident still open, and those of them opened before `since` as the year's counts take
// them: the months `kept` holds begin at `since`, and an incident open for longer still breaches
// in the month its target runs out.
std::vector<CountedIncident> load_open(Database& db, IncidentFigures& f,
                                       const WorkingCalendar& calendar, Date since,
                                       const Scope& scope) {
  std::vector<CountedIncident> older;
  Statement select = db.prepare(
      "SELECT id, title, severity, is_security, opened_at, category, institution_id "
      "FROM incidents " +
      scope.sql("WHERE resolved_at IS NULL"));
  while (select.step()) {
    auto severity = enum_from_key<Severity>(select.text(2)).value_or(Severity::normal);
    auto opened = DateTime::parse_iso(select.text(4));
    if (!opened) continue;
    DateTime due = add_working_minutes(*opened, f.target_minutes[index_of(severity)], calendar);
    bool breaching = f.now > due;
    bool security = select.integer(3) == 1;
    f.open.push_back(
        {select.integer(0), select.text(1), severity, security, *opened, due, breaching});
    if (breaching) ++f.open_breaching;
    auto category = enum_from_key<IncidentCategory>(select.text(5));
    if (opened->date < since && category)
      older.push_back({select.integer(0), select.integer(6), *opened, std::nullopt, due, severity,
                       *category, security});
  }
  std::sort(f.open.begin(), f.open.end(), [](const auto& a, const auto& b) {
    if (a.breaching != b.breaching) return a.breaching;
    return a.due < b.due;
  });
  return older;
}

// Week by week from the incidents `kept` holds: its months begin over a year back, before the
// 26 weeks and this quarter.
void load_weeks(IncidentFigures& f, const KeptIncidents& kept, const Scope& scope) {
  Date this_week = f.today.week_start();
  Date first = this_week.plus_days(-7 * 25);
  for (int w = 0; w < 26; ++w) f.weeks.push_back(first.plus_days(7 * w));
  f.opened_per_week.assign(26, 0);
  f.resolved_per_week.assign(26, 0);
  auto week_of = [&](Date day) -> std::optional<std::size_t> {
    if (day < first) return std::nullopt;
    auto index = static_cast<std::size_t>(first.days_until(day.week_start()) / 7);
    return index < 26 ? std::optional(index) : std::nullopt;
  };
  // Open when the window began, then week by week: backlog = before + opened - resolved. What
  // was open before is what is open now (read by load_open, in the same scope), less what
  // opened since, plus what was resolved since.
  auto backlog = static_cast<std::int64_t>(f.open.size());
  Date last_week = this_week.plus_days(-7);
  Date quarter = f.today.quarter_start();
  for (const auto& [month, held] : kept.months) {
    for (const CountedIncident& incident : held.opened) {
      Date day = incident.opened.date;
      if (incident.security && day >= quarter && day <= f.today) ++f.security_this_quarter;
      if (!scope.counts(incident.security)) continue;
      if (day >= first) --backlog;
      if (auto week = week_of(day)) ++f.opened_per_week[*week];
      // This week so far against the same days of last week.
      if (day.week_start() == this_week && day <= f.today) ++f.opened_this_week;
      if (day.week_start() == last_week && day <= f.today.plus_days(-7)) ++f.opened_last_week;
    }
    for (const ResolvedIncident& incident : held.resolved) {
      Date day = incident.resolved.date;
      if (!scope.counts(incident.security)) continue;
      if (day >= first) ++backlog;
      if (auto week = week_of(day)) ++f.resolved_per_week[*week];
      if (day.week_start() == this_week && day <= f.today) ++f.resolved_this_week;
      if (day.week_start() == last_week && day <= f.today.plus_days(-7)) ++f.resolved_last_week;
    }
  }
  for (std::size_t w = 0; w < f.weeks.size(); ++w) {
    backlog += f.opened_per_week[w] - f.resolved_per_week[w];
    f.backlog_at_week_end.push_back(backlog);
  }
}

// The first Monday the year's figures read from: a month before the year, for targets running
// into it, and from a Monday, as the weekly figures count.
Date first_day_read(Date today) {
  Date first = last_months(today, 12).front();
  Date year_ago = today.plus_months(-12).plus_days(1);
  return std::min(first, year_ago).plus_days(-31).week_start();
}

// The incidents opened in [month, next) and resolved in it, all of them (security ones or not),
// their times worked out; with no `next`, everything from `month` on.
KeptIncidents::Month read_month(Database& db, Date month, std::optional<Date> next,
                                const KeptIncidents& kept) {
  KeptIncidents::Month read;
  read.to_the_end = !next;
  auto bind_range = [&](Statement& select) {
    select.bind(1, month);
    if (next) select.bind(2, *next);
  };
  Statement opened = db.prepare(
      "SELECT id, opened_at, resolved_at, severity, category, institution_id, is_security "
      "FROM incidents WHERE opened_at >= ?" +
      std::string(next ? " AND opened_at < ?" : ""));
  bind_range(opened);
  while (opened.step()) {
    auto at = DateTime::parse_iso(opened.text(1));
    auto severity = enum_from_key<Severity>(opened.text(3));
    auto category = enum_from_key<IncidentCategory>(opened.text(4));
    if (!at || !severity || !category) continue;
    read.opened.push_back(
        {opened.integer(0), opened.integer(5), *at,
         opened.is_null(2) ? std::nullopt : DateTime::parse_iso(opened.text(2)),
         add_working_minutes(*at, kept.target_minutes[index_of(*severity)], kept.calendar),
         *severity, *category, opened.integer(6) == 1});
  }
  Statement resolved = db.prepare(
      "SELECT opened_at, resolved_at, severity, category, is_security FROM incidents "
      "WHERE resolved_at IS NOT NULL AND resolved_at >= ?" +
      std::string(next ? " AND resolved_at < ?" : ""));
  bind_range(resolved);
  while (resolved.step()) {
    auto from = DateTime::parse_iso(resolved.text(0));
    auto to = DateTime::parse_iso(resolved.text(1));
    auto severity = enum_from_key<Severity>(resolved.text(2));
    auto category = enum_from_key<IncidentCategory>(resolved.text(3));
    if (!from || !to || !severity || !category) continue;
    read.resolved.push_back({*to, working_minutes_between(*from, *to, kept.calendar) / 60.0,
                             *severity, *category, resolved.integer(4) == 1});
  }
  return read;
}

// Brings `kept` to the months from `first`'s to `today`'s, reading again each month whose change
// count has moved (and every month when the targets or the calendar changed). A read that fails
// leaves `kept` as it was.
void refresh_kept(Database& db, KeptIncidents& kept, Date first, Date today,
                  const std::array<int, Severity_count>& targets, const WorkingCalendar& calendar) {
  if (kept.target_minutes != targets || kept.calendar != calendar) kept = {targets, calendar, {}};
  Date first_month = first.month_start();
  Date last_month = today.month_start();
  // Read before the rows: a commit between the two is read now and seen as a change next time,
  // never the other way round.
  std::map<std::string, std::int64_t> versions =
      month_versions(db, incident_months_table, first_month, *Date::from_ymd(9999, 12, 1));
  std::map<Date, KeptIncidents::Month> read;
  for (Date month = first_month; month <= last_month; month = month.plus_months(1)) {
    bool to_the_end = month == last_month;
    std::string key = month_key(month);
    std::vector<std::pair<std::string, std::int64_t>> counted;
    for (auto at = versions.lower_bound(key);
         at != versions.end() && (to_the_end || at->first == key); ++at)
      counted.emplace_back(*at);
    auto held = kept.months.find(month);
    if (held != kept.months.end() && held->second.to_the_end == to_the_end &&
        held->second.versions == counted)
      continue;
    KeptIncidents::Month fresh = read_month(
        db, month, to_the_end ? std::nullopt : std::optional(month.plus_months(1)), kept);
    fresh.versions = std::move(counted);
    read.insert_or_assign(month, std::move(fresh));
  }
  std::erase_if(kept.months, [&](const auto& held) {
    return held.first < first_month || held.first > last_month;
  });
  for (auto& [month, fresh] : read) kept.months.insert_or_assign(month, std::move(fresh));
}

void load_resolution(IncidentFigures& f, const KeptIncidents& kept, const Scope& scope) {
  Date year_ago = f.today.plus_months(-12).plus_days(1);
  Date month_ago = f.today.plus_days(-29);
  std::array<std::vector<double>, Severity_count> severity_hours;
  std::array<std::vector<double>, IncidentCategory_count> category_hours;
  std::vector<double> recent;
  for (const auto& [month, held] : kept.months)
    for (const ResolvedIncident& incident : held.resolved) {
      if (incident.resolved.date < year_ago || !scope.counts(incident.security)) continue;
      severity_hours[index_of(incident.severity)].push_back(incident.working_hours);
      category_hours[static_cast<std::size_t>(incident.category)].push_back(incident.working_hours);
      if (incident.resolved.date >= month_ago) recent.push_back(incident.working_hours);
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

// The incidents of the last year (and a month before, for targets running into it) as `kept`
// holds them, and every one still open: breaches by the month their target ran out, categories
// per month, institutions, weekdays and hours.
void load_year(Database& db, IncidentFigures& f, const KeptIncidents& kept, Date since,
               const std::vector<CountedIncident>& open_before, const Scope& scope) {
  f.months = last_months(f.today, 12);
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

  auto count = [&](const CountedIncident& incident) {
    if (auto m = month_of(incident.opened.date))
      ++f.opened_per_month_by_category[static_cast<std::size_t>(incident.category)][*m];
    if (incident.opened.date >= year_ago) {
      auto place = places.find(incident.institution);
      if (place != places.end()) {
        ++place->second.opened;
        if (!incident.resolved) ++place->second.open;
      }
      ++f.opened_by_weekday_hour[incident.opened.date.iso_weekday() - 1]
                                [static_cast<std::size_t>(incident.opened.minute_of_day / 60)];
    }
    bool breached = incident.resolved ? *incident.resolved > incident.due : f.now > incident.due;
    if (!breached) return;
    if (auto m = month_of(incident.due.date)) {
      ++f.breaches_per_month[index_of(incident.severity)][*m];
      f.breaches.push_back({incident.id, *m, incident.severity});
    }
  };
  for (const auto& [month, held] : kept.months)
    for (const CountedIncident& incident : held.opened)
      if (incident.opened.date >= since && scope.counts(incident.security)) count(incident);
  for (const CountedIncident& incident : open_before) count(incident);
  std::sort(f.breaches.begin(), f.breaches.end(), [](const auto& a, const auto& b) {
    return std::pair(a.month, a.id) < std::pair(b.month, b.id);
  });
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
  KeptIncidents none;
  return load_incident_figures(db, now, calendar, security_only, none);
}

IncidentFigures load_incident_figures(Database& db, DateTime now, const WorkingCalendar& calendar,
                                      bool security_only, KeptIncidents& kept) {
  IncidentFigures f;
  f.today = now.date;
  f.now = now;
  f.security_only = security_only;
  IncidentTargets targets = load_incident_targets(db);
  f.target_minutes = targets.minutes;
  f.target_ids = targets.ids;
  Scope scope{security_only};
  Date since = first_day_read(f.today);
  std::vector<CountedIncident> open_before = load_open(db, f, calendar, since, scope);
  refresh_kept(db, kept, since, f.today, f.target_minutes, calendar);
  load_weeks(f, kept, scope);
  load_resolution(f, kept, scope);
  load_year(db, f, kept, since, open_before, scope);
  load_restores(db, f);
  return f;
}

}  // namespace raekoda::db
