// The overview as a reader keeps it: a figure whose tables did not change is the one kept, and
// one whose table changed is counted again, as it is from nothing.

#include <catch2/catch.hpp>

#include "db/dashboard_queries.h"
#include "db/database.h"
#include "db/demo_writer.h"
#include "db/period_queries.h"
#include "support/test_database.h"

using namespace raekoda;
using db::Database;

namespace {

const Date today = *Date::parse_iso("2026-11-22");

std::vector<Date> week_ends() {
  std::vector<Date> days;
  for (int w = 25; w >= 0; --w) days.push_back(today.plus_days(-7 * w));
  return days;
}

struct Fixture {
  Database db = testing::open_test_database();
  std::vector<Date> days = week_ends();
  db::KeptStates kept;
  Fixture() {
    db::write_demo_data(db, DemoOptions{5, 2, 1, today});
    db::count_states_on(db, days, kept);
  }
  // Every figure kept is marked, so that a read can tell which it used again.
  void mark_kept() {
    for (auto* figure : {&kept.states.overdue_documents, &kept.states.late_activities,
                         &kept.states.open_incidents, &kept.states.leaver_accounts})
      figure->assign(days.size(), -1);
  }
};

const std::vector<std::int64_t> marked(26, -1);

}  // namespace

TEST_CASE("a saved document counts the overdue documents again and keeps the other states") {
  Fixture x;
  db::StatesOn before = db::count_states_on(x.db, x.days);
  x.mark_kept();
  x.db.prepare(
          "UPDATE documents SET answered_on = ?, version = version + 1 WHERE id = (SELECT min(id) "
          "FROM documents WHERE answered_on IS NULL AND effective_due_on < ?)")
      .bind_all(today, today.plus_days(-14))
      .run();
  db::StatesOn renewed = db::count_states_on(x.db, x.days, x.kept);
  db::StatesOn fresh = db::count_states_on(x.db, x.days);
  CHECK(fresh.overdue_documents != before.overdue_documents);
  CHECK(renewed.overdue_documents == fresh.overdue_documents);
  CHECK(renewed.late_activities == marked);
  CHECK(renewed.open_incidents == marked);
  CHECK(renewed.leaver_accounts == marked);
}

TEST_CASE("each table's change counts its own state again, as from nothing") {
  Fixture x;
  db::StatesOn before = db::count_states_on(x.db, x.days);
  x.mark_kept();
  SECTION("an activity done") {
    x.db.prepare(
            "UPDATE comm_activities SET status = 'done', done_on = ?, version = version + 1 WHERE "
            "id = (SELECT min(id) FROM comm_activities WHERE status IN ('planned', 'in_progress') "
            "AND ends_on < ?)")
        .bind_all(today, today.plus_days(-14))
        .run();
    db::StatesOn renewed = db::count_states_on(x.db, x.days, x.kept);
    db::StatesOn fresh = db::count_states_on(x.db, x.days);
    CHECK(fresh.late_activities != before.late_activities);
    CHECK(renewed.late_activities == fresh.late_activities);
    CHECK(renewed.overdue_documents == marked);
  }
  SECTION("an incident resolved") {
    x.db.prepare(
            "UPDATE incidents SET status = 'resolved', resolved_at = ?, version = version + 1 "
            "WHERE id = (SELECT min(id) FROM incidents WHERE resolved_at IS NULL)")
        .bind(1, today.iso() + " 10:00")
        .run();
    db::StatesOn renewed = db::count_states_on(x.db, x.days, x.kept);
    db::StatesOn fresh = db::count_states_on(x.db, x.days);
    CHECK(fresh.open_incidents != before.open_incidents);
    CHECK(renewed.open_incidents == fresh.open_incidents);
    CHECK(renewed.leaver_accounts == marked);
  }
  SECTION("a person leaves with an account still active, and an account is revoked") {
    x.db.prepare(
            "UPDATE people SET left_on = ?, version = version + 1 WHERE id = (SELECT "
            "min(person_id) FROM accounts a JOIN people p ON p.id = a.person_id "
            "WHERE a.revoked_on IS NULL AND p.left_on IS NULL)")
        .bind(1, today.plus_days(-30))
        .run();
    db::StatesOn renewed = db::count_states_on(x.db, x.days, x.kept);
    db::StatesOn fresh = db::count_states_on(x.db, x.days);
    CHECK(fresh.leaver_accounts != before.leaver_accounts);
    CHECK(renewed.leaver_accounts == fresh.leaver_accounts);
    CHECK(renewed.open_incidents == marked);
    x.db.exec(
        "UPDATE accounts SET revoked_on = '2026-11-20', version = version + 1 WHERE id = (SELECT "
        "min(a.id) FROM accounts a JOIN people p ON p.id = a.person_id WHERE a.revoked_on IS "
        "NULL AND p.left_on IS NOT NULL)");
    CHECK(db::count_states_on(x.db, x.days, x.kept).leaver_accounts ==
          db::count_states_on(x.db, x.days).leaver_accounts);
  }
}

