// What each role is shown and offered, and that the controller refuses what a role may not do
// even when a step is crafted past the disabled controls.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/i18n.h"
#include "core/roles.h"
#include "db/record_store.h"
#include "support/dashboard_session.h"

using namespace raekoda;

using Session = testing::DashboardSession;

namespace {

// The login of the demo city's person in `role`. The session gave its first person (the city
// secretary) every role; she gets back only hers here.
std::string login_of(Session& session, std::string_view role) {
  session.controller.database().exec(
      "DELETE FROM person_roles WHERE person_id = 1 AND role NOT IN ('city_secretary', "
      "'responder')");
  auto select = session.controller.database().prepare(
      "SELECT p.login FROM people p JOIN person_roles r ON r.person_id = p.id WHERE r.role = ? "
      "ORDER BY p.id");
  select.bind(1, role);
  REQUIRE(select.step());
  return select.text(0);
}

std::string state_of(Session& session, Id release) {
  auto select =
      session.controller.database().prepare("SELECT state FROM press_releases WHERE id = ?");
  select.bind(1, release);
  REQUIRE(select.step());
  return select.text(0);
}

// A release awaiting the chair, shown in the media view.
std::int64_t release_waiting(Session& session) {
  db::Database& db = session.controller.database();
  db.exec("DELETE FROM press_releases WHERE state <> 'published'");
  db.exec(
      "INSERT INTO press_releases (id, title, author_id, drafted_on, state) VALUES "
      "(9001, 'Volikogu kinnitas eelarve', 4, '2026-11-19', 'awaiting_approval')");
  session.controller.refresh();
  session.click("switcher.media");
  session.frame();
  REQUIRE(session.figures().media);
  REQUIRE(session.figures().media->awaiting_approval == 1);
  return db.query_integer("SELECT version FROM press_releases WHERE id = 9001", 0);
}

ui::Actions approve(std::int64_t version) {
  ui::Actions actions;
  actions.release = ui::Actions::Release{9001, version, ReleaseStep::approve, ""};
  return actions;
}

}  // namespace

TEST_CASE("a login no one has opens as a viewer: said, shown, and refused every write") {
  set_language(Language::et);
  Session session;
  session.act_as("tundmatu");
  CHECK(session.controller.session().role == "vaataja");
  CHECK(session.controller.session().person.empty());
  CHECK(session.controller.session().notice.find("„tundmatu“") != std::string::npos);

  std::int64_t version = release_waiting(session);
  session.scroll_to("media.release.0.approve");
  session.click("media.release.0.approve");  // disabled: nothing happens
  CHECK(state_of(session, 9001) == "awaiting_approval");
  session.controller.carry_out(approve(version));
  CHECK(state_of(session, 9001) == "awaiting_approval");
  CHECK(session.controller.session().notice == tr("topbar.not_your_role"));

  // A crafted revocation of an account changes nothing either.
  db::Database& db = session.controller.database();
  Id account = db.query_integer("SELECT min(id) FROM accounts WHERE revoked_on IS NULL", 0);
  REQUIRE(account > 0);
  ui::Actions revoke;
  revoke.revoke_account = ui::Actions::Versioned{
      account, db.query_integer("SELECT version FROM accounts WHERE id = ?", 0, account)};
  session.controller.carry_out(revoke);
  CHECK(db.query_integer("SELECT count(*) FROM accounts WHERE id = ? AND revoked_on IS NULL", 0,
                         account) == 1);
}

TEST_CASE("the council chair approves a release, the city secretary may not") {
  set_language(Language::et);
  Session session;
  session.act_as(login_of(session, "city_secretary"));
  CHECK(session.controller.session().role == "linnasekretär");
  CHECK_FALSE(session.controller.session().person.empty());
  std::int64_t version = release_waiting(session);
  session.controller.carry_out(approve(version));
  CHECK(state_of(session, 9001) == "awaiting_approval");

  session.act_as(login_of(session, "council_chair"));
  CHECK(session.controller.session().role == "volikogu esimees");
  session.scroll_to("media.release.0.approve");
  session.click("media.release.0.approve");
  CHECK(state_of(session, 9001) == "approved");
  // Her name is in the audit log beside the operating-system user.
  CHECK(session.controller.database().query_integer(
            "SELECT count(*) FROM audit_log a JOIN people p ON p.id = a.person_id WHERE "
            "a.table_name = 'press_releases' AND a.record_id = 9001 AND p.login = ?",
            0, login_of(session, "council_chair")) > 0);
}

