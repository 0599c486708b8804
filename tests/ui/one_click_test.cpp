// One-click steps that write, clicked twice as hands do: the chair's approval of a press release,
// taken once, kept in place, and taken back from the notice line.

#include <catch2/catch.hpp>

#include "core/i18n.h"
#include "support/dashboard_session.h"

using namespace raekoda;

using Session = testing::DashboardSession;

namespace {

// Two releases waiting for the chair, and none other on their way.
void two_releases_waiting(Session& session) {
  db::Database& db = session.controller.database();
  db.exec("DELETE FROM press_releases WHERE state <> 'published'");
  db.exec(
      "INSERT INTO press_releases (id, title, author_id, drafted_on, state) VALUES "
      "(9001, 'Volikogu kinnitas eelarve', 4, '2026-11-19', 'awaiting_approval'), "
      "(9002, 'Teede remont: liikluspiirangud', 4, '2026-11-20', 'awaiting_approval')");
  session.controller.refresh();
  session.click("switcher.media");
  session.frame();
  REQUIRE(session.figures().media);
  REQUIRE(session.figures().media->awaiting_approval == 2);
  session.scroll_to("media.release.1.approve");
}

std::int64_t approved(Session& session) {
  return session.controller.database().query_integer(
      "SELECT count(*) FROM press_releases WHERE state = 'approved' AND id IN (9001, 9002)", -1);
}

}  // namespace

TEST_CASE("a double click on Approve approves one release, not the one that would move up") {
  set_language(Language::et);
  Session session;
  two_releases_waiting(session);
  ImVec2 first = session.probe.centre("media.release.0.approve");
  ImVec2 second = session.probe.centre("media.release.1.approve");
  session.imgui.input().click(first);
  session.imgui.input().click(first);
  session.drain_input();
  CHECK(approved(session) == 1);
  CHECK(session.controller.database().query_integer(
            "SELECT count(*) FROM press_releases WHERE id = 9001 AND state = 'approved'", -1) == 1);
  // 9002 waits where it was, one row down.
  session.frame();
  CHECK(session.probe.centre("media.release.0.approve").y == Approx(second.y));
}

TEST_CASE("the chair's approval can be taken back from the notice line, audited") {
  set_language(Language::et);
  Session session;
  two_releases_waiting(session);
  session.click("media.release.0.approve");
  CHECK(session.controller.session().notice == "Pressiteade kinnitatud.");
  REQUIRE(session.controller.session().notice_offers_undo);
  session.click("notice.undo");
  db::Database& db = session.controller.database();
  CHECK(db.query_integer("SELECT count(*) FROM press_releases WHERE id = 9001 AND state = "
                         "'awaiting_approval' AND approved_on IS NULL",
                         -1) == 1);
  CHECK(db.query_integer("SELECT count(DISTINCT change_id) FROM audit_log WHERE action = 'undo' "
                         "AND table_name = 'press_releases' AND record_id = 9001",
                         -1) == 1);
  CHECK(session.figures().media->awaiting_approval == 2);
}