TEST_CASE("other days count every state again") {
  Fixture x;
  x.mark_kept();
  std::vector<Date> later = x.days;
  later.push_back(today.plus_days(7));
  CHECK(db::count_states_on(x.db, later, x.kept) == db::count_states_on(x.db, later));
}

TEST_CASE("the accounts' tiles are kept until an account or a person changes, or the day") {
  Fixture x;
  db::KeptOverview kept;
  OverviewFigures before = db::load_overview_figures(x.db, today, kept);
  REQUIRE(before.accounts_active > 0);
  REQUIRE(before.documents_overdue > 0);
  // Marked, to see which counts a save leaves as they were.
  kept[db::TileGroup::accounts].counts = {-1, -1};
  kept[db::TileGroup::activities].counts = {-2, -2};
  kept[db::TileGroup::documents].counts = {-3, -3};
  x.db.exec(
      "UPDATE documents SET version = version + 1 WHERE id = (SELECT min(id) FROM documents)");
  OverviewFigures after_document = db::load_overview_figures(x.db, today, kept);
  CHECK(after_document.accounts_active == -1);
  CHECK(after_document.leaver_accounts_active == -1);
  CHECK(after_document.activities_late == -2);
  CHECK(after_document.documents_overdue == before.documents_overdue);
  CHECK(after_document.documents_due_soon == before.documents_due_soon);
  // Another day counts them again.
  OverviewFigures tomorrow = db::load_overview_figures(x.db, today.plus_days(1), kept);
  CHECK(tomorrow.accounts_active == before.accounts_active);

  // A holder leaves with an account still active: counted again, as from nothing.
  x.db.prepare(
          "UPDATE people SET left_on = ?, version = version + 1 WHERE id = (SELECT min(person_id) "
          "FROM accounts a JOIN people p ON p.id = a.person_id WHERE a.revoked_on IS NULL AND "
          "p.left_on IS NULL)")
      .bind(1, today.plus_days(-30))
      .run();
  OverviewFigures renewed = db::load_overview_figures(x.db, today, kept);
  db::KeptOverview none;
  OverviewFigures fresh = db::load_overview_figures(x.db, today, none);
  CHECK(fresh.leaver_accounts_active > before.leaver_accounts_active);
  CHECK(renewed.leaver_accounts_active == fresh.leaver_accounts_active);
  CHECK(renewed.accounts_active == fresh.accounts_active);
  // An account revoked: both counts move.
  x.db.exec(
      "UPDATE accounts SET revoked_on = '2026-11-20', version = version + 1 WHERE id = (SELECT "
      "min(id) FROM accounts WHERE revoked_on IS NULL)");
  CHECK(db::load_overview_figures(x.db, today, kept).accounts_active == fresh.accounts_active - 1);
}

TEST_CASE("a day off added counts the documents due soon again, by the new working days") {
  Fixture x;
  db::KeptOverview kept;
  db::load_overview_figures(x.db, today, kept);
  kept[db::TileGroup::documents].counts = {-3, -3};
  kept[db::TileGroup::incidents].counts = {-4, -4};
  x.db.exec("INSERT INTO extra_days_off (day, reason) VALUES ('2026-11-23', 'Linna päev')");
  OverviewFigures after = db::load_overview_figures(x.db, today, kept);
  db::KeptOverview none;
  OverviewFigures fresh = db::load_overview_figures(x.db, today, none);
  CHECK(after.documents_due_soon == fresh.documents_due_soon);
  CHECK(after.documents_overdue == fresh.documents_overdue);
  CHECK(after.incidents_open == -4);
}
