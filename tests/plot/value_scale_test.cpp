#include <catch2/catch.hpp>

#include <cmath>

#include "plot/value_scale.h"

using namespace raekoda::plot;

TEST_CASE("value axis steps are 1, 2 or 5 times a power of ten") {
  CHECK(nice_step(100, 6) == Approx(20));
  CHECK(nice_step(1, 6) == Approx(0.2));
  CHECK(nice_step(9000, 5) == Approx(5000));
  CHECK(nice_step(0.37, 5) == Approx(0.1));
  for (double range : {0.003, 0.7, 13.0, 480.0, 12345.0, 3.3e6}) {
    double step = nice_step(range, 6);
    double mantissa = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    INFO(range << " → " << step);
    CHECK((mantissa == Approx(1) || mantissa == Approx(2) || mantissa == Approx(5)));
  }
}

TEST_CASE("ticks enclose the data and land on round values") {
  auto ticks = nice_ticks(3, 97, 6);
  REQUIRE(ticks.size() == 6);
  CHECK(ticks.front() == 0);
  CHECK(ticks.back() == 100);
  auto fractions = nice_ticks(0, 0.3, 4);
  CHECK(fractions.back() == Approx(0.3));
  CHECK(fractions[1] == 0.1);  // multiplied, not accumulated: exactly 0.1
  auto flat = nice_ticks(5, 5, 5);
  CHECK(flat.size() >= 2);
}

TEST_CASE("values map to pixels and back, upward on a vertical axis") {
  LinearScale y{0, 100, 400, 100};  // bottom pixel 400 is value 0
  CHECK(y.to_pixel(0) == Approx(400));
  CHECK(y.to_pixel(100) == Approx(100));
  CHECK(y.to_pixel(25) == Approx(325));
  for (double value : {0.0, 12.5, 50.0, 99.0})
    CHECK(y.to_value(y.to_pixel(value)) == Approx(value));
  LinearScale degenerate{5, 5, 0, 100};
  CHECK(degenerate.to_pixel(5) == Approx(50));
}

TEST_CASE("one axis writes every tick with the decimals its step needs") {
  CHECK(tick_decimals(20, false) == 0);
  CHECK(tick_decimals(0.5, false) == 1);
  CHECK(tick_decimals(0.2, false) == 1);
  CHECK(tick_decimals(0.05, false) == 2);
  CHECK(tick_decimals(0.25, false) == 2);
  // Shares step in percent points: 0.05 is 5 %, 0.005 is 0.5 %.
  CHECK(tick_decimals(0.2, true) == 0);
  CHECK(tick_decimals(0.05, true) == 0);
  CHECK(tick_decimals(0.005, true) == 1);
  // An axis up to 2.2 steps by 0.5: 0, 0.5, 1 ... all with one decimal, 1 as "1.0".
  auto ticks = nice_ticks(0, 2.2, 6);
  REQUIRE(ticks.size() > 2);
  CHECK(tick_decimals(ticks[1] - ticks[0], false) == 1);
}
