#include "app/cli.h"

#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "app/bench.h"
#include "app/controller.h"
#include "app/import_bench.h"
#include "app/import_command.h"
#include "app/messages.h"
#include "app/paths.h"
#include "app/window.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "db/dashboard_queries.h"
#include "db/deadline_queries.h"
#include "db/demo_writer.h"

namespace raekoda::app {
namespace {

struct CommonOptions {
  std::string lang = "et";
  std::string theme = "light";
  std::string today;  // YYYY-MM-DD; empty: the machine's date
};

void add_common(CLI::App& command, CommonOptions& common) {
  command.add_option("--lang", common.lang, "Language of the interface and messages: et or en")
      ->check(CLI::IsMember({"et", "en"}));
  command.add_option("--theme", common.theme, "Colours: light or dark")
      ->check(CLI::IsMember({"light", "dark"}));
  command.add_option("--today", common.today, "Count figures as of this day (YYYY-MM-DD)")
      ->group("");  // for reproducible screenshots and tests; not advertised
}

// A failure the user can act on; the message is already translated.
struct Failure {
  std::string message;
};

plot::ThemeKind theme_of(const CommonOptions& common) {
  return common.theme == "dark" ? plot::ThemeKind::dark : plot::ThemeKind::light;
}

std::optional<Date> parse_today(const CommonOptions& common) {
  if (common.today.empty()) return std::nullopt;
  auto date = Date::parse_iso(common.today);
  if (!date) throw Failure{trf("error.cli.bad_date", common.today)};
  return date;
}

void parse_size(const std::string& text, int& width, int& height) {
  auto x = text.find('x');
  try {
    if (x == std::string::npos) throw std::invalid_argument(text);
    width = std::stoi(text.substr(0, x));
    height = std::stoi(text.substr(x + 1));
  } catch (const std::exception&) {
    throw Failure{trf("error.cli.bad_size", text)};
  }
  if (width < 320 || height < 240 || width > 8192 || height > 8192)
    throw Failure{trf("error.cli.bad_size", text)};
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"Raekoda: a dashboard for the management of an Estonian city government", "raekoda"};
  CommonOptions common;
  std::string db_path;
  app.add_option("--db", db_path, "Database file (default: $XDG_DATA_HOME/raekoda/raekoda.sqlite)");
  add_common(app, common);

  CLI::App* demo =
      app.add_subcommand("demo-data", "Write a demo data set into a new or empty database");
  std::uint64_t seed = 1;
  int years = 3;
  int scale = 1;
  std::string until;
  demo->add_option("--db", db_path, "Database file")->required();
  demo->add_option("--seed", seed, "Seed: the same seed gives the same data");
  demo->add_option("--years", years, "Years of history")->check(CLI::Range(1, 30));
  demo->add_option("--scale", scale, "Multiplies staff and volumes, for benchmarks")
      ->check(CLI::Range(1, 1000));
  demo->add_option("--until", until, "Last day with data (YYYY-MM-DD; default: today)");
  add_common(*demo, common);

  CLI::App* shot = app.add_subcommand("screenshot", "Render a view to a PNG file");
  std::string view_name = "overview";
  std::string out;
  std::string size;  // default: 1600x1000; the gallery, which shows more, 1600x1250
  shot->add_option("--db", db_path, "Database file (not needed for the gallery)");
  shot->add_option("--view", view_name,
                   "overview, media, deadlines, plan, incidents, access or gallery");
  shot->add_option("--out", out, "PNG file to write")->required();
  shot->add_option("--size", size, "Window size, WxH");
  std::vector<std::string> step_texts;
  shot->add_option("--step", step_texts,
                   "Before the picture: click:CONTROL, type:TEXT, key:KEY (Escape, ctrl+S...) or "
                   "wait-change; repeatable, carried out in order");
  add_common(*shot, common);

  CLI::App* bench =
      app.add_subcommand("bench", "Measure frame times headless; prints 'name value unit' lines");
  int frames = 300;
  bench->add_option("--db", db_path, "Database file")->required();
  bench->add_option("--frames", frames, "Frames per view")->check(CLI::Range(1, 100000));
  add_common(*bench, common);

  CLI::App* due =
      app.add_subcommand("due-date", "Print the due date of a document by its type's rule");
  std::string doc_type;
  std::string registered;
  due->add_option("--type", doc_type,
                  "information_request, memorandum, council_question, letter, media_inquiry")
      ->required();
  due->add_option("--registered", registered, "Registration day, YYYY-MM-DD")->required();
  due->add_option("--db", db_path,
                  "Database whose rules and extra days off to use (default: the built-in rules)");
  add_common(*due, common);

