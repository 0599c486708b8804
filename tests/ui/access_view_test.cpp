// The access review page, clicked as the IT lead would.

#include <catch2/catch.hpp>

#include <fstream>

#include "core/i18n.h"
#include "db/record_store.h"
#include "support/dashboard_session.h"

using namespace raekoda;

using Session = testing::DashboardSession;

namespace {

const AccessFigures& open_access(Session& session) {
  session.click("switcher.access");
  session.frame();
  session.frame();
  REQUIRE(session.figures().access);
  return *session.figures().access;
}

std::int64_t count(Session& session, const std::string& sql) {
  return session.controller.database().query_integer(sql, -1);
}

std::int64_t revoked_today(Session& session) {
  return count(session, "SELECT count(*) FROM accounts WHERE revoked_on = '2026-11-22'");
}

// Two clicks at one place within the double-click time, each press and release quicker than a
// frame: the way a double click arrives from the window system.
void double_click(Session& session, ImVec2 at) {
  session.imgui.input().click(at);
  session.imgui.input().click(at);
  session.drain_input();
}

}  // namespace

TEST_CASE("the leavers tile opens exactly the leavers' active accounts, one is revoked today") {
  set_language(Language::et);
  Session session;
  const AccessFigures f = open_access(session);
  REQUIRE_FALSE(f.leaver_accounts.empty());
  session.click("tile.access.leavers");
  session.frame();
  REQUIRE(session.ui().table);
  CHECK(session.ui().table->total == static_cast<std::int64_t>(f.leaver_accounts.size()));
  session.click("records.back");

  Id first = f.leaver_accounts.front().account;
  session.click("access.leaver.revoke.0");
  CHECK(session.controller.session().notice == "Konto suletud.");
  CHECK(count(session, "SELECT count(*) FROM accounts WHERE id = " + std::to_string(first) +
                           " AND revoked_on = '2026-11-22'") == 1);
  CHECK(session.figures().access->leaver_accounts.size() == f.leaver_accounts.size() - 1);
}

TEST_CASE("a pending decision is kept in one click, revoked with a reason") {
  set_language(Language::et);
  Session session;
  const AccessFigures f = open_access(session);
  REQUIRE(f.current);
  REQUIRE(f.decisions.front().decision == ReviewDecision::pending);
  Id first = f.decisions[0].id;
  session.scroll_to("access.decision.0.keep");
  session.click("access.decision.0.keep");
  CHECK(count(session, "SELECT count(*) FROM review_decisions WHERE id = " + std::to_string(first) +
                           " AND decision = 'keep' AND decided_on = '2026-11-22'") == 1);
  // The list is read again: the next pending one is now first.
  Id second = session.figures().access->decisions.at(0).id;
  CHECK(second != first);
  session.click("access.decision.0.revoke");
  session.click("access.decision.confirm");
  CHECK(
      count(session, "SELECT count(*) FROM review_decisions WHERE id = " + std::to_string(second) +
                         " AND decision = 'revoke' AND reason <> ''") == 1);
  // A revoke decided but not carried out is listed until it is.
  bool listed = false;
  for (const auto& undone : session.figures().access->revokes_not_done)
    listed = listed || undone.decision == second;
  CHECK(listed);
}

TEST_CASE("starting a review puts every active account in as pending") {
  set_language(Language::et);
  Session session;
  db::Database& db = session.controller.database();
  db.exec(
      "UPDATE review_campaigns SET state = 'closed', closed_on = '2026-11-20' WHERE state = "
      "'open'");
  session.controller.refresh();
  open_access(session);
  session.click("access.start");
  session.click("access.form.start");
  const AccessFigures& f = *session.figures().access;
  REQUIRE(f.current);
  const auto& c = f.campaigns[*f.current];
  CHECK(c.state == CampaignState::open);
  CHECK(c.starts_on == *Date::parse_iso("2026-11-22"));
  CHECK(c.name == "Juurdepääsuõiguste ülevaatus sügis 2026");
  CHECK(c.total() == count(session, "SELECT count(*) FROM accounts WHERE revoked_on IS NULL"));
  CHECK(c.decided() == 0);
  CHECK(session.controller.session().notice.find("Ülevaatus alustatud") == 0);
}

TEST_CASE("a campaign's decisions export as CSV evidence, UTF-8 with BOM") {
  set_language(Language::et);
  Session session;
  const AccessFigures f = open_access(session);
  REQUIRE(f.current);
  setenv("XDG_DOCUMENTS_DIR", session.dir.path().c_str(), 1);
  session.click("access.campaign.export");
  const std::string& notice = session.controller.session().notice;
  auto at = notice.find(session.dir.path().string());
  REQUIRE(at != std::string::npos);
  std::ifstream in(notice.substr(at));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.starts_with("\xEF\xBB\xBFIsik;Üksus;Süsteem;Kasutajanimi;Õigus;Otsus"));
  auto lines = std::count(text.begin(), text.end(), '\n');
  CHECK(lines == f.campaigns[*f.current].total() + 1);
  unsetenv("XDG_DOCUMENTS_DIR");
}

