#include <catch2/catch.hpp>

#include "db/database.h"
#include "db/import_writer.h"
#include "db/record_store.h"
#include "support/test_database.h"

using namespace raekoda;
using db::Database;
using db::RowOutcome;

namespace {

const db::Author it_lead{"tiit", "2026-11-23 02:00:00"};
const db::Author secretary{"mari", "2026-11-23 09:30:00"};

db::ImportSource register_export() {
  return {"documents", "delta-2026-11-23.csv", "", "Delta", it_lead};
}

ValidationContext on_day(Date today) {
  ValidationContext context;
  context.today = today;
  context.now = DateTime{today, 12 * 60};
  return context;
}

const Date monday = *Date::parse_iso("2026-11-23");

// An information request as the register exports it.
Record request(std::string_view reg_number, std::string_view title) {
  Record record;
  record.set("reg_number", std::string(reg_number));
  record.set("doc_type", "information_request");
  record.set("direction", "incoming");
  record.set("registered_on", "2026-11-16");
  record.set("title", std::string(title));
  record.set("sender", "Jelena Smirnova");
  record.set("due_on", "2026-11-23");
  return record;
}

db::NaturalKey by_reg_number(std::string_view reg_number) {
  return {std::string(reg_number), {{"reg_number", std::string(reg_number)}}};
}

RowOutcome import_one(Database& db, const Record& record, db::ConflictChoice choice = {}) {
  db::ImportWriter writer(db, register_export(), on_day(monday), std::move(choice));
  std::vector<FieldError> errors;
  RowOutcome outcome =
      writer.write(documents_spec(), by_reg_number(*record.value("reg_number")), record, 2, errors);
  writer.commit();
  return outcome;
}

std::int64_t count(Database& db, std::string_view sql) {
  return db.query_integer(sql, -1);
}

}  // namespace

TEST_CASE("an imported document is added with audit rows that name the import") {
  Database db = testing::open_test_database();
  REQUIRE(import_one(db, request("7-1/2026-0042", "Teabenõue")) == RowOutcome::added);
  CHECK(count(db, "SELECT count(*) FROM documents") == 1);
  // One audit row holds the whole record; its history shows it field by field.
  CHECK(count(db, "SELECT count(*) FROM audit_log WHERE import_id = 1 AND action = 'insert'") == 1);
  auto history = db::record_history(db, documents_spec(), 1);
  REQUIRE(history.size() == 7);
  CHECK(history[0].field == "reg_number");
  CHECK(history[0].after == "7-1/2026-0042");
  CHECK(history[0].changed_by == "tiit");
  CHECK(count(db, "SELECT added FROM imports WHERE id = 1") == 1);
  auto imports = db::recent_imports(db, 5);
  REQUIRE(imports.size() == 1);
  CHECK(imports[0].file_name == "delta-2026-11-23.csv");
  CHECK(imports[0].run_by == "tiit");
}

TEST_CASE("importing the same row again changes nothing and writes no audit row") {
  Database db = testing::open_test_database();
  import_one(db, request("7-1/2026-0042", "Teabenõue"));
  std::int64_t audit = count(db, "SELECT count(*) FROM audit_log");
  CHECK(import_one(db, request("7-1/2026-0042", "Teabenõue")) == RowOutcome::unchanged);
  CHECK(count(db, "SELECT count(*) FROM documents") == 1);
  CHECK(count(db, "SELECT count(*) FROM audit_log") == audit);
  CHECK(count(db, "SELECT version FROM documents") == 1);
}

TEST_CASE("a later export's changed field updates the row, audited before and after") {
  Database db = testing::open_test_database();
  import_one(db, request("7-1/2026-0042", "Teabenõue"));
  Record answered = request("7-1/2026-0042", "Teabenõue");
  answered.set("answered_on", "2026-11-20");
  CHECK(import_one(db, answered) == RowOutcome::updated);
  auto history = db::record_history(db, documents_spec(), 1);
  REQUIRE(history[0].action == "update");
  CHECK(history[0].field == "answered_on");
  CHECK_FALSE(history[0].before);
  CHECK(history[0].after == "2026-11-20");
}

