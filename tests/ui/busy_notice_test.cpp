// A colleague holds the whole file (BEGIN EXCLUSIVE, as the sqlite3 program or a long save
// does): the notice line says the file is busy, and once the step went through it says so
// instead; it never goes on saying busy after the file is free.

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include <sqlite3.h>

#include "core/i18n.h"
#include "support/dashboard_session.h"

using namespace raekoda;

using Session = testing::DashboardSession;

namespace {

// The colleague's exclusive lock: on a file in rollback-journal mode it keeps out readers too.
struct ColleagueHoldsFile {
  db::Database db;
  explicit ColleagueHoldsFile(Session& session)
      : db(db::Database::open(session.target, db::OpenMode::existing)) {
    db.exec("BEGIN EXCLUSIVE");
  }
  void finish() { db.exec("ROLLBACK"); }
};

void frames_for(Session& session, std::chrono::milliseconds time) {
  auto until = std::chrono::steady_clock::now() + time;
  while (std::chrono::steady_clock::now() < until) {
    session.controller.tick();
    session.frame();
  }
}

bool says_busy(const Session& session) {
  const std::string& notice = session.controller.session().notice;
  return notice.find("hõivatud") != std::string::npos ||
         notice.find("Ootan, kuni kolleegi salvestus") != std::string::npos;
}

std::int64_t revoked_today(Session& session) {
  return session.controller.database().query_integer(
      "SELECT count(*) FROM accounts WHERE revoked_on = '2026-11-22'", -1);
}

}  // namespace

TEST_CASE("a revocation made while a colleague holds the whole file ends saying it was done",
          "[sqlite]") {
  set_language(Language::et);
  Session session;
  session.click("switcher.access");
  session.frame();
  std::optional<ColleagueHoldsFile> colleague(session);
  session.click("access.leaver.revoke.0");
  session.frame();
  CHECK(says_busy(session));
  colleague->finish();
  colleague.reset();
  frames_for(session, std::chrono::milliseconds(600));
  CHECK(revoked_today(session) == 1);
  INFO(session.controller.session().notice);
  CHECK_FALSE(says_busy(session));
  CHECK_FALSE(session.controller.session().notice_is_problem);
}

TEST_CASE("a read refused by a busy file is said until a later read goes through", "[sqlite]") {
  set_language(Language::et);
  Session session;
  session.frame();
  // What the window says when the figure reader gave up on a colleague's lock (five seconds).
  session.controller.warn(
      app::describe(db::DatabaseError(db::ErrorKind::busy, "database is locked", SQLITE_BUSY)));
  session.frame();
  REQUIRE(says_busy(session));
  CHECK(session.controller.session().notice_detail == "SQLite: database is locked");
  // The colleague's save ended; the next read goes through.
  session.controller.refresh();
  session.frame();
  session.frame();
  INFO(session.controller.session().notice);
  CHECK_FALSE(says_busy(session));
  // Another problem is not put away by a read.
  session.controller.warn(
      app::describe(db::DatabaseError(db::ErrorKind::other, "disk I/O error", SQLITE_IOERR_READ)));
  session.frame();
  session.controller.refresh();
  session.frame();
  session.frame();
  CHECK(session.controller.session().notice.find("ebaõnnestus") != std::string::npos);
}
