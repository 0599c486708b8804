#include "core/plan_move.h"

namespace raekoda {

int working_day_move(Date start, int days, const WorkingCalendar& calendar) {
  if (days == 0) return 0;
  int step = days > 0 ? 1 : -1;
  Date land = start.plus_days(days);
  // The longest run of days off is a few days (Christmas, plus a weekend and any extra days the
  // city keeps); a month's bound only keeps a calendar of nothing but days off from looping.
  for (int tries = 0; tries < 31 && calendar.is_day_off(land); ++tries) land = land.plus_days(step);
  return start.days_until(land);
}

}  // namespace raekoda
