#include "plot/value_scale.h"

#include <algorithm>
#include <cmath>

namespace raekoda::plot {

float LinearScale::to_pixel(double value) const {
  double span = domain_max - domain_min;
  double t = span == 0 ? 0.5 : (value - domain_min) / span;
  return pixel_min + static_cast<float>(t) * (pixel_max - pixel_min);
}

double LinearScale::to_value(float pixel) const {
  float span = pixel_max - pixel_min;
  double t = span == 0 ? 0.5 : static_cast<double>((pixel - pixel_min) / span);
  return domain_min + t * (domain_max - domain_min);
}

double nice_step(double range, int max_ticks) {
  max_ticks = std::max(max_ticks, 2);
  if (!(range > 0) || !std::isfinite(range)) return 1.0;
  double rough = range / static_cast<double>(max_ticks - 1);
  double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
  for (double multiple : {1.0, 2.0, 5.0, 10.0})
    if (multiple * magnitude >= rough * (1 - 1e-9)) return multiple * magnitude;
  return 10.0 * magnitude;
}

std::vector<double> nice_ticks(double min, double max, int max_ticks) {
  if (max < min) std::swap(min, max);
  if (max == min) max = min + 1;
  double step = nice_step(max - min, max_ticks);
  double first = std::floor(min / step + 1e-9);
  double last = std::ceil(max / step - 1e-9);
  std::vector<double> ticks;
  // Multiplying, not adding, keeps 0.1 + 0.2 from drifting into 0.30000000000000004.
  for (double i = first; i <= last; i += 1) ticks.push_back(i == 0 ? 0.0 : i * step);
  return ticks;
}

LinearScale nice_domain(double min, double max, int max_ticks, float pixel_min, float pixel_max) {
  auto ticks = nice_ticks(min, max, max_ticks);
  return {ticks.front(), ticks.back(), pixel_min, pixel_max};
}

int tick_decimals(double step, bool percent) {
  if (percent) step *= 100;
  if (!(step > 0) || !std::isfinite(step)) return 0;
  // The smallest count of decimals that writes the step exactly; nice steps need at most two
  // more than their power of ten (0.25 is not nice, but a caller's own step may be).
  for (int decimals = 0; decimals < 6; ++decimals) {
    double scaled = step * std::pow(10.0, decimals);
    if (std::fabs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled)) return decimals;
  }
  return 6;
}

}  // namespace raekoda::plot
