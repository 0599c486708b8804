#pragma once
// `raekoda copy`: a city's whole database moved between an SQLite file and a PostgreSQL server,
// either way: every row of every table with its id, the audit log, the imports and their keys,
// the settings, rules and days off. The columns the schema computes (week and month buckets,
// effective due dates) are left to the target to compute again.

#include <cstdint>
#include <string_view>
#include <vector>

namespace raekoda::db {

class Database;

struct CopiedTable {
  std::string_view table;
  // The columns that identify a row, in the order the copy reads it.
  std::string_view key;
};

// Every table of the schema, parents before the tables that refer to them.
const std::vector<CopiedTable>& copied_tables();

struct CopyReport {
  struct Table {
    std::string_view table;
    std::int64_t rows = 0;
  };
  std::vector<Table> tables;
  std::int64_t rows() const;
};

// True when `db` holds nothing a user or an import put there: only what a new database gets
// with its schema (the default deadline rules, resolution targets and settings).
bool holds_only_schema_defaults(Database& db);

// Copies `source` into `target` in one transaction on the target; the target ends up holding
// exactly the source's rows in place of its defaults. The source is only read, within one
// read-only transaction, so the copy is one consistent moment of it even while colleagues save.
// Throws DatabaseError: not_empty (detail: the target's display name) when the target holds
// data, and nothing is changed; any other error rolls the target back.
CopyReport copy_database(Database& source, Database& target);

}  // namespace raekoda::db