TEST_CASE("a row edited in Raekoda since the last import is a conflict, not overwritten") {
  Database db = testing::open_test_database();
  import_one(db, request("7-1/2026-0042", "Teabenõue"));
  Record original = *db::load_record(db, documents_spec(), 1);
  Record edited = original;
  edited.set("title", "Teabenõue: lasteaiakohad");
  REQUIRE(db::update_record(db, documents_spec(), original, edited, secretary).status ==
          db::SaveStatus::saved);

  Record later = request("7-1/2026-0042", "Teabenõue");
  later.set("answered_on", "2026-11-20");
  {
    db::ImportWriter writer(db, register_export(), on_day(monday));
    std::vector<FieldError> errors;
    CHECK(writer.write(documents_spec(), by_reg_number("7-1/2026-0042"), later, 5, errors) ==
          RowOutcome::conflict);
    REQUIRE(writer.conflicts().size() == 1);
    CHECK(writer.conflicts()[0].line == 5);
    CHECK(writer.conflicts()[0].columns == std::vector<std::string>{"title", "answered_on"});
    writer.commit();
  }
  Record kept = *db::load_record(db, documents_spec(), 1);
  CHECK(kept.value("title") == "Teabenõue: lasteaiakohad");
  CHECK_FALSE(kept.value("answered_on"));

  db::ConflictChoice take;
  take.take.insert("7-1/2026-0042");
  CHECK(import_one(db, later, take) == RowOutcome::updated);
  CHECK(db::load_record(db, documents_spec(), 1)->value("title") == "Teabenõue");
}

TEST_CASE("a row the import cannot save is refused with the field's reason") {
  Database db = testing::open_test_database();
  Record bad = request("7-1/2026-0043", "Teabenõue");
  bad.set("registered_on", "2026-11-30");  // after its due date and in the future
  db::ImportWriter writer(db, register_export(), on_day(monday));
  std::vector<FieldError> errors;
  CHECK(writer.write(documents_spec(), by_reg_number("7-1/2026-0043"), bad, 3, errors) ==
        RowOutcome::refused);
  REQUIRE_FALSE(errors.empty());
  CHECK(errors[0].column == "registered_on");
  CHECK(writer.counts().refused == 1);
}

TEST_CASE("an import not committed leaves the database as it was") {
  Database db = testing::open_test_database();
  {
    db::ImportWriter writer(db, register_export(), on_day(monday));
    writer.person("Õie Mägi", "", "Linnakantselei", monday);
    std::vector<FieldError> errors;
    writer.write(documents_spec(), by_reg_number("7-1/2026-0042"),
                 request("7-1/2026-0042", "Teabenõue"), 2, errors);
  }
  CHECK(count(db, "SELECT count(*) FROM documents") == 0);
  CHECK(count(db, "SELECT count(*) FROM people") == 0);
  CHECK(count(db, "SELECT count(*) FROM imports") == 0);
  CHECK(count(db, "SELECT count(*) FROM audit_log") == 0);
}

TEST_CASE("names are matched folded for case and diacritics, and a new one is added once") {
  Database db = testing::open_test_database();
  db::ImportWriter writer(db, register_export(), on_day(monday));
  Id zukov = writer.person("Žukov, Pjotr", "", "Linnakantselei", monday);
  CHECK(writer.person("ZUKOV,  pjotr", "", "", monday) == zukov);
  CHECK(writer.unit("LINNAKANTSELEI") == writer.unit("Linnakantselei"));
  CHECK(writer.counts().names_added == 2);  // the person and the unit
  Id by_mail = writer.person("Õie Mägi", "oie.magi@linn.ee", "", monday);
  CHECK(writer.person("O. Mägi", "OIE.MAGI@linn.ee", "", monday) == by_mail);
}

