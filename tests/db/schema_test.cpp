#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <functional>
#include <map>
#include <vector>

#include "core/enums.h"
#include "core/record_spec.h"
#include "db/database.h"
#include "db/schema.h"
#include "db/summary_tables.h"
#include "support/temp_dir.h"
#include "support/test_database.h"

using namespace raekoda;
using raekoda::db::Database;

namespace {

// The schema as SQLite stores it: name → SQL, for comparing two databases.
std::map<std::string, std::string> schema_of(Database& db) {
  std::map<std::string, std::string> schema;
  auto statement = db.prepare("SELECT name, coalesce(sql, '') FROM sqlite_schema ORDER BY name");
  while (statement.step()) schema[statement.text(0)] = statement.text(1);
  return schema;
}

bool accepts(Database& db, const std::string& sql) {
  db.exec("BEGIN");
  try {
    db.exec(sql);
    db.exec("ROLLBACK");
    return true;
  } catch (const db::DatabaseError&) {
    db.exec("ROLLBACK");
    return false;
  }
}

std::vector<std::string> table_names(Database& db) {
  auto tables = db.prepare(db.backend() == db::Backend::sqlite
                               ? "SELECT name FROM sqlite_schema WHERE type = 'table'"
                               : "SELECT tablename FROM pg_tables WHERE schemaname = "
                                 "current_schema() AND tablename <> 'raekoda_schema'");
  std::vector<std::string> names;
  while (tables.step()) names.push_back(tables.text(0));
  return names;
}

bool has_column(Database& db, const std::string& table, const std::string& column) {
  return db.query_integer(db.backend() == db::Backend::sqlite
                              ? "SELECT count(*) FROM pragma_table_info(?) WHERE name = ?"
                              : "SELECT count(*) FROM information_schema.columns WHERE "
                                "table_schema = current_schema() AND table_name = ? AND "
                                "column_name = ?",
                          0, table, column) == 1;
}

// The columns a new row must be given: NOT NULL, no default, not generated, not the key.
std::vector<std::string> required_columns(Database& db, const std::string& table) {
  auto columns = db.prepare(
      db.backend() == db::Backend::sqlite
          ? "SELECT name FROM pragma_table_xinfo(?) WHERE \"notnull\" = 1 AND dflt_value IS NULL "
            "AND hidden = 0 AND pk = 0"
          : "SELECT column_name FROM information_schema.columns WHERE table_schema = "
            "current_schema() AND table_name = ? AND is_nullable = 'NO' AND column_default IS "
            "NULL AND is_generated = 'NEVER' AND is_identity = 'NO'");
  columns.bind(1, table);
  std::vector<std::string> names;
  while (columns.step()) names.push_back(columns.text(0));
  return names;
}

// `insert` makes the statement that writes a row with the key (quoted) in the column.
template <class E>
void check_enum_column(Database& db, const std::function<std::string(std::string_view)>& insert) {
  for (std::string_view key : EnumKeys<E>::keys) {
    INFO(insert(key));
    CHECK(accepts(db, insert(key)));
  }
  CHECK_FALSE(accepts(db, insert("no_such_value")));
}

template <class E>
void check_enum_column(Database& db, const std::string& insert_prefix, const std::string& suffix) {
  check_enum_column<E>(db, [&](std::string_view key) {
    return insert_prefix + "'" + std::string(key) + "'" + suffix;
  });
}

// A date or NULL, as SQL: the dates a row's state needs are chosen here rather than in a CASE,
// whose untyped branches PostgreSQL reads as text, not as a date.
std::string date_if(bool given, const char* day) {
  return given ? std::string("'") + day + "'" : "NULL";
}

}  // namespace

TEST_CASE("a new database gets the latest schema, Raekoda's mark and the default rules") {
  Database db = testing::open_test_database();
  CHECK(db.schema_version() == db::latest_schema_version());
  CHECK(db::holds_raekoda_schema(db));
  CHECK(db.query_integer("SELECT count(*) FROM deadline_rules", 0) == 5);
  CHECK(db.query_integer("SELECT amount FROM deadline_rules WHERE key = 'council_question'", 0) ==
        10);
  CHECK(db.query_integer("SELECT count(*) FROM incident_targets", 0) == 4);
  if (db.backend() == db::Backend::sqlite) {
    CHECK(db.query_integer("PRAGMA application_id", 0) == db::raekoda_application_id);
    CHECK(db.query_integer("PRAGMA foreign_keys", 0) == 1);
  } else {
    CHECK(db.query_integer("SELECT application_id FROM raekoda_schema", 0) ==
          db::raekoda_application_id);
  }
  CHECK(db.is_empty());
}

