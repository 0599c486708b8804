#pragma once
// Errors as one sentence in the user's language.

#include <string>

#include "db/database.h"

namespace raekoda::app {

std::string describe(const db::DatabaseError& error);

}  // namespace raekoda::app
