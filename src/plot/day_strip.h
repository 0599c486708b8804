#pragma once
// A strip of calendar days, one cell each: the weekday, the date and a count, shaded by the
// count. Used for what falls due on each of the coming working days; a click selects a day.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plot/chart.h"

namespace raekoda::plot {

struct DayCell {
  Date day;
  double value = 0;
  std::string tooltip;  // what the count means on that day, in words
};

// How much of the date a cell shows: a narrow cell (the next ten days at 1280 px) cannot hold
// "24.11" with room on both sides, so it shows the day alone; the tooltip always has the date.
enum class DayDateStyle { day_and_month, day_only, none };

using TextWidth = std::function<float(std::string_view)>;

// Each cell's width when `count` cells share `strip_width`.
float day_cell_width(float strip_width, std::size_t count);
// The fullest style whose every date fits a cell `cell_width` wide, margins included.
DayDateStyle day_date_style(const std::vector<DayCell>& days, float cell_width,
                            const TextWidth& text_width);
std::string day_date_text(Date day, DayDateStyle style);

// The weekday as "Wed", or as "We" where that does not fit (Estonian's "K" fits either way).
enum class DayWeekdayStyle { short_name, shortest };
DayWeekdayStyle day_weekday_style(const std::vector<DayCell>& days, float cell_width,
                                  const TextWidth& text_width);
std::string day_weekday_text(Date day, DayWeekdayStyle style);

// The space a label keeps from each side of its cell: with the gap between cells, labels stay
// 10 px apart.
inline constexpr float day_label_margin = 3.0f;

std::optional<Selection> day_strip(const char* id, const std::vector<DayCell>& days, float height,
                                   const ChartContext& context);

}  // namespace raekoda::plot
