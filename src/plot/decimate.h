#pragma once
// Many points, few pixels: a series is reduced to at most one vertical segment per pixel column
// (the minimum and maximum of the points that fall into it) before it is drawn. Every extreme
// stays visible, and a 100,000-point series costs what a 1,000-point one does.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

namespace raekoda::plot {

struct ColumnRange {
  int column = 0;    // pixel column from the plot's left edge
  double first = 0;  // value of the column's first point, to join the line from the left
  double last = 0;   // value of its last point, to join the line to the right
  double min = 0;
  double max = 0;
  std::size_t count = 0;
};

// `xs` ascending, in pixels from the plot's left edge; a NaN in `ys` is a gap in the data and
// ends a run: the columns on either side are not joined. Returns the columns that hold points,
// left to right, with `gap_before` set where a gap precedes them.
struct DecimatedSeries {
  std::vector<ColumnRange> columns;
  std::vector<bool> gap_before;  // one per column
};

DecimatedSeries decimate(std::span<const float> xs, std::span<const double> ys, int width);

// The same with the pixel of point i computed on the way (`x_of(i)`), so that a long series
// needs no array of positions.
template <class XOf>
DecimatedSeries decimate_by(std::size_t count, XOf x_of, std::span<const double> ys, int width) {
  DecimatedSeries out;
  std::size_t n = std::min(count, ys.size());
  bool gap = false;
  for (std::size_t i = 0; i < n; ++i) {
    double y = ys[i];
    if (std::isnan(y)) {
      gap = true;
      continue;
    }
    int column = static_cast<int>(std::floor(x_of(i)));
    if (column < 0 || column >= width) continue;
    if (!gap && !out.columns.empty() && out.columns.back().column == column) {
      ColumnRange& range = out.columns.back();
      range.last = y;
      range.min = std::min(range.min, y);
      range.max = std::max(range.max, y);
      ++range.count;
      continue;
    }
    out.columns.push_back({column, y, y, y, y, 1});
    out.gap_before.push_back(gap);
    gap = false;
  }
  return out;
}

}  // namespace raekoda::plot
