#include "core/statistics.h"

#include <algorithm>
#include <cmath>

namespace raekoda {

std::optional<double> nearest_rank(std::vector<double> values, double p) {
  if (values.empty()) return std::nullopt;
  auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size())));
  std::size_t index = std::clamp<std::size_t>(rank, 1, values.size()) - 1;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index),
                   values.end());
  return values[index];
}

}  // namespace raekoda
