#include <catch2/catch.hpp>

#include <stb_image.h>

#include "app/window.h"
#include "support/temp_dir.h"

using namespace raekoda;

TEST_CASE("a chart saved as PNG is exactly the chart's part of the frame", "[no-db]") {
  testing::TempDir dir;
  constexpr int width = 40;
  constexpr int height = 30;
  std::vector<unsigned char> frame(width * height * 4, 255);
  // A red block where the chart is: columns 10..19, rows 5..14.
  for (int y = 5; y < 15; ++y)
    for (int x = 10; x < 20; ++x) {
      unsigned char* pixel = &frame[static_cast<std::size_t>((y * width + x) * 4)];
      pixel[1] = pixel[2] = 0;
    }
  auto path = dir / "chart.png";
  REQUIRE(
      app::write_png_region(frame, width, height, {ImVec2(10, 5), ImVec2(20, 15), "chart"}, path));
  int w = 0, h = 0, channels = 0;
  unsigned char* pixels = stbi_load(path.c_str(), &w, &h, &channels, 4);
  REQUIRE(pixels);
  CHECK(w == 10);
  CHECK(h == 10);
  for (int i = 0; i < w * h; ++i) {
    CHECK(pixels[i * 4] == 255);
    CHECK(pixels[i * 4 + 1] == 0);
  }
  stbi_image_free(pixels);
  CHECK_FALSE(app::write_png_region(frame, width, height, {ImVec2(50, 50), ImVec2(60, 60), "off"},
                                    dir / "off.png"));
}
