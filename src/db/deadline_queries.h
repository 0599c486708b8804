#pragma once
// The queries behind the deadlines view: rules, the city secretary's figures, and a responder's
// open documents for a reminder. Called when the data or the day changes, never from a frame.

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/deadline_figures.h"
#include "core/deadline_rule.h"
#include "core/period.h"
#include "core/reminder.h"
#include "core/working_calendar.h"
#include "db/answer_summary.h"

namespace raekoda::db {

class Database;

std::vector<DeadlineRule> load_deadline_rules(Database& db);

// Answered and on time, per responder and per type: the groups the open documents are then
// counted into.
struct YearAnswers {
  std::unordered_map<Id, DeadlineFigures::Group> by_responder;
  std::map<std::string, DeadlineFigures::Group> by_type;
  void add(const AnswerTally& tally);
};

// What one reader keeps of the year's answers between its reads: the sums of the whole months
// before this one, and the versions of those months they were summed at
// (month_versions of answer_months). Empty at first (no months summed); it belongs to one database.
struct KeptAnswers {
  Period months;
  std::map<std::string, std::int64_t> versions;
  std::map<Date, std::pair<std::int64_t, std::int64_t>> per_month;  // answered, on time
  YearAnswers year;
};

// Every person's name and unit as the responders' groups show them, with the change counts of
// people and units they were read at.
struct KeptNames {
  struct Name {
    std::string person;
    std::string unit_key;
    std::string unit;
  };
  std::vector<std::int64_t> versions;
  std::unordered_map<Id, Name> names;
  // Forgets the names when `changed` names the people or units table.
  void forget(std::span<const std::string> changed);
};

// What one reader keeps of the deadlines between its reads.
struct KeptDeadlines {
  KeptAnswers answers;
  KeptNames names;
};

// Everything the deadlines view shows, counted on `today`; the viewer's own documents for
// db.viewer() when they are a responder. The second form sums again only the months that
// changed since `kept` was filled, reads the names again only when people or units changed,
// and fills it.
DeadlineFigures load_deadline_figures(Database& db, Date today, const WorkingCalendar& calendar);
DeadlineFigures load_deadline_figures(Database& db, Date today, const WorkingCalendar& calendar,
                                      KeptDeadlines& kept);

// A responder's unanswered documents that have a due date, earliest due first.
std::vector<ReminderItem> open_documents_of(Database& db, Id responder);

}  // namespace raekoda::db