TEST_CASE("an import is undone as a whole: its rows removed, its updates put back") {
  Database db = testing::open_test_database();
  import_one(db, request("7-1/2026-0042", "Teabenõue"));
  Record answered = request("7-1/2026-0042", "Teabenõue");
  answered.set("answered_on", "2026-11-20");
  Id second = 0;
  {
    db::ImportWriter writer(db, register_export(), on_day(monday));
    std::vector<FieldError> errors;
    Record with_responder = request("7-1/2026-0050", "Märgukiri");
    with_responder.set("responder_id",
                       std::to_string(writer.person("Õie Mägi", "", "Linnakantselei", monday)));
    writer.write(documents_spec(), by_reg_number("7-1/2026-0042"), answered, 2, errors);
    writer.write(documents_spec(), by_reg_number("7-1/2026-0050"), with_responder, 3, errors);
    second = writer.commit();
  }
  REQUIRE(count(db, "SELECT count(*) FROM documents") == 2);

  db::ImportUndo undo = db::undo_import(db, second, secretary);
  CHECK(undo.removed == 3);  // the document, the person and the unit it brought
  CHECK(undo.restored == 1);
  CHECK(count(db, "SELECT count(*) FROM documents") == 1);
  CHECK(count(db, "SELECT count(*) FROM people") == 0);
  CHECK_FALSE(db::load_record(db, documents_spec(), 1)->value("answered_on"));
  auto imports = db::recent_imports(db, 5);
  REQUIRE_FALSE(imports.empty());
  CHECK(imports[0].undone);
  // Undone once; a second undo finds nothing left to do.
  CHECK(db::undo_import(db, second, secretary).restored == 0);
}

TEST_CASE("Ctrl+Z undoes the user's own last edit, never a whole import") {
  Database db = testing::open_test_database();
  import_one(db, request("7-1/2026-0042", "Teabenõue"));
  Record answered = request("7-1/2026-0042", "Teabenõue");
  answered.set("answered_on", "2026-11-20");
  db::ImportSource source = register_export();
  source.author = {secretary.user, secretary.at};
  {
    db::ImportWriter writer(db, source, on_day(monday));
    std::vector<FieldError> errors;
    writer.write(documents_spec(), by_reg_number("7-1/2026-0042"), answered, 2, errors);
    writer.commit();
  }
  CHECK(db::undo_last_change(db, secretary).status == db::SaveStatus::nothing);
}

TEST_CASE("a row deleted in Raekoda since its import is added again by the next import") {
  Database db = testing::open_test_database();
  import_one(db, request("7-1/2026-0042", "Teabenõue"));
  Record imported = *db::load_record(db, documents_spec(), 1);
  REQUIRE(db::delete_record(db, documents_spec(), imported, secretary).status ==
          db::SaveStatus::saved);
  CHECK(import_one(db, request("7-1/2026-0042", "Teabenõue")) == RowOutcome::added);
  CHECK(count(db, "SELECT count(*) FROM documents") == 1);
  CHECK(count(db, "SELECT count(*) FROM import_keys") == 1);
  CHECK(import_one(db, request("7-1/2026-0042", "Teabenõue")) == RowOutcome::unchanged);
}

TEST_CASE("undoing an import keeps a person a colleague's document has named since") {
  Database db = testing::open_test_database();
  Id import_id = 0;
  Id responder = 0;
  {
    db::ImportWriter writer(db, register_export(), on_day(monday));
    std::vector<FieldError> errors;
    Record with_responder = request("7-1/2026-0050", "Märgukiri");
    responder = writer.person("Õie Mägi", "", "Linnakantselei", monday);
    with_responder.set("responder_id", std::to_string(responder));
    writer.write(documents_spec(), by_reg_number("7-1/2026-0050"), with_responder, 2, errors);
    import_id = writer.commit();
  }
  // Entered by hand, not by the import: it holds the imported person in place.
  Record own = request("7-1/2026-0051", "Kiri");
  own.set("responder_id", std::to_string(responder));
  own.set("access_restricted", "0");
  REQUIRE(db::insert_record(db, documents_spec(), own, secretary).id > 0);

  // The person's delete breaks a foreign key; the undo goes on past it and commits the rest.
  db::ImportUndo undo = db::undo_import(db, import_id, secretary);
  CHECK(undo.removed == 1);  // the imported document
  CHECK(undo.kept == 2);     // the person and the unit the person belongs to
  CHECK(count(db, "SELECT count(*) FROM documents") == 1);
  CHECK(count(db, "SELECT count(*) FROM people") == 1);
  auto imports = db::recent_imports(db, 5);
  REQUIRE_FALSE(imports.empty());
  CHECK(imports[0].undone);
}

