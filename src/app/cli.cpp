#include "app/cli.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "app/backup_command.h"
#include "app/bench.h"
#include "app/cli_text.h"
#include "app/controller.h"
#include "app/copy_command.h"
#include "app/import_bench.h"
#include "app/import_command.h"
#include "app/messages.h"
#include "app/paths.h"
#include "app/report_command.h"
#include "app/settings.h"
#include "app/window.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "core/plural.h"
#include "db/dashboard_queries.h"
#include "db/deadline_queries.h"
#include "db/demo_writer.h"
#include "db/schema.h"

namespace raekoda::app {
namespace {

struct CommonOptions {
  std::string lang;   // empty: the language of the locale
  std::string as;     // a person's login on a file; empty: the operating-system user
  std::string theme;  // empty: the settings' theme, else light
  std::string today;  // YYYY-MM-DD; empty: the machine's date
};

// Only the language: for commands that show no window and have no day of their own.
void add_language(CLI::App& command, CommonOptions& common) {
  command.add_option("--lang", common.lang, tr("cli.help.lang"))
      ->type_name("et|ru|en")
      ->check(one_of({"et", "ru", "en"}));
}

void add_common(CLI::App& command, CommonOptions& common) {
  add_language(command, common);
  command.add_option("--theme", common.theme, tr("cli.help.theme"))
      ->type_name("light|dark")
      ->check(one_of({"light", "dark"}));
  command.add_option("--today", common.today, "")
      ->group("");  // for reproducible screenshots and tests; not advertised
}

// A subcommand whose help speaks the user's language.
CLI::App* add_command(CLI::App& app, const char* name, const char* description_key) {
  CLI::App* command = app.add_subcommand(name, tr(description_key));
  localise_help(*command);
  return command;
}

// A failure the user can act on; the message is already translated.
struct Failure {
  std::string message;
};

// --as: on a file, the person to act as, for tests and demonstrations; the audit log keeps the
// operating-system user beside them. A server knows who its user is.
void act_as(Controller& controller, const std::string& login) {
  if (login.empty()) return;
  if (controller.database().backend() == db::Backend::postgresql)
    throw Failure{tr("error.cli.as_on_server")};
  controller.identify(login);
}

plot::ThemeKind theme_of(const CommonOptions& common, const Settings& settings) {
  const std::string& theme = common.theme.empty() ? settings.theme.value_or("light") : common.theme;
  return theme == "dark" ? plot::ThemeKind::dark : plot::ThemeKind::light;
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

// What a bug report should name: the program's version (CMake's project version), and the schema
// version, which says which databases this build opens and which it would upgrade.
std::string version_text() {
  return std::string("raekoda ") + RAEKODA_VERSION + "\n" +
         trf("cli.version.schema", db::latest_schema_version());
}

}  // namespace

int run_cli(int argc, char** argv) {
  // Help and refusals are said before the command line is understood: in the language it
  // asks for, else the locale's.
  // The language chosen in the dashboard's menu comes before the locale's.
  const Settings settings = read_settings(settings_path(), system_settings_path());
  set_language(run_language(
      argc, argv, [](const char* name) { return std::getenv(name); }, settings.language));
  CLI::App app{tr("cli.help.about"), "raekoda"};
  localise_help(app);
  app.set_version_flag("--version", version_text(), tr("cli.help.version"));
  const std::string file = tr("cli.type.file");
  const std::string database_type = tr("cli.type.database");
  const std::string number = tr("cli.type.number");
  const std::string date = tr("cli.type.date");
  CommonOptions common;
  std::string db_path;
  // The desktop entry's `raekoda --db %f`, started from the menu with no file, leaves `--db`
  // without a value: that opens the default database, as no --db does.
  app.add_option("--db", db_path, tr("cli.help.db"))->type_name(database_type)->expected(0, 1);
  add_common(app, common);
  app.add_option("--as", common.as, tr("cli.help.as"))->type_name("LOGIN");

  CLI::App* demo = add_command(app, "demo-data", "cli.help.demo");
  std::uint64_t seed = 1;
  int years = 3;
  int scale = 1;
  std::string until;
  demo->add_option("--db", db_path, tr("cli.help.db_file"))->type_name(database_type)->required();
  demo->add_option("--seed", seed, tr("cli.help.demo.seed"))
      ->type_name(number)
      ->check(whole_number(0, std::numeric_limits<std::int64_t>::max()));
  demo->add_option("--years", years, tr("cli.help.demo.years"))
      ->type_name(number)
      ->check(whole_number(1, 30));
  demo->add_option("--scale", scale, tr("cli.help.demo.scale"))
      ->type_name(number)
      ->check(whole_number(1, 1000));
  demo->add_option("--until", until, tr("cli.help.demo.until"))->type_name(date);
  add_common(*demo, common);

  CLI::App* shot = add_command(app, "screenshot", "cli.help.screenshot");
  std::string view_name = "overview";
  std::string out;
  std::string size;  // default: 1600x1000; the gallery, which shows more, 1600x1250
  shot->add_option("--db", db_path, tr("cli.help.screenshot.db"))->type_name(database_type);
  shot->add_option("--view", view_name, tr("cli.help.screenshot.view"))
      ->type_name(tr("cli.type.view"));
  shot->add_option("--out", out, tr("cli.help.screenshot.out"))->type_name(file)->required();
  shot->add_option("--size", size, tr("cli.help.screenshot.size"))->type_name(tr("cli.type.size"));
  std::vector<std::string> step_texts;
  shot->add_option("--step", step_texts, tr("cli.help.screenshot.step"))
      ->type_name(tr("cli.type.step"));
  add_common(*shot, common);
  shot->add_option("--as", common.as, tr("cli.help.as"))->type_name("LOGIN");

  CLI::App* bench = add_command(app, "bench", "cli.help.bench");
  int frames = 300;
  bench->add_option("--db", db_path, tr("cli.help.db_file"))->type_name(database_type)->required();
  bench->add_option("--frames", frames, tr("cli.help.bench.frames"))
      ->type_name(number)
      ->check(whole_number(1, 100000));
  add_common(*bench, common);

  CLI::App* due = add_command(app, "due-date", "cli.help.due");
  std::string doc_type;
  std::string registered;
  due->add_option("--type", doc_type, tr("cli.help.due.type"))
      ->type_name(tr("cli.type.type"))
      ->required();
  due->add_option("--registered", registered, tr("cli.help.due.registered"))
      ->type_name(date)
      ->required();
  due->add_option("--db", db_path, tr("cli.help.due.db"))->type_name(database_type);
  add_common(*due, common);

  CLI::App* import_cmd = add_command(app, "import", "cli.help.import");
  ImportCommand import_options;
  import_cmd->add_option("--db", import_options.db_path, tr("cli.help.db_file"))
      ->type_name(database_type)
      ->required();
  import_cmd->add_option("--into", import_options.into, tr("cli.help.import.into"))
      ->type_name(tr("cli.type.kind"))
      ->required()
      ->check(one_of({"documents", "media", "incidents", "accounts", "people", "activities"}));
  import_cmd->add_option(file, import_options.file, tr("cli.help.import.file"))
      ->type_name("")
      ->required();
  import_cmd->add_option("--system", import_options.system, tr("cli.help.import.system"))
      ->type_name(tr("cli.type.name"));
  auto* preset_option =
      import_cmd->add_option("--preset", import_options.preset, tr("cli.help.import.preset"))
          ->type_name(tr("cli.type.name"));
  import_cmd->add_option("--mapping", import_options.mapping_file, tr("cli.help.import.mapping"))
      ->type_name(file)
      ->excludes(preset_option);
  import_cmd->add_option("--encoding", import_options.encoding, tr("cli.help.import.encoding"))
      ->type_name(tr("cli.type.encoding"));
  import_cmd->add_option("--separator", import_options.separator, tr("cli.help.import.separator"))
      ->type_name(tr("cli.type.separator"));
  import_cmd->add_option("--sheet", import_options.sheet, tr("cli.help.import.sheet"))
      ->type_name(tr("cli.type.name"));
  import_cmd
      ->add_option("--on-conflict", import_options.on_conflict, tr("cli.help.import.on_conflict"))
      ->type_name("keep|take")
      ->check(one_of({"keep", "take"}));
  import_cmd->add_flag("--dry-run", import_options.dry_run, tr("cli.help.import.dry_run"));
  add_common(*import_cmd, common);

  CLI::App* bench_import = add_command(app, "bench-import", "cli.help.bench_import");
  std::size_t bench_rows = 100000;
  bench_import->add_option("--db", db_path, tr("cli.help.bench_import.db"))
      ->type_name(database_type)
      ->required();
  bench_import->add_option("--rows", bench_rows, tr("cli.help.bench_import.rows"))
      ->type_name(number)
      ->check(whole_number(1, 10000000));
  add_common(*bench_import, common);

  CLI::App* copy = add_command(app, "copy", "cli.help.copy");
  CopyCommand copy_options;
  copy->add_option("--from", copy_options.from, tr("cli.help.copy.from"))
      ->type_name(database_type)
      ->required();
  copy->add_option("--to", copy_options.to, tr("cli.help.copy.to"))
      ->type_name(database_type)
      ->required();
  add_language(*copy, common);

  CLI::App* backup = add_command(app, "backup", "cli.help.backup");
  BackupCommand backup_options;
  backup->add_option("--db", backup_options.db_path, tr("cli.help.backup.db"))
      ->type_name(file)
      ->required();
  backup->add_option("--out", backup_options.out, tr("cli.help.backup.out"))
      ->type_name(file)
      ->required();
  add_language(*backup, common);

  CLI::App* verify = add_command(app, "verify", "cli.help.verify");
  BackupCommand verify_options;
  verify->add_option("--db", verify_options.db_path, tr("cli.help.verify.db"))
      ->type_name(file)
      ->required();
  add_language(*verify, common);

  CLI::App* report_cmd = add_command(app, "report", "cli.help.report");
  ReportCommand report_options;
  report_cmd->add_option("--db", report_options.db_path, tr("cli.help.db_file"))
      ->type_name(database_type)
      ->required();
  report_cmd->add_option("--period", report_options.period, tr("cli.help.report.period"))
      ->type_name("YYYY-MM|YYYY-Qn|FROM..UNTIL")
      ->required();
  report_cmd->add_option("--out", report_options.out, tr("cli.help.report.out"))
      ->type_name(file)
      ->required();
  report_cmd->add_option("--areas", report_options.areas, tr("cli.help.report.areas"))
      ->type_name("media,deadlines,plan,incidents,access");
  report_cmd->add_option("--as", report_options.as, tr("cli.help.as"))->type_name("LOGIN");
  add_common(*report_cmd, common);

  app.require_subcommand(0, 1);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) return app.exit(error);  // --help
    std::cerr << refusal(app, error) << std::flush;
    return 2;
  }

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
      std::cout << trn("cli.demo.written", rows, format_count(rows), db_path) << '\n';
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
      controller.ui_state().theme = theme_of(common, settings);
      act_as(controller, common.as);
      // A shot shows the same whatever the machine's speed: a damaged file's notice included.
      controller.wait_for_file_check();
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
    if (*copy) return run_copy_command(copy_options, std::cout, std::cerr);
    if (*backup) return run_backup_command(backup_options, std::cout, std::cerr);
    if (*verify) return run_verify_command(verify_options, std::cout, std::cerr);
    if (*report_cmd) {
      report_options.today = today;
      return run_report_command(report_options, std::cout, std::cerr);
    }
    if (*bench_import) {
      run_import_bench(db_path, bench_rows, today, std::cout);
      return 0;
    }
    if (*bench) {
      run_bench(db_path, frames, today, std::cout);
      return 0;
    }
    // No --db: the settings' database (the user's, else the desktop's), else a file of one's own.
    std::string target = db_path.empty() ? settings.database.value_or("") : db_path;
    if (target.empty()) {
      std::filesystem::path path = default_database_path();
      std::filesystem::create_directories(path.parent_path());
      target = path.string();
    }
    Controller controller(db::Database::open(target, db::OpenMode::create_if_missing), today);
    controller.ui_state().theme = theme_of(common, settings);
    act_as(controller, common.as);
    if (settings.view && *settings.view != View::gallery)
      controller.ui_state().view = *settings.view;
    std::string problem = settings.problem;
    if (std::string not_kept = remember_opened(settings_path(), target); problem.empty())
      problem = not_kept;
    controller.remember_settings_in(settings_path(), problem);
    return run_dashboard(controller, settings.window, settings_path());
  } catch (const Failure& failure) {
    std::cerr << "raekoda: " << failure.message << '\n';
  } catch (const db::DatabaseError& error) {
    std::cerr << "raekoda: "
              << describe_opening(error,
                                  {db_path.empty() ? settings.database.value_or("") : db_path})
              << '\n';
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
