#pragma once
// Working days as Estonian law counts them: Saturdays, Sundays and public holidays are days off
// (Public Holidays and Days of National Importance Act), plus any extra days off the city keeps
// in its database.

#include <set>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace raekoda {

struct PublicHoliday {
  Date date;
  std::string_view key;  // translation key suffix, e.g. "independence_day"
};

// Gregorian Easter Sunday (anonymous Gregorian algorithm).
Date easter_sunday(int year);
// The public holidays of one year in date order, Easter-based ones included.
std::vector<PublicHoliday> public_holidays(int year);

class WorkingCalendar {
public:
  WorkingCalendar() = default;
  explicit WorkingCalendar(std::vector<Date> extra_days_off);

  bool is_public_holiday(Date date) const;
  bool is_day_off(Date date) const;
  bool is_working_day(Date date) const { return !is_day_off(date); }

  // The date itself if it is a working day, else the next working day.
  Date working_day_on_or_after(Date date) const;
  // The count-th working day after `start` (start itself never counts). count >= 0.
  Date add_working_days(Date start, int count) const;
  // Working days in (from, to]: how many working days pass from one date to a later one.
  // Negative when `to` is before `from`.
  int working_days_between(Date from, Date to) const;

  bool operator==(const WorkingCalendar&) const = default;

private:
  std::set<Date> extra_days_off_;
};

}  // namespace raekoda
