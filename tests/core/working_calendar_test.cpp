#include <catch2/catch.hpp>

#include "core/deadline_rule.h"
#include "core/working_calendar.h"

using namespace raekoda;

namespace {
Date day(const char* iso) {
  return *Date::parse_iso(iso);
}

const DeadlineRule& rule(const std::vector<DeadlineRule>& rules, std::string_view key) {
  for (const auto& r : rules)
    if (r.key == key) return r;
  throw std::logic_error("no rule");
}
}  // namespace

TEST_CASE("Easter Sunday matches the published dates for 2024-2030") {
  CHECK(easter_sunday(2024) == day("2024-03-31"));
  CHECK(easter_sunday(2025) == day("2025-04-20"));
  CHECK(easter_sunday(2026) == day("2026-04-05"));
  CHECK(easter_sunday(2027) == day("2027-03-28"));
  CHECK(easter_sunday(2028) == day("2028-04-16"));
  CHECK(easter_sunday(2029) == day("2029-04-01"));
  CHECK(easter_sunday(2030) == day("2030-04-21"));
}

TEST_CASE("the Estonian public holidays of a year are twelve, Easter-based ones computed") {
  auto holidays = public_holidays(2026);
  REQUIRE(holidays.size() == 12);
  WorkingCalendar calendar;
  for (const auto& holiday : holidays) CHECK(calendar.is_public_holiday(holiday.date));
  CHECK(calendar.is_public_holiday(day("2026-04-03")));        // Good Friday
  CHECK(calendar.is_public_holiday(day("2026-05-24")));        // Pentecost
  CHECK_FALSE(calendar.is_public_holiday(day("2026-04-06")));  // Easter Monday is not one
  CHECK(calendar.is_day_off(day("2026-02-24")));
  CHECK(calendar.is_day_off(day("2026-11-21")));  // Saturday
  CHECK(calendar.is_working_day(day("2026-11-23")));
}

TEST_CASE("extra days off from the database count as days off") {
  WorkingCalendar calendar({day("2026-12-31")});
  CHECK(calendar.is_day_off(day("2026-12-31")));
  CHECK(calendar.working_day_on_or_after(day("2026-12-31")) == day("2027-01-04"));
}

TEST_CASE("working days are counted from the day after the start") {
  WorkingCalendar calendar;
  CHECK(calendar.add_working_days(day("2026-11-20"), 1) == day("2026-11-23"));
  CHECK(calendar.add_working_days(day("2026-11-20"), 0) == day("2026-11-20"));
  CHECK(calendar.working_days_between(day("2026-11-20"), day("2026-11-27")) == 5);
  CHECK(calendar.working_days_between(day("2026-11-27"), day("2026-11-20")) == -5);
  CHECK(calendar.working_days_between(day("2026-11-20"), day("2026-11-20")) == 0);
}

TEST_CASE("due dates follow the law's examples") {
  auto rules = default_deadline_rules();
  WorkingCalendar calendar;
  // Friday 20.02.2026; Tuesday 24.02 is Independence Day.
  CHECK(due_date(rule(rules, "information_request"), day("2026-02-20"), calendar) ==
        day("2026-03-02"));
  // 30 days from 04.03.2026 is Good Friday 03.04, then Saturday and Easter Sunday.
  CHECK(due_date(rule(rules, "memorandum"), day("2026-03-04"), calendar) == day("2026-04-06"));
}

TEST_CASE("due dates across Midsummer, New Year and from a day off") {
  auto rules = default_deadline_rules();
  WorkingCalendar calendar;
  // Registered on Midsummer Eve's eve (Monday 22.06.2026): 23 and 24 June are holidays.
  CHECK(due_date(rule(rules, "media_inquiry"), day("2026-06-22"), calendar) == day("2026-06-26"));
  // Registered on Wednesday 23.12.2026: 24-26 Dec off, 27 Sunday, 1 Jan holiday.
  CHECK(due_date(rule(rules, "information_request"), day("2026-12-23"), calendar) ==
        day("2027-01-04"));
  // Registered on a holiday itself: the term still starts the next day.
  CHECK(due_date(rule(rules, "council_question"), day("2026-02-24"), calendar) ==
        day("2026-03-10"));
  // A calendar-day term ending on Saturday moves to Monday.
  CHECK(due_date(rule(rules, "letter"), day("2026-10-22"), calendar) == day("2026-11-23"));
}
