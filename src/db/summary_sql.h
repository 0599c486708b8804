#pragma once
// How a summary module makes its table and triggers on either backend.

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

#include "core/date.h"

namespace raekoda::db {

class Database;

// Runs `sqlite_sql` on a file, or `postgres_sql` on a server and then gives each of
// `trigger_functions` (SECURITY DEFINER, taking no arguments) its rights: no role may call it
// but through its trigger, and it finds the schema's tables whatever the search path of the
// role whose write fires it.
void create_summary_objects(Database& db, std::string_view sqlite_sql,
                            std::string_view postgres_sql,
                            std::initializer_list<std::string_view> trigger_functions);

// A month as the tables of months' change counts name it: 'YYYY-MM'.
std::string month_key(Date month);

// The change counts `table` (month, version) holds from `from`'s month to `until`'s, by month; a
// month never changed since the table was made is left out. A reader that keeps what it read of
// a month reads these first, and reads the month again when its count has moved.
std::map<std::string, std::int64_t> month_versions(Database& db, std::string_view table, Date from,
                                                   Date until);

}  // namespace raekoda::db
