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

}  // namespace raekoda::plot
