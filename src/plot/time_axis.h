#pragma once
// A calendar time axis: ticks at the starts of days, ISO weeks (Monday), months, quarters or
// years, the finest whose labels fit the width without overlapping, and a second row of context
// labels (the month under days and weeks, the year under months and quarters).

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace raekoda::plot {

enum class TimeUnit { day, week, month, quarter, year };

struct TimeStep {
  TimeUnit unit = TimeUnit::day;
  int count = 1;
  bool operator==(const TimeStep&) const = default;
};

struct TimeTick {
  Date date;
  std::string label;  // empty: a tick whose label had no room, drawn unlabelled
  // Where the label's left edge stands from the tick: `label_pad` to its right, or less where
  // the axis' right edge pushed it back inside.
  float label_offset = 0;
};

// Labels start this many pixels right of their tick.
inline constexpr float label_pad = 3.0f;

struct TimeAxisPlan {
  TimeStep step;
  std::vector<TimeTick> ticks;
  std::vector<TimeTick> context;  // second-row labels; empty for years
};

// Width of a label in pixels, as the font in use draws it.
using MeasureText = std::function<float(std::string_view)>;

// The start of the step that holds `date` (the Monday of its week, the first of its month...).
Date floor_to(Date date, TimeStep step);
// The start of the next step.
Date advance(Date date, TimeStep step);

// A tick label in the current language: "22.11", "47. nädal", "nov", "IV kv", "2026".
std::string time_label(Date date, TimeUnit unit);
// A context label: "november 2026" under days and weeks, "2026" under months and quarters.
std::string context_label(Date date, TimeUnit unit);

// A bucket's name in a tooltip: "22.11.2026", "47. nädal 2026", "november 2026", "IV kv 2026".
std::string bucket_label(Date start, TimeUnit unit);

// Plans the axis for the days first..last (inclusive) drawn across `width` pixels. Labels are at
// least `gap` pixels apart and end inside `width`: a label that would run past the right edge
// moves back inside, or, where that would crowd its neighbour, is left out.
TimeAxisPlan plan_time_axis(Date first, Date last, float width, const MeasureText& measure,
                            float gap = 12.0f);

// Where a day starts on the axis: day `first` starts at 0, the day after `last` at `width`.
float day_offset(Date first, Date last, float width, Date day);

}  // namespace raekoda::plot
