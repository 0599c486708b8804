#pragma once
// The queries behind the deadlines view: rules, the city secretary's figures, and a responder's
// open documents for a reminder. Called when the data or the day changes, never from a frame.

#include <vector>

#include "core/deadline_figures.h"
#include "core/deadline_rule.h"
#include "core/reminder.h"
#include "core/working_calendar.h"

namespace raekoda::db {

class Database;

std::vector<DeadlineRule> load_deadline_rules(Database& db);

// Everything the deadlines view shows, counted on `today`; the viewer's own documents for
// db.viewer() when they are a responder.
DeadlineFigures load_deadline_figures(Database& db, Date today, const WorkingCalendar& calendar);

// A responder's unanswered documents that have a due date, earliest due first.
std::vector<ReminderItem> open_documents_of(Database& db, Id responder);

}  // namespace raekoda::db
