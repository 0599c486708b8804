#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "app/run_command.h"
#include "db/schema.h"
#include "support/temp_dir.h"

using namespace raekoda::testing;

namespace {

const std::string executable = RAEKODA_EXECUTABLE;
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
  auto result = run_command("LC_ALL= LANG=et_EE.UTF-8 DISPLAY= " + executable +
                            " screenshot --db " + quoted((dir / "none.sqlite").string()) +
                            " --out " + quoted((dir / "x.png").string()));
  CHECK(result.exit_code == 1);
  CHECK(line_count(result.output) == 1);
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
  CHECK(line_count(result.output) == 1);
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
  auto result =
      run_command(executable + " bench --frames 1 --lang et --db " + quoted(path.string()));
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
  CHECK(line_count(result.output) == 1);
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
  for (const char* name :
       {"open_and_first_frame ", "frame_cpu_median.overview ", "frame_cpu_p99.access ",
        "report_month ", "report_month_pages ", "peak_memory "})
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
    CHECK((unit == "ms" || unit == "MiB" || unit == "pages"));
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
  CHECK(line_count(unknown.output) == 1);
  CHECK(unknown.output.find("Unknown document type: complaint") != std::string::npos);
  auto impossible = run_command(executable + " due-date --type letter --registered 2026-02-30");
  CHECK(impossible.exit_code == 1);
  CHECK(line_count(impossible.output) == 1);
}

namespace {

// The executable run with only the given locale variables set.
CommandResult in_locale(const std::string& locale, const std::string& arguments) {
  return run_command("env -u LC_ALL -u LC_MESSAGES -u LANG " + locale + " " + executable + " " +
                     arguments);
}

}  // namespace

TEST_CASE("the help speaks the language of --lang, else of the locale") {
  auto estonian = in_locale("LANG=et_EE.UTF-8", "--help");
  CHECK(estonian.exit_code == 0);
  CHECK(estonian.output.find("Kasutus: raekoda [VALIKUD] [KÄSK]") != std::string::npos);
  CHECK(estonian.output.find("Näita seda abiteksti") != std::string::npos);
  CHECK(estonian.output.find("Kirjuta näidisandmed") != std::string::npos);
  CHECK(estonian.output.find("Usage") == std::string::npos);
  CHECK(estonian.output.find("Options") == std::string::npos);

  auto english = in_locale("LANG=en_GB.UTF-8", "--help");
  CHECK(english.output.find("Usage: raekoda [OPTIONS] [SUBCOMMAND]") != std::string::npos);
  CHECK(english.output.find("Write a demo data set") != std::string::npos);
  // C, POSIX, no locale at all and a language Raekoda does not speak get the product's own.
  CHECK(in_locale("LANG=C.UTF-8", "--help").output.find("Kasutus:") != std::string::npos);
  CHECK(in_locale("", "--help").output.find("Kasutus:") != std::string::npos);
  CHECK(in_locale("LANG=fi_FI.UTF-8", "--help").output.find("Kasutus:") != std::string::npos);
  // LC_ALL before LC_MESSAGES before LANG; --lang before them all.
  CHECK(in_locale("LANG=en_US.UTF-8 LC_ALL=et_EE.UTF-8", "--help").output.find("Kasutus:") !=
        std::string::npos);
  CHECK(in_locale("LANG=en_US.UTF-8 LC_MESSAGES=et_EE", "--help").output.find("Kasutus:") !=
        std::string::npos);
  CHECK(in_locale("LC_ALL=et_EE.UTF-8", "--lang en --help").output.find("Usage:") !=
        std::string::npos);
  CHECK(in_locale("LANG=C", "--lang=en --help").output.find("Usage:") != std::string::npos);
}

TEST_CASE("a Russian locale gets Russian, and the language chosen in the dashboard comes first") {
  auto russian = in_locale("LANG=ru_RU.UTF-8", "--help");
  CHECK(russian.exit_code == 0);
  CHECK(russian.output.find("Использование: raekoda [ПАРАМЕТРЫ] [КОМАНДА]") != std::string::npos);
  CHECK(russian.output.find("Записать демонстрационные данные") != std::string::npos);
  CHECK(in_locale("LC_MESSAGES=ru_EE.UTF-8", "demo-data").output ==
        "Не указан обязательный параметр --db\nСправка: raekoda demo-data --help\n");

  TempDir dir;
  std::filesystem::create_directories(dir / "raekoda");
  write_file(dir / "raekoda" / "settings.toml", "language = \"ru\"\n");
  std::string config = "XDG_CONFIG_HOME=" + quoted(dir.path().string()) + " ";
  CHECK(in_locale(config + "LANG=en_GB.UTF-8", "--help").output.find("Использование:") !=
        std::string::npos);
  CHECK(in_locale(config + "LANG=ru_RU.UTF-8", "--lang et --help").output.find("Kasutus:") !=
        std::string::npos);
  // A settings file that cannot be read costs nothing but the choice: the locale decides.
  write_file(dir / "raekoda" / "settings.toml", "language = [\n");
  auto broken = in_locale(config + "LANG=en_GB.UTF-8", "--help");
  CHECK(broken.exit_code == 0);
  CHECK(broken.output.find("Usage:") != std::string::npos);
  CHECK(read_file(dir / "raekoda" / "settings.toml") == "language = [\n");
}

