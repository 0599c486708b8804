// The commands that write a file, onto a full disk: a non-zero exit, one line saying why, the
// earlier file at the path byte for byte as it was, and no temporary left beside it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "app/run_command.h"
#include "core/file_size_limit.h"
#include "support/temp_dir.h"

using namespace raekoda::testing;

namespace {

const std::string executable = RAEKODA_EXECUTABLE;
const std::string xvfb = std::string(HEADLESS_DISPLAY) + " ";
const std::string earlier = "the earlier file, which a failed write must leave as it was\n";

}  // namespace

TEST_CASE("a screenshot onto a full disk fails, keeping the earlier picture") {
  TempDir dir;
  auto db = dir / "demo.sqlite";
  REQUIRE(write_demo_database(executable, db));
  std::filesystem::path pictures = dir / "pildid";
  std::filesystem::create_directory(pictures);
  auto png = pictures / "overview.png";
  write_file(png, earlier);
  std::string limited = size_limited_runner(dir, 32);
  std::string command = executable + " screenshot --lang en --today 2026-11-22 --size 1280x800 " +
                        "--db " + quoted(db.string()) + " --out " + quoted(png.string());
  auto result = run_command(xvfb + limited + command);
  INFO(result.output);
  CHECK(result.exit_code != 0);
  CHECK(result.output.find("Unexpected") == std::string::npos);
  CHECK(result.output.find("Cannot write the image " + png.string() +
                           ": the file is larger than allowed\n") != std::string::npos);
  CHECK(read_file(png) == earlier);
  CHECK(names_in(pictures) == std::vector<std::string>{"overview.png"});

  // With room, the same command replaces it: the full disk alone made it fail.
  auto written = run_command(xvfb + command);
  INFO(written.output);
  CHECK(written.exit_code == 0);
  CHECK(read_file(png).rfind("\x89PNG", 0) == 0);
  CHECK(names_in(pictures) == std::vector<std::string>{"overview.png"});
}

TEST_CASE("a report onto a full disk fails, keeping the earlier report") {
  TempDir dir;
  auto db = dir / "demo.sqlite";
  REQUIRE(write_demo_database(executable, db));
  std::filesystem::path reports = dir / "aruanded";
  std::filesystem::create_directory(reports);
  auto pdf = reports / "aruanne.pdf";
  write_file(pdf, earlier);
  std::string limited = size_limited_runner(dir, 16);
  std::string command = "DISPLAY= WAYLAND_DISPLAY= " + limited + executable +
                        " report --lang et --period 2026-11 --today 2026-11-22 --db " +
                        quoted(db.string()) + " --out " + quoted(pdf.string());
  auto result = run_command(command);
  INFO(result.output);
  CHECK(result.exit_code != 0);
  CHECK(line_count(result.output) == 1);
  CHECK(result.output.find("Aruannet " + pdf.string() + " ei saanud kirjutada") !=
        std::string::npos);
  CHECK(read_file(pdf) == earlier);
  CHECK(names_in(reports) == std::vector<std::string>{"aruanne.pdf"});
}
