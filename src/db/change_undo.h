#pragma once
// Taking back one saved change by its id: what the notice line's Undo does after a one-click
// step (an account revoked, a release approved, a review decision). The undo is itself a change
// in the audit log that names the change it undoes.

#include <cstdint>

#include "db/record_store.h"

namespace raekoda::db {

class Database;

// Restores the fields that change `change_id` wrote on `record` of `table` to what they held
// before it, in one transaction, if they still hold what it wrote. `conflict` when someone has
// changed them since, or the change is already undone; `missing` when the record is gone;
// `nothing` when there is no such change. Throws DatabaseError (busy, read_only) with nothing
// written.
SaveResult undo_change(Database& db, std::int64_t change_id, const Author& author);

}  // namespace raekoda::db