TEST_CASE("a document's editor is read-only to a role that may not change documents") {
  set_language(Language::et);
  Session session;
  session.act_as(login_of(session, "communications"));
  session.click("tile.deadlines");
  session.click("records.row.0");
  REQUIRE(session.ui().editor);
  Record before = session.ui().editor->original;
  session.ui().editor->edited.set("title", "Muudetud pealkiri");
  ui::Actions save;
  save.save = true;
  session.controller.carry_out(save);
  auto stored = db::load_record(session.controller.database(), documents_spec(), before.id);
  REQUIRE(stored);
  CHECK(stored->version == before.version);
  CHECK(session.controller.session().notice == tr("topbar.not_your_role"));
  // The secretary's save of the same goes through.
  session.act_as(login_of(session, "city_secretary"));
  session.controller.carry_out(save);
  stored = db::load_record(session.controller.database(), documents_spec(), before.id);
  CHECK(stored->value("title") == "Muudetud pealkiri");
}

TEST_CASE("someone who only answers documents starts on the deadlines view") {
  set_language(Language::et);
  Session session;
  auto select = session.controller.database().prepare(
      "SELECT p.login FROM people p WHERE EXISTS (SELECT 1 FROM person_roles r WHERE "
      "r.person_id = p.id AND r.role = 'responder') AND NOT EXISTS (SELECT 1 FROM person_roles "
      "r WHERE r.person_id = p.id AND r.role <> 'responder') ORDER BY p.id");
  REQUIRE(select.step());
  std::string responder = select.text(0);
  REQUIRE(session.ui().view == View::overview);
  session.act_as(responder);
  CHECK(session.ui().view == View::deadlines);
  CHECK(session.controller.session().role == "vastaja");
  // The senders of others' documents are initials to them.
  session.frame();
  CHECK_FALSE(session.controller.database().viewer().may(Permission::personal_data));
}

TEST_CASE("a system's owner decides the reviews of their own system only") {
  set_language(Language::et);
  Session session;
  login_of(session, "city_secretary");  // the session's first person back to her own roles
  db::Database& db = session.controller.database();
  // An owner who is not the IT lead, with a pending decision on their system and one elsewhere.
  auto select = db.prepare(
      "SELECT s.owner_id, p.login, d.id, d.version FROM review_decisions d "
      "JOIN accounts a ON a.id = d.account_id JOIN information_systems s ON s.id = a.system_id "
      "JOIN people p ON p.id = s.owner_id WHERE d.decision = 'pending' AND NOT EXISTS (SELECT 1 "
      "FROM person_roles r WHERE r.person_id = s.owner_id AND r.role = 'it_lead') ORDER BY d.id");
  REQUIRE(select.step());
  Id owner = select.integer(0);
  std::string login = select.text(1);
  Id own = select.integer(2);
  std::int64_t own_version = select.integer(3);
  auto other = db.prepare(
      "SELECT d.id, d.version FROM review_decisions d JOIN accounts a ON a.id = d.account_id "
      "JOIN information_systems s ON s.id = a.system_id WHERE d.decision = 'pending' AND "
      "(s.owner_id IS NULL OR s.owner_id <> ?) ORDER BY d.id");
  other.bind(1, owner);
  REQUIRE(other.step());
  Id foreign = other.integer(0);
  std::int64_t foreign_version = other.integer(1);

  session.act_as(login);
  REQUIRE_FALSE(session.controller.database().viewer().may(Permission::decide_reviews));
  auto decide = [&](Id decision, std::int64_t version) {
    ui::Actions actions;
    actions.decide = ui::Actions::Decide{decision, version, ReviewDecision::keep, ""};
    session.controller.carry_out(actions);
    return db.query_integer(
        "SELECT count(*) FROM review_decisions WHERE id = ? AND decision = "
        "'keep'",
        -1, decision);
  };
  CHECK(decide(foreign, foreign_version) == 0);
  CHECK(session.controller.session().notice == tr("topbar.not_your_role"));
  CHECK(decide(own, own_version) == 1);
}

