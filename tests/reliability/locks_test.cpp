// A colleague's program holding the file with BEGIN EXCLUSIVE, at start and at the moment of a
// save: Raekoda waits within its busy timeout (5 s), then says the file is busy; nothing that was
// saved is lost, and what was refused is written once the file is free.
// The dashboard's own wait (a notice, Cancel) is tested in tests/ui/busy_write_test.cpp.

#include <catch2/catch.hpp>

#include "app/messages.h"
#include "core/i18n.h"
#include "db/database.h"
#include "db/record_store.h"
#include "reliability/reliability_support.h"
#include "reliability/tally.h"

using namespace raekoda;
using namespace raekoda::testing;
namespace fs = std::filesystem;

namespace {

std::string register_export(int first, int rows) {
  std::string csv = "\xEF\xBB\xBFViit;Reg kpv;Pealkiri;Liik;Vastutaja\r\n";
  for (int n = first; n < first + rows; ++n)
    csv += "7-1/2026-" + std::to_string(n) + ";02.11.2026;Teabenõue " + std::to_string(n) +
           ";Teabenõue;Õie Mägi\r\n";
  return csv;
}

std::vector<std::string> import_args(const fs::path& db, const fs::path& csv) {
  return {"import",     "--db",    db.string(),  "--into", "documents",
          csv.string(), "--today", "2026-11-23", "--lang", "en"};
}

// A colleague's program that has taken the file and holds it for `milliseconds`.
std::unique_ptr<RunningChild> hold(const fs::path& file, int milliseconds) {
  auto child =
      std::make_unique<RunningChild>(saver({"hold", file.string(), std::to_string(milliseconds)}));
  REQUIRE(child->wait_for_output("held\n", std::chrono::seconds(10)));
  return child;
}

std::int64_t documents(const fs::path& file) {
  return query_number(file, "SELECT count(*) FROM documents");
}

}  // namespace

TEST_CASE("a lock held at start is waited for within the busy timeout, then the command works") {
  TempDir dir;
  auto file = dir / "linn.sqlite";
  make_small_file(file, 3);
  auto csv = dir / "delta.csv";
  write_file(csv, register_export(100, 3));
  CaseFigures figures("4a lock held 1.5 s at start: read and import wait");

  auto holder = hold(file, 1500);
  auto due = run_raekoda({"due-date", "--type", "information_request", "--registered", "2026-02-20",
                          "--db", file.string(), "--lang", "en"});
  holder->finish();
  INFO(due.output);
  CHECK(due.exit_code == 0);
  CHECK(due.output == "2026-03-02\n");
  CHECK(due.seconds > 1.0);

  holder = hold(file, 1500);
  auto imported = run_raekoda(import_args(file, csv));
  holder->finish();
  INFO(imported.output);
  CHECK(imported.exit_code == 0);
  CHECK(imported.seconds > 1.0);
  CHECK(documents(file) == 6);
  figures.runs = 2;
  for (const auto& result : {due, imported})
    if (!result.exited()) ++figures.crashes;
  figures.lost_rows = 6 - std::max<std::int64_t>(documents(file), 0);
  record(figures);
}

TEST_CASE("a lock held past the busy timeout is said to be busy, and nothing is lost") {
  TempDir dir;
  auto file = dir / "linn.sqlite";
  make_small_file(file, 3);
  auto csv = dir / "delta.csv";
  write_file(csv, register_export(100, 50));
  CaseFigures figures("4b lock held 7 s: import says busy after ~5 s, then lands");

  auto holder = hold(file, 7000);
  auto refused = run_raekoda(import_args(file, csv));
  auto held = holder->finish();
  INFO(refused.output);
  std::string why;
  CHECK(clear_refusal(refused, &why));
  INFO(why);
  CHECK(refused.output.find("busy") != std::string::npos);
  CHECK(refused.seconds > 4.5);
  CHECK(refused.seconds < 6.9);
  CHECK(held.exit_code == 0);  // the colleague's commit went through
  CHECK(documents(file) == 3);
  CHECK(integrity(file) == "ok");

  auto again = run_raekoda(import_args(file, csv));
  INFO(again.output);
  CHECK(again.exit_code == 0);
  CHECK(documents(file) == 53);
  figures.runs = 2;
  if (refused.exit_code == 0 && documents(file) != 53) ++figures.false_successes;
  figures.lost_rows = 53 - std::max<std::int64_t>(documents(file), 0);
  for (const auto& result : {refused, again})
    if (!result.exited()) ++figures.crashes;
  record(figures);
}

TEST_CASE("a save meeting a lock waits for it, or says busy and keeps the edit to save again") {
  set_language(Language::en);
  TempDir dir;
  auto file = dir / "linn.sqlite";
  make_small_file(file, 3);
  CaseFigures figures("4c lock at save (db::update_record): waits 0.6 s; busy after 0.4 s");
  db::Database db = db::Database::open(file.string(), db::OpenMode::existing);
  const db::Author author{"mari", "2026-11-22 10:15:00"};

  // Held shorter than the timeout: the save waits and lands.
  Record original = *db::load_record(db, documents_spec(), 1);
  Record edited = original;
  edited.set("title", "1");
  auto holder = hold(file, 600);
  auto started = std::chrono::steady_clock::now();
  auto saved = db::update_record(db, documents_spec(), original, edited, author);
  double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  holder->finish();
  CHECK(saved.status == db::SaveStatus::saved);
  CHECK(waited > 0.3);

  // Held longer: busy after the timeout, nothing written, and the same edit lands later.
  original = *db::load_record(db, documents_spec(), 1);
  edited = original;
  edited.set("title", "2");
  db.set_busy_timeout(400);
  holder = hold(file, 2500);
  std::string said;
  started = std::chrono::steady_clock::now();
  try {
    db::update_record(db, documents_spec(), original, edited, author);
    ++figures.false_successes;
  } catch (const db::DatabaseError& error) {
    CHECK(error.kind() == db::ErrorKind::busy);
    said = app::describe(error);
  }
  waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  holder->finish();
  INFO(said);
  CHECK(said.find("busy") != std::string::npos);
  CHECK(waited > 0.3);
  CHECK(waited < 2.0);
  CHECK(query_text(file, "SELECT title FROM documents WHERE id = 1") == "1");
  CHECK(db::update_record(db, documents_spec(), original, edited, author).status ==
        db::SaveStatus::saved);
  CHECK(query_text(file, "SELECT title FROM documents WHERE id = 1") == "2");
  CHECK(query_number(file, "SELECT count(*) FROM audit_log WHERE record_id = 1") == 2);
  figures.runs = 2;
  figures.lost_rows = 2 - query_number(file, "SELECT count(*) FROM audit_log WHERE record_id = 1");
  record(figures);
}
