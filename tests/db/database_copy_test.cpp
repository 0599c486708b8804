#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "db/dashboard_queries.h"
#include "db/database.h"
#include "db/database_copy.h"
#include "db/demo_writer.h"
#include "db/summary_tables.h"
#include "support/temp_dir.h"
#include "support/test_database.h"

using namespace raekoda;
using db::Database;

namespace {

const Date until = *Date::parse_iso("2026-11-22");

void write_demo(Database& db) {
  db::write_demo_data(db, DemoOptions{7, 1, 1, until});
}

// What the demo data leaves out and a city's database holds: an import with its keys, audit rows
// stamped to the second (one on a full minute, which PostgreSQL prints without seconds), an
// undone import, a day off, a campaign over some systems, settings of the city's own.
void write_history(Database& db) {
  db.exec(
      "INSERT INTO imports (id, kind, file_name, system_name, preset, run_by, run_at, change_id, "
      "added, updated, undone_at) VALUES "
      "(1, 'documents', 'register.csv', 'WebDesktop', 'webdesktop', 'mari', "
      "'2026-11-20 10:15:00', 1, 2, 0, NULL), "
      "(2, 'incidents', 'glpi.csv', 'GLPI', '', 'jaan', '2026-11-21 08:01:07', 2, 1, 0, "
      "'2026-11-21 09:30:00')");
  db.exec(
      "INSERT INTO import_keys (table_name, record_id, natural_key, version, import_id) VALUES "
      "('documents', 1, '1-2/26/1', 1, 1), ('documents', 2, '1-2/26/2', 1, 1), "
      "('incidents', 1, 'GLPI-7', 1, 2)");
  db.exec(
      "INSERT INTO audit_log (id, change_id, changed_at, changed_by, action, table_name, "
      "record_id, field, before_value, after_value, undoes_change_id, import_id) VALUES "
      "(1, 1, '2026-11-20 10:15:00', 'mari', 'insert', 'documents', 1, NULL, NULL, NULL, NULL, "
      "1), "
      "(2, 2, '2026-11-21 08:01:07', 'jaan', 'update', 'incidents', 1, 'title', 'Printer', "
      "'Printer ei prindi „A4“', NULL, 2), "
      "(3, 3, '2026-11-21 09:30:00', 'jaan', 'undo', 'incidents', 1, NULL, NULL, NULL, 2, NULL)");
  db.exec("INSERT INTO extra_days_off (day, reason) VALUES ('2026-12-31', 'Vana-aasta õhtu')");
  db.exec(
      "INSERT INTO campaign_systems (campaign_id, system_id) "
      "SELECT min(c.id), s.id FROM review_campaigns c, information_systems s "
      "WHERE s.id <= 2 GROUP BY s.id");
  db.exec("UPDATE settings SET on_time_target_percent = 90, council_chair_id = 1, version = 3");
  db.exec("UPDATE deadline_rules SET amount = 7, version = 2 WHERE key = 'media_inquiry'");
}

std::vector<std::string> all_columns_of_file(Database& file, std::string_view table) {
  db::Statement query = file.prepare("SELECT name FROM pragma_table_xinfo(?) ORDER BY cid");
  query.bind(1, table);
  std::vector<std::string> columns;
  while (query.step()) columns.push_back(query.text(0));
  return columns;
}

// Every row of every table of a file, computed columns too, each value with SQLite's type of it:
// two files give the same dump only when they hold the same rows in the same types.
std::map<std::string, std::vector<std::string>> dump_file(Database& file) {
  std::map<std::string, std::vector<std::string>> dump;
  for (const db::CopiedTable& table : db::copied_tables()) {
    std::string values;
    for (const std::string& column : all_columns_of_file(file, table.table))
      values += (values.empty() ? "" : " || '|' || ") + std::string("typeof(") + column +
                ") || ':' || coalesce(" + column + ", '')";
    db::Statement rows = file.prepare("SELECT " + values + " FROM " + std::string(table.table) +
                                      " ORDER BY " + std::string(table.key));
    std::vector<std::string>& lines = dump[std::string(table.table)];
    while (rows.step()) lines.push_back(rows.text(0));
  }
  return dump;
}

std::map<std::string, std::int64_t> row_counts(Database& db) {
  std::map<std::string, std::int64_t> counts;
  for (const db::CopiedTable& table : db::copied_tables())
    counts[std::string(table.table)] =
        db.query_integer("SELECT count(*) FROM " + std::string(table.table), -1);
  return counts;
}

// The overview's figures as one list of numbers, trends included.
std::vector<std::int64_t> overview_numbers(Database& db) {
  OverviewFigures f =
      db::load_dashboard_figures(db, DateTime{until, 12 * 60}, std::array{View::overview}).overview;
  std::vector<std::int64_t> numbers{f.media_items_30d,        f.media_items_prev_30d,
                                    f.media_negative_30d,     f.open_rebuttals,
                                    f.documents_overdue,      f.documents_due_soon,
                                    f.activities_late,        f.activities_next_14d,
                                    f.incidents_open,         f.security_incidents_quarter,
                                    f.leaver_accounts_active, f.accounts_active};
  for (const auto* series :
       {&f.media_items_per_week, &f.overdue_at_week_end, &f.late_at_week_end,
        &f.open_incidents_at_week_end, &f.leaver_accounts_at_week_end, &f.coverage_by_tone[0],
        &f.coverage_by_tone[1], &f.coverage_by_tone[2]})
    numbers.insert(numbers.end(), series->begin(), series->end());
  return numbers;
}

}  // namespace