TEST_CASE("every editable table has a version column for optimistic concurrency") {
  Database db = testing::open_test_database();
  // audit_chain's one row is locked by each writer for its save, not edited by anyone; the
  // summaries are written by triggers alone.
  std::vector<std::string> unversioned{"audit_log", "audit_chain", "backups",
                                       "imports",   "import_keys", "campaign_systems"};
  unversioned.insert(unversioned.end(), db::summary_tables.begin(), db::summary_tables.end());
  int checked = 0;
  for (const std::string& table : table_names(db)) {
    if (std::find(unversioned.begin(), unversioned.end(), table) != unversioned.end()) continue;
    INFO(table);
    CHECK(has_column(db, table, "version"));
    ++checked;
  }
  CHECK(checked >= 18);
}

TEST_CASE("the schema upgrades from every earlier version to the same result as a new file",
          "[sqlite]") {
  testing::TempDir dir;
  Database fresh = Database::open(dir / "fresh.sqlite", db::OpenMode::create_if_missing);
  auto expected = schema_of(fresh);
  for (int version = 0; version < db::latest_schema_version(); ++version) {
    INFO("from version " << version);
    auto path = dir / ("from" + std::to_string(version) + ".sqlite");
    if (version >= 9) {
      // From version 9 the summaries are made by their modules, not by a migration's text: the
      // file is made new and the later versions' additions taken away.
      Database made = Database::open(path, db::OpenMode::create_if_missing);
      REQUIRE(version <= 10);
      if (version == 10)
        testing::take_away_schema_11(made);
      else
        testing::take_away_schema_10(made);
      made.exec("PRAGMA user_version = " + std::to_string(version));
    } else {
      // The file as a Raekoda of that version left it (version 0: a blank SQLite file).
      sqlite3* handle = nullptr;
      REQUIRE(sqlite3_open(path.c_str(), &handle) == SQLITE_OK);
      for (int step = 0; step < version; ++step)
        REQUIRE(sqlite3_exec(handle,
                             std::string(db::migrations()[static_cast<std::size_t>(step)]).c_str(),
                             nullptr, nullptr, nullptr) == SQLITE_OK);
      std::string mark =
          "PRAGMA user_version = " + std::to_string(version) + ";" +
          (version > 0 ? "PRAGMA application_id = " + std::to_string(db::raekoda_application_id)
                       : "");
      REQUIRE(sqlite3_exec(handle, mark.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
      if (version >= 6) {
        // Version 6 also made a counting trigger for each table there was.
        std::vector<std::string> tables;
        sqlite3_stmt* select = nullptr;
        REQUIRE(sqlite3_prepare_v2(handle,
                                   "SELECT name FROM sqlite_schema WHERE type = 'table' AND name "
                                   "NOT LIKE 'sqlite_%' AND name <> 'table_versions'",
                                   -1, &select, nullptr) == SQLITE_OK);
        while (sqlite3_step(select) == SQLITE_ROW)
          tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(select, 0)));
        sqlite3_finalize(select);
        REQUIRE(sqlite3_exec(handle, db::change_counting_sql(tables).c_str(), nullptr, nullptr,
                             nullptr) == SQLITE_OK);
      }
      sqlite3_close(handle);
    }
    // A blank file (version 0) becomes a database only where one is to be made.
    Database upgraded = Database::open(
        path, version == 0 ? db::OpenMode::create_if_missing : db::OpenMode::existing);
    CHECK(upgraded.schema_version() == db::latest_schema_version());
    CHECK(schema_of(upgraded) == expected);
  }
}

TEST_CASE("the schema refuses impossible dates and broken references") {
  Database db = testing::open_test_database();
  db.exec("INSERT INTO units (id, name) VALUES (1, 'Linnakantselei')");
  const std::string person =
      "INSERT INTO people (full_name, unit_id, joined_on, left_on) VALUES ('Mari Tamm', ";
  CHECK(accepts(db, person + "1, '2020-01-01', NULL)"));
  CHECK_FALSE(accepts(db, person + "1, '2026-02-30', NULL)"));
  CHECK_FALSE(accepts(db, person + "1, '20.01.2020', NULL)"));
  CHECK_FALSE(accepts(db, person + "1, '2020-01-01', '2019-12-31')"));  // left before joining
  CHECK_FALSE(accepts(db, person + "99, '2020-01-01', NULL)"));         // no such unit
  CHECK_FALSE(accepts(
      db, "INSERT INTO people (full_name, unit_id, joined_on) VALUES ('', 1, '2020-01-01')"));
}

