// Files changed behind Raekoda's back, given to its commands: one clear line in the user's
// language, a non-zero exit, and the file as it was.

#include <catch2/catch.hpp>

#include "app/run_command.h"
#include "support/temp_dir.h"

using namespace raekoda::testing;

namespace {

const std::string executable = RAEKODA_EXECUTABLE;

}  // namespace

TEST_CASE("a schema version below 0 is one clear line for every command, never a crash") {
  TempDir dir;
  auto path = dir / "tampered.sqlite";
  REQUIRE(write_demo_database(executable, path));
  for (const char* version : {"-1", "-2147483648"}) {
    INFO("user_version " << version);
    REQUIRE(
        run_command("sqlite3 " + quoted(path.string()) + " 'PRAGMA user_version = " + version + "'")
            .exit_code == 0);
    std::string before = read_file(path);
    for (std::string command :
         {" due-date --type information_request --registered 2026-02-20 --db ",
          " demo-data --years 1 --db ", " screenshot --view overview --out /dev/null --db "}) {
      INFO(command);
      auto result =
          run_command("DISPLAY= " + executable + command + quoted(path.string()) + " --lang en");
      CHECK(result.exit_code == 1);
      CHECK(line_count(result.output) == 1);
      CHECK(result.output.find("was not written by Raekoda") != std::string::npos);
    }
    CHECK(read_file(path) == before);
  }
}

TEST_CASE("an empty file is not made a database by a command that only reads it") {
  TempDir dir;
  auto path = dir / "empty.sqlite";
  write_file(path, "");
  for (std::string command : {" due-date --type information_request --registered 2026-02-20 --db ",
                              " screenshot --view overview --out /dev/null --db "}) {
    INFO(command);
    auto result =
        run_command("DISPLAY= " + executable + command + quoted(path.string()) + " --lang en");
    CHECK(result.exit_code == 1);
    CHECK(line_count(result.output) == 1);
    CHECK(result.output.find("holds no Raekoda data yet") != std::string::npos);
    CHECK(std::filesystem::file_size(path) == 0);
  }
  // demo-data was asked to make one, and does.
  auto made = run_command(executable + " demo-data --years 1 --until 2026-11-22 --db " +
                          quoted(path.string()));
  CHECK(made.exit_code == 0);
  CHECK(std::filesystem::file_size(path) > 100000);
}