TEST_CASE("a copy lists every table of the schema, parents first") {
  Database db = testing::open_test_database();
  const std::string tables_sql =
      db.backend() == db::Backend::postgresql
          ? "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND "
            "tablename <> 'raekoda_schema'"
          // A file's own count of each table's changes, and the summaries, are kept by the
          // target's triggers.
          : "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
            "AND name <> 'table_versions'";
  CHECK(db.query_integer(tables_sql, -1) ==
        static_cast<std::int64_t>(db::copied_tables().size() + db::summary_tables.size()));
  // Parents first: no table refers to one listed after it (the schemas of the two backends have
  // the same keys; SQLite's are the easier to list).
  if (db.backend() == db::Backend::sqlite) {
    std::vector<std::string> seen;
    for (const db::CopiedTable& table : db::copied_tables()) {
      db::Statement parents = db.prepare("SELECT \"table\" FROM pragma_foreign_key_list(?)");
      parents.bind(1, table.table);
      while (parents.step()) {
        INFO(table.table << " refers to " << parents.text(0));
        CHECK(std::find(seen.begin(), seen.end(), parents.text(0)) != seen.end());
      }
      seen.emplace_back(table.table);
    }
  }
}

TEST_CASE("a file copied to a server and back holds every row as it was, and the same figures",
          "[postgres]") {
  testing::TempDir dir;
  Database first = Database::open((dir / "first.sqlite").string(), db::OpenMode::create_if_missing);
  write_demo(first);
  write_history(first);

  Database server = Database::open(testing::shared_test_target(dir.path().string(), "server"),
                                   db::OpenMode::existing);
  db::CopyReport to_server = db::copy_database(first, server);
  CHECK(to_server.rows() > 1000);
  CHECK(row_counts(server) == row_counts(first));

  Database last = Database::open((dir / "last.sqlite").string(), db::OpenMode::create_if_missing);
  db::CopyReport back = db::copy_database(server, last);
  CHECK(back.rows() == to_server.rows());

  std::map<std::string, std::vector<std::string>> before = dump_file(first);
  std::map<std::string, std::vector<std::string>> after = dump_file(last);
  for (const auto& [table, rows] : before) {
    INFO(table);
    CHECK(after[table] == rows);
  }
  // The audit log's seconds came back, on a full minute too.
  CHECK(last.query_integer("SELECT count(*) FROM audit_log WHERE changed_at IN "
                           "('2026-11-20 10:15:00', '2026-11-21 08:01:07', "
                           "'2026-11-21 09:30:00')",
                           -1) == 3);

  CHECK(overview_numbers(server) == overview_numbers(first));
  CHECK(overview_numbers(last) == overview_numbers(first));
}

