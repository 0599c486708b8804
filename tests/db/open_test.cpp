#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "db/database.h"
#include "db/schema.h"
#include "support/temp_dir.h"

using namespace raekoda;
using db::Database;
using db::DatabaseError;
using db::ErrorKind;
using db::OpenMode;
using testing::read_file;

namespace {

ErrorKind open_error(const std::filesystem::path& path, OpenMode mode) {
  try {
    Database::open(path, mode);
  } catch (const DatabaseError& error) {
    return error.kind();
  }
  FAIL("opened " << path << " without an error");
  return ErrorKind::other;
}

void make_sqlite_file(const std::filesystem::path& path, const char* sql) {
  sqlite3* handle = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &handle) == SQLITE_OK);
  REQUIRE(sqlite3_exec(handle, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(handle);
}

// What opening `path` for writing says to a user who may only read it and its folder `dir`;
// `other` when it opened, or the check could not run.
ErrorKind kind_opened_read_only(const testing::TempDir& dir, const std::filesystem::path& path) {
  std::filesystem::permissions(
      path, std::filesystem::perms::owner_read | std::filesystem::perms::others_read);
  std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all |
                                               std::filesystem::perms::others_read |
                                               std::filesystem::perms::others_exec);
  int kind = testing::as_unprivileged_user([&] {
    try {
      Database::open(path, OpenMode::existing);
      return 200;
    } catch (const DatabaseError& error) {
      return static_cast<int>(error.kind());  // an exit code: the kinds are few
    }
  });
  return kind >= static_cast<int>(ErrorKind::other) ? ErrorKind::other
                                                    : static_cast<ErrorKind>(kind);
}

}  // namespace

TEST_CASE("a missing file is created with the schema only when asked to", "[sqlite]") {
  testing::TempDir dir;
  CHECK(open_error(dir / "none.sqlite", OpenMode::existing) == ErrorKind::missing_file);
  CHECK_FALSE(std::filesystem::exists(dir / "none.sqlite"));
  CHECK(open_error(dir / "no-folder" / "new.sqlite", OpenMode::create_if_missing) ==
        ErrorKind::missing_folder);
  Database db = Database::open(dir / "new.sqlite", OpenMode::create_if_missing);
  CHECK(db.schema_version() == db::latest_schema_version());
  CHECK(db.is_empty());
}

TEST_CASE("a file that is not SQLite is refused and left as it was", "[sqlite]") {
  testing::TempDir dir;
  auto path = dir / "notes.sqlite";
  std::string text = "Volikogu istungi märkmed\nЗаметки\n" + std::string(5000, 'x');
  testing::write_file(path, text);
  CHECK(open_error(path, OpenMode::existing) == ErrorKind::not_a_database);
  CHECK(open_error(path, OpenMode::create_if_missing) == ErrorKind::not_a_database);
  CHECK(read_file(path) == text);
}

TEST_CASE("a damaged Raekoda file is refused and left as it was", "[sqlite]") {
  testing::TempDir dir;
  auto path = dir / "damaged.sqlite";
  { Database::open(path, OpenMode::create_if_missing); }
  std::string bytes = read_file(path);
  // Overwrite the header's page size and the first page's B-tree header.
  for (std::size_t i = 16; i < 120; ++i) bytes[i] = '\xff';
  testing::write_file(path, bytes);
  CHECK(open_error(path, OpenMode::existing) == ErrorKind::not_a_database);
  CHECK(read_file(path) == bytes);
}

TEST_CASE("another program's SQLite database is refused and left as it was", "[sqlite]") {
  testing::TempDir dir;
  auto path = dir / "other.sqlite";
  make_sqlite_file(path,
                   "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO "
                   "invoices VALUES (1, 9.5);");
  std::string before = read_file(path);
  CHECK(open_error(path, OpenMode::existing) == ErrorKind::foreign_database);
  CHECK(read_file(path) == before);
}

