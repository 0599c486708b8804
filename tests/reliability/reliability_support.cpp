#include "reliability/reliability_support.h"

#include <unistd.h>

#include <csignal>
#include <memory>
#include <regex>
#include <stdexcept>
#include <thread>

#include <sqlite3.h>

namespace raekoda::testing {
namespace {

// Xvfb for the whole process: one server per test process rather than xvfb-run per screenshot.
// Its display is numbered after the process id, which no test process running beside it
// shares; a number some other server holds already is skipped.
class VirtualDisplay {
public:
  VirtualDisplay() {
    for (int attempt = 0; attempt < 10 && name_.empty(); ++attempt) {
      const std::string number = std::to_string(300 + (getpid() + 7919 * attempt) % 30000);
      const std::string socket = "/tmp/.X11-unix/X" + number;
      if (std::filesystem::exists(socket) || std::filesystem::exists("/tmp/.X" + number + "-lock"))
        continue;
      server_ = std::make_unique<RunningChild>(
          std::vector<std::string>{"Xvfb", ":" + number, "-screen", "0", "1600x1000x24",
                                   "-nolisten", "tcp"},
          ChildOptions{std::chrono::hours(2), false, std::nullopt, {}});
      for (int i = 0; i < 100 && !std::filesystem::exists(socket) && !server_->finished(); ++i)
        server_->wait_for_output("\x01", std::chrono::milliseconds(50));
      if (std::filesystem::exists(socket) && !server_->finished())
        name_ = ":" + number;
      else
        stop();
    }
    if (name_.empty()) throw std::runtime_error("Xvfb did not start");
  }
  ~VirtualDisplay() { stop(); }
  const std::string& name() const { return name_; }

private:
  void stop() {
    if (!server_) return;
    server_->kill(SIGTERM);  // not SIGKILL first: it removes its lock file on the way out
    server_->wait_for_output("\x01", std::chrono::seconds(2));
    server_->kill(SIGKILL);
    server_->finish();
    server_.reset();
  }

