#pragma once
// Bars side by side: bar i stands in band i, centred, narrower than the band so that the gaps
// between bars read as gaps. Hit tests answer which bar (and which stacked segment) a point is on.

#include <optional>
#include <span>

namespace raekoda::plot {

struct BandLayout {
  float origin = 0;  // pixel where band 0 starts
  float band = 1;    // pixels per band
  int count = 0;
  float bar_fraction = 0.72f;  // share of the band the bar fills

  float centre(int index) const { return origin + band * (static_cast<float>(index) + 0.5f); }
  float bar_start(int index) const { return centre(index) - band * bar_fraction / 2; }
  float bar_end(int index) const { return centre(index) + band * bar_fraction / 2; }

  // The band under `pixel`, gaps included (for hover over a bucket).
  std::optional<int> band_at(float pixel) const;
  // The bar under `pixel`; a gap between bars selects nothing.
  std::optional<int> bar_at(float pixel) const;
};

// The series whose stacked segment holds `value` (in data units, bars stacked upward from 0 in
// series order). Series with zero height are skipped; above the stack there is nothing.
std::optional<std::size_t> stacked_segment_at(std::span<const double> values, double value);

}  // namespace raekoda::plot
