#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>

#include "core/i18n.h"
#include "plot/time_axis.h"

using namespace raekoda;
using namespace raekoda::plot;

namespace {

Date day(const char* iso) {
  return *Date::parse_iso(iso);
}

// DejaVu Sans at 14 px averages about 7.5 px per character; UTF-8 continuation bytes add nothing.
float measure(std::string_view text) {
  float characters = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) characters += 1;
  return characters * 7.5f;
}

// Where a tick's label starts, as a chart draws it.
float label_left(const TimeTick& tick, Date first, Date last, float width) {
  return day_offset(first, last, width, std::max(tick.date, first)) + tick.label_offset;
}

void check_no_overlap(const std::vector<TimeTick>& ticks, Date first, Date last, float width) {
  std::optional<float> previous_right;
  for (const TimeTick& tick : ticks) {
    if (tick.label.empty()) continue;
    float left = label_left(tick, first, last, width);
    INFO(tick.label << " at " << left << ", the label before it ends at "
                    << previous_right.value_or(-1));
    if (previous_right) CHECK(*previous_right < left);
    previous_right = left + measure(tick.label);
  }
}

// Every label drawn lies wholly inside the axis: none is cut at either edge.
void check_inside(const std::vector<TimeTick>& ticks, Date first, Date last, float width) {
  for (const TimeTick& tick : ticks) {
    if (tick.label.empty()) continue;
    float left = label_left(tick, first, last, width);
    INFO(tick.label << " from " << left << " to " << left + measure(tick.label) << " of " << width);
    CHECK(left >= 0);
    CHECK(left + measure(tick.label) <= width + 0.01f);
  }
}

}  // namespace

TEST_CASE("a week on a wide plot is labelled by day") {
  set_language(Language::et);
  auto plan = plan_time_axis(day("2026-11-16"), day("2026-11-22"), 900, measure);
  CHECK(plan.step == TimeStep{TimeUnit::day, 1});
  REQUIRE(plan.ticks.size() == 7);
  CHECK(plan.ticks.front().label == "16.11");
  REQUIRE_FALSE(plan.context.empty());
  CHECK(plan.context.front().label == "november 2026");
}

TEST_CASE("a quarter is labelled by ISO week, weeks starting on Monday") {
  set_language(Language::et);
  auto plan = plan_time_axis(day("2026-10-01"), day("2026-12-31"), 1200, measure);
  CHECK(plan.step.unit == TimeUnit::week);
  for (const TimeTick& tick : plan.ticks) CHECK(tick.date.iso_weekday() == 1);
  CHECK(plan.ticks.front().label == "41. nädal");
}

TEST_CASE("a year on a narrow plot is labelled by month or quarter, with the year beneath") {
  set_language(Language::et);
  auto wide = plan_time_axis(day("2026-01-01"), day("2026-12-31"), 900, measure);
  CHECK(wide.step.unit == TimeUnit::month);
  CHECK(wide.ticks.front().label == "jaan");
  auto narrow = plan_time_axis(day("2026-01-01"), day("2026-12-31"), 280, measure);
  CHECK(narrow.step.unit == TimeUnit::quarter);
  CHECK(narrow.ticks.front().label == "I kv");
  REQUIRE(narrow.context.size() == 1);
  CHECK(narrow.context.front().label == "2026");
}

TEST_CASE("ten years are labelled by year, in steps when narrow") {
  auto wide = plan_time_axis(day("2016-11-23"), day("2026-11-22"), 1200, measure);
  CHECK(wide.step.unit == TimeUnit::year);
  CHECK(wide.ticks.front().label == "2017");
  auto narrow = plan_time_axis(day("2016-11-23"), day("2026-11-22"), 150, measure);
  CHECK(narrow.step.unit == TimeUnit::year);
  CHECK(narrow.step.count > 1);
}

