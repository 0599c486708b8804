// kill -9 at a random moment of a write: of a loop of saves through db::update_record, and of
// `raekoda import`. Afterwards the program opens the file (rolling back the hot journal a kill
// inside a transaction leaves), SQLite's integrity check is ok, every committed save is whole
// (its audit rows and its record agree), and an import is all there or not at all.

#include <catch2/catch.hpp>

#include <csignal>
#include <random>
#include <thread>

#include "reliability/reliability_support.h"
#include "reliability/tally.h"

using namespace raekoda::testing;
namespace fs = std::filesystem;

namespace {

constexpr int rows = 3;
constexpr int imported_rows = 3000;

std::string register_export() {
  std::string csv = "\xEF\xBB\xBFViit;Reg kpv;Pealkiri;Liik;Vastutaja\r\n";
  for (int n = 1000; n < 1000 + imported_rows; ++n)
    csv += "7-1/2027-" + std::to_string(n) + ";02.11.2026;Teabenõue " + std::to_string(n) +
           ";Teabenõue;Õie Mägi\r\n";
  return csv;
}

// A rollback journal that begins with SQLite's magic number: one a kill left in the middle of a
// transaction, which the next opener must roll back (one whose header is still zero is not hot).
bool hot_journal(const fs::path& file) {
  const std::string bytes = read_file(file.string() + "-journal");
  return bytes.rfind("\xd9\xd5\x05\xf9\x20\xa1\x63\xd7", 0) == 0;
}

// Saves whose record and audit rows disagree: each save sets title and sender to one new value
// and writes two audit rows under one change id.
long half_written_saves(const fs::path& file) {
  long broken = query_number(file,
                             "SELECT count(*) FROM (SELECT change_id FROM audit_log GROUP BY "
                             "change_id HAVING count(*) <> 2 OR count(DISTINCT field) <> 2)");
  for (int id = 1; id <= rows; ++id) {
    const std::string record = std::to_string(id);
    const std::int64_t changes = query_number(
        file, "SELECT count(DISTINCT change_id) FROM audit_log WHERE record_id = " + record);
    const std::int64_t version =
        query_number(file, "SELECT version FROM documents WHERE id = " + record);
    const std::string title = query_text(file, "SELECT title FROM documents WHERE id = " + record);
    const std::string sender =
        query_text(file, "SELECT sender FROM documents WHERE id = " + record);
    const std::string last = query_text(
        file,
        "SELECT coalesce(max(CAST(after_value AS INTEGER)), 0) FROM audit_log WHERE record_id = " +
            record + " AND field = 'title'");
    if (version != changes + 1 || title != sender || title != last) ++broken;
  }
  return broken;
}

std::unique_ptr<RunningChild> start_saving(const fs::path& file) {
  auto child = std::make_unique<RunningChild>(saver({"loop", file.string(), std::to_string(rows)}));
  REQUIRE(child->wait_for_output("ready\n", std::chrono::seconds(10)));
  return child;
}

}  // namespace

