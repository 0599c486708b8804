#pragma once
// The information specialist's daily reminder: a responder's open and overdue documents as plain
// text, to paste into an e-mail or to send as one.

#include <string>
#include <vector>

#include "core/date.h"
#include "core/working_calendar.h"

namespace raekoda {

struct ReminderItem {
  std::string reg_number;
  std::string doc_type;  // a deadline rule's key
  std::string title;
  Date due;  // the due date in force, extended or not
};

// Overdue documents first, then those still on time, each with its due date; in the current
// language. Requesters are not named: the register number finds the document.
std::string reminder_text(const std::string& responder, const std::vector<ReminderItem>& items,
                          Date today, const WorkingCalendar& calendar);
// The subject of the reminder as an e-mail.
std::string reminder_subject(std::size_t documents);

}  // namespace raekoda
