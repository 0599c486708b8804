#include "db/backup.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>

#include "db/database.h"
#include "db/schema.h"
#include "db/sqlite_connection.h"

namespace raekoda::db {
namespace {

std::unique_ptr<Connection> open(const std::filesystem::path& path, bool read_only, int busy_ms) {
  std::unique_ptr<Connection> connection = open_sqlite_file(path, !read_only, read_only);
  connection->set_busy_timeout(busy_ms);
  return connection;
}

bool writable(const std::filesystem::path& file) {
  auto folder = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
  return ::access(file.c_str(), W_OK) == 0 && ::access(folder.c_str(), W_OK) == 0;
}

// Removes the copy's journal unless dismissed: a copy that failed is thrown away whole, and no
// part of it may stay beside the backups.
class JournalGuard {
public:
  explicit JournalGuard(const std::filesystem::path& copy) : journal_(copy) {
    journal_ += "-journal";
  }
  // errno is kept: the caller reads the failed write's reason (a full disk) from it.
  ~JournalGuard() {
    int reason = errno;
    std::error_code error;
    std::filesystem::remove(journal_, error);
    errno = reason;
  }
  JournalGuard(const JournalGuard&) = delete;
  JournalGuard& operator=(const JournalGuard&) = delete;

private:
  std::filesystem::path journal_;
};

}  // namespace

bool roll_back_unfinished_save(const std::filesystem::path& path, int busy_ms) {
  std::filesystem::path journal = path;
  journal += "-journal";
  std::error_code error;
  if (!std::filesystem::exists(journal, error)) return true;
  if (!writable(path)) return false;
  // SQLite rolls a hot journal back on the first read of a connection that may write.
  std::unique_ptr<Connection> connection = open(path, false, busy_ms);
  std::unique_ptr<Cursor> cursor = connection->prepare("SELECT count(*) FROM sqlite_master");
  cursor->step();
  return true;
}

FileCheck check_file(const std::filesystem::path& path, int busy_ms) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error))
    throw DatabaseError(ErrorKind::missing_file, path.string());
  std::unique_ptr<Connection> connection = open(path, true, busy_ms);
  FileCheck check;
  check.bytes = static_cast<std::int64_t>(std::filesystem::file_size(path, error));
  auto first_row = [&](std::string_view sql) {
    std::unique_ptr<Cursor> cursor = connection->prepare(sql);
    return cursor->step() ? cursor->integer(0) : 0;
  };
  // One read transaction: the mark, the version and the check see the same file.
  connection->exec("BEGIN");
  check.raekoda = first_row("PRAGMA application_id") == raekoda_application_id;
  check.schema_version = static_cast<int>(first_row("PRAGMA user_version"));
  std::unique_ptr<Cursor> lines = connection->prepare("PRAGMA integrity_check");
  while (lines->step())
    if (std::string line = lines->text(0); line != "ok") check.problems.push_back(std::move(line));
  lines.reset();
  if (check.raekoda && check.problems.empty())
    check.chain = check_audit_chain(
        [&](std::string_view sql) { return Statement(connection->prepare(sql)); }, Backend::sqlite);
  connection->exec("COMMIT");
  return check;
}

AuditChainCheck check_server_audit_chain(Database& database) {
  database.exec("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  try {
    AuditChainCheck check = check_audit_chain(database);
    database.exec("COMMIT");
    return check;
  } catch (...) {
    try {
      database.exec("ROLLBACK");
    } catch (const DatabaseError&) {
      // A read has nothing to keep; a dropped connection has ended it already.
    }
    throw;
  }
}

void backup_file(const std::filesystem::path& source, const std::filesystem::path& copy,
                 int busy_ms) {
  std::unique_ptr<Connection> from = open(source, true, busy_ms);
  JournalGuard guard(copy);
  std::unique_ptr<Connection> to = open(copy, false, busy_ms);
  // The copy is a temporary worth nothing until it is whole: no journal to leave behind.
  to->exec("PRAGMA journal_mode=OFF");
  sqlite3* target = sqlite_handle_of(*to);
  sqlite3_backup* backup = sqlite3_backup_init(target, "main", sqlite_handle_of(*from), "main");
  if (!backup) throw_sqlite_error(target, sqlite3_errcode(target));
  // All pages in one step: one read transaction, so the copy is one moment of the file.
  int code = sqlite3_backup_step(backup, -1);
  int finished = sqlite3_backup_finish(backup);
  if (code != SQLITE_DONE) throw_sqlite_error(sqlite_handle_of(*from), code);
  if (finished != SQLITE_OK) throw_sqlite_error(target, finished);
}

}  // namespace raekoda::db