TEST_CASE("documents cannot be answered before they were registered") {
  Database db = testing::open_test_database();
  const std::string doc =
      "INSERT INTO documents (reg_number, doc_type, direction, registered_on, title, due_on, "
      "answered_on) VALUES ";
  CHECK(accepts(db, doc + "('7-1/1', 'information_request', 'incoming', '2026-02-20', 'Teabenõue', "
                          "'2026-03-02', '2026-02-23')"));
  CHECK_FALSE(accepts(db, doc + "('7-1/2', 'information_request', 'incoming', '2026-02-20', "
                                "'Teabenõue', '2026-03-02', '2026-02-19')"));
  CHECK_FALSE(accepts(
      db, doc + "('7-1/3', 'no_such_rule', 'incoming', '2026-02-20', 'Teabenõue', NULL, NULL)"));
  CHECK_FALSE(accepts(
      db, doc + "('7-1/4', 'letter', 'outgoing', '2026-02-20', 'Vastus', '2026-03-20', NULL)"));
}

TEST_CASE("accounts cannot be revoked before they were granted") {
  Database db = testing::open_test_database();
  db.exec("INSERT INTO units (id, name) VALUES (1, 'IT-teenistus')");
  db.exec(
      "INSERT INTO people (id, full_name, unit_id, joined_on) VALUES (1, 'Jaan Kask', 1, "
      "'2020-01-01')");
  db.exec("INSERT INTO information_systems (id, name, kind) VALUES (1, 'E-post', 'email')");
  const std::string account =
      "INSERT INTO accounts (person_id, system_id, username, privilege, granted_on, revoked_on) "
      "VALUES (1, 1, 'jaan.kask', 'user', ";
  CHECK(accepts(db, account + "'2020-01-02', '2020-01-02')"));
  CHECK_FALSE(accepts(db, account + "'2020-01-02', '2020-01-01')"));
}

