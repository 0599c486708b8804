#pragma once
// SQLite's quick_check of a file, table by table: what the window runs before its first save, so
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

// A file of up to whole_check_bytes is checked whole in one read transaction (the free pages and
// pages claimed twice included): 0.1 s of CPU for a year of a city's data (4 MB), about 0.8 s at
// the limit, which a colleague's save waits through within its busy timeout. A larger one is
// checked table by table with its indexes, each in a read transaction of its own, so that a
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
