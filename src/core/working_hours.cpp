#include "core/working_hours.h"

#include <algorithm>

namespace raekoda {

int working_minutes_between(DateTime from, DateTime to, const WorkingCalendar& calendar) {
  if (to <= from) return 0;
  int total = 0;
  for (Date day = from.date; day <= to.date; day = day.plus_days(1)) {
    if (calendar.is_day_off(day)) continue;
    int begin =
        day == from.date ? std::max(from.minute_of_day, working_day_start) : working_day_start;
    int end = day == to.date ? std::min(to.minute_of_day, working_day_end) : working_day_end;
    total += std::max(0, end - begin);
  }
  return total;
}

DateTime add_working_minutes(DateTime start, int minutes, const WorkingCalendar& calendar) {
  Date day = start.date;
  int at = start.minute_of_day;
  // Where working time starts: now, later today, or the next working morning.
  if (calendar.is_day_off(day) || at >= working_day_end) {
    day = calendar.working_day_on_or_after(day.plus_days(1));
    at = working_day_start;
  } else if (at < working_day_start) {
    at = working_day_start;
  }
  for (;;) {
    int left_today = working_day_end - at;
    if (minutes <= left_today) return {day, at + minutes};
    minutes -= left_today;
    day = calendar.working_day_on_or_after(day.plus_days(1));
    at = working_day_start;
  }
}

}  // namespace raekoda
