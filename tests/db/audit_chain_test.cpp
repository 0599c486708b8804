// The audit log as a hash chain: whole after everything Raekoda writes, and broken where a row
// was changed, removed or slipped in behind its back; on both backends.

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <ctime>
#include <thread>

#include <sqlite3.h>

#include "db/audit_chain.h"
#include "db/change_undo.h"
#include "db/database.h"
#include "db/database_copy.h"
#include "db/import_writer.h"
#include "db/record_store.h"
#include "db/schema.h"
#include "support/temp_dir.h"
#include "support/test_database.h"

using namespace raekoda;
using db::AuditChainCheck;
using db::Database;
using db::Statement;
using Finding = db::AuditChainCheck::Finding;

namespace {

const db::Author mari{"mari", "2026-11-22 10:15:00", 120, "kantselei-12"};
const db::Author jaan{"jaan", "2026-11-22 10:16:00", 120, "kantselei-07"};

void add_records(Database& db) {
  db.exec("INSERT INTO units (id, name) VALUES (1, 'Linnakantselei')");
  db.exec(
      "INSERT INTO people (id, full_name, unit_id, joined_on) VALUES (1, 'Õie Mägi', 1, "
      "'2020-01-01')");
  for (int id = 1; id <= 3; ++id)
    db.exec(
        "INSERT INTO documents (id, reg_number, doc_type, direction, registered_on, title, "
        "sender, due_on) VALUES (" +
        std::to_string(id) + ", '7-1/2026-004" + std::to_string(id) +
        "', 'information_request', 'incoming', '2026-11-16', 'Teabenõue', 'Jelena Smirnova', "
        "'2026-11-23')");
}

db::SaveResult save(Database& db, Id id, std::string_view column, std::string_view value,
                    const db::Author& author = mari) {
  Record original = *db::load_record(db, documents_spec(), id);
  Record edited = original;
  edited.set(std::string(column), std::string(value));
  db::SaveResult result = db::update_record(db, documents_spec(), original, edited, author);
  REQUIRE(result.status == db::SaveStatus::saved);
  return result;
}

// A few saves of two people: nine audit rows in five changes.
void a_morning_of_saves(Database& db) {
  save(db, 1, "title", "Teabenõue koolivõrgu kohta");
  save(db, 2, "sender", "Anna Kask", jaan);
  Record original = *db::load_record(db, documents_spec(), 3);
  Record edited = original;
  edited.set("answered_on", "2026-11-20");
  edited.set("responder_id", "1");
  REQUIRE(db::update_record(db, documents_spec(), original, edited, mari).status ==
          db::SaveStatus::saved);
  save(db, 1, "sender", "Mart Kuusk", jaan);
  save(db, 2, "title", "Märgukiri");
}

std::int64_t rows_of(Database& db) {
  return db.query_integer("SELECT count(*) FROM audit_log", 0);
}

std::int64_t last_row(Database& db) {
  return db.query_integer("SELECT max(id) FROM audit_log", 0);
}

std::int64_t change_of(Database& db, std::int64_t row) {
  return db.query_integer("SELECT change_id FROM audit_log WHERE id = ?", 0, row);
}

db::ImportSource register_export() {
  return {"documents", "delta-2026-11-23.csv", "", "Delta", mari};
}

Record request(std::string_view reg_number) {
  Record record;
  record.set("reg_number", std::string(reg_number));
  record.set("doc_type", "information_request");
  record.set("direction", "incoming");
  record.set("registered_on", "2026-11-16");
  record.set("title", "Teabenõue");
  record.set("sender", "Jelena Smirnova");
  record.set("due_on", "2026-11-23");
  record.set("access_restricted", "0");
  return record;
}

Id import_requests(Database& db, int first, int count) {
  ValidationContext context;
  context.today = *Date::parse_iso("2026-11-23");
  context.now = DateTime{context.today, 12 * 60};
  db::ImportWriter writer(db, register_export(), context);
  std::vector<FieldError> errors;
  for (int i = first; i < first + count; ++i) {
    std::string reg = "7-2/2026-" + std::to_string(i);
    writer.write(documents_spec(), {reg, {{"reg_number", reg}}}, request(reg), i, errors);
  }
  return writer.commit();
}

}  // namespace

