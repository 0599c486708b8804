#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "plot/decimate.h"

using namespace raekoda::plot;

TEST_CASE("decimation keeps every pixel column's minimum and maximum") {
  constexpr int points = 100000;
  constexpr int width = 800;
  std::vector<float> xs(points);
  std::vector<double> ys(points);
  std::mt19937 random(42);
  std::uniform_real_distribution<double> noise(-50, 50);
  for (int i = 0; i < points; ++i) {
    xs[static_cast<std::size_t>(i)] = static_cast<float>(i) * width / points;
    ys[static_cast<std::size_t>(i)] = 100 * std::sin(i / 3000.0) + noise(random);
  }
  auto result = decimate(xs, ys, width);
  REQUIRE(result.columns.size() == width);
  std::size_t counted = 0;
  for (const ColumnRange& column : result.columns) {
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (int i = 0; i < points; ++i) {
      if (static_cast<int>(xs[static_cast<std::size_t>(i)]) != column.column) continue;
      low = std::min(low, ys[static_cast<std::size_t>(i)]);
      high = std::max(high, ys[static_cast<std::size_t>(i)]);
    }
    CHECK(column.min == low);
    CHECK(column.max == high);
    counted += column.count;
  }
  CHECK(counted == points);
}

TEST_CASE("a missing value is a gap the line does not bridge") {
  const double gap = std::numeric_limits<double>::quiet_NaN();
  std::vector<float> xs = {0, 10, 20, 30, 40};
  std::vector<double> ys = {1, 2, gap, 4, 5};
  auto result = decimate(xs, ys, 100);
  REQUIRE(result.columns.size() == 4);
  CHECK_FALSE(result.gap_before[1]);
  CHECK(result.gap_before[2]);  // the point at x = 30 starts a new run
  CHECK(result.columns[2].first == 4);
}

TEST_CASE("points outside the plot are left out") {
  std::vector<float> xs = {-5, 0.5f, 99.9f, 100, 250};
  std::vector<double> ys = {1, 2, 3, 4, 5};
  auto result = decimate(xs, ys, 100);
  REQUIRE(result.columns.size() == 2);
  CHECK(result.columns[0].column == 0);
  CHECK(result.columns[1].column == 99);
}
