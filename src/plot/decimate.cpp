#include "plot/decimate.h"

#include <algorithm>
#include <cmath>

namespace raekoda::plot {

DecimatedSeries decimate(std::span<const float> xs, std::span<const double> ys, int width) {
  return decimate_by(
      xs.size(), [&](std::size_t i) { return xs[i]; }, ys, width);
}

}  // namespace raekoda::plot
