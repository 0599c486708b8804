// The plan view's figures against direct counts, and the plan's writes with their audit rows.

#include <catch2/catch.hpp>

#include <algorithm>

#include "core/i18n.h"
#include "db/database.h"
#include "db/demo_writer.h"
#include "db/plan_queries.h"
#include "db/record_store.h"
#include "support/test_database.h"

using namespace raekoda;
using db::Database;

namespace {

const Date today = *Date::parse_iso("2026-11-22");
const db::Author staff{"avalikud.suhted", "2026-11-22 10:00:00"};

struct Fixture {
  Database db = testing::open_test_database();
  Fixture() { db::write_demo_data(db, DemoOptions{8, 2, 1, today}); }
  std::int64_t count(const std::string& sql, Date a = {}, Date b = {}) {
    return db.query_integer(sql, -1, a, b);
  }
};

}  // namespace

TEST_CASE("on time this quarter: cancelled left out, postponed counted as missed") {
  Fixture x;
  PlanFigures f = db::load_plan_figures(x.db, today, 0);
  Date first = today.quarter_start();
  Date last = today.plus_days(-1);
  CHECK(f.quarter_due ==
        x.count("SELECT count(*) FROM comm_activities WHERE coalesce(planned_until, "
                "planned_on) BETWEEN ? AND ? AND status <> 'cancelled'",
                first, last));
  CHECK(f.quarter_on_time ==
        x.count("SELECT count(*) FROM comm_activities WHERE coalesce(planned_until, planned_on) "
                "BETWEEN ? AND ? AND status = 'done' AND done_on <= coalesce(planned_until, "
                "planned_on)",
                first, last));
  CHECK(f.quarter_due > f.quarter_on_time);
}

TEST_CASE("late activities are the chosen plan's: an earlier year's leftovers stay with it") {
  Fixture x;
  PlanFigures f = db::load_plan_figures(x.db, today, 0);
  REQUIRE(f.chosen);
  const auto& plan = f.plans[*f.chosen];
  REQUIRE(plan.name == "Kommunikatsiooniplaan 2026");
  const std::string late =
      "SELECT count(*) FROM comm_activities WHERE status IN ('planned', 'in_progress') "
      "AND coalesce(planned_until, planned_on) < ?";
  std::int64_t in_plan = x.db.query_integer(late + " AND plan_id = ?", -1, today, plan.id);
  std::int64_t everywhere = x.db.query_integer(late, -1, today);
  REQUIRE(everywhere > in_plan);  // the demo's earlier plans left some undone
  CHECK(f.late_now == in_plan);
  CHECK(f.oldest_late >= plan.starts_on);
  std::int64_t by_owner = 0;
  for (const auto& owner : f.late_by_owner) by_owner += owner.late;
  CHECK(by_owner == in_plan);
  // The year before, chosen, counts its own.
  auto previous = std::find_if(f.plans.begin(), f.plans.end(), [](const auto& p) {
    return p.name == "Kommunikatsiooniplaan 2025";
  });
  REQUIRE(previous != f.plans.end());
  PlanFigures earlier = db::load_plan_figures(x.db, today, previous->id);
  CHECK(earlier.late_now == x.db.query_integer(late + " AND plan_id = ?", -1, today, previous->id));
}

