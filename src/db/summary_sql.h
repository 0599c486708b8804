#pragma once
// How a summary module makes its table and triggers on either backend.

#include <initializer_list>
#include <string_view>

namespace raekoda::db {

class Database;

// Runs `sqlite_sql` on a file, or `postgres_sql` on a server and then gives each of
// `trigger_functions` (SECURITY DEFINER, taking no arguments) its rights: no role may call it
// but through its trigger, and it finds the schema's tables whatever the search path of the
// role whose write fires it.
void create_summary_objects(Database& db, std::string_view sqlite_sql,
                            std::string_view postgres_sql,
                            std::initializer_list<std::string_view> trigger_functions);

}  // namespace raekoda::db
