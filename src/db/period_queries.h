#pragma once
// What the monthly report counts of a period beyond the views' own figures: the flows within it
// (answers, activities due, incidents opened and resolved, accounts granted and revoked, review
// decisions) and what held at given days (overdue documents, late activities, open incidents,
// leavers' active accounts), counted as the overview's trends count them, so that a past
// month's end is counted as it stood then, not as it stands today.

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/period.h"

namespace raekoda::db {

class Database;

struct StatesOn {
  std::vector<std::int64_t> overdue_documents;  // past their (extended) due date, unanswered
  std::vector<std::int64_t> late_activities;    // past their last day, not done (any plan)
  std::vector<std::int64_t> open_incidents;     // registered, not resolved
  std::vector<std::int64_t> leaver_accounts;    // active accounts of people who had left
  bool operator==(const StatesOn&) const = default;
};
// Each figure on each of `days` (ascending), at the day's end.
StatesOn count_states_on(Database& db, const std::vector<Date>& days);

// What a reader keeps of the states between its reads: each figure with the change counts of
// the tables it is counted from, so that a colleague's save counts again only the figures its
// table feeds (a document saved: the overdue documents, not the leavers' accounts).
struct KeptStates {
  std::vector<Date> days;
  std::array<std::vector<std::int64_t>, 4> versions;  // per figure, in StatesOn's order
  StatesOn states;
  // Forgets each figure counted from a table `changed` names.
  void forget(std::span<const std::string> changed);
};
StatesOn count_states_on(Database& db, const std::vector<Date>& days, KeptStates& kept);

// Answers given in the period to documents with a due date, and those given by the due date in
// force (an extension included): the deadlines view's on-time tile counts its month so.
struct AnswerCounts {
  std::int64_t answered = 0;
  std::int64_t on_time = 0;
};
AnswerCounts count_answers(Database& db, const Period& period);

// Activities whose last day falls in the period (not cancelled), and those done by then: the
// plan view's on-time tile counts its quarter so.
struct ActivityCounts {
  std::int64_t due = 0;
  std::int64_t on_time = 0;
};
ActivityCounts count_activities_due(Database& db, const Period& period);

struct PeriodFlows {
  std::int64_t incidents_opened = 0;
  std::int64_t incidents_resolved = 0;
  std::int64_t security_incidents_opened = 0;
  std::int64_t accounts_granted = 0;
  std::int64_t accounts_revoked = 0;
  std::int64_t review_decisions = 0;  // decided in the period, of any campaign
};
PeriodFlows count_period_flows(Database& db, const Period& period);

// The city's name as the settings keep it; empty when nobody has set it.
std::string load_city_name(Database& db);

}  // namespace raekoda::db
