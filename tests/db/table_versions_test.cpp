// How often each table changed, as a figure reader's own connection sees a colleague's commits.

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "db/database.h"
#include "support/temp_dir.h"
#include "support/test_database.h"

using namespace raekoda;
using db::Database;
using db::OpenMode;
using db::TableVersions;

namespace {

std::int64_t version_of(const TableVersions& versions, const std::string& table) {
  auto found = versions.find(table);
  return found == versions.end() ? 0 : found->second;
}

// A server's notice arrives a moment after the commit: looked for up to five seconds.
TableVersions versions_once_changed(Database& reader, const std::string& table, std::int64_t from) {
  TableVersions versions = reader.table_versions();
  for (int tries = 0; tries < 500 && version_of(versions, table) == from; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    versions = reader.table_versions();
  }
  return versions;
}

}  // namespace

TEST_CASE("a colleague's commit counts in its table's version, and in no other's") {
  testing::TempDir dir;
  std::string target = testing::shared_test_target(dir.path().string(), "versions.sqlite");
  Database writer = Database::open(target, OpenMode::create_if_missing);
  Database reader = Database::open(target, OpenMode::reader);
  TableVersions before = reader.table_versions();

  writer.exec("INSERT INTO units (name) VALUES ('Linnakantselei')");
  TableVersions after = versions_once_changed(reader, "units", version_of(before, "units"));
  CHECK(version_of(after, "units") == version_of(before, "units") + 1);
  CHECK(version_of(after, "documents") == version_of(before, "documents"));
  CHECK(version_of(after, "") == version_of(before, ""));

  // An update and a delete count too; a transaction rolled back counts nothing.
  {
    db::Transaction undone(writer);
    writer.exec("INSERT INTO units (name) VALUES ('Tagasi')");
  }
  writer.exec("UPDATE units SET name = 'Kantselei'");
  writer.exec("DELETE FROM units");
  std::int64_t counted = version_of(after, "units");
  TableVersions later = reader.table_versions();
  for (int tries = 0; tries < 500 && version_of(later, "units") < counted + 2; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    later = reader.table_versions();
  }
  CHECK(version_of(later, "units") == counted + 2);
  CHECK(version_of(later, "documents") == version_of(before, "documents"));
}

TEST_CASE("a figure reader's connection may not write") {
  testing::TempDir dir;
  std::string target = testing::shared_test_target(dir.path().string(), "reader.sqlite");
  Database writer = Database::open(target, OpenMode::create_if_missing);
  Database reader = Database::open(target, OpenMode::reader);
  CHECK(reader.read_only());
  CHECK_THROWS_AS(reader.exec("INSERT INTO units (name) VALUES ('Linnakantselei')"),
                  db::DatabaseError);
  CHECK(writer.query_integer("SELECT count(*) FROM units", -1) == 0);
}
