#include "db/integrity_check.h"

#include <vector>

#include "db/database.h"
#include "db/schema.h"

namespace raekoda::db {
namespace {

// SQLite's CORRUPT and NOTADB: the pages themselves are wrong.
bool damage(const DatabaseError& error) {
  return error.kind() == ErrorKind::not_a_database;
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
  for (const std::string& table : tables) {
    if (stop && stop->load()) {
      result.stopped = true;
      return result;
    }
    try {
      // The name comes from the file's own schema; quoted, as a table may be named anything.
      std::string quoted = "\"";
      for (char c : table) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
      Statement check = db.prepare("PRAGMA quick_check(" + quoted + "\")");
      while (check.step()) {
        std::string line = check.text(0);
        if (line == "ok") continue;
        return {false, false, table, line};
      }
    } catch (const DatabaseError& error) {
      if (!damage(error)) throw;
      return {false, false, table, error.what()};
    }
  }
  return result;
}

}  // namespace raekoda::db
