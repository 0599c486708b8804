#pragma once
// The schema on a PostgreSQL server. A new database gets it at SQLite's version 3 in one step
// (there were no servers before it); later versions follow on both backends with the same
// numbers.

#include <string>

namespace raekoda::db {

inline constexpr int postgres_baseline_version = 3;
std::string postgres_baseline();

}  // namespace raekoda::db
