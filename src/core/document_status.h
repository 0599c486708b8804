#pragma once
// Where an incoming document stands on a given day, and whether an extension of its deadline is
// within the law's limits. Counted in working days, as the city secretary counts them.

#include <optional>
#include <string>

#include "core/date.h"
#include "core/deadline_rule.h"
#include "core/working_calendar.h"

namespace raekoda {

enum class DocumentState {
  no_deadline,   // outgoing, or a type without a term
  open_on_time,  // not answered, due later than in two working days
  due_soon,      // not answered, due today or within the next two working days
  overdue,       // not answered, past its due date
  answered_on_time,
  answered_late,
};

struct DocumentStatus {
  DocumentState state = DocumentState::no_deadline;
  int working_days =
      0;  // overdue or late by this many working days; left to the due date when open
};

struct DocumentDates {
  Date registered;
  std::optional<Date> due;
  std::optional<Date> extended_due;
  std::optional<Date> answered;
  std::optional<Date> effective_due() const { return extended_due ? extended_due : due; }
};

// How a document stands on `day`: an answer given after that day does not count yet.
DocumentStatus document_status(const DocumentDates& document, Date day,
                               const WorkingCalendar& calendar);

enum class ExtensionProblem {
  none,
  not_allowed,  // the rule allows no extension (a council member's question)
  not_later,    // the new due date is not after the current one
  too_long,     // beyond the longest term the law allows
  too_late,     // decided after the first term had run out (information requests)
};

// Checks an extension to `new_due`, decided on `decided_on`. For an information request the
// term may grow to 15 working days in all, and only while the first 5 have not run out (Public
// Information Act § 19); other rules allow their max_extension counted from registration.
ExtensionProblem check_extension(const DeadlineRule& rule, const DocumentDates& document,
                                 Date new_due, Date decided_on, const WorkingCalendar& calendar);

// The latest due date an extension may set.
std::optional<Date> latest_extended_due(const DeadlineRule& rule, Date registered,
                                        const WorkingCalendar& calendar);

}  // namespace raekoda
