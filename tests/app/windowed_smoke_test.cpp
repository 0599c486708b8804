#include <catch2/catch.hpp>

#include <stb_image.h>

#include <set>

#include "app/run_command.h"
#include "support/temp_dir.h"

using namespace raekoda::testing;

namespace {

const std::string executable = RAEKODA_EXECUTABLE;
const std::string xvfb = std::string(XVFB_RUN) + " -a -s '-screen 0 1600x1000x24' ";

struct Image {
  int width = 0, height = 0;
  std::set<unsigned> colours;  // distinct RGB values, sampled
};

Image load(const std::filesystem::path& path) {
  Image image;
  int channels = 0;
  unsigned char* pixels = stbi_load(path.c_str(), &image.width, &image.height, &channels, 3);
  REQUIRE(pixels);
  for (int i = 0; i < image.width * image.height; i += 7) {
    const unsigned char* p = pixels + static_cast<std::ptrdiff_t>(i) * 3;
    image.colours.insert(static_cast<unsigned>(p[0]) << 16 | static_cast<unsigned>(p[1]) << 8 |
                         p[2]);
  }
  stbi_image_free(pixels);
  return image;
}

}  // namespace

TEST_CASE("a real window renders the overview to a PNG of the requested size") {
  TempDir dir;
  auto db = dir / "demo.sqlite";
  auto png = dir / "overview.png";
  REQUIRE(write_demo_database(executable, db));
  auto result = run_command(xvfb + executable +
                            " screenshot --today 2026-11-22 --view overview --size 1280x800 --db " +
                            quoted(db.string()) + " --out " + quoted(png.string()));
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  Image image = load(png);
  CHECK(image.width == 1280);
  CHECK(image.height == 800);
  // Not blank: background, tiles, text in several colours, the accent colours among them.
  CHECK(image.colours.size() > 50);
}

TEST_CASE("every area view renders in a real window") {
  TempDir dir;
  auto db = dir / "demo.sqlite";
  REQUIRE(write_demo_database(executable, db));
  for (const char* view : {"media", "deadlines", "plan", "incidents", "access"}) {
    INFO(view);
    auto png = dir / (std::string(view) + ".png");
    auto result =
        run_command(xvfb + executable + " screenshot --lang en --size 1024x700 --view " + view +
                    " --db " + quoted(db.string()) + " --out " + quoted(png.string()));
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    Image image = load(png);
    CHECK(image.width == 1024);
    CHECK(image.colours.size() > 20);
  }
}
