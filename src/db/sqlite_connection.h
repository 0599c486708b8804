#pragma once
// The SQLite backend: the shared file a city of 35,000 keeps on its NAS, and the in-memory
// database of tests and benchmarks.

#include <filesystem>
#include <memory>

#include "db/connection.h"

struct sqlite3;

namespace raekoda::db {

// The file is created when missing and `create` is set; the caller checked that the folder
// exists. A file that cannot be written to is opened to be read.
std::unique_ptr<Connection> open_sqlite_file(const std::filesystem::path& path, bool create,
                                             bool read_only = false);
std::unique_ptr<Connection> open_sqlite_memory();
// Throws SQLite's result `code` on `db` (which may be null) as the DatabaseError of its kind.
[[noreturn]] void throw_sqlite_error(sqlite3* db, int code);
// The handle of an SQLite connection, or nullptr for another backend's.
sqlite3* sqlite_handle_of(Connection& connection);

}  // namespace raekoda::db