TEST_CASE("the canonical row tells NULL from empty and keeps each column's bounds", "[sqlite]") {
  db::AuditRow row;
  row.id = 7;
  row.change_id = 3;
  row.changed_at = "2026-11-22 08:15:00";
  row.changed_by = "mari";
  row.action = "update";
  row.table_name = "documents";
  row.record_id = 1;
  row.field = "title";
  row.before_value = "ab";
  row.after_value = "c";
  db::AuditRow moved = row;
  moved.before_value = "a";
  moved.after_value = "bc";
  CHECK(db::canonical_audit_row(row) != db::canonical_audit_row(moved));
  db::AuditRow empty = row;
  empty.host = "";
  CHECK(db::canonical_audit_row(row) != db::canonical_audit_row(empty));
  // A server reads a moment back without ":00" seconds: the same row, the same bytes.
  db::AuditRow to_the_minute = row;
  to_the_minute.changed_at = "2026-11-22 08:15";
  CHECK(db::canonical_audit_row(row) == db::canonical_audit_row(to_the_minute));
  // Each hash depends on the one before it.
  db::AuditHash first = db::chained_hash(db::chain_start, row);
  CHECK(db::chained_hash(first, row) != first);
  CHECK(db::hash_from_hex(db::hex_of(first)) == first);
  CHECK(db::hex_of(db::chained_hash(db::chain_start, row)).size() == 64);
}

TEST_CASE("the chain is whole after saves, inserts, deletes, undos and imports") {
  Database db = testing::open_test_database();
  CHECK(db::check_audit_chain(db).whole());  // an empty log is whole, its head the start
  add_records(db);
  a_morning_of_saves(db);
  REQUIRE(db::undo_last_change(db, mari).status == db::SaveStatus::saved);
  db::SaveResult sender = save(db, 3, "sender", "Piret Saar", jaan);
  REQUIRE(db::undo_change(db, sender.change_id, jaan).status == db::SaveStatus::saved);
  Record added = db::insert_record(db, documents_spec(), request("7-1/2026-0099"), mari);
  REQUIRE(db::delete_record(db, documents_spec(), added, jaan).status == db::SaveStatus::saved);
  Id first_import = import_requests(db, 1, 450);  // more rows than one INSERT takes
  import_requests(db, 1000, 3);
  db::undo_import(db, first_import, jaan);

  AuditChainCheck check = db::check_audit_chain(db);
  CHECK(check.finding == Finding::whole);
  CHECK(check.rows == rows_of(db));
  CHECK(check.rows > 900);
  CHECK(check.head_id == last_row(db));
  // The head is the last row's hash, and every row has one.
  Statement last = db.prepare("SELECT row_hash FROM audit_log WHERE id = ?");
  last.bind(1, last_row(db));
  REQUIRE(last.step());
  CHECK(check.head == last.text(0));
  CHECK(db.query_integer("SELECT count(*) FROM audit_log WHERE row_hash IS NULL", -1) == 0);
  // Ids follow one another: the chain gives them, not the table.
  CHECK(db.query_integer("SELECT min(id) FROM audit_log", 0) == 1);
  CHECK(last_row(db) == rows_of(db));
}

TEST_CASE("a value changed in the audit log through SQL is found at its row") {
  Database db = testing::open_test_database();
  add_records(db);
  a_morning_of_saves(db);
  REQUIRE(db::check_audit_chain(db).whole());
  std::int64_t head_before = db::check_audit_chain(db).rows;
  db.exec("UPDATE audit_log SET after_value = 'Teabenõue' WHERE id = 3");
  AuditChainCheck check = db::check_audit_chain(db);
  CHECK(check.finding == Finding::changed);
  CHECK(check.row_id == 3);
  CHECK(check.change_id == change_of(db, 3));
  CHECK(check.changed_at == "2026-11-22 10:15:00");  // local time, as mari saved it
  CHECK(check.rows <= head_before);
}

