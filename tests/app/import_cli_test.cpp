// `raekoda import` as the IT lead's nightly job calls it: what it prints and how it exits.
#include <algorithm>

#include <catch2/catch.hpp>

#include "app/run_command.h"
#include "support/temp_dir.h"

using namespace raekoda::testing;

namespace {

const std::string executable = RAEKODA_EXECUTABLE;

const std::string register_export =
    "\xEF\xBB\xBF"
    "Viit;Reg kpv;Pealkiri;Liik;Vastutaja;Tähtaeg;Vastamise kpv\r\n"
    "7-1/2026-101;02.11.2026;Lasteaiakohad;Teabenõue;Õie Mägi;09.11.2026;06.11.2026\r\n"
    "7-1/2026-102;31.02.2026;Vale kuupäev;Märgukiri;Õie Mägi;;\r\n"
    "7-1/2026-103;04.11.2026;Hanke dokumendid;Teabenõue;Õie Mägi;04.12.2026;\r\n";

std::string import_command(const std::filesystem::path& db, const std::filesystem::path& file,
                           const std::string& extra = "") {
  return executable + " import --today 2026-11-23 --lang en --db " + quoted(db.string()) +
         " --into documents " + quoted(file.string()) + " " + extra;
}

std::string last_line(const std::string& output) {
  std::string trimmed = output.substr(0, output.find_last_not_of('\n') + 1);
  return trimmed.substr(trimmed.find_last_of('\n') + 1);
}

}  // namespace

TEST_CASE("import prints each refused row as FILE:LINE and ends with the summary line") {
  TempDir dir;
  auto db = dir / "city.sqlite";
  REQUIRE(write_demo_database(executable, db));
  auto file = dir / "delta.csv";
  write_file(file, register_export);
  auto result = run_command(import_command(db, file));
  INFO(result.output);
  CHECK(result.exit_code == 0);
  CHECK(result.output.find("delta.csv:3: ") != std::string::npos);
  CHECK(result.output.find("31.02.2026") != std::string::npos);
  // The register gives 30 days where the law gives an information request 5 working days.
  CHECK(result.output.find("delta.csv:4: ") != std::string::npos);
  CHECK(last_line(result.output) == "2 added, 0 updated, 0 unchanged, 1 refused");

  auto again = run_command(import_command(db, file));
  CHECK(again.exit_code == 0);
  CHECK(last_line(again.output) == "0 added, 0 updated, 2 unchanged, 1 refused");
}

TEST_CASE("a dry run says what would be written and writes nothing") {
  TempDir dir;
  auto db = dir / "city.sqlite";
  REQUIRE(write_demo_database(executable, db));
  auto file = dir / "delta.csv";
  write_file(file, register_export);
  std::string before = read_file(db);
  auto result = run_command(import_command(db, file, "--dry-run"));
  CHECK(result.exit_code == 0);
  CHECK(last_line(result.output) == "2 added, 0 updated, 0 unchanged, 1 refused");
  CHECK(read_file(db) == before);
}

TEST_CASE("an import that writes nothing exits non-zero with one line why") {
  TempDir dir;
  auto db = dir / "city.sqlite";
  REQUIRE(write_demo_database(executable, db));
  std::string before = read_file(db);

  auto binary = dir / "photo.csv";
  write_file(binary,
             std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 24) + std::string(4000, '\0'));
  auto garbage = run_command(import_command(db, binary));
  CHECK(garbage.exit_code == 1);
  CHECK(garbage.output.rfind("raekoda: photo.csv: ", 0) == 0);
  CHECK(std::count(garbage.output.begin(), garbage.output.end(), '\n') == 1);

  auto header_only = dir / "empty.csv";
  write_file(header_only, "Viit;Reg kpv;Pealkiri;Liik\r\n");
  auto empty = run_command(import_command(db, header_only));
  CHECK(empty.exit_code == 1);
  CHECK(empty.output.find("raekoda: empty.csv: ") != std::string::npos);

  auto missing = run_command(import_command(db, dir / "nowhere.csv"));
  CHECK(missing.exit_code == 1);
  CHECK(read_file(db) == before);
}

TEST_CASE("an account list needs the system it belongs to") {
  TempDir dir;
  auto db = dir / "city.sqlite";
  REQUIRE(write_demo_database(executable, db));
  auto file = dir / "nas.csv";
  write_file(file, "User name,Email,Status\nomagi,oie.magi@kjlv.example,Enabled\n");
  std::string base = executable + " import --today 2026-11-23 --lang en --db " +
                     quoted(db.string()) + " --into accounts " + quoted(file.string());
  auto without = run_command(base);
  CHECK(without.exit_code == 1);
  auto with = run_command(base + " --system NAS");
  INFO(with.output);
  CHECK(with.exit_code == 0);
  CHECK(last_line(with.output) == "1 added, 0 updated, 0 unchanged, 0 refused");
}
