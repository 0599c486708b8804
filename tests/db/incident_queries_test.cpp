// The incidents view's figures against direct computation over the incidents themselves.

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "core/statistics.h"
#include "core/working_hours.h"
#include "db/dashboard_queries.h"
#include "db/database.h"
#include "db/demo_writer.h"
#include "db/incident_queries.h"
#include "db/record_query.h"
#include "support/test_database.h"

using namespace raekoda;
using db::Database;

namespace {

const DateTime now{*Date::parse_iso("2026-11-22"), 23 * 60 + 59};

struct Row {
  Id id;
  DateTime opened;
  std::optional<DateTime> resolved;
  Severity severity;
  IncidentCategory category;
  bool security;
};

struct Fixture {
  Database db = testing::open_test_database();
  WorkingCalendar calendar;
  std::vector<Row> rows;
  Fixture() {
    db::write_demo_data(db, DemoOptions{6, 2, 1, now.date});
    calendar = db::load_working_calendar(db);
    auto s = db.prepare(
        "SELECT id, opened_at, resolved_at, severity, category, is_security FROM incidents");
    while (s.step())
      rows.push_back({s.integer(0), *DateTime::parse_iso(s.text(1)),
                      s.is_null(2) ? std::nullopt : DateTime::parse_iso(s.text(2)),
                      *enum_from_key<Severity>(s.text(3)),
                      *enum_from_key<IncidentCategory>(s.text(4)), s.integer(5) == 1});
  }
  IncidentFigures figures(bool security_only = false) {
    return db::load_incident_figures(db, now, calendar, security_only);
  }
};

}  // namespace

TEST_CASE("the backlog follows opened and resolved week by week, as counted directly") {
  Fixture x;
  IncidentFigures f = x.figures();
  REQUIRE(f.weeks.size() == 26);
  for (std::size_t w = 0; w < f.weeks.size(); ++w) {
    INFO(f.weeks[w].iso());
    Date end = f.weeks[w].plus_days(7);  // the next Monday, 0:00
    DateTime week_end{end, 0};
    std::int64_t open = 0, opened = 0, resolved = 0;
    for (const Row& r : x.rows) {
      if (r.opened < week_end && (!r.resolved || *r.resolved >= week_end)) ++open;
      if (r.opened.date >= f.weeks[w] && r.opened.date < end) ++opened;
      if (r.resolved && r.resolved->date >= f.weeks[w] && r.resolved->date < end) ++resolved;
    }
    CHECK(f.backlog_at_week_end[w] == open);
    CHECK(f.opened_per_week[w] == opened);
    CHECK(f.resolved_per_week[w] == resolved);
    if (w > 0)
      CHECK(f.backlog_at_week_end[w] ==
            f.backlog_at_week_end[w - 1] + f.opened_per_week[w] - f.resolved_per_week[w]);
  }
  CHECK(f.backlog_at_week_end.back() == static_cast<std::int64_t>(f.open.size()));
}

TEST_CASE("median and 90th percentile of working hours to resolve match a direct computation") {
  Fixture x;
  IncidentFigures f = x.figures();
  DateTime year_ago{now.date.plus_months(-12).plus_days(1), 0};
  std::array<std::vector<double>, Severity_count> by_severity;
  std::array<std::vector<double>, IncidentCategory_count> by_category;
  for (const Row& r : x.rows) {
    if (!r.resolved || *r.resolved < year_ago) continue;
    double hours = working_minutes_between(r.opened, *r.resolved, x.calendar) / 60.0;
    by_severity[static_cast<std::size_t>(r.severity)].push_back(hours);
    by_category[static_cast<std::size_t>(r.category)].push_back(hours);
  }
  for (std::size_t s = 0; s < Severity_count; ++s) {
    INFO(s);
    std::vector<double> hours = by_severity[s];
    std::sort(hours.begin(), hours.end());
    REQUIRE(hours.size() >= 10);
    CHECK(f.by_severity[s].resolved == static_cast<std::int64_t>(hours.size()));
    // Nearest rank: the ceil(p·n)-th smallest.
    CHECK(*f.by_severity[s].median_hours == Approx(hours[(hours.size() + 1) / 2 - 1]));
    CHECK(*f.by_severity[s].p90_hours ==
          Approx(hours[static_cast<std::size_t>(std::ceil(0.9 * hours.size())) - 1]));
  }
  for (std::size_t c = 0; c < IncidentCategory_count; ++c)
    CHECK(f.by_category[c].median_hours == nearest_rank(by_category[c], 0.5));
}

