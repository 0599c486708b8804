// Damaged, truncated and foreign files given to every command that reads a database: each one
// either refuses in one clear line with a non-zero exit, or, where the damage lies in pages it
// never reads, works; none crashes, none exits 0 having written a broken file, none writes into
// the file it was given, and a refusal leaves the earlier file at its output path as it was.

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <functional>

#include "reliability/reliability_support.h"
#include "reliability/tally.h"

using namespace raekoda::testing;
namespace fs = std::filesystem;

namespace {

const std::string earlier = "the earlier file at this path, which a refusal must leave alone\n";
constexpr std::size_t page = 4096;  // the demo file's page size (checked below)

// What each command makes of the undamaged demo file: a working run on a damaged file is
// compared with it, to tell a run that read only sound pages from one that read damaged data
// SQLite cannot see (a changed byte inside a record's value has no checksum).
struct Pristine {
  std::string due_date;
  std::string png;
  std::string report_text;
  std::int64_t rows = 0;
};

std::string pdf_text(const fs::path& pdf) {
  return run_child({"pdftotext", "-q", pdf.string(), "-"}).output;
}

const std::vector<std::string> due_args = {
    "due-date", "--type", "information_request", "--registered", "2026-02-20", "--lang", "en"};

std::vector<std::string> shot_args(const fs::path& db, const fs::path& out) {
  return {"screenshot", "--db",     db.string(), "--view",     "overview", "--out", out.string(),
          "--size",     "1280x800", "--today",   "2026-11-22", "--lang",   "en"};
}
std::vector<std::string> report_args(const fs::path& db, const fs::path& out) {
  return {"report",     "--db",  db.string(),  "--period", "2026-11", "--today",
          "2026-11-22", "--out", out.string(), "--lang",   "en"};
}

const Pristine& pristine() {
  static TempDir folder;
  static const Pristine made = [] {
    Pristine p;
    auto db = folder / "pristine.sqlite";
    copy_demo_file(db);
    auto args = due_args;
    args.insert(args.end(), {"--db", db.string()});
    p.due_date = run_raekoda(args).output;
    ChildOptions shown;
    use_display(shown);
    auto png = folder / "pristine.png";
    run_raekoda(shot_args(db, png), shown);
    p.png = read_file(png);
    auto pdf = folder / "pristine.pdf";
    run_raekoda(report_args(db, pdf));
    p.report_text = pdf_text(pdf);
    p.rows = all_rows(db);
    return p;
  }();
  return made;
}

struct Outcomes {
  CaseFigures figures{""};
  long worked = 0;
  long refused = 0;
  long silent = 0;  // worked, whole, but not what the undamaged file gives
  std::string note() const {
    return std::to_string(worked) + " worked, " + std::to_string(refused) + " refused, " +
           std::to_string(silent) + " worked on undetectably changed data";
  }
};

// What is at `path` now, to prove that no command wrote into it.
std::string state_of(const fs::path& path) {
  struct stat info {};
  if (lstat(path.c_str(), &info) != 0) return "missing";
  if (S_ISFIFO(info.st_mode)) return "fifo";
  if (S_ISDIR(info.st_mode)) {
    std::string names = "folder:";
    for (const auto& entry : fs::directory_iterator(path))
      names += entry.path().filename().string();
    return names;
  }
  return read_file(path);
}

// Runs the commands on `target` (those named in `only`, else all but those in `skip`) and
// judges each run.
void run_every_command(const fs::path& target, const std::string& damage, Outcomes& outcomes,
                       std::chrono::milliseconds limit = std::chrono::seconds(30),
                       const std::vector<std::string>& only = {},
                       const std::vector<std::string>& skip = {}) {
  const Pristine& good = pristine();
  TempDir out;
  const std::string before = state_of(target);
  struct Command {
    std::string name;
    std::vector<std::string> args;
    fs::path output;  // written by the command: an earlier file sits there first
    bool shown = false;
  };
  auto due = due_args;
  due.insert(due.end(), {"--db", target.string()});
  std::vector<Command> commands = {
      {"verify", {"verify", "--db", target.string(), "--lang", "en"}, {}},
      {"due-date", due, {}},
      {"screenshot", shot_args(target, out / "overview.png"), out / "overview.png", true},
      {"copy",
       {"copy", "--from", target.string(), "--to", (out / "copy.sqlite").string(), "--lang", "en"},
       out / "copy.sqlite"},
      {"backup",
       {"backup", "--db", target.string(), "--out", (out / "backup.sqlite").string(), "--lang",
        "en"},
       out / "backup.sqlite"},
      {"report", report_args(target, out / "report.pdf"), out / "report.pdf"},
  };
  auto named = [](const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  for (const Command& command : commands) {
    if ((!only.empty() && !named(only, command.name)) || named(skip, command.name)) continue;
    INFO(damage << ": " << command.name);
    const bool had_earlier = command.name != "copy";  // copy's target must be new or empty
    if (!command.output.empty() && had_earlier) write_file(command.output, earlier);
    ChildOptions options;
    options.time_limit = limit;
    if (command.shown) use_display(options);
    ChildResult result = run_raekoda(command.args, options);
    INFO(result.output);
    ++outcomes.figures.runs;
    if (!result.exited()) {
      ++outcomes.figures.crashes;
      FAIL_CHECK((result.timed_out ? "hung" : "crashed, signal " + std::to_string(result.signal)));
    } else if (result.exit_code == 0) {
      ++outcomes.worked;
      bool whole = true;
      bool same = true;
      if (command.name == "verify") {
        whole = integrity(target) == "ok";
      } else if (command.name == "due-date") {
        same = result.output == good.due_date;
        whole = result.output.size() == 11;
      } else if (command.name == "screenshot") {
        const std::string png = read_file(command.output);
        whole = whole_png(png);
        same = png == good.png;
      } else if (command.name == "report") {
        whole = whole_pdf(read_file(command.output));
        same = whole && pdf_text(command.output) == good.report_text;
      } else {
        whole = integrity(command.output) == "ok";
        const std::int64_t rows = all_rows(command.output);
        same = rows == good.rows;
        if (whole && command.name == "copy" && rows < good.rows) {
          // A copy that says it copied everything and left rows behind.
          outcomes.figures.lost_rows += good.rows - std::max<std::int64_t>(rows, 0);
          whole = false;
        }
      }
      if (!whole) {
        ++outcomes.figures.false_successes;
        FAIL_CHECK("exited 0 with a broken or incomplete result");
      } else if (!same && integrity(target) != "ok") {
        // SQLite itself calls the file damaged, and the command showed something else than the
        // sound file holds as if it were the city's data.
        ++outcomes.figures.false_successes;
        FAIL_CHECK(
            "exited 0 with other results than the sound file's, on a file SQLite calls "
            "damaged");
      } else if (!same) {
        ++outcomes.silent;
        WARN(damage << ": " << command.name << " worked on data SQLite cannot tell is damaged");
      }
    } else {
      ++outcomes.refused;
      std::string why;
      CHECK(clear_refusal(result, &why));
      INFO(why);
      if (!command.output.empty() && had_earlier) CHECK(read_file(command.output) == earlier);
    }
    CHECK(state_of(target) == before);
  }
}

void flip(const fs::path& file, std::size_t offset, std::size_t count = 8) {
  std::fstream bytes(file, std::ios::in | std::ios::out | std::ios::binary);
  for (std::size_t i = 0; i < count; ++i) {
    bytes.seekg(static_cast<std::streamoff>(offset + i));
    char c = 0;
    bytes.get(c);
    bytes.seekp(static_cast<std::streamoff>(offset + i));
    bytes.put(static_cast<char>(c ^ 0xFF));
  }
}

}  // namespace

TEST_CASE("truncated demo files are refused in one line or read where whole, never written") {
  TempDir dir;
  auto source = dir / "whole.sqlite";
  copy_demo_file(source);
  REQUIRE(query_number(source, "PRAGMA page_size") == static_cast<std::int64_t>(page));
  const std::size_t size = fs::file_size(source);
  Outcomes outcomes;
  outcomes.figures.name = "1a truncated files (0, 100 B, 1 page, half, all but 1 page)";
  for (std::size_t length : {std::size_t{0}, std::size_t{100}, page, size / 2, size - page}) {
    auto file = dir / ("cut-" + std::to_string(length) + ".sqlite");
    fs::copy_file(source, file);
    fs::resize_file(file, length);
    run_every_command(file, "cut to " + std::to_string(length) + " bytes", outcomes);
  }
  outcomes.figures.note = outcomes.note();
  record(outcomes.figures);
  CHECK(outcomes.refused > 0);
}

namespace {

// Copies of the demo file with 8 bytes flipped at each of: the header, the first pages, the
// middle and the last page (each at a page's start, where SQLite reads its structure), and
// inside a middle page's cells, where only a record's value is changed.
std::vector<std::pair<std::string, fs::path>> flipped_files(const TempDir& dir) {
  auto source = dir / "whole.sqlite";
  copy_demo_file(source);
  const std::size_t size = fs::file_size(source);
  const std::size_t middle = size / 2 / page * page;
  const std::pair<const char*, std::size_t> flips[] = {
      {"header: the magic string", 0},
      {"header: page size and versions", 16},
      {"page 1: the schema's b-tree header", 100},
      {"page 2", page},
      {"a middle page's header", middle},
      {"inside a middle page's cells", middle + page + 2000},
      {"the last page", size - page},
  };
  std::vector<std::pair<std::string, fs::path>> files;
  for (const auto& [where, offset] : flips) {
    auto file = dir / ("flip-" + std::to_string(offset) + ".sqlite");
    fs::copy_file(source, file);
    flip(file, offset);
    files.emplace_back(std::string("8 bytes flipped at ") + where, file);
  }
  return files;
}

}  // namespace

TEST_CASE("flipped bytes in the header and the pages are refused or read where sound") {
  TempDir dir;
  Outcomes outcomes;
  outcomes.figures.name = "1b flipped bytes (header, pages 1-2, middle, last)";
  for (const auto& [damage, file] : flipped_files(dir))
    run_every_command(file, damage, outcomes, std::chrono::seconds(30), {}, {"screenshot"});
  outcomes.figures.note = outcomes.note() + "; screenshot in 1c";
  record(outcomes.figures);
  CHECK(outcomes.refused > 0);
}

// The dashboard opens a file whose schema or pages are damaged and says so in its notice line; a
// screenshot of it would be a picture of empty or partial figures, so it is refused.
TEST_CASE("a screenshot of a damaged file is refused, not a picture of empty figures") {
  TempDir dir;
  Outcomes outcomes;
  outcomes.figures.name = "1c screenshot of flipped-byte files";
  for (const auto& [damage, file] : flipped_files(dir))
    run_every_command(file, damage, outcomes, std::chrono::seconds(30), {"screenshot"});
  outcomes.figures.note = outcomes.note();
  record(outcomes.figures);
  CHECK(outcomes.figures.false_successes == 0);
}

TEST_CASE("files that are not Raekoda's are refused in one clear line and left as they were") {
  TempDir dir;
  auto text = dir / "notes.txt";
  write_file(text, "Linnavalitsuse istungi päevakord\n1. Eelarve\n2. Teabenõuded\n");
  auto png = dir / "picture.png";
  write_file(png, pristine().png);
  auto foreign = dir / "budget.sqlite";
  REQUIRE(run_child({"sqlite3", foreign.string(),
                     "PRAGMA application_id = 1234; CREATE TABLE lines (id INTEGER PRIMARY KEY, "
                     "amount REAL); INSERT INTO lines VALUES (1, 12.5)"})
              .exit_code == 0);
  auto folder = dir / "folder.sqlite";
  fs::create_directory(folder);
  auto fifo = dir / "pipe.sqlite";
  REQUIRE(mkfifo(fifo.c_str(), 0644) == 0);

  Outcomes outcomes;
  outcomes.figures.name = "2 foreign files (text, PNG, other SQLite, folder, FIFO)";
  for (const auto& file : {text, png, foreign, folder})
    run_every_command(file, file.filename().string(), outcomes);
  // A FIFO blocks whoever opens it for reading until a writer comes: a command that opens it
  // must not wait for ever. backup's is in 2b.
  run_every_command(fifo, "a FIFO", outcomes, std::chrono::seconds(10), {}, {"backup"});
  outcomes.figures.note = outcomes.note() + "; backup of a FIFO in 2b";
  record(outcomes.figures);
  CHECK(outcomes.worked == 0);
}

// open(2) of a FIFO for reading waits for a writer: backup and verify ask what the path is
// first, and refuse it in one line.
TEST_CASE("a FIFO given to backup as the database is refused without waiting") {
  TempDir dir;
  auto fifo = dir / "pipe.sqlite";
  REQUIRE(mkfifo(fifo.c_str(), 0644) == 0);
  Outcomes outcomes;
  outcomes.figures.name = "2b backup of a FIFO";
  run_every_command(fifo, "a FIFO", outcomes, std::chrono::seconds(5), {"backup"});
  auto said = run_raekoda(
      {"backup", "--db", fifo.string(), "--out", (dir / "copy.sqlite").string(), "--lang", "en"});
  INFO(said.output);
  CHECK(said.exit_code == 1);
  CHECK(said.output.find("is not a database file but a pipe") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "copy.sqlite"));
  outcomes.figures.note = "a hang is counted as a crash";
  record(outcomes.figures);
  CHECK(outcomes.figures.crashes == 0);
}
