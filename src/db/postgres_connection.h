#pragma once
// The PostgreSQL backend, for a city that outgrew a shared file: the same queries with `?`
// placeholders, rows read as text in the same shapes as SQLite's, and a colleague's commit seen
// through LISTEN raekoda without polling the server.

#include <memory>
#include <string>
#include <string_view>

#include "db/connection.h"

namespace raekoda::db {

// `conninfo` is any libpq URI or keyword string. A password written into it is refused: it
// belongs in ~/.pgpass or PGPASSWORD, not on a command line or in a log.
std::unique_ptr<Connection> open_postgres(const std::string& conninfo, bool read_only = false);
// True for a keyword libpq takes in a connection string: host, dbname, user, port...
bool is_connection_keyword(std::string_view keyword);
// database@host for the notice line, without user or password.
std::string postgres_display_name(const std::string& conninfo);
// Rewrites SQLite's `?` and `?NNN` placeholders as PostgreSQL's `$N`, leaving literals, quoted
// names and comments alone; `count` is set to the highest parameter number.
std::string numbered_placeholders(std::string_view sql, int& count);

}  // namespace raekoda::db
