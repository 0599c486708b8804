#pragma once
// A strip of calendar days, one cell each: the weekday, the date and a count, shaded by the
// count. Used for what falls due on each of the coming working days; a click selects a day.

#include <optional>
#include <string>
#include <vector>

#include "plot/chart.h"

namespace raekoda::plot {

struct DayCell {
  Date day;
  double value = 0;
  std::string tooltip;  // what the count means on that day, in words
};

std::optional<Selection> day_strip(const char* id, const std::vector<DayCell>& days, float height,
                                   const ChartContext& context);

}  // namespace raekoda::plot
