#include "core/document_status.h"

namespace raekoda {

DocumentStatus document_status(const DocumentDates& document, Date day,
                               const WorkingCalendar& calendar) {
  auto due = document.effective_due();
  if (!due) return {};
  if (document.answered && *document.answered <= day) {
    if (*document.answered <= *due) return {DocumentState::answered_on_time, 0};
    return {DocumentState::answered_late, calendar.working_days_between(*due, *document.answered)};
  }
  if (day > *due) return {DocumentState::overdue, calendar.working_days_between(*due, day)};
  int left = calendar.working_days_between(day, *due);
  return {left <= 2 ? DocumentState::due_soon : DocumentState::open_on_time, left};
}

std::optional<Date> latest_extended_due(const DeadlineRule& rule, Date registered,
                                        const WorkingCalendar& calendar) {
  if (!rule.max_extension) return std::nullopt;
  return term_end(*rule.max_extension, rule.extension_unit, registered, calendar);
}

ExtensionProblem check_extension(const DeadlineRule& rule, const DocumentDates& document,
                                 Date new_due, Date decided_on, const WorkingCalendar& calendar) {
  auto latest = latest_extended_due(rule, document.registered, calendar);
  if (!latest) return ExtensionProblem::not_allowed;
  auto current = document.effective_due();
  if (current && new_due <= *current) return ExtensionProblem::not_later;
  if (new_due > *latest) return ExtensionProblem::too_long;
  // The requester must be told within the first term: after it, extending is too late.
  if (rule.key == "information_request" && document.due && decided_on > *document.due)
    return ExtensionProblem::too_late;
  return ExtensionProblem::none;
}

}  // namespace raekoda