TEST_CASE("ids copied to a server are followed by the next new row's id", "[postgres]") {
  testing::TempDir dir;
  Database file = Database::open((dir / "city.sqlite").string(), db::OpenMode::create_if_missing);
  write_demo(file);
  write_history(file);
  Database server = testing::open_test_database();
  db::copy_database(file, server);

  for (const db::CopiedTable& table : db::copied_tables()) {
    std::string name(table.table);
    if (table.key != "id" || name == "settings") continue;  // settings holds one row, id 1
    INFO(name);
    db::Statement sequence = server.prepare("SELECT pg_get_serial_sequence(?, 'id')");
    sequence.bind(1, name);
    REQUIRE(sequence.step());
    std::int64_t next_free = server.query_integer(
        "SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM " +
            sequence.text(0),
        -1);
    CHECK(next_free > server.query_integer("SELECT coalesce(max(id), 0) FROM " + name, -1));
  }
  std::int64_t top = server.query_integer("SELECT max(id) FROM units", -1);
  server.exec("INSERT INTO units (name) VALUES ('Uus osakond')");
  CHECK(server.query_integer("SELECT id FROM units WHERE name = 'Uus osakond'", -1) == top + 1);
}

TEST_CASE("a copy into a database that holds data is refused and changes nothing") {
  Database source = testing::open_test_database();
  write_demo(source);
  Database target = testing::open_test_database();
  target.exec("INSERT INTO units (id, name) VALUES (1, 'Linnakantselei')");
  auto counts = row_counts(target);

  try {
    db::copy_database(source, target);
    FAIL("the copy went through");
  } catch (const db::DatabaseError& error) {
    CHECK(error.kind() == db::ErrorKind::not_empty);
    CHECK(std::string(error.what()) == target.display_name());
  }
  CHECK(row_counts(target) == counts);
  CHECK(target.query_integer("SELECT count(*) FROM units WHERE name = 'Linnakantselei'", 0) == 1);
  // The refusal left nothing open on either side: once emptied, the target takes the copy.
  target.exec("DELETE FROM units");
  CHECK(db::copy_database(source, target).rows() > 1000);
}

TEST_CASE("a copy goes into a file that did not exist, and the source file is not written") {
  testing::TempDir dir;
  std::filesystem::path source_path = dir / "city.sqlite";
  {
    Database source = Database::open(source_path.string(), db::OpenMode::create_if_missing);
    write_demo(source);
    write_history(source);
  }
  std::string source_bytes = testing::read_file(source_path);
  std::filesystem::path target_path = dir / "archive" / "copy.sqlite";
  std::filesystem::create_directories(target_path.parent_path());
  REQUIRE_FALSE(std::filesystem::exists(target_path));

  Database source = Database::open(source_path.string(), db::OpenMode::existing);
  {
    Database target = Database::open(target_path.string(), db::OpenMode::create_if_missing);
    db::copy_database(source, target);
  }
  CHECK(testing::read_file(source_path) == source_bytes);
  Database copy = Database::open(target_path.string(), db::OpenMode::existing);
  CHECK(dump_file(copy) == dump_file(source));
  // The source connection is writable again once the copy is done.
  source.exec("INSERT INTO extra_days_off (day) VALUES ('2027-01-02')");
}

TEST_CASE("a copy fills a database that holds only the schema's defaults") {
  Database source = testing::open_test_database();
  write_demo(source);
  Database target = testing::open_test_database();
  CHECK(db::holds_only_schema_defaults(target));
  db::CopyReport report = db::copy_database(source, target);
  std::int64_t source_rows = 0;
  for (const auto& [table, count] : row_counts(source)) source_rows += count;
  CHECK(report.rows() == source_rows);
  CHECK(row_counts(target) == row_counts(source));
  CHECK_FALSE(db::holds_only_schema_defaults(target));
}