TEST_CASE("kill -9 during saves and imports leaves a whole file that opens") {
  const int runs = long_variant() ? 100 : 20;
  std::mt19937 random(20261203);
  TempDir dir;
  auto csv = dir / "delta.csv";
  write_file(csv, register_export());
  const std::vector<std::string> import_args = {"import",     "--into",  "documents",
                                                csv.string(), "--today", "2026-11-23",
                                                "--lang",     "en",      "--db"};

  // An import's whole length, to kill it anywhere within it.
  double import_seconds = 0;
  {
    auto file = dir / "timed.sqlite";
    make_small_file(file, rows);
    auto args = import_args;
    args.push_back(file.string());
    auto whole = run_raekoda(args);
    INFO(whole.output);
    REQUIRE(whole.exit_code == 0);
    REQUIRE(query_number(file, "SELECT count(*) FROM documents") == rows + imported_rows);
    import_seconds = whole.seconds;
  }

  CaseFigures figures("6 kill -9 during saves (even runs) and imports (odd runs)");
  long saves_committed = 0;
  long imports_whole = 0;
  long imports_absent = 0;
  long hot_journals = 0;
  for (int run = 0; run < runs; ++run) {
    auto file = dir / ("killed-" + std::to_string(run) + ".sqlite");
    make_small_file(file, rows);
    const bool importing = run % 2 == 1;
    INFO("run " << run << (importing ? ": import" : ": saves"));
    std::unique_ptr<RunningChild> child;
    int delay_ms = 0;
    if (importing) {
      delay_ms = std::uniform_int_distribution<int>(
          0, static_cast<int>(import_seconds * 1000 * 1.1))(random);
      std::vector<std::string> argv{RAEKODA_EXECUTABLE};
      argv.insert(argv.end(), import_args.begin(), import_args.end());
      argv.push_back(file.string());
      ChildOptions options;
      options.environment = {{"XDG_CONFIG_HOME", RELIABILITY_CONFIG_HOME}};
      child = std::make_unique<RunningChild>(argv, options);
    } else {
      delay_ms = std::uniform_int_distribution<int>(20, 400)(random);
      child = start_saving(file);
    }
    INFO("killed after " << delay_ms << " ms");
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    child->kill(SIGKILL);
    ChildResult ended = child->finish();
    ++figures.runs;
    // It must have died of our SIGKILL, or (an import quicker than the delay) have exited 0.
    if (!(ended.signal == SIGKILL || (ended.exited() && ended.exit_code == 0))) ++figures.crashes;
    if (hot_journal(file)) ++hot_journals;

    // The program opens the file first, as the next colleague's would, and rolls it back.
    auto opened = run_raekoda({"due-date", "--type", "information_request", "--registered",
                               "2026-02-20", "--db", file.string(), "--lang", "en"});
    INFO(opened.output);
    CHECK(opened.output == "2026-03-02\n");
    CHECK(integrity(file) == "ok");
    auto verified = run_raekoda({"verify", "--db", file.string(), "--lang", "en"});
    INFO(verified.output);
    CHECK(verified.exit_code == 0);

    if (importing) {
      const std::int64_t added = query_number(file, "SELECT count(*) FROM documents") - rows;
      const std::int64_t audited = query_number(file, "SELECT count(*) FROM audit_log");
      INFO(added << " rows added, " << audited << " audit rows");
      CHECK((added == 0 || added == imported_rows));
      CHECK(((added == 0) == (audited == 0)));
      if (added == 0) ++imports_absent;
      if (added == imported_rows) ++imports_whole;
      if (added != 0 && added != imported_rows)
        figures.lost_rows += std::abs(imported_rows - static_cast<long>(added));
      if (ended.exited() && ended.exit_code == 0 && added != imported_rows)
        ++figures.false_successes;
    } else {
      const long broken = half_written_saves(file);
      CHECK(broken == 0);
      figures.lost_rows += broken;
      saves_committed += query_number(file, "SELECT sum(version - 1) FROM documents");
    }
    fs::remove(file);
  }
  figures.note = std::to_string(runs) + " runs" + (long_variant() ? " (long)" : " (CI)") + ": " +
                 std::to_string(saves_committed) + " saves committed before the kill, imports " +
                 std::to_string(imports_whole) + " whole / " + std::to_string(imports_absent) +
                 " absent, " + std::to_string(hot_journals) + " kills left a hot journal";
  record(figures);
  // The kills must have landed inside writes, or the runs proved nothing.
  CHECK(hot_journals > 0);
  CHECK(imports_absent > 0);
}

// After a writer is killed inside its transaction, the file has a hot journal: the file is whole,
// its save unfinished. verify and backup roll it back (opening the file for writing once, as the
// next program would) and go on; where the file may not be written they say how to finish it.
TEST_CASE("verify and backup of a file a killed writer left mid-save say what happened") {
  TempDir dir;
  auto file = dir / "killed.sqlite";
  std::mt19937 random(1904);
  int kills = 0;
  do {
    fs::remove(file);
    fs::remove(file.string() + "-journal");
    make_small_file(file, rows);
    auto child = start_saving(file);
    std::this_thread::sleep_for(
        std::chrono::milliseconds(std::uniform_int_distribution<int>(20, 200)(random)));
    child->kill(SIGKILL);
    child->finish();
  } while (++kills < 40 && !hot_journal(file));
  REQUIRE(hot_journal(file));
  CaseFigures figures("6b verify/backup of a file with a hot journal");
  // First as a user who may not write the file: the journal stays, and the line says what to do.
  open_to_everyone(dir.path(), false);
  ChildOptions nobody;
  nobody.unprivileged = true;
  auto refused = run_raekoda({"verify", "--db", file.string(), "--lang", "en"}, nobody);
  {
    INFO(refused.output);
    ++figures.runs;
    CHECK(refused.exit_code == 1);
    CHECK(refused.output.find("unfinished save") != std::string::npos);
    CHECK(refused.output.find("write access") != std::string::npos);
    CHECK(hot_journal(file));
  }
  auto verified = run_raekoda({"verify", "--db", file.string(), "--lang", "en"});
  auto backed_up = run_raekoda(
      {"backup", "--db", file.string(), "--out", (dir / "backup.sqlite").string(), "--lang", "en"});
  for (const auto& result : {verified, backed_up}) {
    INFO(result.output);
    ++figures.runs;
    if (!result.exited()) ++figures.crashes;
    CHECK(result.output.find("read-only") == std::string::npos);
    CHECK(result.exit_code == 0);
  }
  CHECK_FALSE(hot_journal(file));
  CHECK(integrity(file) == "ok");
  figures.note = "a hot journal after " + std::to_string(kills) +
                 " kills; verify said: " + verified.output.substr(0, verified.output.find('\n'));
  record(figures);
}