TEST_CASE("a database from a newer Raekoda is refused and left as it was", "[sqlite]") {
  testing::TempDir dir;
  auto path = dir / "newer.sqlite";
  { Database::open(path, OpenMode::create_if_missing); }
  std::string pragma = "PRAGMA user_version = " + std::to_string(db::latest_schema_version() + 1);
  make_sqlite_file(path, pragma.c_str());
  std::string before = read_file(path);
  CHECK(open_error(path, OpenMode::existing) == ErrorKind::newer_schema);
  CHECK(read_file(path) == before);
}

TEST_CASE("a blank SQLite file becomes a Raekoda database only where one is to be made",
          "[sqlite]") {
  testing::TempDir dir;
  auto path = dir / "blank.sqlite";
  testing::write_file(path, "");
  // A command that reads or adds to a database (due-date, screenshot, import) leaves it empty.
  CHECK(open_error(path, OpenMode::existing) == ErrorKind::blank);
  CHECK(open_error(path, OpenMode::as_it_is) == ErrorKind::blank);
  CHECK(std::filesystem::file_size(path) == 0);
  Database db = Database::open(path, OpenMode::create_if_missing);
  CHECK(db.schema_version() == db::latest_schema_version());
}

TEST_CASE("a schema version no Raekoda wrote is refused and left as it was", "[sqlite]") {
  testing::TempDir dir;
  auto path = dir / "tampered.sqlite";
  { Database::open(path, OpenMode::create_if_missing); }
  for (const char* version : {"-1", "-2147483648", "0"}) {
    INFO("user_version " << version);
    make_sqlite_file(path, (std::string("PRAGMA user_version = ") + version).c_str());
    std::string before = read_file(path);
    for (OpenMode mode : {OpenMode::existing, OpenMode::create_if_missing, OpenMode::as_it_is})
      CHECK(open_error(path, mode) == ErrorKind::unknown_schema);
    CHECK(read_file(path) == before);
  }
}

TEST_CASE("a file the user may only read opens read-only", "[sqlite]") {
  testing::TempDir dir;
  auto path = dir / "shared.sqlite";
  { Database::open(path, OpenMode::create_if_missing); }
  std::filesystem::permissions(path, std::filesystem::perms::owner_read |
                                         std::filesystem::perms::group_read |
                                         std::filesystem::perms::others_read);
  std::filesystem::permissions(
      dir.path(), std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                      std::filesystem::perms::group_exec | std::filesystem::perms::others_read |
                      std::filesystem::perms::others_exec);
  std::string before = read_file(path);
  int result = testing::as_unprivileged_user([&] {
    try {
      Database db = Database::open(path, OpenMode::existing);
      if (!db.read_only()) return 1;
      try {
        db.exec("INSERT INTO units (name) VALUES ('Uus osakond')");
        return 2;  // a write went through
      } catch (const DatabaseError& error) {
        return error.kind() == ErrorKind::read_only ? 0 : 3;
      }
    } catch (const DatabaseError&) {
      return 4;
    }
  });
  CHECK(result == 0);
  CHECK(read_file(path) == before);
}

TEST_CASE("a read-only file that needs a schema upgrade is refused, not half-upgraded",
          "[sqlite]") {
  testing::TempDir dir;
  auto path = dir / "old.sqlite";
  { Database::open(path, OpenMode::create_if_missing); }
  // As an older Raekoda left it: a version before the latest.
  std::string older = "PRAGMA user_version = " + std::to_string(db::latest_schema_version() - 1);
  make_sqlite_file(path, older.c_str());
  std::string before = read_file(path);
  CHECK(kind_opened_read_only(dir, path) == ErrorKind::read_only);
  CHECK(read_file(path) == before);  // not half-upgraded
}

TEST_CASE("an empty read-only file says it is empty, not that it needs an upgrade", "[sqlite]") {
  testing::TempDir dir;
  auto path = dir / "empty.sqlite";
  testing::write_file(path, "");
  CHECK(kind_opened_read_only(dir, path) == ErrorKind::blank);
  CHECK(std::filesystem::file_size(path) == 0);
}
