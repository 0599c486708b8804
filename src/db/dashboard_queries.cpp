#include "db/dashboard_queries.h"

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <string>

#include "core/collation.h"
#include "core/enums.h"
#include "db/access_queries.h"
#include "db/database.h"
#include "db/deadline_queries.h"
#include "db/incident_queries.h"
#include "db/media_queries.h"
#include "db/period_queries.h"
#include "db/plan_queries.h"

namespace raekoda::db {
namespace {

// Each week's figure of the trends under the overview's tiles.
void load_trends(Database& db, Date today, OverviewFigures& f, KeptStates& kept) {
  f.trend_weeks.clear();
  f.media_items_per_week.clear();
  Date first_week = today.week_start().plus_days(-7 * (overview_trend_weeks - 1));
  for (int w = 0; w < overview_trend_weeks; ++w)
    f.trend_weeks.push_back(first_week.plus_days(7 * w));

  // Media: the coverage chart's weeks, read with the tiles, already count them.
  for (Date week : f.trend_weeks) {
    auto found = std::find(f.coverage_weeks.begin(), f.coverage_weeks.end(), week);
    auto index = static_cast<std::size_t>(found - f.coverage_weeks.begin());
    std::int64_t items = 0;
    if (found != f.coverage_weeks.end())
      for (const auto& counts : f.coverage_by_tone) items += counts[index];
    f.media_items_per_week.push_back(items);
  }

  StatesOn states = count_states_on(db, week_end_days(f.trend_weeks, today), kept);
  f.overdue_at_week_end = std::move(states.overdue_documents);
  f.late_at_week_end = std::move(states.late_activities);
  f.open_incidents_at_week_end = std::move(states.open_incidents);
  f.leaver_accounts_at_week_end = std::move(states.leaver_accounts);
}

// The tables each TileGroup counts from. The working days decide "due soon".
std::span<const std::string_view> tables_of(TileGroup group) {
  static constexpr std::string_view media[] = {"media_items", "media_by_day"};
  static constexpr std::string_view documents[] = {"documents", "extra_days_off"};
  static constexpr std::string_view activities[] = {"comm_activities"};
  static constexpr std::string_view incidents[] = {"incidents"};
  static constexpr std::string_view accounts[] = {"accounts", "people"};
  static constexpr std::array<std::span<const std::string_view>,
                              static_cast<std::size_t>(TileGroup::count)>
      tables = {media, documents, activities, incidents, accounts};
  return tables[static_cast<std::size_t>(group)];
}

OverviewFigures load_overview(Database& db, Date today, const WorkingCalendar& calendar,
                              KeptOverview& kept) {
  OverviewFigures f;
  f.today = today;
  TableVersions versions = db.table_versions();
  // The group's counts as kept, or else as `count` makes them, into the tiles `into` names in
  // their order. The versions are read before the counts: a commit between is counted now and
  // seen as a change next time.
  auto counts = [&](TileGroup group, std::initializer_list<std::int64_t OverviewFigures::*> into,
                    auto count) {
    KeptTiles& tiles = kept[group];
    std::vector<std::int64_t> now = change_counts(versions, tables_of(group));
    if (tiles.today != today || tiles.versions != now) {
      tiles.versions.clear();  // a count that fails keeps nothing
      tiles.counts = count();
      tiles.today = today;
      tiles.versions = std::move(now);
    }
    auto value = tiles.counts.begin();
    for (std::int64_t OverviewFigures::*tile : into) f.*tile = *value++;
  };

  // From the summary of items by day and tone: 90 rows a month, however many items.
  counts(
      TileGroup::media,
      {&OverviewFigures::media_items_30d, &OverviewFigures::media_items_prev_30d,
       &OverviewFigures::media_negative_30d, &OverviewFigures::open_rebuttals},
      [&] {
        Date window_start = today.plus_days(-29);
        constexpr const char* items_between =
            "SELECT coalesce(sum(items), 0) FROM media_by_day WHERE published_on BETWEEN ? AND ?";
        return std::vector<std::int64_t>{
            db.query_integer(items_between, 0, window_start, today),
            db.query_integer(items_between, 0, window_start.plus_days(-30),
                             window_start.plus_days(-1)),
            db.query_integer("SELECT coalesce(sum(items), 0) FROM media_by_day WHERE published_on "
                             "BETWEEN ? AND ? AND tone = 'negative'",
                             0, window_start, today),
            db.query_integer("SELECT count(*) FROM media_items WHERE misleading = 1 "
                             "AND rebuttal_status IN ('needed', 'drafted', 'approved')",
                             0)};
      });

  counts(
      TileGroup::documents,
      {&OverviewFigures::documents_overdue, &OverviewFigures::documents_due_soon}, [&] {
        return std::vector<std::int64_t>{
            db.query_integer(
                "SELECT count(*) FROM documents WHERE answered_on IS NULL AND effective_due_on < ?",
                0, today),
            db.query_integer("SELECT count(*) FROM documents WHERE answered_on IS NULL AND "
                             "effective_due_on BETWEEN ? AND ?",
                             0, today, calendar.add_working_days(today, 2))};
      });

  counts(TileGroup::activities,
         {&OverviewFigures::activities_late, &OverviewFigures::activities_next_14d}, [&] {
           return std::vector<std::int64_t>{
               db.query_integer("SELECT count(*) FROM comm_activities WHERE status IN ('planned', "
                                "'in_progress') AND ends_on < ?",
                                0, today),
               db.query_integer("SELECT count(*) FROM comm_activities WHERE status IN ('planned', "
                                "'in_progress') AND planned_on BETWEEN ? AND ?",
                                0, today, today.plus_days(13))};
         });

  counts(TileGroup::incidents,
         {&OverviewFigures::incidents_open, &OverviewFigures::security_incidents_quarter}, [&] {
           // The severity named, always true, so that SQLite counts the small partial index of open
           // incidents rather than scanning the index of all of them.
           return std::vector<std::int64_t>{
               db.query_integer(
                   "SELECT count(*) FROM incidents WHERE resolved_at IS NULL AND severity > ''", 0),
               db.query_integer(
                   "SELECT count(*) FROM incidents WHERE is_security = 1 AND opened_at >= ? "
                   "AND opened_at < ?",
                   0, today.quarter_start(), today.plus_days(1))};
         });

  // Grows with the history of leavers, each probed for active accounts.
  counts(TileGroup::accounts,
         {&OverviewFigures::leaver_accounts_active, &OverviewFigures::accounts_active}, [&] {
           return std::vector<std::int64_t>{
               db.query_integer(
                   "SELECT count(*) FROM accounts a JOIN people p ON p.id = a.person_id "
                   "WHERE a.revoked_on IS NULL AND p.left_on IS NOT NULL AND p.left_on <= ?",
                   0, today),
               db.query_integer("SELECT count(*) FROM accounts WHERE revoked_on IS NULL", 0)};
         });

  // Weeks without coverage are zeros, not gaps: every week of the window has a bucket.
  Date first_week = today.week_start().plus_days(-7 * 25);
  for (int w = 0; w < 26; ++w) f.coverage_weeks.push_back(first_week.plus_days(7 * w));
  f.coverage_by_tone = items_by_tone(db, f.coverage_weeks, today);
  return f;
}

}  // namespace

WorkingCalendar load_working_calendar(Database& db) {
  std::vector<Date> days;
  Statement statement = db.prepare("SELECT day FROM extra_days_off");
  while (statement.step())
    if (auto day = statement.date(0)) days.push_back(*day);
  return WorkingCalendar(std::move(days));
}

ReferenceNames load_reference_labels(Database& db) {
  ReferenceNames names;
  const std::pair<const char*, const char*> named[] = {
      {"people", "full_name"},         {"units", "name"},
      {"media_outlets", "name"},       {"institutions", "name"},
      {"information_systems", "name"}, {"comm_plans", "name"},
      {"review_campaigns", "name"},
  };
  for (const auto& [table, column] : named) {
    Statement select =
        db.prepare("SELECT id, " + std::string(column) + " FROM " + table + " ORDER BY id");
    auto& by_id = names.by_table[table];
    std::vector<Id> ids;
    std::vector<std::string_view> texts;
    while (select.step()) {
      auto added = by_id.emplace_hint(by_id.end(), select.integer(0), select.text(1));
      ids.push_back(added->first);
      texts.push_back(added->second);
    }
    // Sorted here by sort keys made once a name, not in SQL a comparison at a time: 15,000
    // people take a few milliseconds.
    auto& order = names.in_order[table];
    for (std::size_t position : collation_order(texts)) order.push_back(ids[position]);
  }
  return names;
}

void add_account_labels(Database& db, const TableSpec& spec, const std::vector<Record>& records,
                        std::map<std::string, std::map<Id, std::string>, std::less<>>& labels) {
  auto& names = labels["accounts"];
  Statement select = db.prepare(
      "SELECT a.username || ' · ' || s.name FROM accounts a "
      "JOIN information_systems s ON s.id = a.system_id WHERE a.id = ?");
  for (const FieldSpec& field : spec.fields) {
    if (field.reference_table != "accounts") continue;
    for (const Record& record : records) {
      const auto& value = record.value(field.column);
      if (!value) continue;
      Id id = 0;
      if (std::from_chars(value->data(), value->data() + value->size(), id).ec != std::errc{} ||
          names.contains(id))
        continue;
      select.bind(1, id);
      if (select.step()) names.emplace(id, select.text(0));
      select.reset();
    }
  }
}

std::unordered_map<Id, Date> load_departures(Database& db) {
  std::unordered_map<Id, Date> left;
  Statement select = db.prepare("SELECT id, left_on FROM people WHERE left_on IS NOT NULL");
  while (select.step())
    if (auto day = select.date(1)) left.emplace(select.integer(0), *day);
  return left;
}

ValidationContext load_validation_context(Database& db, DateTime now) {
  ValidationContext context;
  context.today = now.date;
  context.now = now;
  context.deadline_rules = load_deadline_rules(db);
  context.calendar = load_working_calendar(db);
  context.incident_target_minutes = load_incident_targets(db).minutes;
  context.left_on = load_departures(db);
  return context;
}

std::vector<std::string> load_document_types(Database& db) {
  std::vector<std::string> keys;
  Statement select = db.prepare("SELECT key FROM deadline_rules ORDER BY key");
  while (select.step()) keys.push_back(select.text(0));
  return keys;
}

void load_area_figures(Database& db, View view, DateTime now, const AreaOptions& options,
                       DashboardFigures& figures) {
  Date today = now.date;
  switch (view) {
    case View::overview: {
      KeptStates none;
      load_trends(db, today, figures.overview, none);
      break;
    }
    case View::media:
      figures.media = load_media_figures(db, today, options.media_period);
      break;
    case View::deadlines:
      figures.deadlines = load_deadline_figures(db, today, load_working_calendar(db));
      break;
    case View::plan:
      figures.plan = load_plan_figures(db, today, options.plan);
      break;
    case View::incidents:
      figures.incidents = load_incident_figures(db, now, load_working_calendar(db),
                                                options.incidents_security_only);
      break;
    case View::access:
      figures.access = load_access_figures(db, today, options.access_unit);
      break;
    default:
      break;
  }
}

void KeptOverview::forget(std::span<const std::string> changed) {
  states.forget(changed);
  for (std::size_t group = 0; group < tiles.size(); ++group)
    if (names_any(changed, tables_of(static_cast<TileGroup>(group)))) tiles[group].versions.clear();
}

OverviewFigures load_overview_figures(Database& db, Date today, KeptOverview& kept) {
  OverviewFigures f = load_overview(db, today, load_working_calendar(db), kept);
  load_trends(db, today, f, kept.states);
  return f;
}

DashboardFigures load_dashboard_figures(Database& db, DateTime now, std::span<const View> areas,
                                        const AreaOptions& options) {
  Date today = now.date;
  DashboardFigures figures;
  figures.database_empty = db.is_empty();
  WorkingCalendar calendar = load_working_calendar(db);
  KeptOverview none;
  figures.overview = load_overview(db, today, calendar, none);
  for (View view : areas) load_area_figures(db, view, now, options, figures);
  return figures;
}

}  // namespace raekoda::db
