#include "db/integrity_check.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "db/database.h"
#include "db/schema.h"

namespace raekoda::db {
namespace {

// SQLite's CORRUPT and NOTADB: the pages themselves are wrong.
bool damage(const DatabaseError& error) {
  return error.kind() == ErrorKind::not_a_database;
}

// The lines of one check, the first problem or nothing.
std::optional<std::string> first_problem(Database& db, const std::string& check_and_argument) {
  Statement check = db.prepare("PRAGMA " + check_and_argument);
  while (check.step()) {
    std::string line = check.text(0);
    if (line != "ok") return line;
  }
  return std::nullopt;
}

std::string quoted(const std::string& table) {
  // The name comes from the file's own schema; quoted, as a table may be named anything.
  std::string text = "(\"";
  for (char c : table) text += c == '"' ? std::string("\"\"") : std::string(1, c);
  return text + "\")";
}

// A file this small is checked whole in one read transaction of well under a second, which also
// sees what no table's check can: the free pages, and a page two tables both claim.
bool checked_whole(Database& db) {
  std::error_code failed;
  const std::uintmax_t size = std::filesystem::file_size(db.target(), failed);
  return !failed && size <= whole_check_bytes;
}

}  // namespace

DatabaseError damage_of(const IntegrityResult& result) {
  // The table, which the notice line has room for; SQLite's own lines, several and in English,
  // are for `raekoda verify` to print.
  if (!result.table.empty()) return DatabaseError(ErrorKind::damaged, result.table);
  return DatabaseError(ErrorKind::damaged, result.problem.substr(0, result.problem.find('\n')));
}

IntegrityResult check_integrity(Database& db, const std::atomic<bool>* stop) {
  IntegrityResult result;
  if (db.backend() != Backend::sqlite) return result;  // a server keeps its own pages whole
  std::vector<std::string> tables;
  try {
    tables = file_tables(db);
  } catch (const DatabaseError& error) {
    if (!damage(error)) throw;
    return {false, false, "sqlite_schema", error.what()};
  }
  if (stop && stop->load()) {
    result.stopped = true;
    return result;
  }
  std::optional<std::string> whole_file_problem;
  const bool whole = checked_whole(db);
  if (whole) {
    try {
      whole_file_problem = first_problem(db, "integrity_check");
    } catch (const DatabaseError& error) {
      if (!damage(error)) throw;
      whole_file_problem = error.what();
    }
    if (!whole_file_problem) return result;
  }
  // Table by table: on a large file so that a colleague's save waits for one table only, on a
  // small damaged one to name the table that is damaged, with the same thoroughness.
  const std::string check = whole ? "integrity_check" : "quick_check";
  for (const std::string& table : tables) {
    if (stop && stop->load()) {
      result.stopped = true;
      return result;
    }
    try {
      if (auto problem = first_problem(db, check + quoted(table)))
        return {false, false, table, *problem};
    } catch (const DatabaseError& error) {
      if (!damage(error)) throw;
      return {false, false, table, error.what()};
    }
  }
  if (whole_file_problem) return {false, false, "", *whole_file_problem};
  return result;
}

}  // namespace raekoda::db
