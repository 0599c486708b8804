#pragma once
// Reading and saving single records in the shared file, safely: one short transaction per save,
// optimistic concurrency by the row's version, and audit rows in the same transaction.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/record_spec.h"

namespace raekoda::db {

class Database;

// Who saves, when ('YYYY-MM-DD HH:MM:SS' local time, and how far that is ahead of UTC) and on
// which machine: the audit log keeps the moment in UTC with the offset, and the machine, so that
// Ctrl+Z undoes only what was saved here.
struct Author {
  Author() = default;
  // A test's author saves at `at` in UTC on no named machine, unless it says otherwise.
  Author(std::string user, std::string at, int utc_offset_minutes = 0, std::string host = {})
      : user(std::move(user)),
        at(std::move(at)),
        utc_offset_minutes(utc_offset_minutes),
        host(std::move(host)) {}
  std::string user;
  std::string at;
  int utc_offset_minutes = 0;
  std::string host;
};
// The operating-system user, the current local time with its offset, and the host name.
Author current_author();

class Statement;

// "id, version, <each field>": the columns read_record() expects, in that order.
std::string record_columns(const TableSpec& spec);
// The same, with NULL in place of each column the server withholds from the user's role, so
// that a record reads with its personal data left out rather than not at all.
std::string record_columns(Database& db, const TableSpec& spec);
Record read_record(const Statement& row, const TableSpec& spec);

std::optional<Record> load_record(Database& db, const TableSpec& spec, Id id);

enum class SaveStatus {
  saved,
  conflict,  // a colleague saved the record since it was read: nothing was written
  missing,   // the record was deleted meanwhile
  nothing,   // no field had changed
};

struct SaveResult {
  SaveStatus status = SaveStatus::nothing;
  Record current;  // the row as it is now in the database: after this save, or the colleague's
  std::int64_t change_id = 0;
};

// Saves the fields that differ between `original` (as read) and `edited`. Throws DatabaseError
// (busy, read_only, constraint) with nothing written.
SaveResult update_record(Database& db, const TableSpec& spec, const Record& original,
                         const Record& edited, const Author& author);
// Returns the new record as saved.
Record insert_record(Database& db, const TableSpec& spec, const Record& record,
                     const Author& author);
// The same within a transaction the caller holds, for a save that writes more than one record.
Record insert_record_within(Database& db, const TableSpec& spec, const Record& record,
                            const Author& author);
SaveResult delete_record(Database& db, const TableSpec& spec, const Record& original,
                         const Author& author);

// A record an import added is audited in one row whose field is NULL and whose value holds the
// record's values as a JSON object, rather than a row per field: an import adds tens of
// thousands of records at once. record_history() shows such a row field by field.
std::string audit_values(const Record& record);
std::vector<std::pair<std::string, std::optional<std::string>>> audited_values(
    std::string_view text);

// The record's history, newest first.
std::vector<AuditEntry> record_history(Database& db, const TableSpec& spec, Id id);

struct UndoResult {
  SaveStatus status = SaveStatus::nothing;
  std::string table;
  Id record_id = 0;
};
// Undoes the author's last saved edit made on the author's machine (Author::host) that is not
// yet undone, itself as an audited change: a colleague logged in as the same user elsewhere
// keeps theirs. Edits saved before the log named machines are not undone this way.
// `conflict` when someone changed those fields since; `nothing` when there is nothing to undo.
UndoResult undo_last_change(Database& db, const Author& author);

}  // namespace raekoda::db
