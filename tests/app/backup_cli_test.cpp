// `raekoda backup` and `raekoda verify` as the IT lead's nightly job runs them: a whole copy in
// place, a damaged file said and never copied over the last good backup.

#include <catch2/catch.hpp>

#include <fstream>

#include "app/run_command.h"
#include "support/temp_dir.h"

using namespace raekoda::testing;

namespace {

const std::string executable = RAEKODA_EXECUTABLE;

std::string count_of(const std::filesystem::path& file, const std::string& table) {
  return run_command("sqlite3 " + quoted(file.string()) + " 'SELECT count(*) FROM " + table + "'")
      .output;
}

// 64 bytes in the middle of the file overwritten, as a failing disk or a bad copy leaves it.
void damage(const std::filesystem::path& file) {
  auto size = std::filesystem::file_size(file);
  std::fstream bytes(file, std::ios::in | std::ios::out | std::ios::binary);
  bytes.seekp(static_cast<std::streamoff>(size / 2));
  for (int i = 0; i < 64; ++i) bytes.put(static_cast<char>(0xA5 ^ i));
}

bool no_part_files(const std::filesystem::path& folder) {
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    if (entry.path().filename().string().find(".part-") != std::string::npos) return false;
  return true;
}

}  // namespace

TEST_CASE("a backup is a whole copy of the file, checked before it is in place") {
  TempDir dir;
  auto db = dir / "linn.sqlite";
  auto copy = dir / "backups" / "linn-2026-11-22.sqlite";
  REQUIRE(write_demo_database(executable, db));
  std::filesystem::create_directories(copy.parent_path());
  auto made = run_command(executable + " backup --db " + quoted(db.string()) + " --out " +
                          quoted(copy.string()) + " --lang en");
  CHECK(made.exit_code == 0);
  CHECK(line_count(made.output) == 1);
  CHECK(made.output.find("written and whole") != std::string::npos);
  for (const char* table : {"documents", "media_items", "audit_log", "review_decisions"})
    CHECK(count_of(copy, table) == count_of(db, table));
  auto verified = run_command(executable + " verify --db " + quoted(copy.string()) + " --lang en");
  CHECK(verified.exit_code == 0);
  CHECK(verified.output.find("whole") != std::string::npos);
  CHECK(no_part_files(copy.parent_path()));
}

TEST_CASE("a damaged file is said, and never replaces the last good backup") {
  TempDir dir;
  auto db = dir / "linn.sqlite";
  auto copy = dir / "linn-backup.sqlite";
  REQUIRE(write_demo_database(executable, db));
  REQUIRE(run_command(executable + " backup --db " + quoted(db.string()) + " --out " +
                      quoted(copy.string()))
              .exit_code == 0);
  std::string good = read_file(copy);
  damage(db);

  auto verified = run_command(executable + " verify --db " + quoted(db.string()) + " --lang en");
  CHECK(verified.exit_code == 1);
  CHECK(line_count(verified.output) == 1);
  CHECK(verified.output.find("damaged") != std::string::npos);

  auto made = run_command(executable + " backup --db " + quoted(db.string()) + " --out " +
                          quoted(copy.string()) + " --lang et");
  CHECK(made.exit_code == 1);
  CHECK(line_count(made.output) == 1);
  CHECK(made.output.find("Varasem koopia jäi alles") != std::string::npos);
  CHECK(read_file(copy) == good);
  CHECK(no_part_files(dir.path()));
}

TEST_CASE("backup and verify refuse what they cannot check, in one line") {
  TempDir dir;
  auto other = dir / "eelarve.sqlite";
  REQUIRE(run_command("sqlite3 " + quoted(other.string()) +
                      " 'CREATE TABLE read (id INTEGER); INSERT INTO read VALUES (1)'")
              .exit_code == 0);
  auto foreign = run_command(executable + " verify --db " + quoted(other.string()) + " --lang en");
  CHECK(foreign.exit_code == 1);
  CHECK(foreign.output.find("not a Raekoda database") != std::string::npos);
  auto missing = run_command(executable + " verify --db " + quoted((dir / "none.sqlite").string()) +
                             " --lang en");
  CHECK(missing.exit_code == 1);
  CHECK(line_count(missing.output) == 1);
  auto server =
      run_command(executable + " backup --db postgresql://raekoda@/raekoda?host=/nowhere --out " +
                  quoted((dir / "x.sqlite").string()) + " --lang en");
  CHECK(server.exit_code == 1);
  CHECK(server.output.find("pg_dump") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "x.sqlite"));
}