TEST_CASE("the last row rewritten with a hash made for it is found by the head") {
  Database db = testing::open_test_database();
  add_records(db);
  a_morning_of_saves(db);
  std::int64_t last = last_row(db);
  // A forger who knows the algorithm rehashes the row from the one before it.
  Statement before = db.prepare("SELECT row_hash FROM audit_log WHERE id = ?");
  before.bind(1, last - 1);
  REQUIRE(before.step());
  db::AuditHash previous = *db::hash_from_hex(before.text(0));
  before.reset();
  Statement read =
      db.prepare("SELECT " + std::string(db::audit_columns()) + " FROM audit_log WHERE id = ?");
  read.bind(1, last);
  REQUIRE(read.step());
  db::AuditRow row;
  row.id = read.integer(0);
  row.change_id = read.integer(1);
  row.changed_at = read.text(2);
  row.utc_offset_minutes = read.integer(3);
  row.changed_by = "keegi";
  row.host = read.text(5);
  row.action = read.text(6);
  row.table_name = read.text(7);
  row.record_id = read.integer(8);
  row.field = read.text(9);
  if (!read.is_null(10)) row.before_value = read.text(10);
  if (!read.is_null(11)) row.after_value = read.text(11);
  if (!read.is_null(14)) row.person_id = read.integer(14);
  read.reset();
  Statement forge = db.prepare("UPDATE audit_log SET changed_by = ?, row_hash = ? WHERE id = ?");
  forge.bind_all(row.changed_by, db::hex_of(db::chained_hash(previous, row)), last).run();
  AuditChainCheck check = db::check_audit_chain(db);
  CHECK(check.finding == Finding::changed);
  CHECK(check.row_id == last);
}

TEST_CASE("a row deleted from the middle of the audit log, or from its end, is found") {
  Database db = testing::open_test_database();
  add_records(db);
  a_morning_of_saves(db);
  std::int64_t last = last_row(db);
  REQUIRE(last >= 6);

  SECTION("in the middle") {
    db.exec("DELETE FROM audit_log WHERE id = 4");
    AuditChainCheck check = db::check_audit_chain(db);
    CHECK(check.finding == Finding::removed);
    CHECK(check.missing_id == 4);
    CHECK(check.row_id == 5);
    CHECK(check.change_id == change_of(db, 5));
  }
  SECTION("the first") {
    db.exec("DELETE FROM audit_log WHERE id = 1");
    AuditChainCheck check = db::check_audit_chain(db);
    CHECK(check.finding == Finding::removed);
    CHECK(check.missing_id == 1);
  }
  SECTION("at the end") {
    db.exec("DELETE FROM audit_log WHERE id >= " + std::to_string(last - 1));
    AuditChainCheck check = db::check_audit_chain(db);
    CHECK(check.finding == Finding::removed_end);
    CHECK(check.missing_id == last - 1);
    CHECK(check.head_id == last);
  }
  SECTION("the chain's head itself") {
    db.exec("DELETE FROM audit_chain");
    CHECK(db::check_audit_chain(db).finding == Finding::head_missing);
  }
}

