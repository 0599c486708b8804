#pragma once
// The SQLite backend: the shared file a city of 35,000 keeps on its NAS, and the in-memory
// database of tests and benchmarks.

#include <filesystem>
#include <memory>
#include <optional>

#include "db/connection.h"
#include "db/file_system.h"

struct sqlite3;

namespace raekoda::db {

enum class ErrorKind;

// The file is created when missing and `create` is set; the caller checked that the folder
// exists. A file that cannot be written to is opened to be read. A file in WAL mode is opened
// only to be read, as it is at the opening, where WAL cannot work for the user: on a network
// share (`where`; file_system_kind when not given), or in a folder the user cannot write without
// a -wal and -shm to read; sqlite_open_warning then says which.
std::unique_ptr<Connection> open_sqlite_file(const std::filesystem::path& path, bool create,
                                             bool read_only = false);
std::unique_ptr<Connection> open_sqlite_file(const std::filesystem::path& path, bool create,
                                             bool read_only, FileSystemKind where);
// ErrorKind::wal_on_share or wal_read_only when the file opened so; nothing for a file opened
// the usual way, or another backend's connection.
std::optional<ErrorKind> sqlite_open_warning(const Connection& connection);
std::unique_ptr<Connection> open_sqlite_memory();
// Throws SQLite's result `code` on `db` (which may be null) as the DatabaseError of its kind.
[[noreturn]] void throw_sqlite_error(sqlite3* db, int code);
// The handle of an SQLite connection, or nullptr for another backend's.
sqlite3* sqlite_handle_of(Connection& connection);

}  // namespace raekoda::db
