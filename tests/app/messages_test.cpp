// A database problem as the user reads it: one sentence in her language, never SQLite's English.

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "app/messages.h"
#include "core/i18n.h"
#include "db/demo_writer.h"
#include "support/dashboard_session.h"
#include "support/database_error.h"
#include "support/temp_dir.h"

using namespace raekoda;
using testing::error_of;
using Session = testing::DashboardSession;

namespace {

const Date until = *Date::parse_iso("2026-11-22");

std::string estonian(const db::DatabaseError& error) {
  set_language(Language::et);
  return app::describe(error);
}

}  // namespace

TEST_CASE("each kind of SQLite failure has its own sentence, without SQLite's English",
          "[sqlite]") {
  struct Case {
    int code;
    const char* sqlite_text;
    const char* estonian_words;
  };
  const Case cases[] = {
      {SQLITE_BUSY, "database is locked", "hõivatud"},
      {SQLITE_LOCKED, "database table is locked", "lukus"},
      {SQLITE_READONLY, "attempt to write a readonly database", "kirjutuskaitstud"},
      {SQLITE_CORRUPT, "database disk image is malformed", "rikutud"},
      {SQLITE_NOTADB, "file is not a database", "ei ole SQLite’i andmebaas"},
      {SQLITE_FULL, "database or disk is full", "Kettal pole enam ruumi"},
      {SQLITE_IOERR_READ, "disk I/O error", "lugemine või kirjutamine ebaõnnestus"},
      {SQLITE_IOERR_WRITE, "disk I/O error", "kettakvoot võib olla täis"},
      {SQLITE_CONSTRAINT_FOREIGNKEY, "FOREIGN KEY constraint failed", "viitab"},
  };
  for (const Case& c : cases) {
    INFO(c.sqlite_text);
    std::string message = estonian(db::DatabaseError(db::ErrorKind::other, c.sqlite_text, c.code));
    CHECK(message.find(c.estonian_words) != std::string::npos);
    CHECK(message.find(c.sqlite_text) == std::string::npos);
    set_language(Language::en);
    CHECK(app::describe(db::DatabaseError(db::ErrorKind::other, c.sqlite_text, c.code)) != message);
  }
  // What SQLite has no sentence for keeps its text as a detail only, for the tooltip.
  app::DatabaseMessage other =
      app::describe(db::DatabaseError(db::ErrorKind::other, "out of memory", SQLITE_NOMEM));
  CHECK(other.find("out of memory") == std::string::npos);
  CHECK(other.detail == "SQLite: out of memory");
}

TEST_CASE("a colleague's save in progress is said in Estonian, not as 'database is locked'",
          "[sqlite]") {
  testing::TempDir dir;
  auto path = dir / "city.sqlite";
  db::Database holder = db::Database::open(path, db::OpenMode::create_if_missing);
  db::Database mine = db::Database::open(path, db::OpenMode::existing);
  mine.set_busy_timeout(0);
  db::Transaction colleague(holder);
  holder.exec("INSERT INTO units (id, name) VALUES (1, 'Linnakantselei')");
  auto error = error_of([&] { mine.exec("INSERT INTO units (id, name) VALUES (2, 'IT')"); });
  std::string message = estonian(error);
  CHECK(message.find("hõivatud") != std::string::npos);
  CHECK(message.find("locked") == std::string::npos);
}

TEST_CASE("a duplicate value names the field in the user's words, on either backend") {
  Session session;
  db::Database& db = session.controller.database();
  auto error = error_of([&] {
    db.exec(
        "INSERT INTO documents (reg_number, doc_type, direction, registered_on, title) "
        "SELECT reg_number, doc_type, direction, registered_on, title FROM documents LIMIT 1");
  });
  set_language(Language::et);
  std::string message = estonian(error);
  CHECK(message == "Sellise väärtusega kirje on juba olemas: Registreerimisnumber");
  set_language(Language::en);
  CHECK(app::describe(error).find("already exists") != std::string::npos);
  // A required field left empty is named too.
  auto empty = error_of([&] {
    db.exec(
        "INSERT INTO documents (reg_number, doc_type, direction, registered_on) "
        "VALUES ('X-1', 'letter', 'incoming', '2026-11-20')");
  });
  set_language(Language::et);
  CHECK(estonian(empty).find("Pealkiri") != std::string::npos);
}

TEST_CASE("demo data refused into a database with records says so, in the user's language",
          "[sqlite]") {
  db::Database db = db::Database::open_in_memory();
  db::write_demo_data(db, DemoOptions{1, 1, 1, until});
  auto error = error_of([&] { db::write_demo_data(db, DemoOptions{2, 1, 1, until}); });
  std::string message = estonian(error);
  CHECK(message.find("on juba kirjeid") != std::string::npos);
  CHECK(message.find("already") == std::string::npos);
}