TEST_CASE("labels never overlap, from a week to ten years, narrow to wide") {
  for (Language language : all_languages) {
    set_language(language);
    for (int days : {7, 31, 92, 365, 3 * 365, 3653}) {
      for (float width : {160.0f, 320.0f, 640.0f, 1280.0f, 2400.0f}) {
        Date last = day("2026-11-22");
        Date first = last.plus_days(-days + 1);
        auto plan = plan_time_axis(first, last, width, measure);
        INFO(days << " days across " << width << " px");
        CHECK_FALSE(plan.ticks.empty());
        check_no_overlap(plan.ticks, first, last, width);
        check_no_overlap(plan.context, first, last, width);
        check_inside(plan.ticks, first, last, width);
        check_inside(plan.context, first, last, width);
      }
    }
  }
  set_language(Language::et);
}

TEST_CASE("English month names and quarters") {
  set_language(Language::en);
  auto plan = plan_time_axis(day("2026-01-01"), day("2026-12-31"), 900, measure);
  CHECK(plan.ticks.front().label == "Jan");
  CHECK(time_label(day("2026-11-22"), TimeUnit::quarter) == "Q4");
  CHECK(time_label(day("2026-11-22"), TimeUnit::week) == "Week 47");
  set_language(Language::et);
}

TEST_CASE("steps start on calendar boundaries") {
  CHECK(floor_to(day("2026-11-22"), {TimeUnit::week, 1}) == day("2026-11-16"));
  CHECK(floor_to(day("2026-11-22"), {TimeUnit::quarter, 1}) == day("2026-10-01"));
  CHECK(floor_to(day("2026-11-22"), {TimeUnit::year, 5}) == day("2025-01-01"));
  CHECK(advance(day("2026-01-31"), {TimeUnit::month, 1}) == day("2026-02-28"));
  CHECK(advance(day("2026-10-01"), {TimeUnit::quarter, 1}) == day("2027-01-01"));
}

TEST_CASE("a label at the right edge moves back inside, or is left out when it would crowd") {
  set_language(Language::et);
  // Thirteen weeks to the first days of December: "detsember 2026" starts four days before the
  // end, "49. nädal" two days before it, where neither has room to the right of its tick.
  Date first = day("2026-09-07");
  Date last = day("2026-12-04");
  for (float width : {360.0f, 520.0f, 700.0f, 1000.0f, 1300.0f}) {
    INFO(width << " px");
    auto plan = plan_time_axis(first, last, width, measure);
    check_inside(plan.ticks, first, last, width);
    check_inside(plan.context, first, last, width);
    check_no_overlap(plan.ticks, first, last, width);
    check_no_overlap(plan.context, first, last, width);
    // Under weeks, December is named, shortened where the long name has no room.
    if (plan.step.unit != TimeUnit::week) continue;
    REQUIRE_FALSE(plan.context.empty());
    const TimeTick& december = plan.context.back();
    CHECK(december.date == day("2026-12-01"));
    CHECK((december.label == "detsember 2026" || december.label == "dets 2026"));
  }
  // On a week axis the last tick's label, 49. nädal, ends at the edge or is left out; every
  // label before it stays where it was.
  auto plan = plan_time_axis(first, last, 1000, measure);
  REQUIRE(plan.step.unit == TimeUnit::week);
  const TimeTick& week_49 = plan.ticks.back();
  CHECK(week_49.date == day("2026-11-30"));
  if (!week_49.label.empty()) {
    CHECK(week_49.label == "49. nädal");
    CHECK(label_left(week_49, first, last, 1000) + measure(week_49.label) == Approx(1000));
  }
  for (std::size_t i = 0; i + 1 < plan.ticks.size(); ++i)
    CHECK(plan.ticks[i].label_offset == label_pad);
}

TEST_CASE("an axis too narrow for even its first context label still names the period") {
  set_language(Language::et);
  auto plan = plan_time_axis(day("2026-11-16"), day("2026-11-22"), 60, measure);
  REQUIRE(plan.context.size() == 1);
  CHECK_FALSE(plan.context.front().label.empty());
}
