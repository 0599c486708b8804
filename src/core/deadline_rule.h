#pragma once
// How long the city has to answer an incoming document, by its type. The rules live in the
// database (table deadline_rules) so the city can follow a change in law without a new release.

#include <cstdint>
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

// The longest term a rule may set, in days of its unit: ten years. The schema's CHECKs keep rules
// far shorter; this bounds one written past them, so that a due date is never searched for for a
// minute, nor falls before its registration.
inline constexpr int longest_term = 3650;

// The last day of a term of `amount` days of `unit` (bounded to 0..longest_term): the term starts
// the day after registration; a last day that falls on a day off moves to the next working day.
Date term_end(std::int64_t amount, TermUnit unit, Date registered, const WorkingCalendar& calendar);

// The due date the rule's term gives a document registered on `registered`.
Date due_date(const DeadlineRule& rule, Date registered, const WorkingCalendar& calendar);

}  // namespace raekoda
