// A read-only file, as an ordinary user on a share mounted read-only sees it (CI runs as root,
// which no permission stops: the commands and the library run as "nobody"): it opens read-only,
// reads work, and a save or an import is refused with a clear message and writes nothing.

#include <catch2/catch.hpp>

#include <cstdio>

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

const std::string register_export =
    "\xEF\xBB\xBF"
    "Viit;Reg kpv;Pealkiri;Liik;Vastutaja\r\n"
    "7-1/2026-9001;02.11.2026;Lasteaiakohad;Teabenõue;Õie Mägi\r\n";

// In a child as "nobody": opens `file`, checks it is read-only, and tries to save the first
// document. Exit 0 when the save was refused as read-only with a clear message; the message is
// written to `said`.
int save_as_nobody(const fs::path& file, const fs::path& said) {
  return as_unprivileged_user([&] {
    set_language(Language::en);
    try {
      db::Database db = db::Database::open(file.string(), db::OpenMode::existing);
      if (!db.read_only()) return 10;
      Id first = db.query_integer("SELECT min(id) FROM documents", 0);
      Record original = *db::load_record(db, documents_spec(), first);
      Record edited = original;
      edited.set("title", "Muudetud pealkiri");
      try {
        db::update_record(db, documents_spec(), original, edited, {"nobody", "2026-11-22 10:00"});
        return 11;  // "saved" into a file it cannot write
      } catch (const db::DatabaseError& error) {
        const std::string message = app::describe(error);
        std::FILE* out = std::fopen(said.c_str(), "w");
        if (out) {
          std::fputs(message.c_str(), out);
          std::fclose(out);
        }
        return error.kind() == db::ErrorKind::read_only ? 0 : 12;
      }
    } catch (const std::exception& error) {
      std::FILE* out = std::fopen(said.c_str(), "w");
      if (out) {
        std::fputs(error.what(), out);
        std::fclose(out);
      }
      return 13;
    }
  });
}

}  // namespace

TEST_CASE("a read-only file opens read-only for an unprivileged user and refuses saves") {
  TempDir dir;
  open_to_everyone(dir.path(), false);
  auto out = dir / "out";  // where "nobody" may write the report
  fs::create_directory(out);
  open_to_everyone(out, true);
  auto csv = dir / "delta.csv";
  write_file(csv, register_export);
  open_to_everyone(csv, false);

  // A file without write permission, and a writable file in a folder without it (the journal
  // could not be made beside it): both are read-only to "nobody".
  auto share = dir / "share";
  fs::create_directory(share);
  auto locked_file = share / "linn.sqlite";
  copy_demo_file(locked_file);
  fs::permissions(locked_file,
                  fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  auto folder = dir / "locked-folder";
  fs::create_directory(folder);
  auto in_locked_folder = folder / "linn.sqlite";
  copy_demo_file(in_locked_folder);
  fs::permissions(in_locked_folder, fs::perms::all);
  open_to_everyone(share, false);
  open_to_everyone(folder, false);

  CaseFigures figures("3 read-only file as user nobody (2 files × 6 checks)");
  ChildOptions nobody;
  nobody.unprivileged = true;
  for (const fs::path& file : {locked_file, in_locked_folder}) {
    INFO(file.string());
    const std::string before = read_file(file);
    auto verified = run_raekoda({"verify", "--db", file.string(), "--lang", "en"}, nobody);
    INFO(verified.output);
    CHECK(verified.exit_code == 0);
    CHECK(verified.output.find("whole") != std::string::npos);
    auto due = run_raekoda({"due-date", "--type", "information_request", "--registered",
                            "2026-02-20", "--db", file.string(), "--lang", "en"},
                           nobody);
    CHECK(due.output == "2026-03-02\n");
    auto pdf = out / (file.parent_path().filename().string() + ".pdf");
    auto report = run_raekoda({"report", "--db", file.string(), "--period", "2026-11", "--today",
                               "2026-11-22", "--out", pdf.string(), "--lang", "en"},
                              nobody);
    INFO(report.output);
    CHECK(report.exit_code == 0);
    CHECK(whole_pdf(read_file(pdf)));

    const std::int64_t documents = query_number(file, "SELECT count(*) FROM documents");
    auto imported = run_raekoda({"import", "--db", file.string(), "--into", "documents",
                                 csv.string(), "--today", "2026-11-23", "--lang", "en"},
                                nobody);
    INFO(imported.output);
    std::string why;
    CHECK(clear_refusal(imported, &why));
    INFO(why);
    CHECK(imported.output.find("cannot be written") != std::string::npos);
    if (imported.exit_code == 0) ++figures.false_successes;
    CHECK(query_number(file, "SELECT count(*) FROM documents") == documents);

    auto said = out / "said.txt";
    const int saved = save_as_nobody(file, said);
    INFO("db::update_record as nobody: " << saved << " " << read_file(said));
    CHECK(saved == 0);
    CHECK(read_file(said).find("cannot be written") != std::string::npos);
    if (saved == 11) ++figures.false_successes;
    for (const auto& result : {verified, due, report, imported})
      if (!result.exited()) ++figures.crashes;
    figures.runs += 5;
    CHECK(read_file(file) == before);
    CHECK_FALSE(fs::exists(file.string() + "-journal"));
  }
  record(figures);
}
