#pragma once
// A seeded random source whose sequence is the same on every machine and standard library:
// std::mt19937_64's output is fixed by the standard, but std's distributions are not, so the
// few distributions the demo data needs are written here.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace raekoda {

class Random {
public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  // Uniform in [0, 1).
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  // Uniform integer in [low, high].
  std::int64_t between(std::int64_t low, std::int64_t high) {
    auto span = static_cast<std::uint64_t>(high - low) + 1;
    return low + static_cast<std::int64_t>(engine_() % span);
  }
  bool chance(double probability) { return unit() < probability; }
  // Number of events in a period with `mean` expected events (Knuth; fine for small means).
  int poisson(double mean) {
    if (mean <= 0) return 0;
    if (mean > 30)
      return std::max(0, static_cast<int>(std::lround(mean + std::sqrt(mean) * normal())));
    double limit = std::exp(-mean);
    double product = unit();
    int count = 0;
    while (product > limit) {
      ++count;
      product *= unit();
    }
    return count;
  }
  // Standard normal (Box-Muller).
  double normal() {
    double u = 1.0 - unit();
    double v = unit();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
  }
  // An index into `weights`, chosen with probability proportional to its weight.
  std::size_t weighted(std::span<const double> weights) {
    double total = 0;
    for (double w : weights) total += w;
    double pick = unit() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (pick < weights[i]) return i;
      pick -= weights[i];
    }
    return weights.size() - 1;
  }
  template <class T>
  const T& pick(std::span<const T> items) {
    return items[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(items.size()) - 1))];
  }
  template <class T>
  const T& pick(const std::vector<T>& items) {
    return pick(std::span<const T>(items));
  }

private:
  std::mt19937_64 engine_;
};

}  // namespace raekoda
