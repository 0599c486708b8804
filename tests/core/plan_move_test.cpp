#include <catch2/catch.hpp>

#include "core/plan_move.h"

using namespace raekoda;

namespace {

Date day(const char* iso) {
  return *Date::parse_iso(iso);
}

}  // namespace

TEST_CASE("a drag onto a working day lands there") {
  WorkingCalendar calendar;
  // Thursday 26.11.2026 dragged a day on: Friday.
  CHECK(working_day_move(day("2026-11-26"), 1, calendar) == 1);
  CHECK(working_day_move(day("2026-11-26"), -3, calendar) == -3);  // Monday
  CHECK(working_day_move(day("2026-11-26"), 0, calendar) == 0);
}

TEST_CASE("a drag onto a weekend goes on to the next working day in its direction") {
  WorkingCalendar calendar;
  Date thursday = day("2026-11-26");
  // Onto Sunday from the left: Monday 30.11; onto Saturday from the right: Friday 27.11.
  CHECK(thursday.plus_days(working_day_move(thursday, 3, calendar)) == day("2026-11-30"));
  Date tuesday = day("2026-12-01");
  CHECK(tuesday.plus_days(working_day_move(tuesday, -3, calendar)) == day("2026-11-27"));
}

TEST_CASE("Christmas and the city's extra days off are skipped too") {
  // 24–26 December are public holidays; 27.12.2026 is a Sunday; the city adds 28.12.
  WorkingCalendar calendar({day("2026-12-28")});
  Date monday = day("2026-12-21");
  CHECK(monday.plus_days(working_day_move(monday, 3, calendar)) == day("2026-12-29"));
  Date wednesday = day("2026-12-30");
  CHECK(wednesday.plus_days(working_day_move(wednesday, -6, calendar)) == day("2026-12-23"));
}