TEST_CASE("each closed list is enforced by the schema with exactly the program's keys") {
  Database db = testing::open_test_database();
  db.exec("INSERT INTO units (id, name) VALUES (1, 'Linnakantselei')");
  db.exec(
      "INSERT INTO people (id, full_name, unit_id, joined_on) VALUES (1, 'Mari Tamm', 1, "
      "'2020-01-01')");
  db.exec(
      "INSERT INTO institutions (id, name, kind) VALUES (1, 'Linnavalitsus', 'city_government')");
  db.exec(
      "INSERT INTO media_outlets (id, name, channel, language) VALUES (1, 'Põhjarannik', 'print', "
      "'et')");
  db.exec("INSERT INTO information_systems (id, name, kind) VALUES (1, 'E-post', 'email')");

  check_enum_column<Channel>(
      db, "INSERT INTO media_outlets (name, channel, language) VALUES ('X', ", ", 'et')");
  check_enum_column<ContentLanguage>(
      db, "INSERT INTO media_outlets (name, channel, language) VALUES ('X', 'tv', ", ")");
  check_enum_column<Tone>(
      db,
      "INSERT INTO media_items (outlet_id, published_on, channel, language, title, tone, subject) "
      "VALUES (1, '2026-01-05', 'print', 'et', 'Pealkiri', ",
      ", 'council')");
  check_enum_column<Subject>(
      db,
      "INSERT INTO media_items (outlet_id, published_on, channel, language, title, tone, subject) "
      "VALUES (1, '2026-01-05', 'print', 'et', 'Pealkiri', 'neutral', ",
      ")");
  check_enum_column<RebuttalStatus>(
      db,
      "INSERT INTO media_items (outlet_id, published_on, channel, language, title, tone, subject, "
      "misleading, rebuttal_status) VALUES (1, '2026-01-05', 'print', 'et', 'Pealkiri', "
      "'negative', 'council', 1, ",
      ")");
  check_enum_column<PressReleaseState>(db, [](std::string_view state) {
    bool published = state == "published";
    return "INSERT INTO press_releases (title, author_id, drafted_on, state, approved_on, "
           "published_on) VALUES ('Teade', 1, '2026-01-05', '" +
           std::string(state) + "', " + date_if(published || state == "approved", "2026-01-06") +
           ", " + date_if(published, "2026-01-07") + ")";
  });
  check_enum_column<Direction>(db,
                               "INSERT INTO documents (reg_number, doc_type, registered_on, title, "
                               "direction) VALUES ('1', 'letter', '2026-01-05', 'Kiri', ",
                               ")");
  check_enum_column<TermUnit>(db,
                              "INSERT INTO deadline_rules (key, amount, extension_unit, unit) "
                              "VALUES ('x', 5, 'working_days', ",
                              ")");
  check_enum_column<ActivityChannel>(
      db,
      "INSERT INTO comm_plans (id, name, owner_id, starts_on, ends_on) VALUES (1, 'Plaan', 1, "
      "'2026-01-01', '2026-12-31') ON CONFLICT DO NOTHING; INSERT INTO comm_activities (plan_id, "
      "title, owner_id, planned_on, channel) VALUES (1, 'Tegevus', 1, '2026-02-02', ",
      ")");
  check_enum_column<ActivityStatus>(db, [](std::string_view status) {
    return "INSERT INTO comm_plans (id, name, owner_id, starts_on, ends_on) VALUES (1, 'Plaan', "
           "1, '2026-01-01', '2026-12-31') ON CONFLICT DO NOTHING; INSERT INTO comm_activities "
           "(plan_id, title, channel, owner_id, planned_on, done_on, status) VALUES (1, "
           "'Tegevus', 'website', 1, '2026-02-02', " +
           date_if(status == "done", "2026-02-02") + ", '" + std::string(status) + "')";
  });
  check_enum_column<IncidentCategory>(
      db,
      "INSERT INTO incidents (title, opened_at, severity, is_security, institution_id, category) "
      "VALUES ('Rike', '2026-01-05 09:00', 'low', 1, 1, ",
      ")");
  check_enum_column<Severity>(db,
                              "INSERT INTO incidents (title, opened_at, category, institution_id, "
                              "severity) VALUES ('Rike', '2026-01-05 09:00', 'network', 1, ",
                              ")");
  check_enum_column<IncidentStatus>(db, [](std::string_view status) {
    return "INSERT INTO incidents (title, opened_at, category, severity, institution_id, "
           "resolved_at, status) VALUES ('Rike', '2026-01-05 09:00', 'network', 'low', 1, " +
           date_if(status == "resolved", "2026-01-05 10:00") + ", '" + std::string(status) + "')";
  });
  check_enum_column<InstitutionKind>(
      db, "INSERT INTO institutions (name, kind) VALUES ('Lasteaed', ", ")");
  check_enum_column<SystemKind>(
      db, "INSERT INTO information_systems (name, kind) VALUES ('Süsteem', ", ")");
  check_enum_column<Privilege>(db,
                               "INSERT INTO accounts (person_id, system_id, username, granted_on, "
                               "privilege) VALUES (1, 1, 'mari', '2020-01-01', ",
                               ")");
  check_enum_column<CampaignState>(db, [](std::string_view state) {
    return "INSERT INTO review_campaigns (name, reviewer_id, starts_on, due_on, closed_on, state) "
           "VALUES ('Ülevaatus', 1, '2026-04-01', '2026-05-01', " +
           date_if(state == "closed", "2026-05-02") + ", '" + std::string(state) + "')";
  });
  check_enum_column<BackupResult>(
      db, "INSERT INTO backups (system_id, taken_at, result) VALUES (1, '2026-01-05 01:30', ", ")");
  db.exec(
      "INSERT INTO review_campaigns (id, name, reviewer_id, starts_on, due_on) VALUES (1, "
      "'Ülevaatus', 1, '2026-04-01', '2026-05-01')");
  db.exec(
      "INSERT INTO accounts (id, person_id, system_id, username, privilege, granted_on) VALUES (1, "
      "1, 1, 'mari', 'user', '2020-01-01')");
  check_enum_column<ReviewDecision>(db, [](std::string_view decision) {
    return "INSERT INTO review_decisions (campaign_id, account_id, decided_on, decision) VALUES "
           "(1, 1, " +
           date_if(decision != "pending", "2026-04-02") + ", '" + std::string(decision) + "')";
  });
  check_enum_column<RestoreResult>(
      db, "INSERT INTO restore_tests (system_id, tested_on, result) VALUES (1, '2026-01-05', ",
      ")");
}

TEST_CASE("the editor can create every editable record: each required column is in its spec") {
  Database db = testing::open_test_database();
  for (const TableSpec* spec : {&documents_spec(), &media_items_spec(), &incidents_spec(),
                                &accounts_spec(), &comm_activities_spec()}) {
    for (const std::string& column : required_columns(db, std::string(spec->table))) {
      INFO(spec->table << "." << column);
      CHECK(spec->field(column) != nullptr);
    }
    // And every field of the spec is a real column.
    for (const FieldSpec& field : spec->fields) {
      INFO(spec->table << "." << field.column);
      CHECK(has_column(db, std::string(spec->table), std::string(field.column)));
    }
  }
}