  std::unique_ptr<RunningChild> server_;
  std::string name_;
};

std::unique_ptr<VirtualDisplay>& display() {
  static std::unique_ptr<VirtualDisplay> shown;
  return shown;
}

struct Sqlite {
  explicit Sqlite(const std::filesystem::path& file, bool may_recover = false) {
    int flags = may_recover ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
    if (sqlite3_open_v2(file.c_str(), &db, flags, nullptr) != SQLITE_OK) {
      problem = db ? sqlite3_errmsg(db) : "cannot open";
    }
  }
  ~Sqlite() { sqlite3_close(db); }
  sqlite3* db = nullptr;
  std::string problem;
};

}  // namespace

void use_display(ChildOptions& options) {
  if (!display()) display() = std::make_unique<VirtualDisplay>();
  options.environment.emplace_back("DISPLAY", display()->name());
}

ChildResult run_raekoda(const std::vector<std::string>& args, ChildOptions options) {
  std::vector<std::string> argv{RAEKODA_EXECUTABLE};
  argv.insert(argv.end(), args.begin(), args.end());
  options.environment.emplace_back("XDG_CONFIG_HOME", RELIABILITY_CONFIG_HOME);
  return run_child(argv, options);
}

std::vector<std::string> saver(const std::vector<std::string>& args) {
  std::vector<std::string> argv{RELIABILITY_SAVER};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

ChildResult run_saver(const std::vector<std::string>& args, ChildOptions options) {
  return run_child(saver(args), options);
}

void copy_demo_file(const std::filesystem::path& path) {
  static TempDir folder;
  static const std::filesystem::path demo = [] {
    auto file = folder / "demo.sqlite";
    auto made = run_raekoda({"demo-data", "--db", file.string(), "--until", "2026-11-22"});
    if (made.exit_code != 0) throw std::runtime_error("demo-data failed: " + made.output);
    return file;
  }();
  std::filesystem::copy_file(demo, path, std::filesystem::copy_options::overwrite_existing);
}

void make_small_file(const std::filesystem::path& path, int rows) {
  auto made = run_saver({"init", path.string(), std::to_string(rows)});
  if (made.exit_code != 0) throw std::runtime_error("init failed: " + made.output);
}

std::string integrity(const std::filesystem::path& file, bool may_recover) {
  Sqlite sqlite(file, may_recover);
  if (!sqlite.problem.empty()) return sqlite.problem;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(sqlite.db, "PRAGMA integrity_check(1)", -1, &statement, nullptr) !=
      SQLITE_OK)
    return sqlite3_errmsg(sqlite.db);
  std::string result = "no answer";
  if (sqlite3_step(statement) == SQLITE_ROW) {
    auto* bytes = sqlite3_column_text(statement, 0);
    result = bytes ? reinterpret_cast<const char*>(bytes) : "";
  } else {
    result = sqlite3_errmsg(sqlite.db);
  }
  sqlite3_finalize(statement);
  return result;
}

std::string query_text(const std::filesystem::path& file, const std::string& sql) {
  Sqlite sqlite(file);
  if (!sqlite.problem.empty()) return sqlite.problem;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(sqlite.db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
    return sqlite3_errmsg(sqlite.db);
  std::string text;
  int code = sqlite3_step(statement);
  if (code == SQLITE_ROW) {
    auto* bytes = sqlite3_column_text(statement, 0);
    text = bytes ? reinterpret_cast<const char*>(bytes) : "";
  } else if (code != SQLITE_DONE) {
    text = sqlite3_errmsg(sqlite.db);
  }
  sqlite3_finalize(statement);
  return text;
}

std::int64_t query_number(const std::filesystem::path& file, const std::string& sql) {
  Sqlite sqlite(file);
  if (!sqlite.problem.empty()) return -1;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(sqlite.db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) return -1;
  std::int64_t number = -1;
  if (sqlite3_step(statement) == SQLITE_ROW) number = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  return number;
}

std::int64_t all_rows(const std::filesystem::path& file) {
  Sqlite sqlite(file);
  if (!sqlite.problem.empty()) return -1;
  sqlite3_stmt* tables = nullptr;
  if (sqlite3_prepare_v2(sqlite.db,
                         "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                         "'sqlite_%' ORDER BY name",
                         -1, &tables, nullptr) != SQLITE_OK)
    return -1;
  std::vector<std::string> names;
  while (sqlite3_step(tables) == SQLITE_ROW)
    names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(tables, 0)));
  sqlite3_finalize(tables);
  std::int64_t total = 0;
  for (const std::string& name : names) {
    std::int64_t rows = query_number(file, "SELECT count(*) FROM \"" + name + "\"");
    if (rows < 0) return -1;
    total += rows;
  }
  return total;
}

bool clear_refusal(const ChildResult& result, std::string* why) {
  auto say = [&](const char* what) {
    if (why) *why = what;
    return false;
  };
  if (!result.exited()) return say("it did not exit");
  if (result.exit_code == 0) return say("it exited 0");
  const std::string& text = result.output;
  if (text.empty() || text.back() != '\n' || text.find('\n') != text.size() - 1)
    return say("not one line");
  if (text.rfind("raekoda: ", 0) != 0) return say("not a message of Raekoda's");
  if (text.find("Unexpected error") != std::string::npos) return say("a catch-all message");
  if (text.find("Database error") != std::string::npos) return say("SQLite's text, untold");
  return true;
}

bool whole_png(const std::string& bytes) {
  return bytes.size() > 20 && bytes.rfind("\x89PNG\r\n\x1a\n", 0) == 0 &&
         bytes.compare(bytes.size() - 8, 4, "IEND") == 0;
}

bool whole_pdf(const std::string& bytes) {
  return bytes.rfind("%PDF-", 0) == 0 &&
         bytes.find("%%EOF", bytes.size() > 32 ? bytes.size() - 32 : 0) != std::string::npos;
}

void open_to_everyone(const std::filesystem::path& path, bool writable) {
  using std::filesystem::perms;
  perms read = perms::owner_read | perms::group_read | perms::others_read;
  perms enter = perms::owner_exec | perms::group_exec | perms::others_exec;
  perms write =
      writable ? perms::owner_write | perms::group_write | perms::others_write : perms::owner_write;
  std::filesystem::permissions(path, read | enter | write);
}

}  // namespace raekoda::testing