namespace {

// A register export long enough that the writer reads keys in bulk and writes in batches.
constexpr int long_export_rows = 450;

std::string long_reg_number(int row) {
  return "7-1/2026-" + std::to_string(1000 + row);
}

// Rows differ in the columns they give, as a real export's do: some have no sender (the
// schema's default then), some an answer.
Record long_export_row(int row) {
  Record record = request(long_reg_number(row), "Teabenõue nr " + std::to_string(row));
  if (row % 3 == 0) record.values.erase("sender");
  if (row % 2 == 0) record.set("answered_on", "2026-11-20");
  record.set("law_due_on", "2026-11-30");
  return record;
}

db::ImportCounts import_rows(Database& db, const std::vector<Record>& rows,
                             std::vector<RowOutcome>* outcomes = nullptr, bool commit = true) {
  db::ImportWriter writer(db, register_export(), on_day(monday));
  std::vector<FieldError> errors;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    RowOutcome outcome = writer.write(documents_spec(), by_reg_number(*rows[i].value("reg_number")),
                                      rows[i], i + 2, errors);
    if (outcomes) outcomes->push_back(outcome);
  }
  writer.flush();
  db::ImportCounts counts = writer.counts();
  if (commit) writer.commit();
  return counts;
}

std::vector<Record> long_export() {
  std::vector<Record> rows;
  for (int row = 0; row < long_export_rows; ++row) rows.push_back(long_export_row(row));
  return rows;
}

}  // namespace

TEST_CASE("a long import adds its rows in the file's order, each audited and remembered") {
  Database db = testing::open_test_database();
  db::ImportCounts counts = import_rows(db, long_export());
  CHECK(counts.added == long_export_rows);
  CHECK(count(db, "SELECT count(*) FROM documents") == long_export_rows);
  // Ids follow the file, as when each row was written alone.
  db::Statement ordered = db.prepare("SELECT reg_number FROM documents ORDER BY id");
  for (int row = 0; row < long_export_rows; ++row) {
    REQUIRE(ordered.step());
    REQUIRE(ordered.text(0) == long_reg_number(row));
  }
  ordered.reset();
  CHECK(count(db, "SELECT count(*) FROM documents WHERE sender = ''") == long_export_rows / 3);
  CHECK(count(db, "SELECT count(*) FROM documents WHERE answered_on IS NOT NULL") ==
        long_export_rows / 2);
  CHECK(count(db, "SELECT count(*) FROM documents WHERE law_due_on IS NOT NULL") ==
        long_export_rows);
  // Each row's key and audit row name that row and no other.
  CHECK(count(db,
              "SELECT count(*) FROM import_keys k JOIN documents d ON d.id = k.record_id "
              "WHERE k.table_name = 'documents' AND k.natural_key = d.reg_number "
              "AND k.version = 1") == long_export_rows);
  CHECK(count(db,
              "SELECT count(DISTINCT record_id) FROM audit_log WHERE import_id = 1 "
              "AND action = 'insert' AND table_name = 'documents'") == long_export_rows);
  for (int row : {0, 199, 200, 201, 399, 449}) {
    Id id =
        db.query_integer("SELECT id FROM documents WHERE reg_number = ?", 0, long_reg_number(row));
    auto history = db::record_history(db, documents_spec(), id);
    REQUIRE_FALSE(history.empty());
    bool names_itself = false;
    for (const auto& entry : history)
      names_itself = names_itself || (entry.field == "title" &&
                                      entry.after == "Teabenõue nr " + std::to_string(row));
    CHECK(names_itself);
  }

  db::ImportUndo undo = db::undo_import(db, 1, secretary);
  CHECK(undo.removed == long_export_rows);
  CHECK(undo.kept == 0);
  CHECK(count(db, "SELECT count(*) FROM documents") == 0);
  CHECK(count(db, "SELECT count(*) FROM import_keys") == 0);
}

