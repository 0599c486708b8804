#pragma once
// Value axes: a linear map between values and pixels, and "nice" tick values (steps of 1, 2 or 5
// times a power of ten) that a reader can add up in their head.

#include <vector>

namespace raekoda::plot {

// Maps [domain_min, domain_max] onto [pixel_min, pixel_max]. For a vertical axis pass the bottom
// pixel as pixel_min: screen y grows downward, values upward.
struct LinearScale {
  double domain_min = 0;
  double domain_max = 1;
  float pixel_min = 0;
  float pixel_max = 1;

  float to_pixel(double value) const;
  double to_value(float pixel) const;
};

// The step for at most `max_ticks` ticks across `range`: 1, 2 or 5 times a power of ten.
double nice_step(double range, int max_ticks);

// Tick values covering [min, max] at a nice step; the first and last tick enclose the data, so
// `nice_domain` of the same input gives an axis that ends on a tick.
std::vector<double> nice_ticks(double min, double max, int max_ticks);
LinearScale nice_domain(double min, double max, int max_ticks, float pixel_min, float pixel_max);

// Decimals that every tick of an axis stepping by `step` is written with, so that one axis
// never shows "8" beside "8,5": as many as the step needs (0.5 → 1, 0.25 → 2, 20 → 0). For a
// percent axis the step is a fraction and counted in percent points (0.05 → 5 % → 0).
int tick_decimals(double step, bool percent);

}  // namespace raekoda::plot