  CLI::App* import_cmd = app.add_subcommand(
      "import", "Import another system's export (CSV or XLSX) into the database");
  ImportCommand import_options;
  import_cmd->add_option("--db", import_options.db_path, "Database file")->required();
  import_cmd
      ->add_option("--into", import_options.into,
                   "What the file holds: documents, media, incidents, accounts, people or "
                   "activities")
      ->required()
      ->check(
          CLI::IsMember({"documents", "media", "incidents", "accounts", "people", "activities"}));
  import_cmd->add_option("FILE", import_options.file, "The exported file")->required();
  import_cmd->add_option("--system", import_options.system,
                         "The system an account list belongs to (or the helpdesk's name)");
  auto* preset_option = import_cmd->add_option(
      "--preset", import_options.preset, "A preset by name (Delta, GLPI, Active Directory...)");
  import_cmd
      ->add_option("--mapping", import_options.mapping_file,
                   "A mapping saved as JSON, instead of a preset")
      ->excludes(preset_option);
  import_cmd->add_option("--encoding", import_options.encoding,
                         "The file's encoding (default: detected), e.g. WINDOWS-1257");
  import_cmd->add_option("--separator", import_options.separator,
                         "The CSV separator (default: detected): ';', ',', tab or '|'");
  import_cmd->add_option("--sheet", import_options.sheet, "The XLSX sheet by name");
  import_cmd
      ->add_option("--on-conflict", import_options.on_conflict,
                   "A row edited in Raekoda since the last import: keep Raekoda's (default) or "
                   "take the file's")
      ->check(CLI::IsMember({"keep", "take"}));
  import_cmd->add_flag("--dry-run", import_options.dry_run,
                       "Read and check everything, write nothing");
  add_common(*import_cmd, common);

  CLI::App* bench_import = app.add_subcommand(
      "bench-import", "Measure importing a register export; prints 'name value unit' lines");
  std::size_t bench_rows = 100000;
  bench_import->add_option("--db", db_path, "Database file (measured on a copy)")->required();
  bench_import->add_option("--rows", bench_rows, "Rows in the export")
      ->check(CLI::Range(1, 10000000));
  add_common(*bench_import, common);

  app.require_subcommand(0, 1);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? 0 : 2;
  }
  set_language(*parse_language(common.lang));

  try {
    std::optional<Date> today = parse_today(common);
    if (*demo) {
      std::optional<Date> last = today;
      if (!until.empty()) {
        last = Date::parse_iso(until);
        if (!last) throw Failure{trf("error.cli.bad_date", until)};
      }
      db::Database database = db::Database::open(db_path, db::OpenMode::create_if_missing);
      DemoOptions options{seed, years, scale, last.value_or(Date::today())};
      std::int64_t rows = db::write_demo_data(database, options);
      std::cout << trf("cli.demo.written", format_count(rows), db_path) << '\n';
      return 0;
    }
    if (*shot) {
      auto view = view_from_key(view_name);
      if (!view) throw Failure{trf("error.cli.bad_view", view_name)};
      int width = 0;
      int height = 0;
      if (size.empty()) size = *view == View::gallery ? "1600x1250" : "1600x1000";
      parse_size(size, width, height);
      if (db_path.empty() && *view != View::gallery) throw Failure{tr("error.cli.db_required")};
      std::vector<ScreenshotStep> steps;
      for (const std::string& text : step_texts) {
        auto step = parse_screenshot_step(text);
        if (!step) throw Failure{trf("error.screenshot.bad_step", text)};
        steps.push_back(std::move(*step));
      }
      Controller controller(db_path.empty() ? db::Database::open_in_memory()
                                            : db::Database::open(db_path, db::OpenMode::existing),
                            today);
      controller.ui_state().theme = theme_of(common);
      write_screenshot(controller, *view, width, height, out, steps);
      return 0;
    }
    if (*due) {
      auto day = Date::parse_iso(registered);
      if (!day) throw Failure{trf("error.cli.bad_date", registered)};
      std::vector<DeadlineRule> rules = default_deadline_rules();
      WorkingCalendar calendar;
      if (!db_path.empty()) {
        db::Database database = db::Database::open(db_path, db::OpenMode::existing);
        rules = db::load_deadline_rules(database);
        calendar = db::load_working_calendar(database);
      }
      std::string known;
      for (const DeadlineRule& rule : rules) {
        if (rule.key == doc_type) {
          std::cout << due_date(rule, *day, calendar).iso() << '\n';
          return 0;
        }
        known += (known.empty() ? "" : ", ") + rule.key;
      }
      throw Failure{trf("error.cli.bad_type", doc_type, known)};
    }
    if (*import_cmd) {
      import_options.today = today;
      return run_import_command(import_options, std::cout, std::cerr);
    }
    if (*bench_import) {
      run_import_bench(db_path, bench_rows, today, std::cout);
      return 0;
    }
    if (*bench) {
      run_bench(db_path, frames, today, std::cout);
      return 0;
    }
    std::filesystem::path path = db_path;
    if (path.empty()) {
      path = default_database_path();
      std::filesystem::create_directories(path.parent_path());
    }
    Controller controller(db::Database::open(path, db::OpenMode::create_if_missing), today);
    controller.ui_state().theme = theme_of(common);
    return run_dashboard(controller);
  } catch (const Failure& failure) {
    std::cerr << "raekoda: " << failure.message << '\n';
  } catch (const db::DatabaseError& error) {
    std::cerr << "raekoda: " << describe(error) << '\n';
  } catch (const WindowError& error) {
    std::cerr << "raekoda: " << error.what() << '\n';
  } catch (const ScreenshotError& error) {
    std::cerr << "raekoda: " << error.what() << '\n';
  } catch (const std::exception& error) {
    std::cerr << "raekoda: " << trf("error.unexpected", error.what()) << '\n';
  }
  return 1;
}

}  // namespace raekoda::app