TEST_CASE("a forged row slipped into the audit log is found, even with a hash made for it") {
  Database db = testing::open_test_database();
  add_records(db);
  a_morning_of_saves(db);
  AuditChainCheck before = db::check_audit_chain(db);
  REQUIRE(before.whole());
  db::AuditRow forged;
  forged.id = before.head_id + 1;
  forged.change_id = change_of(db, before.head_id) + 1;
  forged.changed_at = "2026-11-22 08:30:00";
  forged.utc_offset_minutes = 120;
  forged.changed_by = "mari";
  forged.host = "kantselei-12";
  forged.action = "update";
  forged.table_name = "documents";
  forged.record_id = 1;
  forged.field = "answered_on";
  forged.after_value = "2026-11-21";
  std::string hash = db::hex_of(db::chained_hash(*db::hash_from_hex(before.head), forged));
  Statement insert = db.prepare(
      "INSERT INTO audit_log (id, change_id, changed_at, utc_offset_minutes, changed_by, host, "
      "action, table_name, record_id, field, after_value, row_hash) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert
      .bind_all(forged.id, forged.change_id, forged.changed_at, 120, forged.changed_by,
                *forged.host, forged.action, forged.table_name, forged.record_id, *forged.field,
                *forged.after_value, hash)
      .run();
  AuditChainCheck check = db::check_audit_chain(db);
  CHECK(check.finding == Finding::inserted);
  CHECK(check.row_id == forged.id);
  CHECK(check.change_id == forged.change_id);
  CHECK(check.changed_at == "2026-11-22 10:30:00");

  // Raekoda's next save goes on after the forged row and the forgery stays in sight.
  save(db, 1, "title", "Teabenõue, täpsustatud");
  check = db::check_audit_chain(db);
  CHECK(check.finding == Finding::inserted);
  CHECK(check.row_id == forged.id);
}

TEST_CASE("a forged row with no hash among the rows is found") {
  Database db = testing::open_test_database();
  add_records(db);
  save(db, 1, "title", "Esimene");
  std::int64_t forged = last_row(db) + 1;
  db.exec(
      "INSERT INTO audit_log (id, change_id, changed_at, changed_by, action, table_name, "
      "record_id, field, after_value) VALUES (" +
      std::to_string(forged) +
      ", 99, '2026-11-22 09:00:00', 'mari', 'update', 'documents', 1, 'title', 'Võlts')");
  save(db, 2, "title", "Teine");
  AuditChainCheck check = db::check_audit_chain(db);
  CHECK(check.finding == Finding::inserted);
  CHECK(check.row_id == forged);
  CHECK(check.change_id == 99);
}

TEST_CASE("a new audit row keeps the moment in UTC with the local offset, history shows it local") {
  Database db = testing::open_test_database();
  add_records(db);
  const db::Author new_year{"mari", "2026-01-01 00:30:00", 120, "kantselei-12"};
  save(db, 1, "title", "Uusaasta", new_year);
  Statement row = db.prepare("SELECT changed_at, utc_offset_minutes, host FROM audit_log");
  REQUIRE(row.step());
  CHECK(db::local_changed_at(row.text(0), std::nullopt) == "2025-12-31 22:30:00");
  CHECK(row.integer(1) == 120);
  CHECK(row.text(2) == "kantselei-12");
  row.reset();
  auto history = db::record_history(db, documents_spec(), 1);
  REQUIRE(history.size() == 1);
  CHECK(history[0].changed_at == "2026-01-01 00:30:00");
}

TEST_CASE("the author of a save is this machine's user, its local time and its offset",
          "[sqlite]") {
  db::Author author = db::current_author();
  CHECK_FALSE(author.host.empty());
  CHECK_FALSE(author.user.empty());
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  CHECK(author.utc_offset_minutes == local.tm_gmtoff / 60);
  CHECK(author.at.size() == 19);
}

TEST_CASE("Ctrl+Z undoes the user's last save made on this machine, not one made elsewhere") {
  Database db = testing::open_test_database();
  add_records(db);
  const db::Author mari_at_work{"mari", "2026-11-22 10:15:00", 120, "kantselei-12"};
  const db::Author mari_at_home{"mari", "2026-11-22 21:40:00", 120, "kodu-sulearvuti"};
  save(db, 1, "title", "Tööl muudetud", mari_at_work);
  save(db, 2, "title", "Kodus muudetud", mari_at_home);

  db::UndoResult undone = db::undo_last_change(db, mari_at_work);
  CHECK(undone.status == db::SaveStatus::saved);
  CHECK(undone.record_id == 1);
  CHECK(db::load_record(db, documents_spec(), 1)->value("title") == "Teabenõue");
  CHECK(db::load_record(db, documents_spec(), 2)->value("title") == "Kodus muudetud");
  // Nothing else of hers was saved at work; the save at home stays for her home machine.
  CHECK(db::undo_last_change(db, mari_at_work).status == db::SaveStatus::nothing);
  CHECK(db::undo_last_change(db, mari_at_home).record_id == 2);
  CHECK(db::load_record(db, documents_spec(), 2)->value("title") == "Teabenõue");
  CHECK(db::check_audit_chain(db).whole());
}

TEST_CASE("two colleagues saving at once on two connections leave one whole chain") {
  testing::TempDir dir;
  std::string target = testing::shared_test_target(dir.path().string(), "shared.sqlite");
  {
    Database db = Database::open(target, db::OpenMode::create_if_missing);
    add_records(db);
  }
  Database first = Database::open(target, db::OpenMode::existing);
  Database second = Database::open(target, db::OpenMode::existing);
  first.set_busy_timeout(20000);
  second.set_busy_timeout(20000);

  // Interleaved: the first holds the head, appends and waits; the second's save starts
  // meanwhile and must wait for the head rather than read the one the first is moving.
  std::atomic<bool> first_holds_head = false;
  std::thread holder([&] {
    // No assertion here: Catch's stay on the test's own thread.
    db::Transaction transaction(first);
    db::AuditAppender chain(first);
    first_holds_head = true;
    db::AuditRow row = chain.row_by(mari);
    row.change_id = chain.next_change_id();
    row.action = "update";
    row.table_name = "documents";
    row.record_id = 1;
    row.field = "title";
    row.after_value = "Esimene";
    chain.append(row);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    chain.flush();
    transaction.commit();
  });
  while (!first_holds_head) std::this_thread::yield();
  save(second, 2, "title", "Teine", jaan);
  holder.join();
  // The second save committed after the first: its rows come after the first's in the chain.
  CHECK(second.query_integer("SELECT min(id) FROM audit_log WHERE changed_by = 'jaan'", 0) >
        second.query_integer("SELECT max(id) FROM audit_log WHERE changed_by = 'mari'", 0));

  // Then 200 saves at once from both. Catch's assertions stay on this thread.
  auto saves = [&](Database& db, Id id, const db::Author& author) {
    int saved = 0;
    try {
      for (int i = 0; i < 100; ++i) {
        Record original = *db::load_record(db, documents_spec(), id);
        Record edited = original;
        edited.set("title", author.user + " " + std::to_string(i));
        saved += db::update_record(db, documents_spec(), original, edited, author).status ==
                 db::SaveStatus::saved;
      }
    } catch (const db::DatabaseError&) {
      return -1;
    }
    return saved;
  };
  int first_saved = 0;
  std::thread colleague([&] { first_saved = saves(first, 1, mari); });
  int second_saved = saves(second, 2, jaan);
  colleague.join();
  CHECK(first_saved == 100);
  CHECK(second_saved == 100);
  AuditChainCheck check = db::check_audit_chain(second);
  CHECK(check.finding == Finding::whole);
  CHECK(check.rows == 202);
  CHECK(second.query_integer("SELECT count(DISTINCT change_id) FROM audit_log", 0) == 202);
}

namespace {

// Audit rows as Raekoda 7 wrote them: local time without an offset, no machine, no hash; ids
// with a gap, as a server's identity leaves one after a rolled-back save.
const char* const version7_rows =
    "INSERT INTO audit_log (id, change_id, changed_at, changed_by, action, table_name, "
    "record_id, field, before_value, after_value, undoes_change_id) VALUES "
    "(1, 1, '2026-11-20 14:05:00', 'mari', 'update', 'documents', 1, 'title', 'Teabenõue', "
    "'Teabenõue kooli kohta', NULL), "
    "(2, 1, '2026-11-20 14:05:00', 'mari', 'update', 'documents', 1, 'sender', NULL, "
    "'Anna Kask', NULL), "
    "(4, 2, '2026-11-21 09:00:30', 'jaan', 'undo', 'documents', 1, 'sender', 'Anna Kask', NULL, "
    "1)";

// The head those rows must seal to, made from the values as written: the same on both backends.
std::string version7_head() {
  db::AuditRow one;
  one.id = 1;
  one.change_id = 1;
  one.changed_at = "2026-11-20 14:05:00";
  one.changed_by = "mari";
  one.action = "update";
  one.table_name = "documents";
  one.record_id = 1;
  one.field = "title";
  one.before_value = "Teabenõue";
  one.after_value = "Teabenõue kooli kohta";
  db::AuditRow two = one;
  two.id = 2;
  two.field = "sender";
  two.before_value = std::nullopt;
  two.after_value = "Anna Kask";
  db::AuditRow four = two;
  four.id = 4;
  four.change_id = 2;
  four.changed_at = "2026-11-21 09:00:30";
  four.changed_by = "jaan";
  four.action = "undo";
  four.before_value = "Anna Kask";
  four.after_value = std::nullopt;
  four.undoes_change_id = 1;
  db::AuditHash hash = db::chain_start;
  for (const db::AuditRow* row : {&one, &two, &four}) hash = db::chained_hash(hash, *row);
  return db::hex_of(hash);
}

void check_sealed_version7(Database& db) {
  CHECK(db.schema_version() == db::latest_schema_version());
  AuditChainCheck check = db::check_audit_chain(db);
  CHECK(check.finding == Finding::whole);
  CHECK(check.rows == 3);
  CHECK(check.head == version7_head());
  CHECK(db.query_integer("SELECT count(*) FROM audit_log WHERE utc_offset_minutes IS NULL AND "
                         "host IS NULL AND row_hash IS NOT NULL",
                         0) == 3);
  // Old rows are local time without an offset, and the history shows them as before.
  auto history = db::record_history(db, documents_spec(), 1);
  REQUIRE(history.size() == 3);
  CHECK(history[0].changed_at == "2026-11-21 09:00:30");
  CHECK(history[2].changed_at == "2026-11-20 14:05:00");
  // The seal covers the old rows' content, and the chain goes on from it.
  save(db, 1, "title", "Teabenõue lasteaia kohta");
  CHECK(db::check_audit_chain(db).whole());
  CHECK(db::check_audit_chain(db).rows == 4);
  db.exec("UPDATE audit_log SET changed_by = 'keegi' WHERE id = 2");
  check = db::check_audit_chain(db);
  CHECK(check.finding == Finding::changed);
  CHECK(check.row_id == 2);
}

}  // namespace

TEST_CASE("the migration seals a version-7 file's audit rows in id order", "[sqlite]") {
  testing::TempDir dir;
  auto path = dir / "v7.sqlite";
  {
    // The file as Raekoda 7 left it, with its counting triggers.
    sqlite3* handle = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &handle) == SQLITE_OK);
    auto run = [&](const std::string& sql) {
      return sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, nullptr);
    };
    for (int step = 0; step < 7; ++step)
      REQUIRE(run(std::string(db::migrations()[static_cast<std::size_t>(step)])) == SQLITE_OK);
    REQUIRE(run("PRAGMA user_version = 7; PRAGMA application_id = " +
                std::to_string(db::raekoda_application_id)) == SQLITE_OK);
    std::vector<std::string> tables;
    sqlite3_stmt* select = nullptr;
    REQUIRE(sqlite3_prepare_v2(handle,
                               "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT "
                               "LIKE 'sqlite_%' AND name <> 'table_versions'",
                               -1, &select, nullptr) == SQLITE_OK);
    while (sqlite3_step(select) == SQLITE_ROW)
      tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(select, 0)));
    sqlite3_finalize(select);
    REQUIRE(run(db::change_counting_sql(tables)) == SQLITE_OK);
    REQUIRE(run("INSERT INTO deadline_rules (key, amount, unit, extension_unit) VALUES "
                "('information_request', 5, 'working_days', 'working_days')") == SQLITE_OK);
    REQUIRE(run("INSERT INTO units (id, name) VALUES (1, 'Linnakantselei')") == SQLITE_OK);
    REQUIRE(run("INSERT INTO documents (id, reg_number, doc_type, direction, registered_on, "
                "title, due_on) VALUES (1, '7-1/2026-0041', 'information_request', "
                "'incoming', '2026-11-16', 'Teabenõue', '2026-11-23')") == SQLITE_OK);
    REQUIRE(run(version7_rows) == SQLITE_OK);
    sqlite3_close(handle);
  }
  Database db = Database::open(path, db::OpenMode::existing);
  check_sealed_version7(db);
}

