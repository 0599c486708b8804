#include <catch2/catch.hpp>

#include "core/plan_copy.h"

using namespace raekoda;

namespace {

Date day(const char* iso) {
  return *Date::parse_iso(iso);
}

}  // namespace

TEST_CASE("a year's plan moves by a year, the leap day lands on the 28th") {
  PeriodShift shift = next_period(day("2028-01-01"), day("2028-12-31"));
  CHECK(shift.months == 12);
  CHECK(shift.days == 0);
  CHECK(shift.apply(day("2028-02-29")) == day("2029-02-28"));
  CHECK(shift.apply(day("2028-03-01")) == day("2029-03-01"));
  CHECK(shift.apply(day("2028-12-31")) == day("2029-12-31"));
  // Into a leap year, 28 February stays the 28th.
  CHECK(next_period(day("2027-01-01"), day("2027-12-31")).apply(day("2027-02-28")) ==
        day("2028-02-28"));
}

TEST_CASE("a campaign's plan of whole months moves by its months, any other by its days") {
  PeriodShift quarter = next_period(day("2026-09-01"), day("2026-11-30"));
  CHECK(quarter.months == 3);
  CHECK(quarter.apply(day("2026-11-30")) == day("2027-02-28"));
  PeriodShift weeks = next_period(day("2026-11-16"), day("2026-12-13"));
  CHECK(weeks.months == 0);
  CHECK(weeks.days == 28);
  CHECK(weeks.apply(day("2026-11-16")) == day("2026-12-14"));
}

TEST_CASE("the copy's name moves its years on") {
  CHECK(next_plan_name("Kommunikatsiooniplaan 2026", day("2026-01-01"), day("2027-01-01")) ==
        "Kommunikatsiooniplaan 2027");
  CHECK(next_plan_name("Talv 2026/2027", day("2026-12-01"), day("2027-12-01")) == "Talv 2027/2028");
  CHECK(next_plan_name("Jäätmekampaania", day("2026-09-01"), day("2026-12-01")) ==
        "Jäätmekampaania (01.12.2026)");
}
