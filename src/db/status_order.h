#pragma once
// The order of a table's status column ("Overdue by 3 working days", "Answered on time"), in SQL
// so that a sorted table pages through a million rows as any other sort does. The status itself
// is counted in C++ (core's *_status_of); the order here follows the same rules: the same dates,
// the same working calendar (through SQL functions that use it), the same resolution targets.
//
// Ascending puts what needs attention first: overdue by the most days, then due soonest, then
// what was finished late, then what was finished in time. Rows without a status come last
// either way.

#include <optional>
#include <string>
#include <vector>

#include "core/record_spec.h"
#include "core/validation_context.h"

namespace raekoda::db {

class Database;

// Sort keys compared in turn, ascending; none is ever NULL. The first is 1 for a row without a
// status. Dates and moments the keys compare with are written into the SQL as literals.
struct StatusOrder {
  std::vector<std::string> keys;
};

// The status order of `spec`'s rows on `context.today` (and `context.now`), nullopt for a table
// whose records have no status. Registers on `db` the SQL functions the keys call, counted by
// `context.calendar`.
std::optional<StatusOrder> status_order(Database& db, const TableSpec& spec,
                                        const ValidationContext& context);

// Makes working_days_through(date), working_minute(moment) and working_moment(moment) callable
// in SQL on `db`, counted by `calendar`:
// - working_days_through: working days from a fixed day long ago up to and including `date`, so
//   that the working days in (a, b] are working_days_through(b) - working_days_through(a);
// - working_minute: working minutes (8:00–17:00 on working days) from that day to the moment,
//   so that working_minutes_between(a, b) is the difference, and a moment `m` working minutes
//   after `a` (add_working_minutes) has working_minute(a) + m;
// - working_moment: working_minute, and a half more when the moment lies outside working time
//   after the first moment with that count; compared with such a due moment's count, it tells
//   whether it came after it, as DateTime does.
// Each returns NULL for NULL or text that is no date or moment. On PostgreSQL they are the
// session's own (pg_temp), with the calendar's days off of 1900–2199; outside those years only
// weekends are days off there.
void register_working_time(Database& db, const WorkingCalendar& calendar);
// What the SQL calls those functions by goes after this: "" on SQLite, "pg_temp." on PostgreSQL.
std::string working_time_prefix(const Database& db);

}  // namespace raekoda::db
