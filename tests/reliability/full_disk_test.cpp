// A full disk, made with RLIMIT_FSIZE and SIGXFSZ ignored in a child (writes past the limit fail
// with EFBIG, as with ENOSPC; no tmpfs or mount needed): for the database, a save that cannot be
// written is reported and the file stays whole with the value saved before; for what the
// commands write (backup --out, copy --to, screenshot --out, report --out), a failure is said and
// the earlier file stays byte for byte. The window's writers are tested alike elsewhere: CSV
// exports in tests/app/export_faults_test.cpp, workbooks in tests/export/xlsx_faults_test.cpp,
// settings and presets in tests/app/saved_files_faults_test.cpp.

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>

#include "app/messages.h"
#include "core/file_size_limit.h"
#include "core/i18n.h"
#include "db/database.h"
#include "db/record_store.h"
#include "reliability/reliability_support.h"
#include "reliability/tally.h"

using namespace raekoda;
using namespace raekoda::testing;
namespace fs = std::filesystem;

namespace {

bool no_part_files(const fs::path& folder) {
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().filename().string().find(".part-") != std::string::npos) return false;
  return true;
}

std::string title_of(int n) {
  std::string title = "Teabenõue " + std::to_string(n) + " ";
  title.resize(480, static_cast<char>('a' + n % 26));
  return title;
}

// A command that met the full disk: it must refuse in one clear line; counted as a run, and as a
// crash or a false success where it was one.
void count_refusal(CaseFigures& figures, const ChildResult& made) {
  INFO(made.output);
  std::string why;
  CHECK(clear_refusal(made, &why));
  INFO(why);
  ++figures.runs;
  if (!made.exited()) ++figures.crashes;
  if (made.exit_code == 0) ++figures.false_successes;
}

}  // namespace

TEST_CASE("saves onto a disk that fills up are saved whole or refused, the file stays whole") {
  set_language(Language::en);
  TempDir dir;
  auto file = dir / "linn.sqlite";
  make_small_file(file, 3);
  const auto size = fs::file_size(file);
  auto outcome = dir / "outcome.txt";
  // The child saves long titles until the disk is full: the first saves fit in the file's free
  // space, then one needs a new page and must fail. It writes how many were saved and what the
  // failure said.
  const int code = in_other_process([&] {
    long saved = 0;
    std::string said;
    int result = 1;
    try {
      db::Database db = db::Database::open(file.string(), db::OpenMode::existing);
      FileSizeLimit full(size);
      for (int n = 1; n <= 5000; ++n) {
        Record original = *db::load_record(db, documents_spec(), 1 + n % 3);
        Record edited = original;
        edited.set("title", title_of(n));
        try {
          db::update_record(db, documents_spec(), original, edited, {"mari", "2026-11-22 10:00"});
          ++saved;
        } catch (const db::DatabaseError& error) {
          said = app::describe(error);
          result = 0;
          break;
        }
      }
    } catch (const std::exception& error) {
      said = std::string("not a DatabaseError: ") + error.what();
      result = 2;
    }
    std::ofstream out(outcome);
    out << saved << "\n" << said;
    return result;
  });
  std::ifstream in(outcome);
  long saved = -1;
  std::string said;
  in >> saved;
  std::getline(in >> std::ws, said);
  INFO("saved " << saved << ", then: " << said);
  CaseFigures figures("7a database saves onto a full disk (db::update_record)");
  figures.runs = saved + 1;
  CHECK(code == 0);  // a save failed, as the disk was full, and said so
  CHECK(said.find("Database error") == std::string::npos);
  CHECK_FALSE(said.empty());
  CHECK(fs::file_size(file) <= size);

  CHECK(integrity(file, true) == "ok");
  const std::int64_t versions = query_number(file, "SELECT sum(version - 1) FROM documents");
  const std::int64_t audited = query_number(file, "SELECT count(*) FROM audit_log");
  CHECK(versions == saved);
  CHECK(audited == saved);
  // Each record holds the last title saved to it, and not the one that failed.
  for (int id = 1; id <= 3; ++id) {
    long last = 0;
    for (long n = 1; n <= saved; ++n)
      if (1 + n % 3 == id) last = n;
    const std::string title =
        query_text(file, "SELECT title FROM documents WHERE id = " + std::to_string(id));
    CHECK(title == (last == 0 ? "0" : title_of(static_cast<int>(last))));
    if (title != (last == 0 ? "0" : title_of(static_cast<int>(last)))) ++figures.lost_rows;
  }
  figures.false_successes = std::max<std::int64_t>(0, saved - std::min(versions, audited));
  auto opened = run_raekoda({"verify", "--db", file.string(), "--lang", "en"});
  INFO(opened.output);
  CHECK(opened.exit_code == 0);
  figures.note = std::to_string(saved) + " saves fitted, the next one said: " + said;
  record(figures);
}

