#pragma once
// Each month's count of changes to the incidents opened or resolved in it (schema version 11),
// kept by triggers in the writer's own transaction. The incidents view keeps what it worked out
// of a year's incidents month by month, and reads again only the months whose count has moved
// (month_versions, db/summary_sql.h): a colleague's save changes this month, seldom another.

#include <string_view>

namespace raekoda::db {

class Database;

// Derived data: a copy of a database leaves it to the target's triggers.
inline constexpr std::string_view incident_months_table = "incident_months";

// Creates the table and its triggers as `db`'s backend writes them. A month no incident has
// changed in since is not in the table: its count is 0.
void create_incident_month_versions(Database& db);

}  // namespace raekoda::db
