#pragma once
// SQLite's check of a file, whole or table by table: what the window runs before its first save, so
// that nothing is ever written into a damaged file, while colleagues keep saving (see
// reading/file_checker.h).

#include <atomic>
#include <cstdint>
#include <string>

#include "db/database.h"

namespace raekoda::db {

struct IntegrityResult {
  bool whole = true;
  bool stopped = false;  // asked to stop before every table was checked
  std::string table;     // the first table found damaged
  std::string problem;   // SQLite's first line about it
};

// A file of up to whole_check_bytes gets SQLite's integrity_check in one read transaction: the
// free pages, pages claimed twice and every index against its table (a value changed inside a
// record that an index also holds) included; 0.15 s of CPU for a year of a city's data (4 MB),
// about 1 s at the limit, which a colleague's save waits through within its busy timeout. A
// larger one gets quick_check table by table, each in a read transaction of its own, so that a
// colleague's save waits at most for one table (2-4 s for the largest at a hundred times a
// city's volume); its free pages go unchecked. A table SQLite cannot read at all counts as
// damaged. Throws DatabaseError when the file cannot be read for another reason (busy past the
// wait).
inline constexpr std::uintmax_t whole_check_bytes = 32u << 20;
IntegrityResult check_integrity(Database& db, const std::atomic<bool>* stop = nullptr);
// What a write into a file the check found damaged is told: the table, or where none was named
// (damage met while opening) SQLite's first line.
DatabaseError damage_of(const IntegrityResult& result);

}  // namespace raekoda::db
