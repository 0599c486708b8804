#include "plot/decimate.h"

#include <algorithm>
#include <cmath>

namespace raekoda::plot {

DecimatedSeries decimate(std::span<const float> xs, std::span<const double> ys, int width) {
  DecimatedSeries out;
  std::size_t n = std::min(xs.size(), ys.size());
  bool gap = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (std::isnan(ys[i])) {
      gap = true;
      continue;
    }
    int column = static_cast<int>(std::floor(xs[i]));
    if (column < 0 || column >= width) continue;
    double y = ys[i];
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