TEST_CASE("the newspaper tile counts what goes into the next issue") {
  Fixture x;
  PlanFigures f = db::load_plan_figures(x.db, today, 0);
  REQUIRE(f.next_issue);
  REQUIRE(f.next_issue_from);
  // The issue before it came out the day before the contents start.
  CHECK(x.db.query_integer("SELECT count(*) FROM newspaper_issues WHERE publication_on = ?", -1,
                           f.next_issue_from->plus_days(-1)) == 1);
  CHECK(x.db.query_integer("SELECT count(*) FROM newspaper_issues WHERE publication_on > ? AND "
                           "publication_on < ?",
                           -1, f.next_issue_from->plus_days(-1),
                           f.next_issue->publication_on) == 0);
  CHECK(f.next_issue_activities ==
        x.db.query_integer("SELECT count(*) FROM comm_activities WHERE channel = 'newspaper' AND "
                           "status <> 'cancelled' AND planned_on BETWEEN ? AND ?",
                           -1, *f.next_issue_from, f.next_issue->publication_on));
  // A story on the first day counts; one a day earlier went into the issue before, and a
  // cancelled one goes into none.
  auto add = [&](Date day, const char* status) {
    x.db.exec(
        "INSERT INTO comm_activities (plan_id, title, channel, owner_id, planned_on, status) "
        "VALUES (" +
        std::to_string(f.plans[*f.chosen].id) +
        ", 'Linnaleht: lugu', "
        "'newspaper', (SELECT min(id) FROM people), '" +
        day.iso() + "', '" + status + "')");
  };
  add(*f.next_issue_from, "planned");
  add(f.next_issue_from->plus_days(-1), "planned");
  add(f.next_issue->publication_on, "cancelled");
  CHECK(db::load_plan_figures(x.db, today, 0).next_issue_activities == f.next_issue_activities + 1);
}

TEST_CASE("the burn-up cumulates planned and done activities of the plan week by week") {
  Fixture x;
  PlanFigures f = db::load_plan_figures(x.db, today, 0);
  REQUIRE(f.chosen);
  const auto& plan = f.plans[*f.chosen];
  CHECK(plan.starts_on <= today);
  CHECK(plan.ends_on >= today);
  REQUIRE_FALSE(f.weeks.empty());
  for (std::size_t w = 0; w < f.weeks.size(); ++w) {
    Date end = f.weeks[w].plus_days(6);
    INFO(end.iso());
    CHECK(f.planned_cumulative[w] ==
          x.db.query_integer("SELECT count(*) FROM comm_activities WHERE plan_id = ? AND status <> "
                             "'cancelled' AND coalesce(planned_until, planned_on) <= ?",
                             -1, plan.id, end));
    CHECK(f.done_cumulative[w] ==
          x.db.query_integer("SELECT count(*) FROM comm_activities WHERE plan_id = ? AND status = "
                             "'done' AND done_on <= ?",
                             -1, plan.id, end));
  }
  CHECK(f.planned_cumulative.back() == f.plan_activities);
}

TEST_CASE("moving an activity saves one audited change, and a move its rules refuse writes none") {
  set_language(Language::et);
  Fixture x;
  Id activity = x.db.query_integer(
      "SELECT id FROM comm_activities WHERE status = 'planned' ORDER BY planned_on DESC LIMIT 1",
      0);
  REQUIRE(activity > 0);
  // An activity with a window of days: both ends move.
  Date planned_on = *Date::parse_iso(
      db::load_record(x.db, comm_activities_spec(), activity)->value("planned_on").value_or(""));
  x.db.prepare("UPDATE comm_activities SET planned_until = ? WHERE id = ?")
      .bind_all(planned_on.plus_days(3), activity)
      .run();
  Record before = *db::load_record(x.db, comm_activities_spec(), activity);
  auto moved = db::move_activity(x.db, activity, before.version, 7, today, staff);
  REQUIRE(moved.problem.empty());
  REQUIRE(moved.save.status == db::SaveStatus::saved);
  CHECK(moved.save.current.value("planned_on") ==
        Date::parse_iso(*before.value("planned_on"))->plus_days(7).iso());
  CHECK(moved.save.current.value("planned_until") ==
        Date::parse_iso(*before.value("planned_until"))->plus_days(7).iso());
  auto history = db::record_history(x.db, comm_activities_spec(), activity);
  REQUIRE(history.size() == 2);  // the two dates of one move
  CHECK(history[0].change_id == history[1].change_id);
  CHECK(history[0].changed_by == "avalikud.suhted");

  // The same drag again from the screen as it was: a conflict, nothing moved twice.
  std::int64_t audit_rows = x.db.query_integer("SELECT count(*) FROM audit_log", 0);
  auto stale = db::move_activity(x.db, activity, before.version, 7, today, staff);
  CHECK(stale.save.status == db::SaveStatus::conflict);
  CHECK(x.db.query_integer("SELECT count(*) FROM audit_log", 0) == audit_rows);

  // A record another program wrote against the editor's rules (a line break in a one-line
  // title) is not saved by a move either: the move says why and writes nothing.
  x.db.prepare("UPDATE comm_activities SET title = ?, version = version + 1 WHERE id = ?")
      .bind_all("Kaks\nrida", activity)
      .run();
  std::int64_t version =
      x.db.query_integer("SELECT version FROM comm_activities WHERE id = ?", 0, activity);
  auto refused = db::move_activity(x.db, activity, version, 1, today, staff);
  CHECK(refused.save.status == db::SaveStatus::nothing);
  CHECK(refused.problem == "Reavahetus pole siin lubatud");
  CHECK(x.db.query_integer("SELECT count(*) FROM audit_log", 0) == audit_rows);
}

