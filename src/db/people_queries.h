#pragma once
// What the application asks about a person beyond the name in the reference labels.

#include <optional>
#include <string>

#include "core/record_spec.h"

namespace raekoda::db {

class Database;

// The person's e-mail address; nullopt when none is kept (or it is blank) or the person is gone.
std::optional<std::string> email_of(Database& db, Id person);

}  // namespace raekoda::db
