#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "app/run_command.h"
#include "support/temp_dir.h"

using namespace raekoda::testing;

namespace {

const std::string executable = RAEKODA_EXECUTABLE;

int lines(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("demo-data writes a database and reports how many rows") {
  TempDir dir;
  auto result =
      run_command(executable + " demo-data --db " + quoted((dir / "demo.sqlite").string()) +
                  " --years 1 --until 2026-11-22 --lang en");
  CHECK(result.exit_code == 0);
  CHECK(result.output.find("Wrote ") == 0);
  CHECK(std::filesystem::file_size(dir / "demo.sqlite") > 100000);
}

TEST_CASE("a missing database file is one clear line in Estonian and a non-zero exit") {
  TempDir dir;
  auto result = run_command("DISPLAY= " + executable + " screenshot --db " +
                            quoted((dir / "none.sqlite").string()) + " --out " +
                            quoted((dir / "x.png").string()));
  CHECK(result.exit_code == 1);
  CHECK(lines(result.output) == 1);
  CHECK(result.output.find("Andmebaasifaili ei ole") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "none.sqlite"));
}

TEST_CASE("a file that is not a Raekoda database is refused and not written to") {
  TempDir dir;
  auto path = dir / "budget.sqlite";
  write_file(path, "Eelarve 2027\n");
  auto result =
      run_command(executable + " bench --frames 1 --db " + quoted(path.string()) + " --lang en");
  CHECK(result.exit_code == 1);
  CHECK(lines(result.output) == 1);
  CHECK(result.output.find("not an SQLite database") != std::string::npos);
  CHECK(read_file(path) == "Eelarve 2027\n");
}

TEST_CASE("a database from a newer Raekoda is refused with a hint to update") {
  TempDir dir;
  auto path = dir / "newer.sqlite";
  REQUIRE(write_demo_database(executable, path));
  REQUIRE(
      run_command("sqlite3 " + quoted(path.string()) + " 'PRAGMA user_version = 999'").exit_code ==
      0);
  std::string before = read_file(path);
  auto result = run_command(executable + " bench --frames 1 --db " + quoted(path.string()));
  CHECK(result.exit_code == 1);
  CHECK(result.output.find("uuem versioon") != std::string::npos);
  CHECK(read_file(path) == before);
}

TEST_CASE("a screenshot without a display fails with one line, writing nothing") {
  TempDir dir;
  auto path = dir / "demo.sqlite";
  REQUIRE(write_demo_database(executable, path));
  std::string before = read_file(path);
  auto result =
      run_command("DISPLAY= WAYLAND_DISPLAY= " + executable + " screenshot --lang en --db " +
                  quoted(path.string()) + " --out " + quoted((dir / "x.png").string()));
  CHECK(result.exit_code == 1);
  CHECK(lines(result.output) == 1);
  CHECK(result.output.find("no display") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "x.png"));
  CHECK(read_file(path) == before);
}

TEST_CASE("malformed arguments are refused before anything is opened") {
  TempDir dir;
  auto path = dir / "demo.sqlite";
  CHECK(run_command(executable + " screenshot --db " + quoted(path.string()) +
                    " --out x.png --view budget")
            .exit_code == 1);
  CHECK(run_command(executable + " screenshot --db " + quoted(path.string()) +
                    " --out x.png --size huge")
            .exit_code == 1);
  CHECK(run_command(executable + " --lang fi").exit_code == 2);
  CHECK(run_command(executable + " demo-data --db " + quoted(path.string()) + " --until 31.12.2026")
            .exit_code == 1);
  CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("bench prints one machine-readable figure per line") {
  TempDir dir;
  auto path = dir / "demo.sqlite";
  REQUIRE(write_demo_database(executable, path));
  auto result = run_command(executable + " bench --frames 20 --db " + quoted(path.string()));
  REQUIRE(result.exit_code == 0);
  for (const char* name : {"open_and_first_frame ", "frame_cpu_median.overview ",
                           "frame_cpu_p99.access ", "peak_memory "})
    CHECK(result.output.find(name) != std::string::npos);
  std::istringstream in(result.output);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string name, unit;
    double value = -1;
    fields >> name >> value >> unit;
    INFO(line);
    CHECK(value >= 0);
    CHECK((unit == "ms" || unit == "MiB"));
  }
}

TEST_CASE("due-date prints the due date by the law's examples") {
  auto request =
      run_command(executable + " due-date --type information_request --registered 2026-02-20");
  CHECK(request.exit_code == 0);
  CHECK(request.output == "2026-03-02\n");
  auto memorandum = run_command(executable + " due-date --type memorandum --registered 2026-03-04");
  CHECK(memorandum.output == "2026-04-06\n");
}

TEST_CASE("due-date follows the rules and extra days off kept in the database") {
  TempDir dir;
  auto path = dir / "rules.sqlite";
  REQUIRE(write_demo_database(executable, path));
  // The city gives 27.02.2026 off; the information request is due a working day later.
  REQUIRE(run_command(
              "sqlite3 " + quoted(path.string()) +
              " \"INSERT INTO extra_days_off (day, reason) VALUES ('2026-02-27', 'Linna päev')\"")
              .exit_code == 0);
  auto result = run_command(executable +
                            " due-date --type information_request --registered 2026-02-20 --db " +
                            quoted(path.string()));
  CHECK(result.output == "2026-03-03\n");
  REQUIRE(run_command("sqlite3 " + quoted(path.string()) +
                      " \"UPDATE deadline_rules SET amount = 10 WHERE key = 'media_inquiry'\"")
              .exit_code == 0);
  CHECK(run_command(executable + " due-date --type media_inquiry --registered 2026-06-22 --db " +
                    quoted(path.string()))
            .output == "2026-07-08\n");
}

TEST_CASE("due-date refuses an unknown type and an impossible day in one line") {
  auto unknown =
      run_command(executable + " due-date --type complaint --registered 2026-02-20 --lang en");
  CHECK(unknown.exit_code == 1);
  CHECK(lines(unknown.output) == 1);
  CHECK(unknown.output.find("Unknown document type: complaint") != std::string::npos);
  auto impossible = run_command(executable + " due-date --type letter --registered 2026-02-30");
  CHECK(impossible.exit_code == 1);
  CHECK(lines(impossible.output) == 1);
}
