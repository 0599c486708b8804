#include "core/media_figures.h"

#include <numeric>

namespace raekoda {

std::int64_t MediaFigures::items() const {
  return std::accumulate(by_tone.begin(), by_tone.end(), std::int64_t{0});
}

std::int64_t MediaFigures::items_previous() const {
  return std::accumulate(by_tone_previous.begin(), by_tone_previous.end(), std::int64_t{0});
}

std::vector<double> shares_of(const std::vector<std::int64_t>& values) {
  std::int64_t total = std::accumulate(values.begin(), values.end(), std::int64_t{0});
  std::vector<double> result(values.size(), 0.0);
  if (total <= 0) return result;
  for (std::size_t i = 0; i < values.size(); ++i)
    result[i] = static_cast<double>(values[i]) / static_cast<double>(total);
  return result;
}

}  // namespace raekoda
