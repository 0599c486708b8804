#pragma once
// Moving a communication plan activity to another day, as a drag on the timeline does: the day
// it lands on is a working day, so that a press release is not planned for a Sunday or
// Christmas Eve.

#include "core/working_calendar.h"

namespace raekoda {

// The days an activity starting on `start` moves when dragged by `days`: onto `start + days`
// when that is a working day, else on to the nearest working day further in the drag's
// direction (a Sunday dragged onto from the left becomes Monday, from the right Friday). No
// drag, no move.
int working_day_move(Date start, int days, const WorkingCalendar& calendar);

}  // namespace raekoda