TEST_CASE("breaches are counted by the month the target ran out, as counted directly") {
  Fixture x;
  IncidentFigures f = x.figures();
  std::map<std::pair<std::size_t, int>, std::int64_t> expected;
  std::int64_t open_breaching = 0;
  for (const Row& r : x.rows) {
    DateTime due = add_working_minutes(
        r.opened, default_incident_targets[static_cast<std::size_t>(r.severity)], x.calendar);
    bool breached = r.resolved ? *r.resolved > due : now > due;
    if (!r.resolved && breached) ++open_breaching;
    if (!breached || due.date < f.months.front() || due.date > now.date) continue;
    std::size_t month = 0;
    while (month + 1 < f.months.size() && f.months[month + 1] <= due.date) ++month;
    ++expected[{month, static_cast<int>(r.severity)}];
  }
  std::map<std::pair<std::size_t, int>, std::int64_t> counted;
  for (std::size_t s = 0; s < Severity_count; ++s)
    for (std::size_t m = 0; m < 12; ++m)
      if (f.breaches_per_month[s][m])
        counted[{m, static_cast<int>(s)}] = f.breaches_per_month[s][m];
  CHECK(counted == expected);
  CHECK_FALSE(expected.empty());
  CHECK(f.open_breaching == open_breaching);
  CHECK(static_cast<std::int64_t>(f.breaches.size()) ==
        std::accumulate(counted.begin(), counted.end(), std::int64_t{0},
                        [](std::int64_t sum, const auto& entry) { return sum + entry.second; }));
}

TEST_CASE("an incident open since before the year breaches in the month its long target ran out") {
  Fixture x;
  x.db.exec("UPDATE incident_targets SET target_hours = 1000 WHERE severity = 'low'");
  IncidentFigures before = x.figures();
  DateTime opened{*Date::parse_iso("2025-10-01"), 9 * 60};
  REQUIRE(opened.date < before.months.front());
  x.db.exec(
      "INSERT INTO incidents (title, opened_at, category, severity, institution_id) "
      "SELECT 'Printer queue stuck', '2025-10-01 09:00', 'hardware', 'low', min(id) "
      "FROM institutions");
  Id id = x.db.query_integer("SELECT max(id) FROM incidents", 0);
  IncidentFigures after = x.figures();

  DateTime due = add_working_minutes(opened, 1000 * 60, x.calendar);
  REQUIRE(due.date >= after.months.front());
  REQUIRE(due.date <= now.date);
  std::size_t month = 0;
  while (month + 1 < after.months.size() && after.months[month + 1] <= due.date) ++month;
  auto low = static_cast<std::size_t>(Severity::low);
  CHECK(after.breaches_per_month[low][month] == before.breaches_per_month[low][month] + 1);
  CHECK(std::count_if(after.breaches.begin(), after.breaches.end(),
                      [&](const auto& b) { return b.id == id; }) == 1);
  CHECK(after.open.size() == before.open.size() + 1);
}

TEST_CASE("a weekday-and-hour cell opens exactly the incidents opened then") {
  Fixture x;
  IncidentFigures f = x.figures();
  Date year_ago = now.date.plus_months(-12).plus_days(1);
  for (int weekday : {1, 3, 5}) {
    for (int hour : {9, 13}) {
      INFO(weekday << " " << hour);
      RecordQuery query{
          &incidents_spec(),
          {{"opened_at", RecordFilter::Kind::between, year_ago.iso(), now.date.iso(), ""},
           {"opened_at", RecordFilter::Kind::weekday_hours,
            std::to_string(weekday) + "," + std::to_string(hour), std::to_string(hour), ""}},
          "",
          "",
          false};
      std::int64_t cell = f.opened_by_weekday_hour[static_cast<std::size_t>(weekday - 1)]
                                                  [static_cast<std::size_t>(hour)];
      CHECK(cell > 0);
      CHECK(db::count_records(x.db, query) == cell);
      for (const Record& r : db::fetch_records(x.db, query, 0, 50)) {
        auto opened = DateTime::parse_iso(*r.value("opened_at"));
        CHECK(static_cast<int>(opened->date.iso_weekday()) == weekday);
        CHECK(opened->minute_of_day / 60 == hour);
      }
    }
  }
}

