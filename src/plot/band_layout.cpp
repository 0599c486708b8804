#include "plot/band_layout.h"

#include <cmath>

namespace raekoda::plot {

std::optional<int> BandLayout::band_at(float pixel) const {
  if (band <= 0 || count <= 0) return std::nullopt;
  float position = (pixel - origin) / band;
  if (position < 0) return std::nullopt;
  int index = static_cast<int>(std::floor(position));
  if (index >= count) return std::nullopt;
  return index;
}

std::optional<int> BandLayout::bar_at(float pixel) const {
  auto index = band_at(pixel);
  if (!index || pixel < bar_start(*index) || pixel > bar_end(*index)) return std::nullopt;
  return index;
}

std::optional<std::size_t> stacked_segment_at(std::span<const double> values, double value) {
  if (value < 0) return std::nullopt;
  double base = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i] <= 0) continue;
    if (value >= base && value < base + values[i]) return i;
    base += values[i];
  }
  return std::nullopt;
}

}  // namespace raekoda::plot
