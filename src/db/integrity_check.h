#pragma once
// SQLite's quick_check of a file, table by table: what the window runs before its first save, so
// that nothing is ever written into a damaged file, while colleagues keep saving (see
// reading/file_checker.h).

#include <atomic>
#include <string>

#include "db/database.h"

namespace raekoda::db {

struct IntegrityResult {
  bool whole = true;
  bool stopped = false;  // asked to stop before every table was checked
  std::string table;     // the first table found damaged
  std::string problem;   // SQLite's first line about it
};

// Checks each table and its indexes in a read transaction of its own, so that a colleague's save
// waits at most for one table: milliseconds on a city's file, 2-4 s for the largest table of one
// at a hundred times its volume. A table SQLite cannot read at all counts as damaged. Throws
// DatabaseError when the file cannot be read for another reason (busy past the wait).
IntegrityResult check_integrity(Database& db, const std::atomic<bool>* stop = nullptr);
// What a write into a file the check found damaged is told: the table, or where none was named
// (damage met while opening) SQLite's first line.
DatabaseError damage_of(const IntegrityResult& result);

}  // namespace raekoda::db
