#pragma once
// The deadline rules as the city keeps them in its database.

#include <vector>

#include "core/deadline_rule.h"

namespace raekoda::db {

class Database;

std::vector<DeadlineRule> load_deadline_rules(Database& db);

}  // namespace raekoda::db