TEST_CASE("a subcommand's help is in the user's language, option by option") {
  auto help = in_locale("LANG=et_EE.UTF-8", "demo-data --help");
  CHECK(help.exit_code == 0);
  CHECK(help.output.find("Kasutus: raekoda demo-data [VALIKUD]") != std::string::npos);
  CHECK(help.output.find("--db FAIL|URI KOHUSTUSLIK") != std::string::npos);
  CHECK(help.output.find("Seeme: sama seeme annab samad andmed") != std::string::npos);
  for (const char* english : {"Years of history", "Database file", "REQUIRED", "TEXT", "INT in"})
    CHECK(help.output.find(english) == std::string::npos);
}

TEST_CASE("a malformed command line is refused in the user's language, in two lines") {
  auto missing = in_locale("LANG=et_EE.UTF-8", "demo-data");
  CHECK(missing.exit_code == 2);
  CHECK(missing.output == "--db on kohustuslik\nAbi: raekoda demo-data --help\n");
  auto english = in_locale("LANG=en_US.UTF-8", "demo-data");
  CHECK(english.output == "--db is required\nHelp: raekoda demo-data --help\n");

  auto range = in_locale("LANG=et_EE.UTF-8", "demo-data --db x.sqlite --years 50");
  CHECK(range.exit_code == 2);
  CHECK(range.output.find("--years: „50“ ei sobi; vaja on täisarvu 1 kuni 30") == 0);
  auto not_a_number = in_locale("LANG=et_EE.UTF-8", "bench --db x.sqlite --frames many");
  CHECK(not_a_number.output.find("--frames: „many“ ei sobi") == 0);
  auto language = in_locale("LANG=et_EE.UTF-8", "--lang fi");
  CHECK(language.exit_code == 2);
  CHECK(language.output.find("--lang: „fi“ ei sobi; võimalikud on et, ru, en") == 0);
  auto extra = in_locale("LANG=et_EE.UTF-8", "budget");
  CHECK(extra.output.find("Tundmatu või üleliigne argument: budget") == 0);
  auto no_value = in_locale("LANG=et_EE.UTF-8", "screenshot --db");
  CHECK(no_value.output.find("--db: väärtus puudub") == 0);
  auto both = in_locale("LANG=et_EE.UTF-8", "import --db x --into media --preset a --mapping b c");
  CHECK(both.output.find("--preset ja --mapping ei käi koos") == 0);
  for (const auto& result : {missing, range, not_a_number, language, extra, no_value, both}) {
    INFO(result.output);
    CHECK(line_count(result.output) == 2);
    CHECK(result.output.find("Run with") == std::string::npos);
  }
}

TEST_CASE(
    "the version option prints CMake's project version and the schema version, and nothing else") {
  // RAEKODA_VERSION is CMake's PROJECT_VERSION, given to this file and to the program alike.
  std::string expected = std::string("raekoda ") + RAEKODA_VERSION + "\n" +
                         "database schema version " +
                         std::to_string(raekoda::db::latest_schema_version()) + "\n";
  auto english = in_locale("LANG=en_GB.UTF-8", "--version");
  CHECK(english.exit_code == 0);
  CHECK(english.output == expected);
  auto estonian = in_locale("LANG=et_EE.UTF-8", "--version");
  CHECK(estonian.exit_code == 0);
  CHECK(estonian.output.find(std::string("raekoda ") + RAEKODA_VERSION + "\nandmebaasi skeemi") ==
        0);
  CHECK(in_locale("LANG=en_GB.UTF-8", "--help").output.find("--version") != std::string::npos);
}

TEST_CASE(
    "a --db without a file, as the menu starts the desktop entry, opens the default database") {
  TempDir dir;
  // No display: the window cannot open, but the database it was to show is chosen by then.
  auto result =
      run_command("DISPLAY= WAYLAND_DISPLAY= XDG_DATA_HOME=" + quoted(dir.path().string()) + " " +
                  executable + " --lang en --db");
  CHECK(result.exit_code == 1);
  CHECK(result.output.find("no display") != std::string::npos);
  CHECK(std::filesystem::exists(dir / "raekoda" / "raekoda.sqlite"));
}
