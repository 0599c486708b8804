#pragma once
// A file's copy made while colleagues work, and a file's check that changes nothing: the restore
// test in one step that the IT lead's duties (E-ITS) ask for. The check also walks the audit
// log's hash chain (db/audit_chain.h). Files only: a server's answer is pg_dump and its own
// checks; its audit chain is checked by check_server_audit_chain().

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "db/audit_chain.h"

namespace raekoda::db {

class Database;

struct FileCheck {
  bool raekoda = false;               // marked as Raekoda's (application_id)
  int schema_version = 0;             // as the file says
  std::vector<std::string> problems;  // SQLite's integrity_check lines; empty when whole
  std::int64_t bytes = 0;
  AuditChainCheck chain;  // not read when the file is not Raekoda's or is damaged
  // A file written before the chain (schema version 7 and older) has none to break.
  bool chain_whole() const {
    return chain.whole() || chain.finding == AuditChainCheck::Finding::unsealed;
  }
  bool whole() const { return raekoda && problems.empty() && chain_whole(); }
};

// Reads the whole file through SQLite's integrity_check, opened read-only and never upgraded;
// waits up to `busy_ms` for a colleague's save. Throws DatabaseError when it cannot be read at
// all (missing, not SQLite, locked past the wait).
FileCheck check_file(const std::filesystem::path& path, int busy_ms = 30000);

// Rolls back the unfinished save a killed writer left in `path` (a hot journal), by a read on a
// connection that may write. True when there is none left; false when the file or its folder
// cannot be written, so it stays until someone opens the file with write access.
bool roll_back_unfinished_save(const std::filesystem::path& path, int busy_ms = 30000);

// The audit chain of a server's database, read in one snapshot (a read-only, repeatable-read
// transaction), so that colleagues' saves meanwhile are neither half seen nor waited for.
// `database` must hold the latest schema (opened as it is).
AuditChainCheck check_server_audit_chain(Database& database);

// Copies the database in `source` into `copy` (an empty file or none) with SQLite's online backup
// API, in one read transaction: a colleague's save made meanwhile waits for it (within its busy
// timeout) and is in the next copy, never half in this one. Throws DatabaseError on failure.
void backup_file(const std::filesystem::path& source, const std::filesystem::path& copy,
                 int busy_ms = 30000);

}  // namespace raekoda::db
