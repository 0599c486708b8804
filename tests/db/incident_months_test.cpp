// The incidents' months' counts of changes, and the incidents view that keeps its year month by
// month between reads: after each kind of change it shows what a read from nothing shows.

#include <catch2/catch.hpp>

#include <string>

#include "core/working_hours.h"
#include "db/dashboard_queries.h"
#include "db/database.h"
#include "db/demo_writer.h"
#include "db/incident_months.h"
#include "db/incident_queries.h"
#include "db/summary_sql.h"
#include "support/test_database.h"

using namespace raekoda;
using db::Database;
using db::Statement;

namespace {

const DateTime now{*Date::parse_iso("2026-11-22"), 15 * 60};

std::map<std::string, std::int64_t> versions(Database& db) {
  return db::month_versions(db, db::incident_months_table, *Date::parse_iso("2000-01-01"),
                            *Date::parse_iso("2099-12-01"));
}

std::int64_t version_of(Database& db, const std::string& month) {
  auto all = versions(db);
  auto found = all.find(month);
  return found == all.end() ? 0 : found->second;
}

// The first incident (by id) opened in `month` ('YYYY-MM') and resolved or not.
Id incident_in(Database& db, const std::string& month, bool resolved) {
  Statement select = db.prepare(
      "SELECT min(id) FROM incidents WHERE opened_at >= ? AND opened_at < ? AND resolved_at IS " +
      std::string(resolved ? "NOT NULL" : "NULL"));
  Date first = *Date::parse_iso(month + "-01");
  select.bind_all(first, first.plus_months(1));
  REQUIRE(select.step());
  REQUIRE_FALSE(select.is_null(0));
  return select.integer(0);
}

struct Fixture {
  Database db = testing::open_test_database();
  db::KeptIncidents kept;
  Fixture() { db::write_demo_data(db, DemoOptions{6, 2, 1, now.date}); }
  // The kept read, for all incidents and the security ones, against reads from nothing.
  void check_kept_is_fresh(DateTime at = now) {
    WorkingCalendar calendar = db::load_working_calendar(db);
    for (bool security_only : {false, true}) {
      INFO("security only: " << security_only);
      IncidentFigures kept_read = db::load_incident_figures(db, at, calendar, security_only, kept);
      CHECK(kept_read == db::load_incident_figures(db, at, calendar, security_only));
    }
  }
};

}  // namespace

TEST_CASE("a change to an incident counts in the months it opened and was resolved in") {
  Database db = testing::open_test_database();
  db::write_demo_data(db, DemoOptions{6, 2, 1, now.date});
  Id open = incident_in(db, "2026-11", false);
  std::int64_t november = version_of(db, "2026-11");
  std::int64_t august = version_of(db, "2026-08");
  CHECK(november > 0);  // the demo data's incidents were counted as they were written

  // Opened in August and resolved now: a change to both months, and to no other.
  Id resolved = incident_in(db, "2026-08", true);
  auto before = versions(db);
  db.prepare("UPDATE incidents SET opened_at = ?, resolved_at = ? WHERE id = ?")
      .bind_all("2026-08-03 09:00", "2026-11-20 10:00", resolved)
      .run();
  auto after = versions(db);
  CHECK(after["2026-08"] == august + 1);
  CHECK(after["2026-11"] == november + 1);
  for (const auto& [month, version] : before)
    if (month != "2026-08" && month != "2026-11") CHECK(after[month] == version);

  // A title alone counts too: the months are read again, never a stale figure shown.
  db.prepare("UPDATE incidents SET title = 'Printer jams again' WHERE id = ?").bind(1, open).run();
  CHECK(version_of(db, "2026-11") == november + 2);
  db.prepare("DELETE FROM incidents WHERE id = ?").bind(1, resolved).run();
  CHECK(version_of(db, "2026-08") == august + 2);
  CHECK(version_of(db, "2026-11") == november + 3);
}

TEST_CASE("the incidents kept month by month read as a read from nothing after each change") {
  Fixture x;
  x.check_kept_is_fresh();
  REQUIRE(x.kept.months.size() >= 13);

  SECTION("an incident of months ago resolved today, and one of last year moved") {
    Id id = incident_in(x.db, "2026-06", true);
    x.db.prepare(
            "UPDATE incidents SET severity = 'critical', opened_at = ?, resolved_at = ? "
            "WHERE id = ?")
        .bind_all("2025-10-01 16:30", "2026-11-22 09:15", id)
        .run();
    x.check_kept_is_fresh();
    Id open = incident_in(x.db, "2026-11", false);
    x.db.prepare("UPDATE incidents SET opened_at = ? WHERE id = ?")
        .bind_all("2026-02-10 08:05", open)
        .run();
    x.check_kept_is_fresh();
  }
  SECTION("an incident deleted, and one added that is dated after today") {
    x.db.prepare("DELETE FROM incidents WHERE id = ?")
        .bind(1, incident_in(x.db, "2026-03", true))
        .run();
    x.check_kept_is_fresh();
    x.db.exec(
        "INSERT INTO incidents (title, opened_at, category, severity, institution_id) "
        "SELECT 'Router down', '2027-01-04 10:00', 'network', 'high', min(id) FROM institutions");
    x.check_kept_is_fresh();
  }
  SECTION("a target changed, and a day off added: every time is worked out again") {
    x.db.exec("UPDATE incident_targets SET target_hours = 2 WHERE severity = 'high'");
    x.check_kept_is_fresh();
    x.db.exec("INSERT INTO extra_days_off (day, reason) VALUES ('2026-07-03', 'Summer')");
    x.check_kept_is_fresh();
  }
  SECTION("the days go on into the next month") {
    x.check_kept_is_fresh({*Date::parse_iso("2026-12-02"), 10 * 60});
    x.check_kept_is_fresh({*Date::parse_iso("2027-01-15"), 10 * 60});
  }
}

TEST_CASE("a month whose count has not moved is not read again", "[sqlite]") {
  Fixture x;
  WorkingCalendar calendar = db::load_working_calendar(x.db);
  IncidentFigures first = db::load_incident_figures(x.db, now, calendar, false, x.kept);
  // Changed behind the count's back (its trigger gone), June's incidents are not read again;
  // read from nothing, the change shows.
  x.db.exec("DROP TRIGGER incident_month_changed");
  x.db.prepare("UPDATE incidents SET category = 'security', is_security = 1 WHERE id = ?")
      .bind(1, incident_in(x.db, "2026-06", true))
      .run();
  CHECK(db::load_incident_figures(x.db, now, calendar, false, x.kept) == first);
  CHECK_FALSE(db::load_incident_figures(x.db, now, calendar, false) == first);
}
