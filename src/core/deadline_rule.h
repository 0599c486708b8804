#pragma once
// How long the city has to answer an incoming document, by its type. The rules live in the
// database (table deadline_rules) so the city can follow a change in law without a new release.

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/enums.h"
#include "core/working_calendar.h"

namespace raekoda {

struct DeadlineRule {
  std::string key;  // information_request, memorandum, council_question, letter, media_inquiry
  int amount = 0;
  TermUnit unit = TermUnit::calendar_days;
  // The longest term in all once extended, counted from registration like the term itself;
  // nullopt when no extension is allowed.
  std::optional<int> max_extension;
  TermUnit extension_unit = TermUnit::calendar_days;
  std::string basis;  // the legal basis, shown to the user
};

// The rules a new database starts with (DESIGN.md, "Deadline rules").
std::vector<DeadlineRule> default_deadline_rules();

// The term starts the day after registration; a due date that falls on a day off moves to the
// next working day.
Date due_date(const DeadlineRule& rule, Date registered, const WorkingCalendar& calendar);

}  // namespace raekoda
