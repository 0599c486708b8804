// `raekoda report` as a cron job runs it: no display, the path on success, one line otherwise.
#include <catch2/catch.hpp>

#include "app/run_command.h"
#include "support/damaged_file.h"
#include "support/temp_dir.h"

using namespace raekoda::testing;

namespace {

const std::string executable = RAEKODA_EXECUTABLE;

}  // namespace

TEST_CASE("report writes the PDF without a display and prints its path") {
  TempDir dir;
  REQUIRE(write_demo_database(executable, dir / "demo.sqlite"));
  std::string out = (dir / "aruanne.pdf").string();
  auto result = run_command("DISPLAY= WAYLAND_DISPLAY= " + executable + " report --db " +
                            raekoda::testing::quoted((dir / "demo.sqlite").string()) +
                            " --period 2026-11 --areas deadlines,media --lang ru --today "
                            "2026-11-22 --out " +
                            raekoda::testing::quoted(out));
  CHECK(result.exit_code == 0);
  CHECK(result.output == out + "\n");
  std::string text = run_command("pdftotext " + raekoda::testing::quoted(out) + " -").output;
  CHECK(text.find("1. СМИ") != std::string::npos);
  CHECK(text.find("2. Сроки документов") != std::string::npos);
  CHECK(text.find("Права доступа") == std::string::npos);  // not asked for
}

TEST_CASE("report refuses a period it cannot read in one line and a non-zero exit") {
  TempDir dir;
  REQUIRE(write_demo_database(executable, dir / "demo.sqlite"));
  std::string common = executable + " report --lang en --db " +
                       raekoda::testing::quoted((dir / "demo.sqlite").string()) + " --out " +
                       raekoda::testing::quoted((dir / "r.pdf").string());
  auto month = run_command(common + " --period 2026-13");
  CHECK(month.exit_code == 1);
  CHECK(line_count(month.output) == 1);
  CHECK(month.output.find("The period \"2026-13\" is neither a month") != std::string::npos);

  auto areas = run_command(common + " --period 2026-11 --areas media,weather");
  CHECK(areas.exit_code == 1);
  CHECK(line_count(areas.output) == 1);
  CHECK(areas.output.find("media,weather") != std::string::npos);

  auto reversed = run_command(common + " --period 2026-11-15..2026-11-01");
  CHECK(reversed.exit_code == 1);
  CHECK(reversed.output.find("The period's start 15.11.2026 is after its end 01.11.2026.") !=
        std::string::npos);

  auto nobody = run_command(common + " --period 2026-11 --as nobody.here");
  CHECK(nobody.exit_code == 1);
  CHECK(line_count(nobody.output) == 1);
  CHECK(nobody.output.find("\"nobody.here\"") != std::string::npos);

  auto future = run_command(common + " --period 2030-Q1 --today 2026-11-22");
  CHECK(future.exit_code == 1);
  CHECK(line_count(future.output) == 1);
  CHECK(future.output.find("has not begun") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "r.pdf"));
}

TEST_CASE("report of a database that is not there says so and writes nothing") {
  TempDir dir;
  auto result = run_command(executable + " report --lang en --period 2026-11 --db " +
                            raekoda::testing::quoted((dir / "none.sqlite").string()) + " --out " +
                            raekoda::testing::quoted((dir / "r.pdf").string()));
  CHECK(result.exit_code == 1);
  CHECK(line_count(result.output) == 1);
  CHECK_FALSE(std::filesystem::exists(dir / "r.pdf"));
  CHECK_FALSE(std::filesystem::exists(dir / "none.sqlite"));
}

TEST_CASE("report of a damaged file is refused in one line, and no PDF is written") {
  TempDir dir;
  auto file = dir / "demo.sqlite";
  REQUIRE(write_demo_database(executable, file));
  damage_table(file, "media_items");
  auto out = dir / "aruanne.pdf";
  auto result = run_command(executable + " report --lang en --period 2026-11 --db " +
                            raekoda::testing::quoted(file.string()) + " --out " +
                            raekoda::testing::quoted(out.string()));
  CHECK(result.exit_code == 1);
  CHECK(line_count(result.output) == 1);
  CHECK(result.output.find("damaged (media_items)") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));
}