TEST_CASE("an import onto a full disk is refused in one line and the file stays as it was") {
  TempDir dir;
  auto file = dir / "linn.sqlite";
  make_small_file(file, 3);
  auto csv = dir / "delta.csv";
  std::string rows = "\xEF\xBB\xBFViit;Reg kpv;Pealkiri;Liik;Vastutaja\r\n";
  for (int n = 1000; n < 3000; ++n)
    rows += "7-1/2027-" + std::to_string(n) + ";02.11.2026;Teabenõue " + std::to_string(n) +
            ";Teabenõue;Õie Mägi\r\n";
  write_file(csv, rows);
  const std::string before = read_file(file);
  ChildOptions full;
  full.file_size_limit = fs::file_size(file);
  auto imported = run_raekoda({"import", "--db", file.string(), "--into", "documents", csv.string(),
                               "--today", "2026-11-23", "--lang", "en"},
                              full);
  INFO(imported.output);
  std::string why;
  CHECK(clear_refusal(imported, &why));
  INFO(why);
  CHECK(integrity(file, true) == "ok");
  CHECK(query_number(file, "SELECT count(*) FROM documents") == 3);
  CHECK(read_file(file) == before);
  CaseFigures figures("7b import onto a full disk");
  figures.runs = 1;
  figures.crashes = imported.exited() ? 0 : 1;
  figures.false_successes = imported.exit_code == 0 ? 1 : 0;
  figures.note = imported.output.substr(0, imported.output.find('\n'));
  record(figures);
}

TEST_CASE("a backup or a copy onto a full disk fails and leaves the earlier file byte for byte") {
  TempDir dir;
  auto db = dir / "linn.sqlite";
  copy_demo_file(db);
  auto backups = dir / "backups";
  fs::create_directory(backups);
  auto backup = backups / "linn-2026-11-22.sqlite";
  REQUIRE(run_raekoda({"backup", "--db", db.string(), "--out", backup.string()}).exit_code == 0);
  // The earlier backup is of the day before: a new save, then the backup that fails.
  REQUIRE(run_child({"sqlite3", db.string(),
                     "UPDATE documents SET title = 'Uus' WHERE id = "
                     "(SELECT min(id) FROM documents)"})
              .exit_code == 0);
  const std::string earlier = read_file(backup);
  CaseFigures figures("7c backup --out and copy --to onto a full disk");
  for (rlim_t limit : {rlim_t{0}, rlim_t{64 * 1024}, static_cast<rlim_t>(earlier.size() / 2)}) {
    INFO("writes capped at " << limit << " bytes");
    ChildOptions full;
    full.file_size_limit = limit;
    count_refusal(figures, run_raekoda({"backup", "--db", db.string(), "--out", backup.string(),
                                        "--lang", "en"},
                                       full));
    CHECK(read_file(backup) == earlier);

    auto target = dir / ("copy-" + std::to_string(limit) + ".sqlite");
    count_refusal(figures, run_raekoda({"copy", "--from", db.string(), "--to", target.string(),
                                        "--lang", "en"},
                                       full));
    // What a failed copy may leave is an empty or blank target, never one that looks whole.
    if (fs::exists(target) && fs::file_size(target) > 0)
      CHECK(query_number(target, "SELECT count(*) FROM documents") <= 0);
  }
  record(figures);
}

// A backup that fails on a full disk leaves nothing beside the backups (neither the temporary nor
// its journal), and says its reason as a sentence of its own.
TEST_CASE("a backup onto a full disk leaves no temporary behind") {
  TempDir dir;
  auto db = dir / "linn.sqlite";
  copy_demo_file(db);
  auto backups = dir / "backups";
  fs::create_directory(backups);
  auto backup = backups / "linn-2026-11-22.sqlite";
  CaseFigures figures("7d backup onto a full disk: no .part- left");
  ChildOptions full;
  full.file_size_limit = 64 * 1024;
  auto made =
      run_raekoda({"backup", "--db", db.string(), "--out", backup.string(), "--lang", "en"}, full);
  INFO(made.output);
  ++figures.runs;
  CHECK(made.exit_code != 0);
  CHECK(no_part_files(backups));
  CHECK(made.output.find("allowed. Any") != std::string::npos);
  CHECK(fs::is_empty(backups));
  figures.note = no_part_files(backups) ? "nothing left" : "a .part- file was left behind";
  record(figures);
}

// What the commands draw: a picture and a report that do not fit are refused in one line, and the
// earlier ones, which a council member may have open, stay byte for byte.
TEST_CASE("a screenshot or a report onto a full disk fails and leaves the earlier file whole") {
  TempDir dir;
  auto db = dir / "linn.sqlite";
  copy_demo_file(db);
  auto shot = dir / "overview.png";
  auto report = dir / "aruanne.pdf";
  const std::vector<std::string> shot_args = {
      "screenshot", "--db",     db.string(), "--view",     "overview", "--out", shot.string(),
      "--size",     "1280x800", "--today",   "2026-11-22", "--lang",   "en"};
  const std::vector<std::string> report_args = {
      "report",     "--db",  db.string(),     "--period", "2026-11", "--today",
      "2026-11-22", "--out", report.string(), "--lang",   "en"};
  ChildOptions room;
  use_display(room);
  REQUIRE(run_raekoda(shot_args, room).exit_code == 0);
  REQUIRE(run_raekoda(report_args, room).exit_code == 0);
  const std::string earlier_shot = read_file(shot);
  const std::string earlier_report = read_file(report);
  REQUIRE(whole_png(earlier_shot));
  REQUIRE(whole_pdf(earlier_report));

  CaseFigures figures("7e screenshot --out and report --out onto a full disk");
  for (rlim_t limit : {rlim_t{0}, rlim_t{4096}, static_cast<rlim_t>(earlier_report.size() / 2)}) {
    INFO("writes capped at " << limit << " bytes");
    ChildOptions full = room;
    full.file_size_limit = limit;
    for (const auto* args : {&shot_args, &report_args}) {
      INFO(args->front());
      count_refusal(figures, run_raekoda(*args, full));
    }
    CHECK(read_file(shot) == earlier_shot);
    CHECK(read_file(report) == earlier_report);
    CHECK(no_part_files(dir.path()));
  }
  record(figures);
}