TEST_CASE("security incidents alone: every figure counts them only") {
  Fixture x;
  IncidentFigures all = x.figures();
  IncidentFigures security = x.figures(true);
  std::int64_t open_security = 0;
  for (const Row& r : x.rows)
    if (!r.resolved && r.security) ++open_security;
  CHECK(static_cast<std::int64_t>(security.open.size()) == open_security);
  CHECK(security.by_category[static_cast<std::size_t>(IncidentCategory::hardware)].resolved <
        all.by_category[static_cast<std::size_t>(IncidentCategory::hardware)].resolved);
  std::int64_t opened_all = 0, opened_security = 0;
  for (auto v : all.opened_per_week) opened_all += v;
  for (auto v : security.opened_per_week) opened_security += v;
  CHECK(opened_security > 0);
  CHECK(opened_security < opened_all);
}

TEST_CASE("a system's restore test is overdue when its last test is older than its interval") {
  Fixture x;
  IncidentFigures f = x.figures();
  std::int64_t overdue = 0;
  for (const auto& r : f.restores) {
    if (!r.interval_days) {
      CHECK_FALSE(r.overdue);
      continue;
    }
    std::int64_t days = r.last_test ? r.last_test->days_until(now.date) : 1 << 20;
    CHECK(r.overdue == (days > *r.interval_days));
    overdue += r.overdue;
  }
  CHECK(overdue == f.restores_overdue);
  CHECK(overdue > 0);  // the demo's e-mail system lapsed
  CHECK(f.restores.front().needs_attention());
}

TEST_CASE("a system whose last restore test failed needs attention, however recent the test") {
  Fixture x;
  IncidentFigures before = x.figures();
  // A system tested in time whose test yesterday failed, and an overdue one whose last test
  // failed too: the first is counted newly, the second once.
  auto in_time = std::find_if(before.restores.begin(), before.restores.end(),
                              [](const auto& r) { return r.interval_days && !r.overdue; });
  auto lapsed = std::find_if(before.restores.begin(), before.restores.end(),
                             [](const auto& r) { return r.overdue && r.last_test; });
  REQUIRE(in_time != before.restores.end());
  REQUIRE(lapsed != before.restores.end());
  x.db.exec("UPDATE restore_tests SET result = 'passed'");
  x.db.exec("INSERT INTO restore_tests (system_id, tested_on, result) VALUES (" +
            std::to_string(in_time->system) + ", '2026-11-21', 'failed')");
  x.db.exec("UPDATE restore_tests SET result = 'partial' WHERE system_id = " +
            std::to_string(lapsed->system) + " AND tested_on = '" + lapsed->last_test->iso() + "'");
  IncidentFigures f = x.figures();
  CHECK(f.restores_failed == 2);
  CHECK(f.restores_overdue == before.restores_overdue);
  CHECK(f.restores_attention == f.restores_overdue + 1);
  std::int64_t attention = 0;
  for (const auto& r : f.restores) attention += r.needs_attention();
  CHECK(attention == f.restores_attention);
  // Those needing attention stand first: the tile's drill-down shows both kinds together.
  for (std::size_t i = 0; i < f.restores.size(); ++i)
    CHECK(f.restores[i].needs_attention() == (static_cast<std::int64_t>(i) < attention));
  auto failed = std::find_if(f.restores.begin(), f.restores.end(),
                             [&](const auto& r) { return r.system == in_time->system; });
  REQUIRE(failed != f.restores.end());
  CHECK(failed->failed);
  CHECK_FALSE(failed->overdue);
}
