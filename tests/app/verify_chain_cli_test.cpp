// `raekoda verify` walks the audit log's hash chain: the IT lead notes the line it prints when
// whole, and a row edited, removed or slipped in behind Raekoda's back is named by its id.

#include <catch2/catch.hpp>

#include "app/run_command.h"
#include "db/audit_chain.h"
#include "db/database.h"
#include "db/record_store.h"
#include "support/temp_dir.h"

using namespace raekoda;
using namespace raekoda::testing;

namespace {

const std::string executable = RAEKODA_EXECUTABLE;

// A city file with two saves of one document: three audit rows in two changes.
std::string head_after_two_saves(const std::filesystem::path& path) {
  db::Database db = db::Database::open(path.string(), db::OpenMode::create_if_missing);
  db.exec("INSERT INTO units (id, name) VALUES (1, 'Linnakantselei')");
  db.exec(
      "INSERT INTO documents (id, reg_number, doc_type, direction, registered_on, title, due_on) "
      "VALUES (1, '7-1/2026-0042', 'information_request', 'incoming', '2026-11-16', "
      "'Teabenõue', '2026-11-23')");
  const db::Author mari{"mari", "2026-11-22 10:15:00", 120, "kantselei-12"};
  Record original = *db::load_record(db, documents_spec(), 1);
  Record edited = original;
  edited.set("title", "Teabenõue kooli kohta");
  edited.set("sender", "Anna Kask");
  db::update_record(db, documents_spec(), original, edited, mari);
  original = *db::load_record(db, documents_spec(), 1);
  edited = original;
  edited.set("answered_on", "2026-11-20");
  db::update_record(db, documents_spec(), original, edited, mari);
  return db::check_audit_chain(db).head;
}

CommandResult sql(const std::filesystem::path& path, const std::string& statement) {
  return run_command("sqlite3 " + quoted(path.string()) + " " + quoted(statement));
}

CommandResult verify(const std::filesystem::path& path, const std::string& language = "en") {
  return run_command(executable + " verify --db " + quoted(path.string()) + " --lang " + language);
}

}  // namespace

TEST_CASE("verify says the audit log is whole with its row count and the head to note down") {
  TempDir dir;
  auto path = dir / "linn.sqlite";
  std::string head = head_after_two_saves(path);
  REQUIRE(head.size() == 64);
  auto verified = verify(path);
  CHECK(verified.exit_code == 0);
  CHECK(line_count(verified.output) == 2);
  CHECK(verified.output.find(": whole (") != std::string::npos);
  CHECK(verified.output.find("the audit log is whole, 3 audit rows; the chain's head is " +
                             head.substr(0, 16) + "\n") != std::string::npos);
  CHECK(verify(path, "et").output.find("auditilogi on terviklik, 3 rida") != std::string::npos);
}

TEST_CASE("verify of a file nobody has saved in says the audit log is empty, not a head of zeros") {
  TempDir dir;
  auto path = dir / "uus.sqlite";
  db::Database::open(path.string(), db::OpenMode::create_if_missing);
  auto verified = verify(path);
  CHECK(verified.exit_code == 0);
  CHECK(
      verified.output.find(": the audit log is empty: nothing has been saved in Raekoda yet.\n") !=
      std::string::npos);
  CHECK(verified.output.find("0000") == std::string::npos);
}

TEST_CASE("verify names the audit row changed through SQL, and exits 1") {
  TempDir dir;
  auto path = dir / "linn.sqlite";
  head_after_two_saves(path);
  REQUIRE(sql(path, "UPDATE audit_log SET after_value = '2026-11-19' WHERE id = 3").exit_code == 0);
  auto verified = verify(path);
  CHECK(verified.exit_code == 1);
  CHECK(line_count(verified.output) == 1);
  CHECK(verified.output.find("audit row 3 (change 2, 22.11.2026 10:15) was changed") !=
        std::string::npos);
  CHECK(verify(path, "ru").output.find("строка журнала аудита 3 (изменение 2") !=
        std::string::npos);
}

TEST_CASE("verify names audit rows removed from the middle and from the end") {
  TempDir dir;
  auto path = dir / "linn.sqlite";
  head_after_two_saves(path);
  SECTION("the middle") {
    REQUIRE(sql(path, "DELETE FROM audit_log WHERE id = 2").exit_code == 0);
    auto verified = verify(path);
    CHECK(verified.exit_code == 1);
    CHECK(verified.output.find("audit row 2 was removed (the log goes on with row 3, change 2") !=
          std::string::npos);
  }
  SECTION("the end") {
    REQUIRE(sql(path, "DELETE FROM audit_log WHERE id = 3").exit_code == 0);
    auto verified = verify(path);
    CHECK(verified.exit_code == 1);
    CHECK(verified.output.find("the last audit rows, 3 to 3, were removed") != std::string::npos);
  }
}

TEST_CASE("a backup of a file whose audit log was edited is refused, the last one kept") {
  TempDir dir;
  auto path = dir / "linn.sqlite";
  auto copy = dir / "linn-backup.sqlite";
  head_after_two_saves(path);
  CommandResult forged =
      sql(path,
          "INSERT INTO audit_log (id, change_id, changed_at, changed_by, action, table_name, "
          "record_id, field, after_value) VALUES (4, 3, '2026-11-22 09:00:00', 'mari', "
          "'update', 'documents', 1, 'title', 'Võlts')");
  INFO(forged.output);
  REQUIRE(forged.exit_code == 0);
  auto made = run_command(executable + " backup --db " + quoted(path.string()) + " --out " +
                          quoted(copy.string()) + " --lang en");
  CHECK(made.exit_code == 1);
  CHECK(made.output.find("audit row 4 (change 3, 22.11.2026 09:00) was not written by Raekoda") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(copy));
}
