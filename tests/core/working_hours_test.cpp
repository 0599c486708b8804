#include <catch2/catch.hpp>

#include "core/working_hours.h"

using namespace raekoda;

namespace {

DateTime at(const char* iso) {
  return *DateTime::parse_iso(iso);
}

}  // namespace

TEST_CASE("a one-working-day target from Friday 16:30 ends on Monday 16:30") {
  WorkingCalendar calendar;
  CHECK(add_working_minutes(at("2026-11-20 16:30"), working_day_minutes, calendar) ==
        at("2026-11-23 16:30"));
  CHECK(working_minutes_between(at("2026-11-20 16:30"), at("2026-11-23 16:30"), calendar) ==
        working_day_minutes);
}

TEST_CASE("public holidays and extra days off are skipped") {
  // Opened on the eve of Midsummer (Monday 22.06.2026, 15:00): 23 and 24 June are holidays.
  WorkingCalendar calendar;
  CHECK(add_working_minutes(at("2026-06-22 15:00"), 4 * 60, calendar) == at("2026-06-25 10:00"));
  // Christmas: 24–26 December 2025 are holidays, then a weekend.
  CHECK(add_working_minutes(at("2025-12-23 16:00"), 2 * 60, calendar) == at("2025-12-29 09:00"));
  WorkingCalendar with_extra({*Date::parse_iso("2026-11-23")});
  CHECK(add_working_minutes(at("2026-11-20 16:30"), working_day_minutes, with_extra) ==
        at("2026-11-24 16:30"));
}

TEST_CASE("time outside working hours does not count") {
  WorkingCalendar calendar;
  // Opened on Saturday night: the clock starts on Monday at 8:00.
  CHECK(add_working_minutes(at("2026-11-21 23:10"), 240, calendar) == at("2026-11-23 12:00"));
  CHECK(add_working_minutes(at("2026-11-23 06:45"), 60, calendar) == at("2026-11-23 09:00"));
  CHECK(add_working_minutes(at("2026-11-23 17:30"), 60, calendar) == at("2026-11-24 09:00"));
  // A target that ends at 17:00 ends that day, not the next morning.
  CHECK(add_working_minutes(at("2026-11-23 13:00"), 240, calendar) == at("2026-11-23 17:00"));
  CHECK(working_minutes_between(at("2026-11-23 07:00"), at("2026-11-23 19:00"), calendar) ==
        working_day_minutes);
  CHECK(working_minutes_between(at("2026-11-21 09:00"), at("2026-11-22 15:00"), calendar) == 0);
  CHECK(working_minutes_between(at("2026-11-23 10:00"), at("2026-11-23 09:00"), calendar) == 0);
}

TEST_CASE("adding and measuring working time agree") {
  WorkingCalendar calendar;
  DateTime start = at("2026-03-31 11:17");  // across Good Friday and Easter (3–5 April 2026)
  for (int minutes : {1, 59, 300, 540, 541, 1620, 5400}) {
    INFO(minutes);
    DateTime due = add_working_minutes(start, minutes, calendar);
    CHECK(working_minutes_between(start, due, calendar) == minutes);
  }
}
