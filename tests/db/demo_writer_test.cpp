#include <catch2/catch.hpp>

#include "core/working_calendar.h"
#include "db/database.h"
#include "db/demo_writer.h"
#include "support/test_database.h"

using namespace raekoda;
using db::Database;

namespace {

const Date until = *Date::parse_iso("2026-11-22");

Database demo_database() {
  Database db = testing::open_test_database();
  db::write_demo_data(db, DemoOptions{1, 3, 1, until});
  return db;
}

// A count whose query names the last day of data as ?1.
std::int64_t count_until(Database& db, const std::string& sql) {
  return db.query_integer(sql, -1, until);
}

std::int64_t count(Database& db, const std::string& sql) {
  return db.query_integer(sql, -1);
}

// Rows whose foreign key names no row. PostgreSQL checks every foreign key on each write, so
// there a row can break one only through a constraint that was never validated.
std::int64_t foreign_key_violations(Database& db) {
  if (db.backend() == db::Backend::sqlite)
    return db.query_integer("SELECT count(*) FROM pragma_foreign_key_check", 0);
  REQUIRE(db.query_integer("SELECT count(*) FROM pg_constraint WHERE contype = 'f'", 0) > 0);
  return db.query_integer(
      "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND NOT convalidated", 0);
}

}  // namespace

TEST_CASE("demo data holds no impossible rows") {
  Database db = demo_database();
  CHECK(foreign_key_violations(db) == 0);
  // Nothing happened after the last day of data.
  CHECK(count_until(
            db, "SELECT count(*) FROM documents WHERE registered_on > ?1 OR answered_on > ?1") ==
        0);
  CHECK(count_until(db, "SELECT count(*) FROM accounts WHERE granted_on > ?1 OR revoked_on > ?1") ==
        0);
  CHECK(count_until(db, "SELECT count(*) FROM people WHERE joined_on > ?1 OR left_on > ?1") == 0);
  CHECK(count_until(db,
                    "SELECT count(*) FROM incidents WHERE day_of(opened_at) > ?1 OR "
                    "day_of(resolved_at) > ?1") == 0);
  CHECK(count_until(db, "SELECT count(*) FROM media_items WHERE published_on > ?1") == 0);
  CHECK(count_until(db, "SELECT count(*) FROM comm_activities WHERE done_on > ?1") == 0);
  CHECK(count_until(db, "SELECT count(*) FROM review_decisions WHERE decided_on > ?1") == 0);
  CHECK(
      count_until(
          db, "SELECT count(*) FROM press_releases WHERE published_on > ?1 OR approved_on > ?1") ==
      0);
  // Accounts exist only while their holder works here.
  CHECK(count(db,
              "SELECT count(*) FROM accounts a JOIN people p ON p.id = a.person_id WHERE "
              "a.granted_on < p.joined_on") == 0);
  CHECK(count(db,
              "SELECT count(*) FROM accounts a JOIN people p ON p.id = a.person_id WHERE p.left_on "
              "IS NOT NULL AND a.granted_on > p.left_on") == 0);
  // A review decides on accounts that were active when the review started; one revoked on the
  // first day, by the review's own decision, was.
  CHECK(count(db,
              "SELECT count(*) FROM review_decisions d JOIN accounts a ON a.id = d.account_id "
              "JOIN review_campaigns c ON c.id = d.campaign_id "
              "WHERE a.granted_on > c.starts_on OR a.revoked_on < c.starts_on") == 0);
  CHECK(
      count(
          db,
          "SELECT count(*) FROM review_decisions d JOIN review_campaigns c ON c.id = d.campaign_id "
          "WHERE d.decided_on < c.starts_on") == 0);
  // Due dates follow the rules of the documents' types.
  CHECK(
      count(db, "SELECT count(*) FROM documents WHERE direction = 'incoming' AND due_on IS NULL") ==
      0);
  CHECK(
      count(db, "SELECT count(*) FROM newspaper_issues WHERE copy_deadline_on >= publication_on") ==
      0);
}

