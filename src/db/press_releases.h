#pragma once
// A press release's steps to publication, each one audited save of its record.

#include <string>

#include "core/press_release.h"
#include "db/record_store.h"

namespace raekoda::db {

class Database;

// Takes the release one step on: submit a draft for approval, approve it in the council chair's
// name (the chair kept in the settings), or send it back to draft with `comment`. A release that
// is no longer in the state the step starts from is reported as a conflict and left alone.
SaveResult advance_release(Database& db, Id release, std::int64_t version, ReleaseStep step,
                           const std::string& comment, Date today, const Author& author);

}  // namespace raekoda::db
