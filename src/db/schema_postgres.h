#pragma once
// The schema on a PostgreSQL server. A new database gets it at SQLite's version 3 in one step
// (there were no servers before it); later versions follow on both backends with the same
// numbers.

#include <initializer_list>
#include <string>
#include <string_view>

namespace raekoda::db {

inline constexpr int postgres_baseline_version = 3;
std::string postgres_baseline();

// A migration written for both backends, as PostgreSQL takes it: SQLite's `id INTEGER PRIMARY
// KEY` (a rowid) is an identity column there.
std::string postgres_schema(std::string_view sqlite_sql);
// What every table of the baseline has, for tables a later migration adds: the change notice
// on commit, and the id sequence that follows ids given explicitly.
std::string postgres_new_tables_sql(std::initializer_list<std::string_view> tables);
// initials(name) as SQLite's (db/sqlite_functions.h): "Liis Kukk" → "L. K.".
std::string_view postgres_initials_function();

}  // namespace raekoda::db
