#include <catch2/catch.hpp>

#include <vector>

#include "plot/band_layout.h"

using namespace raekoda::plot;

TEST_CASE("the centre of a bar selects it, the gap between bars selects nothing") {
  BandLayout bars{100, 40, 10};
  for (int i = 0; i < 10; ++i) {
    CHECK(bars.bar_at(bars.centre(i)) == i);
    CHECK(bars.band_at(bars.centre(i)) == i);
  }
  float gap = bars.origin + bars.band * 3;  // the edge between bands 2 and 3
  CHECK_FALSE(bars.bar_at(gap));
  CHECK(bars.band_at(gap) == 3);  // hovering a bucket still finds it
  CHECK_FALSE(bars.bar_at(99));
  CHECK_FALSE(bars.band_at(100 + 40 * 10 + 1));
}

TEST_CASE("stacked segments select their own series") {
  std::vector<double> tones = {7, 0, 12};  // negative, neutral (none), positive
  CHECK(stacked_segment_at(tones, 0) == 0u);
  CHECK(stacked_segment_at(tones, 6.9) == 0u);
  CHECK(stacked_segment_at(tones, 7) == 2u);  // the empty neutral segment is skipped
  CHECK(stacked_segment_at(tones, 18.9) == 2u);
  CHECK_FALSE(stacked_segment_at(tones, 19));
  CHECK_FALSE(stacked_segment_at(tones, -1));
}
