// The check of a file before the first save: each table in turn, damage named by its table, and
// an upgrade refused before it writes into a damaged file.

#include <catch2/catch.hpp>

#include "db/database.h"
#include "db/demo_writer.h"
#include "db/integrity_check.h"
#include "db/schema.h"
#include "reading/file_checker.h"
#include "support/damaged_file.h"
#include "support/temp_dir.h"

using namespace raekoda;

namespace {

std::filesystem::path demo_file(const testing::TempDir& dir) {
  auto path = dir / "raekoda.sqlite";
  db::Database db = db::Database::open(path.string(), db::OpenMode::create_if_missing);
  db::write_demo_data(db, DemoOptions{1, 1, 1, *Date::parse_iso("2026-11-22")});
  return path;
}

}  // namespace

TEST_CASE("a whole file passes its check, table by table", "[sqlite]") {
  testing::TempDir dir;
  auto path = demo_file(dir);
  db::Database db = db::Database::open(path.string(), db::OpenMode::reader);
  db::IntegrityResult result = db::check_integrity(db);
  CHECK(result.whole);
  CHECK_FALSE(result.stopped);
  CHECK(result.table.empty());
}

TEST_CASE("a damaged table is found and named, and the file is left as it was", "[sqlite]") {
  testing::TempDir dir;
  auto path = demo_file(dir);
  testing::damage_table(path, "documents");
  std::string before = testing::read_file(path);
  db::Database db = db::Database::open(path.string(), db::OpenMode::reader);
  db::IntegrityResult result = db::check_integrity(db);
  CHECK_FALSE(result.whole);
  CHECK(result.table == "documents");
  CHECK_FALSE(result.problem.empty());
  CHECK(testing::read_file(path) == before);
}

TEST_CASE("damaged free pages, which no table's check sees, are found in a file checked whole",
          "[sqlite]") {
  testing::TempDir dir;
  auto path = demo_file(dir);
  testing::damage_free_pages(path, "media_items");
  db::Database db = db::Database::open(path.string(), db::OpenMode::reader);
  for (const std::string& table : db::file_tables(db)) {
    db::Statement check = db.prepare("PRAGMA quick_check(\"" + table + "\")");
    REQUIRE(check.step());
    CHECK(check.text(0) == "ok");  // every table on its own is whole
  }
  db::IntegrityResult result = db::check_integrity(db);
  CHECK_FALSE(result.whole);
  CHECK(result.table.empty());
  CHECK(result.problem.find("2147483647") != std::string::npos);
}

TEST_CASE("a check asked to stop ends between tables", "[sqlite]") {
  testing::TempDir dir;
  auto path = demo_file(dir);
  db::Database db = db::Database::open(path.string(), db::OpenMode::reader);
  std::atomic<bool> stop{true};
  db::IntegrityResult result = db::check_integrity(db, &stop);
  CHECK(result.stopped);
}

TEST_CASE("the checker's thread hands over whole or damaged, and what a write is told",
          "[sqlite]") {
  testing::TempDir dir;
  auto path = demo_file(dir);
  std::atomic<int> woken{0};
  {
    reading::FileChecker checker(path.string(), [&] { ++woken; });
    reading::FileCheckOutcome outcome = checker.wait();
    CHECK(outcome.result.whole);
    CHECK_FALSE(outcome.refusal());
    CHECK(outcome.gate() == db::Database::WriteGate::open);
    CHECK(checker.outcome());
  }
  CHECK(woken == 1);  // once the thread has ended: it wakes the window after the hand-over
  testing::damage_table(path, "incidents");
  reading::FileChecker checker(path.string(), nullptr);
  reading::FileCheckOutcome outcome = checker.wait();
  CHECK_FALSE(outcome.result.whole);
  CHECK(outcome.gate() == db::Database::WriteGate::damaged);
  REQUIRE(outcome.refusal());
  CHECK(outcome.refusal()->kind() == db::ErrorKind::damaged);
  CHECK(std::string(outcome.refusal()->what()).find("incidents") == 0);
}

TEST_CASE("a file that cannot be opened is not checked, and writes are refused", "[sqlite]") {
  testing::TempDir dir;
  reading::FileChecker checker((dir / "gone.sqlite").string(), nullptr);
  reading::FileCheckOutcome outcome = checker.wait();
  REQUIRE(outcome.error);
  CHECK(outcome.gate() == db::Database::WriteGate::not_checked);
  REQUIRE(outcome.refusal());
  CHECK(outcome.refusal()->kind() == db::ErrorKind::not_checked);
}

TEST_CASE("writes wait while the file is checked and are refused once it is damaged", "[sqlite]") {
  testing::TempDir dir;
  auto path = demo_file(dir);
  db::Database db = db::Database::open(path.string(), db::OpenMode::existing);
  auto insert = [&] {
    db::Transaction transaction(db);
    db.exec("INSERT INTO extra_days_off (day, reason) VALUES ('2026-12-28', 'Test')");
    transaction.commit();
  };
  db.set_write_gate(db::Database::WriteGate::checking);
  std::int64_t refused = db.write_refusals();
  try {
    insert();
    FAIL("a write went through while the file was checked");
  } catch (const db::DatabaseError& error) {
    CHECK(error.kind() == db::ErrorKind::checking);
  }
  CHECK(db.write_refusals() == refused + 1);
  db.set_write_gate(db::Database::WriteGate::damaged, "documents: page 7");
  try {
    insert();
    FAIL("a write went into a damaged file");
  } catch (const db::DatabaseError& error) {
    CHECK(error.kind() == db::ErrorKind::damaged);
    CHECK(std::string(error.what()) == "documents: page 7");
  }
  CHECK(db.query_integer("SELECT count(*) FROM extra_days_off WHERE day = '2026-12-28'", -1) == 0);
  db.set_write_gate(db::Database::WriteGate::open);
  insert();
  CHECK(db.query_integer("SELECT count(*) FROM extra_days_off WHERE day = '2026-12-28'", -1) == 1);
}

TEST_CASE("an upgrade is refused before it writes into a damaged file", "[sqlite]") {
  testing::TempDir dir;
  auto path = demo_file(dir);
  {
    db::Database db = db::Database::open(path.string(), db::OpenMode::existing);
    db.exec("PRAGMA user_version = " + std::to_string(db.schema_version() - 1));
  }
  testing::damage_table(path, "media_items");
  std::string before = testing::read_file(path);
  try {
    db::Database::open(path.string(), db::OpenMode::existing);
    FAIL("a damaged file was upgraded");
  } catch (const db::DatabaseError& error) {
    CHECK(error.kind() == db::ErrorKind::damaged);
    CHECK(std::string(error.what()).find("media_items") == 0);
  }
  CHECK(testing::read_file(path) == before);
}