TEST_CASE(
    "a plan copied to the next period keeps its activities, planned again, a year on, "
    "cancelled ones stay behind") {
  Database db = testing::open_test_database();
  db.exec(R"sql(
    INSERT INTO units (id, name) VALUES (1, 'Avalike suhete osakond');
    INSERT INTO people (id, full_name, unit_id, joined_on) VALUES (1, 'Kaie Kask', 1, '2020-01-06');
    INSERT INTO comm_plans (id, name, owner_id, starts_on, ends_on)
      VALUES (1, 'Kommunikatsiooniplaan 2028', 1, '2028-01-01', '2028-12-31');
    INSERT INTO comm_activities (id, plan_id, title, channel, owner_id, planned_on, planned_until,
                                 status, done_on, link) VALUES
      (1, 1, 'Vabariigi aastapäev', 'event', 1, '2028-02-24', NULL, 'done', '2028-02-24',
       'https://linn.example/ap'),
      (2, 1, 'Liigaasta päev', 'facebook', 1, '2028-02-29', '2028-03-02', 'postponed', NULL, NULL),
      (3, 1, 'Ära jäetud üritus', 'event', 1, '2028-05-05', NULL, 'cancelled', NULL, NULL);
  )sql");
  Id copy = db::copy_plan(db, 1, staff);
  auto plan = db::load_record(db, comm_plans_spec(), copy);
  REQUIRE(plan);
  CHECK(plan->value("name") == "Kommunikatsiooniplaan 2029");
  CHECK(plan->value("starts_on") == "2029-01-01");
  CHECK(plan->value("ends_on") == "2029-12-31");
  auto rows = db.prepare(
      "SELECT title, planned_on, planned_until, status, done_on, link FROM comm_activities "
      "WHERE plan_id = ? ORDER BY planned_on");
  rows.bind(1, copy);
  auto cell = [&](int column) { return rows.is_null(column) ? std::string() : rows.text(column); };
  std::vector<std::string> copied;
  while (rows.step())
    copied.push_back(cell(0) + "|" + cell(1) + "|" + cell(2) + "|" + cell(3) + "|" + cell(4) + "|" +
                     cell(5));
  CHECK(copied == std::vector<std::string>{
                      "Vabariigi aastapäev|2029-02-24||planned||",
                      "Liigaasta päev|2029-02-28|2029-03-02|planned||",
                  });
  // The copy is audited: the plan and each activity as an insert.
  CHECK(db.query_integer("SELECT count(DISTINCT record_id) FROM audit_log WHERE action = 'insert' "
                         "AND table_name = 'comm_activities'",
                         0) == 2);
}

TEST_CASE("the timeline's activities say their status, and a late one that it is late") {
  Fixture x;
  PlanFigures f = db::load_plan_figures(x.db, today, 0);
  REQUIRE_FALSE(f.coming.empty());
  bool saw_late = false;
  for (const auto& a : f.coming) {
    INFO(a.title);
    std::string status = tr(catalog_key(a.status));
    CHECK(a.status_text == (a.late ? trf("plan.late_status", status.c_str()) : status));
    saw_late = saw_late || a.late;
  }
  CHECK(saw_late);
}
