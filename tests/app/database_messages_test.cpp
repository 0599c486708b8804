// Every database problem in the user's language, found by what went wrong, never by SQLite's
// or the server's English, which is kept as a detail for the tooltip and the log.

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <sqlite3.h>

#include "app/messages.h"
#include "core/i18n.h"
#include "db/demo_writer.h"
#include "support/database_error.h"
#include "support/temp_dir.h"

using namespace raekoda;
using testing::error_of;

namespace {

const Date until = *Date::parse_iso("2026-11-22");

bool has_latin_words_of(const std::string& message, const std::string& english) {
  return message.find(english) != std::string::npos;
}

}  // namespace

TEST_CASE("a table renamed behind Raekoda's back is said as a changed schema in each language",
          "[no-db]") {
  db::Database db = db::Database::open_in_memory();
  db::write_demo_data(db, DemoOptions{1, 1, 1, until});
  db.exec("ALTER TABLE incidents RENAME TO incidents_old");
  auto error = error_of([&] { db.query_integer("SELECT count(*) FROM incidents", 0); });
  const std::pair<Language, const char*> words[] = {
      {Language::et, "väljaspool Raekoda"},
      {Language::en, "outside Raekoda"},
      {Language::ru, "вне Raekoda"},
  };
  for (auto [language, expected] : words) {
    set_language(language);
    app::DatabaseMessage message = app::describe(error);
    INFO(message);
    CHECK(message.find(expected) != std::string::npos);
    CHECK_FALSE(has_latin_words_of(message, "no such table"));
    CHECK(message.detail == "SQLite: no such table: incidents");
    CHECK(app::describe_with_detail(error).find("(SQLite: no such table: incidents)") !=
          std::string::npos);
  }
}

TEST_CASE("the server's or Raekoda's English for a broken rule or a refused role stays a detail",
          "[no-db]") {
  set_language(Language::et);
  const std::pair<db::DatabaseError, const char*> cases[] = {
      {db::DatabaseError(db::ErrorKind::constraint, "value too long for type character varying", 0,
                         "22001"),
       "reeglitega"},
      {db::DatabaseError(db::ErrorKind::permission, "permission denied for schema public", 0,
                         "42501"),
       "ei luba"},
      {db::DatabaseError(db::ErrorKind::other, "no plan 12"), "Andmebaasi viga"},
  };
  for (const auto& [error, words] : cases) {
    app::DatabaseMessage message = app::describe(error);
    INFO(message);
    CHECK(message.find(words) != std::string::npos);
    CHECK(message.find(error.what()) == std::string::npos);
    CHECK(message.detail.find(error.what()) != std::string::npos);
  }
}

TEST_CASE("a file that cannot be written to get Raekoda's tables says so without 'upgrade'",
          "[no-db]") {
  db::DatabaseError error(db::ErrorKind::read_only,
                          "/mnt/linn/empty.sqlite: schema needs an upgrade");
  set_language(Language::et);
  std::string estonian = app::describe(error);
  CHECK(estonian.find("Andmebaasi empty.sqlite ei saa kirjutada") == 0);
  CHECK(estonian.find("upgrade") == std::string::npos);
  set_language(Language::ru);
  CHECK(app::describe(error).find("только для чтения") != std::string::npos);
  // A path alone, as import and copy give it, is still named as it is.
  set_language(Language::en);
  CHECK(app::describe(db::DatabaseError(db::ErrorKind::read_only, "city.sqlite")) ==
        "The database cannot be written: city.sqlite");
}

TEST_CASE("a pipe given as the database is said not to be a file, whatever SQLite made of it",
          "[no-db]") {
  testing::TempDir dir;
  std::string pipe = (dir / "raekoda.sqlite").string();
  REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
  db::DatabaseError io(db::ErrorKind::other, "disk I/O error", SQLITE_IOERR_SHORT_READ);
  set_language(Language::et);
  std::string said = app::describe_opening(io, {"", pipe});
  CHECK(said == pipe + " ei ole andmebaasifail, vaid toru (FIFO).");
  CHECK(said.find("I/O") == std::string::npos);
  // A real file keeps the sentence SQLite's code gives, with its detail.
  std::string file = (dir / "other.sqlite").string();
  db::Database::open(file, db::OpenMode::create_if_missing);
  CHECK(app::describe_opening(io, {file}) ==
        "Andmebaasifaili lugemine või kirjutamine ebaõnnestus (kas võrguketas on ühendatud?). "
        "Proovi uuesti. (SQLite: disk I/O error)");
}

TEST_CASE("a write refused by a full quota or a size limit is said as such, not as a lost drive",
          "[no-db]") {
  set_language(Language::en);
  db::DatabaseError write(db::ErrorKind::other, "disk I/O error", SQLITE_IOERR_WRITE);
  CHECK(app::describe(write).find("disk quota may be full") != std::string::npos);
  db::DatabaseError read(db::ErrorKind::other, "disk I/O error", SQLITE_IOERR_READ);
  CHECK(app::describe(read).find("is the network drive connected?") != std::string::npos);
  set_language(Language::et);
}
