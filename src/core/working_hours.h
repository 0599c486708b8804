#pragma once
// Working time as the IT lead's resolution targets count it: 8:00–17:00 on working days
// (weekends, public holidays and the city's extra days off excluded).

#include "core/date.h"
#include "core/working_calendar.h"

namespace raekoda {

inline constexpr int working_day_start = 8 * 60;  // minute of the day
inline constexpr int working_day_end = 17 * 60;
inline constexpr int working_day_minutes = working_day_end - working_day_start;

// Working minutes in [from, to); zero when `to` is not after `from`.
int working_minutes_between(DateTime from, DateTime to, const WorkingCalendar& calendar);

// The moment `minutes` working minutes after `start`: an incident opened at 16:30 on a Friday
// with a one-working-day target is due at 16:30 on the Monday. A start outside working hours
// counts from the next working morning; a target that ends exactly at 17:00 ends that day.
DateTime add_working_minutes(DateTime start, int minutes, const WorkingCalendar& calendar);

}  // namespace raekoda