TEST_CASE("demo data respects weekdays and holidays") {
  Database db = demo_database();
  WorkingCalendar calendar;
  auto check_working_days = [&](const char* sql) {
    auto statement = db.prepare(sql);
    int rows = 0;
    while (statement.step()) {
      Date day = *Date::parse_iso(statement.text(0));
      INFO(sql << ": " << day.iso());
      REQUIRE(calendar.is_working_day(day));
      ++rows;
    }
    CHECK(rows > 0);
  };
  check_working_days("SELECT DISTINCT registered_on FROM documents");
  check_working_days("SELECT DISTINCT drafted_on FROM press_releases");
  check_working_days("SELECT DISTINCT due_on FROM documents WHERE due_on IS NOT NULL");
  check_working_days("SELECT DISTINCT publication_on FROM newspaper_issues");
  // Most incidents are reported on working days.
  auto statement = db.prepare("SELECT day_of(opened_at) FROM incidents");
  int off = 0, total = 0;
  while (statement.step()) {
    ++total;
    if (calendar.is_day_off(*Date::parse_iso(statement.text(0)))) ++off;
  }
  CHECK(off < total / 10);
}

TEST_CASE("demo data has the cases the users are looking for") {
  Database db = demo_database();
  // Overdue documents and late answers.
  CHECK(count_until(
            db,
            "SELECT count(*) FROM documents WHERE answered_on IS NULL AND effective_due_on < ?1") >
        0);
  CHECK(count(db, "SELECT count(*) FROM documents WHERE answered_on > effective_due_on") > 0);
  CHECK(count(db, "SELECT count(*) FROM documents WHERE extended_due_on IS NOT NULL") > 0);
  // Leavers whose accounts are still active.
  CHECK(count_until(db,
                    "SELECT count(*) FROM accounts a JOIN people p ON p.id = a.person_id "
                    "WHERE a.revoked_on IS NULL AND p.left_on <= ?1") > 0);
  // A few security incidents, not many.
  auto security = count(db, "SELECT count(*) FROM incidents WHERE is_security = 1");
  CHECK(security > 0);
  CHECK(security < count(db, "SELECT count(*) FROM incidents") / 10);
  // Misleading coverage with rebuttals, some still open.
  CHECK(count(db,
              "SELECT count(*) FROM media_items WHERE misleading = 1 AND rebuttal_status = "
              "'published'") > 0);
  // Russian-language outlets and coverage.
  CHECK(count(db, "SELECT count(*) FROM media_outlets WHERE language = 'ru'") >= 4);
  // Late plan activities and an open access review.
  CHECK(count_until(
            db,
            "SELECT count(*) FROM comm_activities WHERE status IN ('planned', 'in_progress') AND "
            "planned_on < ?1") > 0);
  CHECK(count(db, "SELECT count(*) FROM review_campaigns WHERE state = 'open'") == 1);
  // Seasonal waves: July is quieter than October.
  CHECK(count(db,
              "SELECT count(*) FROM documents WHERE substr(month_of(registered_on), 6, 2) = '07'") <
        count(db,
              "SELECT count(*) FROM documents WHERE substr(month_of(registered_on), 6, 2) = '10'"));
}

TEST_CASE("demo data is written only into an empty database") {
  Database db = demo_database();
  auto before = db.query_integer("SELECT count(*) FROM media_items", 0);
  CHECK_THROWS_AS(db::write_demo_data(db, DemoOptions{2, 1, 1, until}), db::DatabaseError);
  CHECK(db.query_integer("SELECT count(*) FROM media_items", 0) == before);
}

TEST_CASE("every demo row is written, the last short batch of each table too") {
  Database db = testing::open_test_database();
  std::int64_t written = db::write_demo_data(db, DemoOptions{1, 3, 1, until});
  std::int64_t stored = 0;
  for (const char* table : {"units", "institutions", "people", "media_outlets", "media_items",
                            "press_releases", "documents", "comm_plans", "comm_activities",
                            "newspaper_issues", "incidents", "information_systems", "backups",
                            "restore_tests", "accounts", "review_campaigns", "review_decisions"})
    stored += count(db, std::string("SELECT count(*) FROM ") + table);
  CHECK(stored == written);
  // Ids are the generator's own: as many as rows, none skipped.
  CHECK(count(db, "SELECT max(id) FROM documents") == count(db, "SELECT count(*) FROM documents"));
}
