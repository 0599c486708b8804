// What only a server has: placeholders rewritten, LISTEN/NOTIFY, a dropped connection, a
// password refused on the command line, the server's own types read as SQLite's.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <functional>
#include <thread>

#include "core/record_spec.h"
#include "db/audit_chain.h"
#include "db/dashboard_queries.h"
#include "db/database.h"
#include "db/demo_writer.h"
#include "db/postgres_connection.h"
#include "db/record_query.h"
#include "db/record_store.h"
#include "db/server_roles.h"
#include "support/temp_dir.h"
#include "support/test_database.h"

using namespace raekoda;
using db::Author;
using db::Database;

namespace {

// Polls what the window polls each frame, for at most five seconds.
bool sees_change(Database& db, std::int64_t seen) {
  auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - start < std::chrono::seconds(5)) {
    if (db.data_version() != seen) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

}  // namespace

TEST_CASE("SQLite's placeholders become PostgreSQL's, literals and comments left alone",
          "[postgres]") {
  int count = 0;
  CHECK(db::numbered_placeholders("SELECT ? + ?", count) == "SELECT $1 + $2");
  CHECK(count == 2);
  CHECK(db::numbered_placeholders("WHERE a >= ?1 AND b < ?1 OR c = ?", count) ==
        "WHERE a >= $1 AND b < $1 OR c = $2");
  CHECK(count == 2);
  CHECK(db::numbered_placeholders("SELECT '?', \"q?\" -- why?\n, ?", count) ==
        "SELECT '?', \"q?\" -- why?\n, $1");
  CHECK(count == 1);
  CHECK(db::numbered_placeholders("SELECT 'it''s ?', ?", count) == "SELECT 'it''s ?', $1");
  CHECK(count == 1);
}

TEST_CASE("a server is named by a URI or a keyword string, a file by anything else", "[postgres]") {
  CHECK(db::names_server("postgresql://mari@db.narva.ee/raekoda"));
  CHECK(db::names_server("postgres:///raekoda"));
  CHECK(db::names_server("host=db.narva.ee dbname=raekoda"));
  CHECK_FALSE(db::names_server("/srv/share/raekoda.sqlite"));
  CHECK_FALSE(db::names_server("linn=narva.sqlite"));
  CHECK(db::postgres_display_name("postgresql://mari@db.narva.ee/raekoda") ==
        "raekoda@db.narva.ee");
  CHECK(db::postgres_display_name("postgresql://raekoda@/linn?host=/tmp/x") == "linn@localhost");
}

TEST_CASE("a password in the connection string is refused before anything is sent", "[postgres]") {
  try {
    Database::open("postgresql://mari:saladus@/raekoda?host=/nonexistent", db::OpenMode::existing);
    FAIL("opened with a password on the command line");
  } catch (const db::DatabaseError& error) {
    CHECK(error.kind() == db::ErrorKind::password_given);
    CHECK(std::string(error.what()).find("saladus") == std::string::npos);
  }
}

TEST_CASE("a malformed address with a password is refused without repeating it", "[postgres]") {
  for (const char* address : {"postgresql://mari:saladus@[/raekoda", "host=/x password=saladus",
                              "postgresql://[h/db?passw%6Frd=saladus"}) {
    try {
      Database::open(address, db::OpenMode::existing);
      FAIL("opened " << address);
    } catch (const db::DatabaseError& error) {
      CHECK(error.kind() == db::ErrorKind::password_given);
      CHECK(std::string(error.what()).find("saladus") == std::string::npos);
    }
  }
}

TEST_CASE("a database the server does not have, and one that is empty, are said as such",
          "[postgres]") {
  testing::TempDir dir;
  std::string target = testing::shared_test_target(dir.path().string(), "");
  std::size_t name = target.find("/test_");
  REQUIRE(name != std::string::npos);
  std::string missing =
      target.substr(0, name + 1) + "no_such_city" + target.substr(target.find('?'));
  try {
    Database::open(missing, db::OpenMode::existing);
    FAIL("opened a database the server does not have");
  } catch (const db::DatabaseError& error) {
    CHECK(error.kind() == db::ErrorKind::missing_database);
    CHECK(std::string(error.what()) == "no_such_city");
  }
  // Read as it is, a database with Raekoda's schema and no rows opens; a blank one would not be
  // given the schema (a copy's source is only read).
  CHECK_NOTHROW(Database::open(target, db::OpenMode::as_it_is));
}

TEST_CASE("a server that does not answer is a connection error", "[postgres]") {
  try {
    Database::open("postgresql://raekoda@/raekoda?host=/nonexistent", db::OpenMode::existing);
    FAIL("opened a server that is not there");
  } catch (const db::DatabaseError& error) {
    CHECK(error.kind() == db::ErrorKind::connection);
  }
}

TEST_CASE("dates and moments read as on SQLite, booleans as 0 and 1", "[postgres]") {
  Database db = testing::open_test_database();
  auto row = db.prepare(
      "SELECT DATE '2026-11-22', TIMESTAMP '2026-11-22 14:05', TIMESTAMP '2026-11-22 14:05:31', "
      "1 < 2, 2 < 1");
  REQUIRE(row.step());
  CHECK(row.text(0) == "2026-11-22");
  CHECK(row.text(1) == "2026-11-22 14:05");
  CHECK(row.text(2) == "2026-11-22 14:05:31");
  CHECK(row.integer(3) == 1);
  CHECK(row.integer(4) == 0);
}

TEST_CASE("a colleague's commit is seen through LISTEN, one's own is not", "[postgres]") {
  testing::TempDir dir;
  std::string target = testing::shared_test_target(dir.path().string(), "");
  Database mine = Database::open(target, db::OpenMode::existing);
  Database colleague = Database::open(target, db::OpenMode::existing);
  std::int64_t seen = mine.data_version();
  mine.exec("INSERT INTO units (name) VALUES ('Linnakantselei')");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CHECK(mine.data_version() == seen);

  colleague.exec("INSERT INTO units (name) VALUES ('IT-teenistus')");
  CHECK(sees_change(mine, seen));
  seen = mine.data_version();
  // Nothing arrives while nothing changes.
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CHECK(mine.data_version() == seen);
  // An update in a transaction is one notice, at commit.
  colleague.exec("BEGIN; UPDATE units SET version = version + 1");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CHECK(mine.data_version() == seen);
  colleague.exec("COMMIT");
  CHECK(sees_change(mine, seen));
}

TEST_CASE("a dropped connection is reported, then opened again for the next statement",
          "[postgres]") {
  testing::TempDir dir;
  std::string target = testing::shared_test_target(dir.path().string(), "");
  Database mine = Database::open(target, db::OpenMode::existing);
  Database admin = Database::open(target, db::OpenMode::existing);
  mine.exec("INSERT INTO units (name) VALUES ('Linnakantselei')");
  std::int64_t pid = mine.query_integer("SELECT pg_backend_pid()", 0);
  admin.query_integer("SELECT count(*) FROM (SELECT pg_terminate_backend(?)) t", 0, pid);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  try {
    mine.query_integer("SELECT count(*) FROM units", 0);
    FAIL("a statement ran on a terminated connection");
  } catch (const db::DatabaseError& error) {
    CHECK(error.kind() == db::ErrorKind::connection);
  }
  CHECK(mine.query_integer("SELECT count(*) FROM units", 0) == 1);
  CHECK(mine.query_integer("SELECT pg_backend_pid()", 0) != pid);
  // And it listens again.
  std::int64_t seen = mine.data_version();
  admin.exec("INSERT INTO units (name) VALUES ('IT-teenistus')");
  CHECK(sees_change(mine, seen));
}

TEST_CASE("a statement run again is prepared once and keeps its answers right", "[postgres]") {
  Database db = testing::open_test_database();
  auto insert = db.prepare("INSERT INTO units (name) VALUES (?)");
  for (const char* name : {"Linnakantselei", "IT-teenistus", "Kultuuriosakond"}) {
    insert.bind(1, name);
    insert.run();
  }
  auto count = db.prepare("SELECT count(*) FROM units WHERE name >= ?");
  for (auto [from, expected] : {std::pair{"A", 3}, {"J", 2}, {"L", 1}}) {
    count.bind(1, from);
    REQUIRE(count.step());
    CHECK(count.integer(0) == expected);
    count.reset();
  }
  CHECK(db.last_insert_id() == 3);
}

namespace {

// The same database, connected as another login of the test cluster (which trusts every user).
std::string as_login(const std::string& uri, const std::string& login) {
  std::size_t at = uri.find("://raekoda@");
  REQUIRE(at != std::string::npos);
  return uri.substr(0, at + 3) + login + uri.substr(at + 10);
}

// A login of its own for this test process, a member of `role` (roles belong to the whole
// cluster, which test processes share).
std::string login_in(Database& owner, const std::string& role) {
  std::string login = "login_" + role.substr(role.find('_') + 1) + "_" + std::to_string(::getpid());
  owner.exec("DROP ROLE IF EXISTS " + login + "; CREATE ROLE " + login + " LOGIN IN ROLE " + role);
  return login;
}

db::ErrorKind refusal_of(const std::function<void()>& work) {
  try {
    work();
  } catch (const db::DatabaseError& error) {
    return error.kind();
  }
  return db::ErrorKind::other;
}

const Author it_lead{"jaan", "2026-11-22 10:16:00"};
const Date demo_day = *Date::parse_iso("2026-11-22");

}  // namespace

TEST_CASE("a viewer reads every figure the owner reads and can write nothing", "[postgres]") {
  testing::TempDir dir;
  std::string target = testing::shared_test_target(dir.path().string(), "");
  Database owner = Database::open(target, db::OpenMode::existing);
  db::write_demo_data(owner, DemoOptions{1, 1, 1, demo_day});
  CHECK(db::server_role_of(owner) == "owner");
  std::string login = login_in(owner, "raekoda_viewer");

  Database viewer = Database::open(as_login(target, login), db::OpenMode::existing);
  CHECK(db::server_role_of(viewer) == "viewer");
  CHECK(viewer.read_only());
  DateTime now{demo_day, 23 * 60 + 59};
  auto theirs = db::load_dashboard_figures(viewer, now);
  auto mine = db::load_dashboard_figures(owner, now);
  CHECK(theirs.overview.media_items_30d == mine.overview.media_items_30d);
  CHECK(theirs.overview.overdue_at_week_end == mine.overview.overdue_at_week_end);
  CHECK(theirs.overview.media_items_per_week == mine.overview.media_items_per_week);

  // A requester's name is personal data the viewer's role does not handle: the record reads
  // without it, a search does not look into it, and asking the server for it is refused.
  Id requested = owner.query_integer("SELECT min(id) FROM documents WHERE sender <> ''", 0);
  Record document = *db::load_record(viewer, documents_spec(), requested);
  Record full = *db::load_record(owner, documents_spec(), requested);
  REQUIRE(full.value("sender"));
  CHECK_FALSE(document.value("sender"));
  CHECK(document.value("title") == full.value("title"));
  RecordQuery by_name{&documents_spec(), {}, *full.value("sender"), "sender", false};
  CHECK(db::count_records(viewer, by_name) < db::count_records(owner, by_name));
  CHECK(db::fetch_records(viewer, by_name, 0, 10).size() <= 10);
  CHECK(refusal_of([&] { viewer.query_integer("SELECT count(sender) FROM documents", 0); }) ==
        db::ErrorKind::permission);

  Record edited = document;
  edited.set("title", "Muudetud pealkiri");
  CHECK(refusal_of([&] {
          db::update_record(viewer, documents_spec(), document, edited, it_lead);
        }) == db::ErrorKind::permission);
  CHECK(db::load_record(owner, documents_spec(), requested)->values == full.values);
  owner.exec("DROP OWNED BY " + login + "; DROP ROLE " + login);
}

TEST_CASE("an IT lead saves an incident, audited, but no document, the audit log only grows",
          "[postgres]") {
  testing::TempDir dir;
  std::string target = testing::shared_test_target(dir.path().string(), "");
  Database owner = Database::open(target, db::OpenMode::existing);
  db::write_demo_data(owner, DemoOptions{1, 1, 1, demo_day});
  std::string login = login_in(owner, "raekoda_it_lead");
  {
    Database lead = Database::open(as_login(target, login), db::OpenMode::existing);
    CHECK(db::server_role_of(lead) == "it_lead");
    CHECK_FALSE(lead.read_only());
    Record incident = *db::load_record(lead, incidents_spec(), 1);
    Record fixed = incident;
    fixed.set("root_cause", "Toiteplokk vahetatud");
    CHECK(db::update_record(lead, incidents_spec(), incident, fixed, it_lead).status ==
          db::SaveStatus::saved);
    CHECK(lead.query_integer("SELECT count(*) FROM audit_log WHERE table_name = 'incidents' AND "
                             "field = 'root_cause'",
                             0) == 1);
    // A new row of its own gets an id past the others.
    lead.exec(
        "INSERT INTO incidents (title, opened_at, category, severity, institution_id) VALUES "
        "('Printer', '2026-11-22 10:00', 'hardware', 'low', 1)");

    Record document = *db::load_record(lead, documents_spec(), 1);
    Record edited = document;
    edited.set("title", "Muudetud pealkiri");
    CHECK(refusal_of([&] {
            db::update_record(lead, documents_spec(), document, edited, it_lead);
          }) == db::ErrorKind::permission);
    CHECK(refusal_of([&] { lead.exec("UPDATE audit_log SET changed_by = 'keegi'"); }) ==
          db::ErrorKind::permission);
    // An account revoked under the lead's role is counted by the summary's trigger, which runs
    // as the schema's owner; the lead cannot write the summary itself.
    Id account = lead.query_integer("SELECT min(id) FROM accounts WHERE revoked_on IS NULL", 0);
    lead.exec("UPDATE accounts SET revoked_on = '2026-11-22' WHERE id = " +
              std::to_string(account));
    CHECK(lead.query_integer("SELECT active FROM account_reviews WHERE account_id = ?", -1,
                             account) == 0);
    CHECK(refusal_of([&] { lead.exec("UPDATE account_reviews SET active = 1"); }) ==
          db::ErrorKind::permission);
    // Every summary's trigger function runs as the owner, with the schema's search path, and
    // no role may call it itself.
    const std::string functions =
        "SELECT count(*) FROM pg_proc WHERE proname LIKE 'raekoda_count_%'";
    CHECK(owner.query_integer(functions, 0) == 7);
    CHECK(owner.query_integer(functions +
                                  " AND prosecdef AND array_to_string(proconfig, ',') "
                                  "LIKE 'search_path=%' AND NOT has_function_privilege('" +
                                  login + "', oid, 'EXECUTE')",
                              0) == 7);
    CHECK(refusal_of([&] { lead.exec("DELETE FROM audit_log"); }) == db::ErrorKind::permission);
  }
  CHECK(owner.query_integer("SELECT count(*) FROM audit_log WHERE changed_by = 'keegi'", 0) == 0);
  // The lead's save moved the chain's head under the lead's own role: the chain is whole.
  db::AuditChainCheck chain = db::check_audit_chain(owner);
  CHECK(chain.whole());
  CHECK(chain.rows == owner.query_integer("SELECT count(*) FROM audit_log", -1));
  owner.exec("DROP OWNED BY " + login + "; DROP ROLE " + login);
}

TEST_CASE("a connection that drops inside a transaction does not carry on without it",
          "[postgres]") {
  testing::TempDir dir;
  std::string target = testing::shared_test_target(dir.path().string(), "");
  Database mine = Database::open(target, db::OpenMode::existing);
  Database admin = Database::open(target, db::OpenMode::existing);
  std::int64_t pid = mine.query_integer("SELECT pg_backend_pid()", 0);
  mine.exec("BEGIN");
  mine.exec("INSERT INTO units (name) VALUES ('Linnakantselei')");
  admin.query_integer("SELECT count(*) FROM (SELECT pg_terminate_backend(?)) t", 0, pid);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  // The transaction went with the connection: what follows in it must not land on its own.
  CHECK(refusal_of([&] { mine.exec("INSERT INTO units (name) VALUES ('IT-teenistus')"); }) ==
        db::ErrorKind::connection);
  CHECK(refusal_of([&] { mine.exec("INSERT INTO units (name) VALUES ('Kultuur')"); }) ==
        db::ErrorKind::connection);
  CHECK(refusal_of([&] { mine.exec("COMMIT"); }) == db::ErrorKind::connection);
  mine.exec("ROLLBACK");
  CHECK(admin.query_integer("SELECT count(*) FROM units", -1) == 0);
  CHECK(mine.query_integer("SELECT count(*) FROM units", -1) == 0);
}

TEST_CASE("a role that adds rows reads back their ids", "[postgres]") {
  testing::TempDir dir;
  std::string target = testing::shared_test_target(dir.path().string(), "");
  Database owner = Database::open(target, db::OpenMode::existing);
  db::write_demo_data(owner, DemoOptions{1, 1, 1, demo_day});
  std::string login = login_in(owner, "raekoda_it_lead");
  {
    Database lead = Database::open(as_login(target, login), db::OpenMode::existing);
    Record incident;
    incident.set("title", "Printer ei prindi");
    incident.set("opened_at", "2026-11-22 10:00");
    incident.set("status", "registered");
    incident.set("category", "hardware");
    incident.set("severity", "low");
    incident.set("institution_id", "1");
    incident.set("is_security", "0");
    incident.set("root_cause", "");
    Record saved = db::insert_record(lead, incidents_spec(), incident, it_lead);
    CHECK(saved.id > 0);
    CHECK(saved.id == owner.query_integer(
                          "SELECT max(id) FROM incidents WHERE title = 'Printer ei prindi'", 0));
    // The trigger that keeps ids ahead is the owner's alone.
    CHECK(refusal_of([&] {
            lead.exec(
                "CREATE TEMP TABLE t (id bigint GENERATED BY DEFAULT AS IDENTITY); CREATE "
                "TRIGGER x AFTER INSERT ON t FOR EACH STATEMENT EXECUTE FUNCTION "
                "raekoda_follow_ids()");
          }) == db::ErrorKind::permission);
  }
  owner.exec("DROP OWNED BY " + login + "; DROP ROLE " + login);
}
