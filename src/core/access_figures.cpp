#include "core/access_figures.h"

#include <numeric>

namespace raekoda {

std::int64_t AccessFigures::Campaign::total() const {
  return std::accumulate(decisions.begin(), decisions.end(), std::int64_t{0});
}

std::int64_t AccessFigures::Campaign::decided() const {
  return total() - decisions[static_cast<std::size_t>(ReviewDecision::pending)];
}

std::size_t revoke_delay_bucket(std::optional<int> days) {
  if (!days) return 6;
  if (*days <= 0) return 0;
  if (*days == 1) return 1;
  if (*days <= 5) return 2;
  if (*days <= 10) return 3;
  if (*days <= 30) return 4;
  return 5;
}

}  // namespace raekoda
