// The access figures a reader keeps between its reads: after any change, the next read through
// what it kept is the figures read afresh; what it uses again is what did not change.

#include <catch2/catch.hpp>

#include "core/i18n.h"
#include "core/roles.h"
#include "db/access_queries.h"
#include "db/database.h"
#include "db/demo_writer.h"
#include "support/test_database.h"

using namespace raekoda;
using db::Database;

namespace {

const Date today = *Date::parse_iso("2026-11-22");

struct Fixture {
  Database db = testing::open_test_database();
  db::KeptAccess kept;
  Id unit = 0;
  Fixture() {
    set_language(Language::et);
    db::write_demo_data(db, DemoOptions{7, 2, 2, today});
    read();
  }
  AccessFigures read(Date day = today) { return db::load_access_figures(db, day, unit, kept); }
  // The read through what was kept is the read from nothing.
  void check_kept_is_fresh(Date day = today) {
    AccessFigures renewed = read(day);
    AccessFigures fresh = db::load_access_figures(db, day, unit);
    REQUIRE(fresh.current);
    CHECK_FALSE(fresh.decisions.empty());
    CHECK(renewed == fresh);
  }
  Id campaign() {
    return db.query_integer("SELECT id FROM review_campaigns WHERE state = 'open'", 0);
  }
  // The campaign's pending decision at `place` in id order.
  Id pending(int place) {
    return db.query_integer(
        "SELECT id FROM review_decisions WHERE campaign_id = ? AND decision = 'pending' "
        "ORDER BY id LIMIT 1 OFFSET ?",
        0, campaign(), place);
  }
  void decide(Id decision, const char* what) {
    db.prepare(
          "UPDATE review_decisions SET decision = ?, decided_on = ?, version = version + 1 "
          "WHERE id = ?")
        .bind_all(what, today, decision)
        .run();
  }
};

}  // namespace

TEST_CASE("decisions made one by one, and more at once than are read alone, read as afresh") {
  Fixture x;
  REQUIRE(x.campaign() != 0);
  x.decide(x.pending(0), "keep");
  x.check_kept_is_fresh();
  x.decide(x.pending(3), "revoke");
  x.decide(x.pending(7), "reduce");
  x.check_kept_is_fresh();
  // A decision taken back to pending goes back among the pending ones.
  x.db.prepare(
          "UPDATE review_decisions SET decision = 'pending', decided_on = NULL, "
          "version = version + 1 WHERE id = (SELECT min(id) FROM review_decisions WHERE "
          "campaign_id = ? AND decision = 'keep')")
      .bind(1, x.campaign())
      .run();
  x.check_kept_is_fresh();
  // Every decision of the campaign at once, the pending ones kept.
  REQUIRE(x.db.query_integer("SELECT count(*) FROM review_decisions WHERE campaign_id = ?", 0,
                             x.campaign()) > 600);
  x.db.prepare(
          "UPDATE review_decisions SET decision = CASE WHEN decision = 'pending' THEN 'keep' ELSE "
          "decision END, decided_on = coalesce(decided_on, ?), version = version + 1 "
          "WHERE campaign_id = ?")
      .bind_all(today, x.campaign())
      .run();
  x.check_kept_is_fresh();
}

TEST_CASE("a decision removed and one added read as afresh") {
  Fixture x;
  Id removed = x.pending(2);
  Id account =
      x.db.query_integer("SELECT account_id FROM review_decisions WHERE id = ?", 0, removed);
  x.db.prepare("DELETE FROM review_decisions WHERE id = ?").bind(1, removed).run();
  x.check_kept_is_fresh();
  x.db.prepare("INSERT INTO review_decisions (campaign_id, account_id) VALUES (?, ?)")
      .bind_all(x.campaign(), account)
      .run();
  x.check_kept_is_fresh();
}

TEST_CASE("an account, a person, a system or a unit changed: what depends on it reads as afresh") {
  Fixture x;
  Id account = x.db.query_integer(
      "SELECT a.id FROM review_decisions d JOIN accounts a ON a.id = d.account_id "
      "WHERE d.campaign_id = ? AND a.revoked_on IS NULL ORDER BY a.id LIMIT 1",
      0, x.campaign());
  SECTION("an account revoked, and one's privilege raised") {
    x.db.prepare("UPDATE accounts SET revoked_on = ?, version = version + 1 WHERE id = ?")
        .bind_all(today, account)
        .run();
    x.check_kept_is_fresh();
    x.db.exec(
        "UPDATE accounts SET privilege = 'admin', version = version + 1 WHERE id = (SELECT "
        "max(account_id) FROM review_decisions WHERE decision = 'pending')");
    x.check_kept_is_fresh();
  }
  SECTION("the holder leaves today and is renamed") {
    x.db.prepare(
            "UPDATE people SET left_on = ?, full_name = 'Aadu Aabits', version = version + 1 "
            "WHERE id = (SELECT person_id FROM accounts WHERE id = ?)")
        .bind_all(today, account)
        .run();
    x.check_kept_is_fresh();
  }
  SECTION("a system renamed, and a unit") {
    x.db.prepare(
            "UPDATE information_systems SET name = 'Ämblikuvõrk', version = version + 1 WHERE id = "
            "(SELECT system_id FROM accounts WHERE id = ?)")
        .bind_all(account)
        .run();
    x.check_kept_is_fresh();
    x.db.exec(
        "UPDATE units SET name = 'Õigusteenistus', version = version + 1 WHERE id = "
        "(SELECT min(id) FROM units)");
    x.check_kept_is_fresh();
  }
}

TEST_CASE("another day, unit, viewer or language reads as afresh") {
  Fixture x;
  // Each step changes one of them, the read before it kept at all the others.
  x.check_kept_is_fresh(today.plus_days(1));
  Id shown = x.read().matrix_unit;
  x.unit = x.db.query_integer("SELECT min(id) FROM units WHERE id <> ?", 0, shown);
  x.check_kept_is_fresh();
  Viewer viewer;
  viewer.roles = {Role::viewer};
  x.db.set_viewer(viewer);
  x.check_kept_is_fresh();
  x.db.set_viewer(unrestricted_viewer());
  x.read();
  struct BackToEstonian {
    ~BackToEstonian() { set_language(Language::et); }
  } back;
  AccessFigures in_estonian = x.read();
  set_language(Language::ru);
  // Russian orders the holders' Estonian letters otherwise (Ü beside U, not after W).
  REQUIRE(db::load_access_figures(x.db, today, x.unit).decisions != in_estonian.decisions);
  x.check_kept_is_fresh();
}

TEST_CASE(
    "what did not change is used again: a decision changed without its version stays as kept") {
  Fixture x;
  Id quiet = x.pending(1);
  Id counted = x.pending(4);
  x.db.prepare("UPDATE review_decisions SET decision = 'keep', decided_on = ? WHERE id = ?")
      .bind_all(today, quiet)
      .run();
  x.decide(counted, "revoke");
  AccessFigures renewed = x.read();
  auto decision_in = [](const AccessFigures& f, Id id) {
    for (const auto& d : f.decisions)
      if (d.id == id) return d.decision;
    FAIL("decision " << id << " is not listed");
    return ReviewDecision::pending;
  };
  CHECK(decision_in(renewed, quiet) == ReviewDecision::pending);
  CHECK(decision_in(renewed, counted) == ReviewDecision::revoke);
  // Read from nothing, both are as the database holds them.
  AccessFigures fresh = db::load_access_figures(x.db, today, x.unit);
  CHECK(decision_in(fresh, quiet) == ReviewDecision::keep);
  CHECK(decision_in(fresh, counted) == ReviewDecision::revoke);
}
