#pragma once
// Order statistics as the IT lead reads them: the median and the 90th percentile of resolution
// times, by the nearest-rank method (a value that actually occurred).

#include <optional>
#include <vector>

namespace raekoda {

// The smallest value with at least share `p` (0..1] of the values at or below it; nullopt for
// no values. `values` need not be sorted.
std::optional<double> nearest_rank(std::vector<double> values, double p);

}  // namespace raekoda
