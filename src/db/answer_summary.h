#pragma once
// The answers to documents with a due date, counted per month, responder and document type in
// answers_by_month (schema version 9), which triggers keep in the writer's own transaction. The
// deadlines view, its on-time tiles and the monthly report read a year of answers there, in a
// few thousand rows however long the history, instead of every answer of the year.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/period.h"
#include "core/records.h"

namespace raekoda::db {

class Database;

// Derived data: a copy of a database leaves it to the target's triggers.
inline constexpr std::string_view answer_summary_table = "answers_by_month";
inline constexpr std::string_view answer_months_table = "answer_months";

// Creates the table and its triggers as `db`'s backend writes them, and counts it: the
// migration to schema version 9.
void create_answer_summary(Database& db);

// Counts every answer afresh into the table, replacing what it held: the migration that
// creates it, and the test that holds it against what the triggers kept.
void rebuild_answer_summary(Database& db);

struct AnswerTally {
  Date month;            // its first day
  Id responder = 0;      // 0: nobody was named
  std::string doc_type;  // a deadline rule's key
  std::int64_t answered = 0;
  std::int64_t on_time = 0;  // by the due date in force, an extension included
  bool operator==(const AnswerTally&) const = default;
};

// The answers given in `period`, as counts per month, responder and type handed to `into` one
// at a time; a group may come more than once, and a count may be negative, so that only their
// sums count. Whole months come from the summary. A month the period cuts is read from the
// documents on whichever side of the cut has fewer days: the days inside are added, or the
// month's summary is added and the days outside taken off. A year at scale has some 100,000
// groups: each caller sums them into what it shows, rather than into a table of them all.
using AnswerVisitor = std::function<void(const AnswerTally&)>;
void tally_answers(Database& db, const Period& period, const AnswerVisitor& into);

// The whole table as it stands, in key order.
std::vector<AnswerTally> read_answer_summary(Database& db);

// Creates answer_months, each month's count of changes to its summary rows, kept by triggers
// on the summary (read by month_versions, db/summary_sql.h): the migration to schema version 10.
void create_answer_month_versions(Database& db);

}  // namespace raekoda::db
