#pragma once
// A KPI tile: what is counted, the headline number, a line of context, coloured by whether the
// figure is good or bad news. Clicking it is how a reader drills into the area behind it.

#include <string>
#include <vector>

#include <imgui.h>

#include "plot/theme.h"

namespace raekoda::plot {

struct KpiTile {
  std::string title;   // what is counted, e.g. "Overdue documents"
  std::string value;   // the headline, already formatted
  std::string detail;  // one line of context under it
  std::string change;  // e.g. "▲ 12 % vs previous 30 days"; empty for none
  Assessment assessment = Assessment::neutral;
  Assessment change_assessment = Assessment::neutral;
  std::vector<double> sparkline;  // recent values, oldest first; drawn along the bottom
};

struct TileFonts {
  ImFont* title = nullptr;  // nullptr: the current font
  ImFont* headline = nullptr;
};

// Draws the tile at the cursor with the given size; returns true when it was clicked.
bool draw_kpi_tile(const char* id, const KpiTile& tile, ImVec2 size, const Theme& theme,
                   const TileFonts& fonts);
// The height the tile's texts take when it is `width` wide, padding included: tiles in a row
// take the tallest one's, so that no text runs out of its tile.
float kpi_tile_height(const KpiTile& tile, float width, const TileFonts& fonts);

// A tile's figure over the last weeks, drawn as small bars under the tile. Hovering a bar says
// its week and value; a click anywhere opens what the tile opens.
struct TileTrend {
  std::string caption;                // what the bars count, e.g. "At each week's end"
  std::vector<double> values;         // oldest first
  std::vector<std::string> tooltips;  // one per value, in words
  std::string first_label;            // under the first bar, e.g. "36. näd"
  std::string last_label;             // under the last
  bool last_is_partial = false;       // the current week, still running: drawn lighter
  ImU32 colour = 0;
};

// Draws the trend at the cursor; returns true when it was clicked.
bool draw_tile_trend(const char* id, const TileTrend& trend, ImVec2 size, const Theme& theme,
                     const TileFonts& fonts);
// The bar under x, for a trend drawn `width` wide from `left`; -1 between or outside the bars.
int trend_bar_at(float x, float left, float width, std::size_t bars);

}  // namespace raekoda::plot
