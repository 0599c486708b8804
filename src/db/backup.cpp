#include "db/backup.h"

#include <sqlite3.h>

#include <memory>

#include "db/database.h"
#include "db/schema.h"

namespace raekoda::db {
namespace {

struct Closer {
  void operator()(sqlite3* handle) const { sqlite3_close_v2(handle); }
};
using Handle = std::unique_ptr<sqlite3, Closer>;

[[noreturn]] void fail(sqlite3* handle, int code, const std::filesystem::path& path) {
  ErrorKind kind = code == SQLITE_BUSY || code == SQLITE_LOCKED      ? ErrorKind::busy
                   : code == SQLITE_NOTADB || code == SQLITE_CORRUPT ? ErrorKind::not_a_database
                   : code == SQLITE_CANTOPEN                         ? ErrorKind::missing_file
                                                                     : ErrorKind::other;
  std::string detail = handle ? sqlite3_errmsg(handle) : sqlite3_errstr(code);
  throw DatabaseError(kind, path.string() + ": " + detail, code);
}

Handle open(const std::filesystem::path& path, int flags, int busy_ms) {
  sqlite3* raw = nullptr;
  int code = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Handle handle(raw);
  if (code != SQLITE_OK) fail(raw, code, path);
  sqlite3_busy_timeout(raw, busy_ms);
  return handle;
}

// The first column of each row `sql` gives.
std::vector<std::string> column(sqlite3* handle, const char* sql,
                                const std::filesystem::path& path) {
  sqlite3_stmt* raw = nullptr;
  int code = sqlite3_prepare_v2(handle, sql, -1, &raw, nullptr);
  if (code != SQLITE_OK) fail(handle, code, path);
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, sqlite3_finalize);
  std::vector<std::string> values;
  while ((code = sqlite3_step(raw)) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(raw, 0);
    values.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
  }
  if (code != SQLITE_DONE) fail(handle, code, path);
  return values;
}

}  // namespace

FileCheck check_file(const std::filesystem::path& path, int busy_ms) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error))
    throw DatabaseError(ErrorKind::missing_file, path.string());
  Handle handle = open(path, SQLITE_OPEN_READONLY, busy_ms);
  FileCheck check;
  check.bytes = static_cast<std::int64_t>(std::filesystem::file_size(path, error));
  // One read transaction: the mark, the version and the check see the same file.
  column(handle.get(), "BEGIN", path);
  check.raekoda = std::stoll(column(handle.get(), "PRAGMA application_id", path).at(0)) ==
                  raekoda_application_id;
  check.schema_version = std::stoi(column(handle.get(), "PRAGMA user_version", path).at(0));
  for (std::string& line : column(handle.get(), "PRAGMA integrity_check", path))
    if (line != "ok") check.problems.push_back(std::move(line));
  column(handle.get(), "COMMIT", path);
  return check;
}

void backup_file(const std::filesystem::path& source, const std::filesystem::path& copy,
                 int busy_ms) {
  Handle from = open(source, SQLITE_OPEN_READONLY, busy_ms);
  Handle to = open(copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, busy_ms);
  sqlite3_backup* backup = sqlite3_backup_init(to.get(), "main", from.get(), "main");
  if (!backup) fail(to.get(), sqlite3_errcode(to.get()), copy);
  // All pages in one step: one read transaction, so the copy is one moment of the file.
  int code = sqlite3_backup_step(backup, -1);
  int finished = sqlite3_backup_finish(backup);
  if (code != SQLITE_DONE) fail(from.get(), code, source);
  if (finished != SQLITE_OK) fail(to.get(), finished, copy);
}

}  // namespace raekoda::db
