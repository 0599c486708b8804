#pragma once
// The schema and its history. Each migration takes the database from version N-1 to N
// (PRAGMA user_version on SQLite, raekoda_schema on PostgreSQL) in one transaction; a released
// migration is never edited, only followed by a new one.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace raekoda::db {

class Database;

// PRAGMA application_id marks a file as Raekoda's: "RaeK".
inline constexpr std::int64_t raekoda_application_id = 0x5261654B;

// migrations()[i] takes the schema from version i to i + 1.
const std::vector<std::string_view>& migrations();
inline int latest_schema_version() {
  return static_cast<int>(migrations().size());
}

// Version 6's triggers that count each of `tables`' changes in table_versions: part of the
// migration to 6 (for the tables there are then), and of a test's file as version 6 left it.
std::string change_counting_sql(const std::vector<std::string>& tables);
// The tables a file holds, SQLite's own left out, by name.
std::vector<std::string> file_tables(Database& db);
// The tables a file holds that count their changes: all but table_versions and SQLite's own.
std::vector<std::string> counted_tables(Database& db);

// Applies migrations from..to, each in its own transaction.
void migrate(Database& db, int from, int to);

// True when the database is Raekoda's or blank: not another program's.
bool holds_raekoda_schema(Database& db);
// True when the database holds no table at all: a new file, an empty server database.
bool holds_no_tables(Database& db);
// The version of the schema the database holds; 0 for a blank one.
int stored_schema_version(Database& db);

}  // namespace raekoda::db
