// The settings file: every key read back as written, the desktop's defaults under the user's,
// and files that cannot be taken as they are.

#include <catch2/catch.hpp>

#include "app/settings.h"
#include "support/temp_dir.h"

using namespace raekoda;
using app::read_settings;

TEST_CASE("what the dashboard remembers is read back at the next start, other keys kept",
          "[no-db]") {
  testing::TempDir dir;
  auto file = dir / "config" / "raekoda" / "settings.toml";
  std::filesystem::create_directories(file.parent_path());
  testing::write_file(file, "future_key = \"kept\"\n");
  REQUIRE(app::remember_language(file, Language::ru).empty());
  REQUIRE(app::remember_window(file, {40, 30, 1366, 768}, View::deadlines).empty());
  REQUIRE(app::remember_opened(file, "/mnt/linn/raekoda.sqlite").empty());
  REQUIRE(app::remember_opened(file, "postgresql://mari@db.linn.ee/raekoda").empty());
  REQUIRE(app::remember_opened(file, "/mnt/linn/raekoda.sqlite").empty());  // again: first

  app::Settings settings = read_settings(file);
  CHECK(settings.problem.empty());
  CHECK(settings.language == Language::ru);
  CHECK(settings.view == View::deadlines);
  REQUIRE(settings.window);
  CHECK(settings.window->x == 40);
  CHECK(settings.window->y == 30);
  CHECK(settings.window->width == 1366);
  CHECK(settings.window->height == 768);
  CHECK(settings.recent == std::vector<std::string>{"/mnt/linn/raekoda.sqlite",
                                                    "postgresql://mari@db.linn.ee/raekoda"});
  std::string text = testing::read_file(file);
  CHECK(text.find("future_key") != std::string::npos);
  CHECK(text.find("kept") != std::string::npos);

  for (int i = 0; i < 20; ++i)
    REQUIRE(app::remember_opened(file, "/tmp/proov" + std::to_string(i) + ".sqlite").empty());
  settings = read_settings(file);
  CHECK(settings.recent.size() == app::recent_kept);
  CHECK(settings.recent.front() == "/tmp/proov19.sqlite");
}

TEST_CASE("the desktop's settings are the defaults, each of the user's keys replaces one",
          "[no-db]") {
  testing::TempDir dir;
  auto system = dir / "etc-settings.toml";
  auto user = dir / "settings.toml";
  testing::write_file(system,
                      "database = \"/mnt/linn/raekoda.sqlite\"\ntheme = \"dark\"\nlanguage = "
                      "\"et\"\n");
  app::Settings settings = read_settings(user, system);  // no user file yet
  CHECK(settings.problem.empty());
  CHECK(settings.database == "/mnt/linn/raekoda.sqlite");
  CHECK(settings.theme == "dark");
  CHECK(settings.language == Language::et);

  testing::write_file(user, "language = \"ru\"\ntheme = \"light\"\n");
  settings = read_settings(user, system);
  CHECK(settings.database == "/mnt/linn/raekoda.sqlite");
  CHECK(settings.theme == "light");
  CHECK(settings.language == Language::ru);
}

TEST_CASE("values Raekoda does not take are said, and the defaults used instead", "[no-db]") {
  testing::TempDir dir;
  auto file = dir / "settings.toml";
  testing::write_file(file,
                      "theme = \"purple\"\nview = \"budget\"\n[window]\nx = 0\ny = 0\nwidth = "
                      "5\nheight = 99999\n");
  set_language(Language::en);
  app::Settings settings = read_settings(file);
  CHECK_FALSE(settings.theme);
  CHECK_FALSE(settings.view);
  CHECK_FALSE(settings.window);  // no window 5 pixels wide
  CHECK(settings.problem.find("purple") != std::string::npos);

  // A file that is not TOML at all: said, the defaults used, the file never written over.
  std::string broken = "language = \"ru\nwindow = [[[\n";
  testing::write_file(file, broken);
  settings = read_settings(file);
  CHECK_FALSE(settings.problem.empty());
  CHECK_FALSE(settings.language);
  CHECK_FALSE(app::remember_window(file, {1, 2, 800, 600}, View::media).empty());
  CHECK(testing::read_file(file) == broken);
  set_language(Language::et);
}