TEST_CASE("a cell of the registers and portals table opens that person's account there") {
  set_language(Language::et);
  Session session;
  const AccessFigures f = open_access(session);
  session.scroll_to("plot.access.matrix");
  // The first cell with an account.
  std::size_t columns = f.matrix_systems.size();
  std::size_t cell = 0;
  while (cell < f.matrix_cells.size() && f.matrix_cells[cell] < 0) ++cell;
  REQUIRE(cell < f.matrix_cells.size());
  REQUIRE(cell / columns < 15);
  auto rect = session.probe.items.at("plot.access.matrix");
  float line = ImGui::GetTextLineHeight();
  float label_width = 0;
  for (const auto& name : f.matrix_people)
    label_width = std::max(label_width, ImGui::CalcTextSize(name.c_str()).x);
  label_width = std::min(label_width + 12, 280.0f);
  ImVec2 at(rect.min.x + label_width + line * 3.2f * (static_cast<float>(cell % columns) + 0.5f),
            rect.min.y + line * 1.3f * (static_cast<float>(cell / columns) + 0.5f));
  session.click_at(at);
  session.frame();
  REQUIRE(session.ui().table);
  CHECK(session.ui().table->total >= 1);
  for (const Record& row : session.ui().table->rows) {
    CHECK(row.value("person_id") == std::to_string(f.matrix_person_ids[cell / columns]));
    CHECK(row.value("system_id") == std::to_string(f.matrix_system_ids[cell % columns]));
  }
}

TEST_CASE("a double click on Close today closes one account, and the next row stays in place") {
  set_language(Language::et);
  Session session;
  const AccessFigures f = open_access(session);
  REQUIRE(f.leaver_accounts.size() >= 2);
  session.frame();
  ImVec2 first = session.probe.centre("access.leaver.revoke.0");
  ImVec2 second = session.probe.centre("access.leaver.revoke.1");
  double_click(session, first);
  CHECK(revoked_today(session) == 1);
  CHECK(count(session, "SELECT count(*) FROM accounts WHERE revoked_on IS NULL AND id = " +
                           std::to_string(f.leaver_accounts[1].account)) == 1);
  // The second person's button is still where it was, now named by its place in the figures.
  session.frame();
  CHECK(session.probe.centre("access.leaver.revoke.0").y == Approx(second.y));

  // Once the pointer has left the list, it closes up.
  session.imgui.move_mouse(ImVec2(5, 990));
  for (int i = 0; i < 30; ++i) session.frame();
  CHECK(session.probe.centre("access.leaver.revoke.0").y == Approx(first.y));
}

TEST_CASE("Undo in the notice opens the account again, audited as the undo of the revocation") {
  set_language(Language::et);
  Session session;
  const AccessFigures f = open_access(session);
  Id account = f.leaver_accounts.front().account;
  session.click("access.leaver.revoke.0");
  REQUIRE(session.controller.session().notice_offers_undo);
  std::int64_t revocation =
      count(session,
            "SELECT max(change_id) FROM audit_log WHERE table_name = 'accounts' AND record_id = " +
                std::to_string(account));
  session.click("notice.undo");
  CHECK(session.controller.session().notice == "Tagasi võetud.");
  CHECK(count(session, "SELECT count(*) FROM accounts WHERE revoked_on IS NULL AND id = " +
                           std::to_string(account)) == 1);
  CHECK(count(session,
              "SELECT count(*) FROM audit_log WHERE action = 'undo' AND field = "
              "'revoked_on' AND after_value IS NULL AND undoes_change_id = " +
                  std::to_string(revocation)) == 1);
  CHECK(session.figures().access->leaver_accounts.size() == f.leaver_accounts.size());
  // The undo is itself undone by nobody twice: the notice offers no second Undo.
  CHECK_FALSE(session.controller.session().notice_offers_undo);
}

TEST_CASE("the Undo of a revocation goes with the notice, after its seconds") {
  set_language(Language::et);
  Session session;
  auto now = std::chrono::steady_clock::now();
  session.controller.set_clock([&] { return now; });
  open_access(session);
  session.click("access.leaver.revoke.0");
  REQUIRE(session.controller.session().notice_offers_undo);
  now += std::chrono::seconds(static_cast<int>(app::Controller::undo_seconds) + 1);
  session.frame();
  CHECK_FALSE(session.controller.session().notice_offers_undo);
  CHECK(session.controller.session().notice.empty());
  CHECK(revoked_today(session) == 1);
}

TEST_CASE("a double click on Keep decides one account, the next pending one does not move up") {
  set_language(Language::et);
  Session session;
  const AccessFigures f = open_access(session);
  REQUIRE(f.decisions.size() >= 2);
  session.scroll_to("access.decision.1.keep");
  ImVec2 first = session.probe.centre("access.decision.0.keep");
  double_click(session, first);
  CHECK(count(session, "SELECT count(*) FROM review_decisions WHERE decision = 'keep' AND id = " +
                           std::to_string(f.decisions[0].id)) == 1);
  CHECK(
      count(session, "SELECT count(*) FROM review_decisions WHERE decision = 'pending' AND id = " +
                         std::to_string(f.decisions[1].id)) == 1);
}
