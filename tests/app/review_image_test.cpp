// The chair's "Save as image" in a real window: the review alone, at a fixed size, whatever the
// window's size, with nothing of the window around it.

#include <catch2/catch.hpp>

#include <stb_image.h>

#include <set>

#include "app/run_command.h"
#include "support/temp_dir.h"

using namespace raekoda::testing;

namespace {

const std::string executable = RAEKODA_EXECUTABLE;
const std::string xvfb = std::string(HEADLESS_DISPLAY) + " ";

std::vector<std::filesystem::path> pictures_in(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> found;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    if (entry.path().filename().string().starts_with("raekoda-meediaulevaade-"))
      found.push_back(entry.path());
  return found;
}

}  // namespace

TEST_CASE("the review is saved as a picture of 1600 by 1000 from a smaller window") {
  TempDir dir;
  auto db = dir / "demo.sqlite";
  auto pictures = dir / "pictures";
  std::filesystem::create_directories(pictures);
  REQUIRE(write_demo_database(executable, db));
  auto window = dir / "window.png";
  auto result = run_command(
      "XDG_PICTURES_DIR=" + quoted(pictures.string()) + " " + xvfb + executable +
      " screenshot --today 2026-11-22 --view media --size 1366x768 --db " + quoted(db.string()) +
      " --step click:media.review --step click:media.review.save --out " + quoted(window.string()));
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  auto saved = pictures_in(pictures);
  REQUIRE(saved.size() == 1);
  int width = 0, height = 0, channels = 0;
  unsigned char* pixels = stbi_load(saved[0].c_str(), &width, &height, &channels, 3);
  REQUIRE(pixels);
  CHECK(width == 1600);
  CHECK(height == 1000);
  // Not blank: tiles, bars and text in many colours.
  std::set<unsigned> colours;
  for (int i = 0; i < width * height; i += 11) {
    const unsigned char* p = pixels + static_cast<std::ptrdiff_t>(i) * 3;
    colours.insert(static_cast<unsigned>(p[0]) << 16 | static_cast<unsigned>(p[1]) << 8 | p[2]);
  }
  CHECK(colours.size() > 50);
  stbi_image_free(pixels);
}