TEST_CASE("a long import not committed leaves the database as it was") {
  Database db = testing::open_test_database();
  db::ImportCounts counts = import_rows(db, long_export(), nullptr, false);
  CHECK(counts.added == long_export_rows);
  CHECK(count(db, "SELECT count(*) FROM documents") == 0);
  CHECK(count(db, "SELECT count(*) FROM audit_log") == 0);
  CHECK(count(db, "SELECT count(*) FROM import_keys") == 0);
  CHECK(count(db, "SELECT count(*) FROM imports") == 0);
}

TEST_CASE("a row given twice in a long import is added once, then updated") {
  Database db = testing::open_test_database();
  std::vector<Record> rows = long_export();
  // Row 110 has been written when it comes again; on a server, row 420 is still queued then.
  for (auto [again, at] : {std::pair{110, 250}, std::pair{420, 426}}) {
    Record repeated = long_export_row(again);
    repeated.set("title", "Teabenõue nr " + std::to_string(again) + " (täpsustatud)");
    rows.insert(rows.begin() + at, repeated);
  }
  std::vector<RowOutcome> outcomes;
  db::ImportCounts counts = import_rows(db, rows, &outcomes);
  CHECK(counts.added == long_export_rows);
  CHECK(counts.updated == 2);
  CHECK(outcomes[250] == RowOutcome::updated);
  CHECK(outcomes[426] == RowOutcome::updated);
  CHECK(count(db, "SELECT count(*) FROM documents") == long_export_rows);
  for (int again : {110, 420}) {
    Id id = db.query_integer("SELECT id FROM documents WHERE reg_number = ?", 0,
                             long_reg_number(again));
    auto record = db::load_record(db, documents_spec(), id);
    REQUIRE(record);
    CHECK(record->value("title") == "Teabenõue nr " + std::to_string(again) + " (täpsustatud)");
    CHECK(record->version == 2);
    CHECK(db.query_integer(
              "SELECT version FROM import_keys WHERE table_name = 'documents' AND record_id = ?", 0,
              id) == 2);
  }
}

TEST_CASE("a long re-import updates what changed, keeps the rest, and finds a colleague's edit") {
  Database db = testing::open_test_database();
  import_rows(db, long_export());
  Id edited_id =
      db.query_integer("SELECT id FROM documents WHERE reg_number = ?", 0, long_reg_number(300));
  Record mine = *db::load_record(db, documents_spec(), edited_id);
  Record edited = mine;
  edited.set("title", "Teabenõue nr 300 (parandatud)");
  REQUIRE(db::update_record(db, documents_spec(), mine, edited, secretary).status ==
          db::SaveStatus::saved);

  std::vector<Record> rows = long_export();
  rows[20].set("answered_on", "2026-11-21");
  rows[300].set("answered_on", "2026-11-21");
  rows[350].set("law_due_on", "2026-12-01");  // not a field: written, counted unchanged
  std::vector<RowOutcome> outcomes;
  db::ImportCounts counts = import_rows(db, rows, &outcomes);
  CHECK(counts.updated == 1);
  CHECK(counts.conflicts == 1);
  CHECK(counts.unchanged == long_export_rows - 2);
  CHECK(outcomes[20] == RowOutcome::updated);
  CHECK(outcomes[300] == RowOutcome::conflict);
  CHECK(count(db, "SELECT count(*) FROM documents WHERE law_due_on = '2026-12-01'") == 1);
  CHECK(db.query_integer("SELECT count(*) FROM documents WHERE reg_number = ? AND "
                         "law_due_on = '2026-12-01'",
                         0, long_reg_number(350)) == 1);
  CHECK(count(db, "SELECT count(*) FROM audit_log WHERE import_id = 2") == 1);
  CHECK(db::load_record(db, documents_spec(), edited_id)->value("title") ==
        "Teabenõue nr 300 (parandatud)");
}
