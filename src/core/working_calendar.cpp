#include "core/working_calendar.h"

#include <algorithm>

namespace raekoda {

Date easter_sunday(int year) {
  int a = year % 19;
  int b = year / 100;
  int c = year % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;
  return *Date::from_ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::vector<PublicHoliday> public_holidays(int year) {
  auto fixed = [year](unsigned month, unsigned day) { return *Date::from_ymd(year, month, day); };
  Date easter = easter_sunday(year);
  std::vector<PublicHoliday> days{
      {fixed(1, 1), "new_year"},
      {fixed(2, 24), "independence_day"},
      {easter.plus_days(-2), "good_friday"},
      {easter, "easter_sunday"},
      {fixed(5, 1), "spring_day"},
      {easter.plus_days(49), "pentecost"},
      {fixed(6, 23), "victory_day"},
      {fixed(6, 24), "midsummer_day"},
      {fixed(8, 20), "restoration_of_independence"},
      {fixed(12, 24), "christmas_eve"},
      {fixed(12, 25), "christmas_day"},
      {fixed(12, 26), "boxing_day"},
  };
  std::sort(days.begin(), days.end(),
            [](const PublicHoliday& a, const PublicHoliday& b) { return a.date < b.date; });
  return days;
}

WorkingCalendar::WorkingCalendar(std::vector<Date> extra_days_off)
    : extra_days_off_(extra_days_off.begin(), extra_days_off.end()) {}

bool WorkingCalendar::is_public_holiday(Date date) const {
  unsigned month = date.month();
  unsigned day = date.day();
  auto is = [&](unsigned m, unsigned d) { return month == m && day == d; };
  if (is(1, 1) || is(2, 24) || is(5, 1) || is(6, 23) || is(6, 24) || is(8, 20) || is(12, 24) ||
      is(12, 25) || is(12, 26))
    return true;
  // Easter-based holidays fall between March and June.
  if (month < 3 || month > 6) return false;
  Date easter = easter_sunday(date.year());
  return date == easter || date == easter.plus_days(-2) || date == easter.plus_days(49);
}

bool WorkingCalendar::is_day_off(Date date) const {
  return date.is_weekend() || is_public_holiday(date) || extra_days_off_.contains(date);
}

Date WorkingCalendar::working_day_on_or_after(Date date) const {
  while (is_day_off(date)) date = date.plus_days(1);
  return date;
}

Date WorkingCalendar::add_working_days(Date start, int count) const {
  Date date = start;
  while (count > 0) {
    date = date.plus_days(1);
    if (is_working_day(date)) --count;
  }
  return date;
}

int WorkingCalendar::working_days_between(Date from, Date to) const {
  if (to < from) return -working_days_between(to, from);
  int count = 0;
  for (Date date = from.plus_days(1); date <= to; date = date.plus_days(1))
    if (is_working_day(date)) ++count;
  return count;
}

}  // namespace raekoda
