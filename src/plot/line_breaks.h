#pragma once
// Text broken into lines at spaces only, never inside a date ("05.12.2026") as Dear ImGui's own
// wrapping does after a full stop, and never before a figure or between the parts of one
// ("… дней: 7", "5 / 9"), so that a number stays with the words that say what it counts.

#include <string>
#include <string_view>
#include <vector>

#include "plot/time_axis.h"  // MeasureText

namespace raekoda::plot {

// `text` in lines no wider than `max_width` where it can be; a single unbreakable run wider
// than that takes a line of its own. "\n" always breaks.
std::vector<std::string> break_lines(std::string_view text, float max_width,
                                     const MeasureText& measure);

}  // namespace raekoda::plot
