#include <catch2/catch.hpp>

#include "core/i18n.h"
#include "core/period.h"

using namespace raekoda;

namespace {

Date day(const char* iso) {
  return *Date::parse_iso(iso);
}

Period period(const char* from, const char* until) {
  return {day(from), day(until)};
}

PeriodChoice choose(PeriodKind kind) {
  return {kind, {}};
}

}  // namespace

TEST_CASE("this month so far is compared with the same days of the month before") {
  auto choice = choose(PeriodKind::this_month);
  Period now = current_period(choice, day("2026-11-22"));
  CHECK(now == period("2026-11-01", "2026-11-22"));
  CHECK(previous_period(choice, now) == period("2026-10-01", "2026-10-22"));
  // On 31 March the month before ends on its own last day: 29 February in a leap year.
  Period march = current_period(choice, day("2028-03-31"));
  CHECK(previous_period(choice, march) == period("2028-02-01", "2028-02-29"));
  Period leap_day = current_period(choice, day("2028-02-29"));
  CHECK(leap_day == period("2028-02-01", "2028-02-29"));
  CHECK(previous_period(choice, leap_day) == period("2028-01-01", "2028-01-29"));
}

TEST_CASE("last month is a whole month, compared with the whole month before it") {
  auto choice = choose(PeriodKind::last_month);
  Period february = current_period(choice, day("2028-03-10"));
  CHECK(february == period("2028-02-01", "2028-02-29"));
  CHECK(previous_period(choice, february) == period("2028-01-01", "2028-01-31"));
  // Across New Year.
  Period december = current_period(choice, day("2027-01-05"));
  CHECK(december == period("2026-12-01", "2026-12-31"));
  CHECK(previous_period(choice, december) == period("2026-11-01", "2026-11-30"));
}

TEST_CASE("this week runs from Monday, across New Year in ISO week 53") {
  auto choice = choose(PeriodKind::this_week);
  // Friday 1 January 2027 is in week 53 of 2026, which began on Monday 28 December.
  Period week = current_period(choice, day("2027-01-01"));
  CHECK(week == period("2026-12-28", "2027-01-01"));
  CHECK(previous_period(choice, week) == period("2026-12-21", "2026-12-25"));
  set_language(Language::et);
  CHECK(period_label(choice, week) == "53. nädal 2026 (28.12.2026 – 01.01.2027)");
  set_language(Language::en);
  CHECK(period_label(choice, week) == "week 53, 2026 (28.12.2026 – 01.01.2027)");
  set_language(Language::et);
}

TEST_CASE("this quarter is compared with the same days of the quarter before") {
  auto choice = choose(PeriodKind::this_quarter);
  Period q1 = current_period(choice, day("2028-03-31"));
  CHECK(q1 == period("2028-01-01", "2028-03-31"));
  // 1 October to 31 December would be the quarter before; the same span ends on 31 December.
  CHECK(previous_period(choice, q1) == period("2027-10-01", "2027-12-31"));
  set_language(Language::et);
  CHECK(period_label(choice, q1) == "I kv 2028 (01.01.2028 – 31.03.2028)");
}

TEST_CASE("a custom range is compared with as many days just before it") {
  PeriodChoice choice{PeriodKind::custom, period("2028-03-01", "2028-02-20")};  // typed backwards
  Period range = current_period(choice, day("2028-11-22"));
  CHECK(range == period("2028-02-20", "2028-03-01"));
  CHECK(range.days() == 11);  // 20–29 February and 1 March
  CHECK(previous_period(choice, range) == period("2028-02-09", "2028-02-19"));
}
