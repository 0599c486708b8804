#include <catch2/catch.hpp>

#include "core/report_period.h"

using namespace raekoda;

namespace {

Date day(int y, unsigned m, unsigned d) {
  return *Date::from_ymd(y, m, d);
}

}  // namespace

TEST_CASE("a report period is a month, a quarter or a range of days") {
  CHECK(parse_report_period("2026-11") == Period{day(2026, 11, 1), day(2026, 11, 30)});
  CHECK(parse_report_period("2024-02") == Period{day(2024, 2, 1), day(2024, 2, 29)});
  CHECK(parse_report_period("2026-Q4") == Period{day(2026, 10, 1), day(2026, 12, 31)});
  CHECK(parse_report_period("2026-q1") == Period{day(2026, 1, 1), day(2026, 3, 31)});
  CHECK(parse_report_period("2026-11-01..2026-11-22") ==
        Period{day(2026, 11, 1), day(2026, 11, 22)});
  for (const char* wrong : {"", "2026", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "26-11",
                            "2026-11-22..2026-11-01", "2026-11-31..2026-12-01", "november"})
    CHECK_FALSE(parse_report_period(wrong).has_value());
}

TEST_CASE("a whole month is compared with the month before, a running one with the same days",
          "[no-db]") {
  Period november{day(2026, 11, 1), day(2026, 11, 30)};
  auto whole = report_periods(november, day(2026, 12, 2));
  REQUIRE(whole);
  CHECK_FALSE(whole->running);
  CHECK(whole->counted == november);
  CHECK(whole->previous == Period{day(2026, 10, 1), day(2026, 10, 31)});

  auto running = report_periods(november, day(2026, 11, 22));
  REQUIRE(running);
  CHECK(running->running);
  CHECK(running->counted == Period{day(2026, 11, 1), day(2026, 11, 22)});
  CHECK(running->previous == Period{day(2026, 10, 1), day(2026, 10, 22)});

  // 1–31 March against 1–28 February: the month before has no 31st.
  auto march = report_periods({day(2026, 3, 1), day(2026, 3, 31)}, day(2026, 3, 31));
  REQUIRE(march);
  CHECK(march->previous == Period{day(2026, 2, 1), day(2026, 2, 28)});

  auto quarter = report_periods({day(2026, 10, 1), day(2026, 12, 31)}, day(2026, 11, 22));
  REQUIRE(quarter);
  CHECK(quarter->previous == Period{day(2026, 7, 1), day(2026, 8, 22)});

  auto range = report_periods({day(2026, 11, 10), day(2026, 11, 16)}, day(2026, 12, 1));
  REQUIRE(range);
  CHECK(range->previous == Period{day(2026, 11, 3), day(2026, 11, 9)});

  CHECK_FALSE(report_periods(november, day(2026, 10, 31)).has_value());
}

TEST_CASE("report areas are named as on the command line and kept in the report's order",
          "[no-db]") {
  CHECK(parse_report_areas("access,media") == std::vector<View>{View::media, View::access});
  CHECK(parse_report_areas("deadlines") == std::vector<View>{View::deadlines});
  CHECK_FALSE(parse_report_areas("media,overview").has_value());
  CHECK_FALSE(parse_report_areas("media,").has_value());
  CHECK_FALSE(parse_report_areas("").has_value());
}

