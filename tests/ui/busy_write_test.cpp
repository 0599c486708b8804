// A colleague's save holds the shared file: the window keeps drawing, says that it waits, saves
// when the file is free, and lets the user cancel with nothing written and the edit kept.

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "core/i18n.h"
#include "db/record_store.h"
#include "support/dashboard_session.h"

using namespace raekoda;

using Session = testing::DashboardSession;

namespace {

// A colleague's Raekoda on the same database, in the middle of a save: SQLite's write lock on
// the file, or on a server the lock on the audit log that every save writes to.
struct ColleagueSaving {
  db::Database db;
  explicit ColleagueSaving(Session& session)
      : db(db::Database::open(session.target, db::OpenMode::existing)) {
    db.exec(db.backend() == db::Backend::sqlite ? "BEGIN IMMEDIATE"
                                                : "BEGIN; LOCK TABLE audit_log IN EXCLUSIVE MODE");
  }
  void finish() { db.exec("ROLLBACK"); }
};

std::int64_t revoked_today(Session& session) {
  return session.controller.database().query_integer(
      "SELECT count(*) FROM accounts WHERE revoked_on = '2026-11-22'", -1);
}

}  // namespace

TEST_CASE(
    "a one-click step waits for a colleague's save while the window draws, and is cancelled") {
  set_language(Language::et);
  Session session;
  session.click("switcher.access");
  session.frame();
  ColleagueSaving colleague(session);
  auto before = std::chrono::steady_clock::now();
  session.click("access.leaver.revoke.0");
  // No frame waits for the file longer than one short try.
  CHECK(std::chrono::steady_clock::now() - before < std::chrono::seconds(1));
  CHECK(session.controller.waiting_for_write());
  CHECK(session.controller.session().notice_is_waiting);
  CHECK(session.controller.session().notice.find("Ootan, kuni kolleegi salvestus lõpeb") == 0);
  session.frames_for(std::chrono::milliseconds(400));
  CHECK(session.controller.session().notice_is_waiting);
  CHECK(revoked_today(session) == 0);

  session.click("notice.cancel");
  CHECK_FALSE(session.controller.waiting_for_write());
  CHECK(session.controller.session().notice == "Katkestatud: midagi ei salvestatud.");
  colleague.finish();
  session.frames_for(std::chrono::milliseconds(300));
  CHECK(revoked_today(session) == 0);
}

TEST_CASE("the editor's save waits for a colleague's save and lands when the file is free") {
  set_language(Language::et);
  Session session;
  Id record = session.edit_first_incident("Toiteplokk vahetatud");
  ColleagueSaving colleague(session);
  session.press('S', /*ctrl=*/true);
  CHECK(session.controller.session().notice_is_waiting);
  session.frames_for(std::chrono::milliseconds(300));
  colleague.finish();
  session.frames_for(std::chrono::milliseconds(300));
  CHECK_FALSE(session.controller.waiting_for_write());
  CHECK_FALSE(session.controller.session().notice_is_waiting);
  CHECK(db::load_record(session.controller.database(), incidents_spec(), record)
            ->value("root_cause") == "Toiteplokk vahetatud");
  CHECK(session.ui().editor->message == "Salvestatud.");
}

TEST_CASE("a save cancelled while it waits leaves nothing written and the edit in the editor") {
  set_language(Language::et);
  Session session;
  Id record = session.edit_first_incident("Toiteplokk vahetatud");
  auto saved_before = db::load_record(session.controller.database(), incidents_spec(), record);
  ColleagueSaving colleague(session);
  session.press('S', /*ctrl=*/true);
  REQUIRE(session.controller.session().notice_is_waiting);
  session.click("notice.cancel");
  colleague.finish();
  session.frames_for(std::chrono::milliseconds(300));
  CHECK(session.controller.session().notice ==
        "Katkestatud: midagi ei salvestatud. Sinu muudatused on redaktoris alles.");
  CHECK(db::load_record(session.controller.database(), incidents_spec(), record)->values ==
        saved_before->values);
  REQUIRE(session.ui().editor);
  CHECK(session.ui().editor->edited.value("root_cause") == "Toiteplokk vahetatud");
}

TEST_CASE("after the wait's limit the file is said to be busy, with nothing written") {
  set_language(Language::et);
  Session session;
  auto now = std::chrono::steady_clock::now();
  session.controller.set_clock([&] { return now; });
  session.click("switcher.access");
  session.frame();
  ColleagueSaving colleague(session);
  session.click("access.leaver.revoke.0");
  REQUIRE(session.controller.waiting_for_write());
  now += std::chrono::seconds(static_cast<int>(app::Controller::write_wait_limit_s) + 1);
  session.frame();
  CHECK_FALSE(session.controller.waiting_for_write());
  CHECK(session.controller.session().notice_is_problem);
  CHECK(session.controller.session().notice.find("Andmebaas on hõivatud") == 0);
  colleague.finish();
  session.frame();
  CHECK(revoked_today(session) == 0);
}

TEST_CASE("a save while the server's connection is down waits for it, keeps the edit and lands",
          "[postgres]") {
  set_language(Language::et);
  Session session;
  Id record = session.edit_first_incident("Toiteplokk vahetatud");
  // The server ends the window's connection, as a restart or a network cut would.
  db::Database& mine = session.controller.database();
  std::int64_t pid = mine.query_integer("SELECT pg_backend_pid()", 0);
  {
    db::Database admin = db::Database::open(session.target, db::OpenMode::existing);
    admin.query_integer("SELECT count(*) FROM (SELECT pg_terminate_backend(?)) t", 0, pid);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  session.press('S', /*ctrl=*/true);
  CHECK(session.controller.waiting_for_write());
  CHECK(session.controller.session().notice.find("Ühendus andmebaasiserveriga katkes") == 0);
  REQUIRE(session.ui().editor);
  CHECK(session.ui().editor->edited.value("root_cause") == "Toiteplokk vahetatud");
  // The next try opens the connection again, and the save lands.
  session.frames_for(std::chrono::milliseconds(500));
  CHECK_FALSE(session.controller.waiting_for_write());
  CHECK(mine.query_integer("SELECT pg_backend_pid()", 0) != pid);
  CHECK(db::load_record(mine, incidents_spec(), record)->value("root_cause") ==
        "Toiteplokk vahetatud");
  CHECK(session.ui().editor->message == "Salvestatud.");
}
