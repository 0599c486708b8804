#pragma once
// The database a test runs on. The database tests run twice: on SQLite, and on a throwaway
// PostgreSQL cluster that ctest starts before them and stops after them (scripts/pg-cluster)
// and names in RAEKODA_TEST_POSTGRES. Each test case gets a database of its own.

#include <string>
#include <string_view>

#include "core/demo_data.h"
#include "db/database.h"

namespace raekoda::testing {

// True when this run's tests run on PostgreSQL.
bool on_postgres();

// A new database with the schema: SQLite in memory, or a fresh database on the server.
db::Database open_test_database();

// A fresh database on the server holding the demo city of `options`, copied from a template
// made once per cluster: writing a year of demo data per test would take seconds each.
std::string demo_server_database(const DemoOptions& options);

// Where a test opens a database twice, as two colleagues do: a file in `folder` named `name`, or
// a fresh database on the server. Nothing is created on SQLite; the first open with
// create_if_missing does it.
std::string shared_test_target(const std::string& folder, const std::string& name);

// The login of the first person (by id) who has `role`, as the demo data gives them.
std::string login_of(db::Database& db, std::string_view role);

// Takes schema version 11's additions away again (the incident months' counts of changes and
// their triggers), as from a database written before them; the caller sets the version.
void take_away_schema_11(db::Database& db);
// Takes versions 11's and 10's additions away (10's: the access reviews' and media summaries,
// the answer months' counts of changes, their triggers, the indexes).
void take_away_schema_10(db::Database& db);
// Takes versions 11's, 10's and 9's additions away (9's: the summaries of answers and decisions,
// their triggers, the indexes).
void take_away_schema_9(db::Database& db);

}  // namespace raekoda::testing