TEST_CASE("a viewer's CSV export holds initials and restricted titles, never a sender's name") {
  set_language(Language::et);
  Session session;
  setenv("XDG_DOCUMENTS_DIR", session.dir.path().c_str(), 1);
  db::Database& db = session.controller.database();
  std::string sender;
  {
    auto select = db.prepare(
        "SELECT sender FROM documents WHERE access_restricted = 0 AND sender LIKE '% %' AND "
        "answered_on IS NULL AND due_on < '2026-11-22' ORDER BY id");
    REQUIRE(select.step());
    sender = select.text(0);
  }
  session.act_as("tundmatu");
  session.click("tile.deadlines");
  REQUIRE(session.ui().table);
  ui::Actions actions;
  actions.export_csv = true;
  session.controller.carry_out(actions);
  std::string csv;
  for (const auto& entry : std::filesystem::directory_iterator(session.dir.path()))
    if (entry.path().extension() == ".csv") {
      std::ifstream in(entry.path());
      csv.assign(std::istreambuf_iterator<char>(in), {});
    }
  REQUIRE_FALSE(csv.empty());
  CHECK(csv.find(sender) == std::string::npos);
  CHECK(csv.find(initials(sender)) != std::string::npos);
  unsetenv("XDG_DOCUMENTS_DIR");
}

TEST_CASE("communications may not approve a rebuttal in the editor") {
  set_language(Language::et);
  Session session;
  db::Database& db = session.controller.database();
  Id item = db.query_integer(
      "SELECT min(id) FROM media_items WHERE rebuttal_status IN ('needed', 'drafted')", 0);
  REQUIRE(item > 0);
  auto approve_in_editor = [&](const std::string& login) {
    session.act_as(login);
    session.ui().editor.reset();
    ui::Actions open;
    open.edit_record = ui::RecordRef{&media_items_spec(), item};
    session.controller.carry_out(open);
    REQUIRE(session.ui().editor);
    session.ui().editor->edited.set("rebuttal_status", "approved");
    ui::Actions save;
    save.save = true;
    session.controller.carry_out(save);
    return db.query_integer(
        "SELECT count(*) FROM media_items WHERE id = ? AND rebuttal_status = "
        "'approved'",
        -1, item);
  };
  CHECK(approve_in_editor(login_of(session, "communications")) == 0);
  CHECK(session.ui().editor->message == tr("editor.rebuttal_approval"));
  // One who both edits media and approves releases may.
  session.act_with_every_role();
  auto select = db.prepare("SELECT login FROM people WHERE id = 1");
  REQUIRE(select.step());
  CHECK(approve_in_editor(select.text(0)) == 1);
}

TEST_CASE("the chair approves a drafted rebuttal in one click, communications may not") {
  set_language(Language::et);
  Session session;
  db::Database& db = session.controller.database();
  db.exec(
      "UPDATE media_items SET misleading = 1, rebuttal_status = 'drafted', rebuttal_due_on = "
      "'2026-11-24' WHERE id = (SELECT min(id) FROM media_items)");
  Id item = db.query_integer("SELECT min(id) FROM media_items", 0);
  auto status = [&] {
    auto select = db.prepare("SELECT rebuttal_status FROM media_items WHERE id = ?");
    select.bind(1, item);
    REQUIRE(select.step());
    return select.text(0);
  };
  session.act_as(login_of(session, "communications"));
  session.click("switcher.media");
  session.frame();
  REQUIRE(session.figures().media);
  const auto& owed = session.figures().media->open_rebuttals;
  auto row = std::find_if(owed.begin(), owed.end(), [&](const auto& r) { return r.id == item; });
  REQUIRE(row != owed.end());
  std::string name = "media.rebuttal.approve." + std::to_string(row - owed.begin());
  ui::Actions crafted;
  crafted.approve_rebuttal = std::make_pair(item, row->version);
  session.controller.carry_out(crafted);
  CHECK(status() == "drafted");

  session.act_as(login_of(session, "council_chair"));
  session.click("switcher.media");
  session.scroll_to(name);
  session.click(name);
  CHECK(status() == "approved");
  CHECK(session.controller.session().notice == "Vastulause kinnitatud.");
}