TEST_CASE("the migration seals a version-7 server's audit rows in id order", "[postgres]") {
  testing::TempDir dir;
  std::string target = testing::shared_test_target(dir.path().string(), "v7.sqlite");
  {
    // A server's database as Raekoda 7 left it: version 8's and 9's additions taken away again.
    Database db = Database::open(target, db::OpenMode::create_if_missing);
    testing::take_away_schema_9(db);
    db.exec("DROP TABLE audit_chain");
    db.exec("DROP INDEX audit_log_author");
    db.exec(
        "ALTER TABLE audit_log DROP COLUMN utc_offset_minutes, DROP COLUMN host, "
        "DROP COLUMN row_hash");
    db.exec("UPDATE raekoda_schema SET version = 7");
    db.exec("INSERT INTO units (id, name) VALUES (1, 'Linnakantselei')");
    db.exec(
        "INSERT INTO documents (id, reg_number, doc_type, direction, registered_on, title, "
        "due_on) VALUES (1, '7-1/2026-0041', 'information_request', 'incoming', '2026-11-16', "
        "'Teabenõue', '2026-11-23')");
    db.exec(version7_rows);
  }
  Database db = Database::open(target, db::OpenMode::existing);
  check_sealed_version7(db);
}

TEST_CASE("a file copied to a server and back keeps its audit chain whole, with the same head",
          "[postgres]") {
  testing::TempDir dir;
  Database first = Database::open((dir / "first.sqlite").string(), db::OpenMode::create_if_missing);
  add_records(first);
  a_morning_of_saves(first);
  AuditChainCheck before = db::check_audit_chain(first);
  REQUIRE(before.whole());

  Database server = Database::open(testing::shared_test_target(dir.path().string(), "server"),
                                   db::OpenMode::existing);
  db::copy_database(first, server);
  AuditChainCheck there = db::check_audit_chain(server);
  CHECK(there.finding == Finding::whole);
  CHECK(there.head == before.head);
  // The server's next save goes on from the copied head.
  save(server, 1, "title", "Serveris muudetud");
  CHECK(db::check_audit_chain(server).whole());

  Database last = Database::open((dir / "last.sqlite").string(), db::OpenMode::create_if_missing);
  db::copy_database(server, last);
  AuditChainCheck back = db::check_audit_chain(last);
  CHECK(back.finding == Finding::whole);
  CHECK(back.rows == before.rows + 1);
}
