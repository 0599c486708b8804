// What Raekoda keeps for the user, saved onto a full disk: the earlier file stays as it was.
#include <catch2/catch.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/settings.h"
#include "core/file_size_limit.h"
#include "core/i18n.h"
#include "import/mapping.h"
#include "support/temp_dir.h"

using namespace raekoda;

TEST_CASE("a preset saved onto a full disk is refused and the earlier preset stays", "[no-db]") {
  set_language(Language::et);
  testing::TempDir dir;
  std::filesystem::path folder = dir / "import-presets";
  import::Preset preset;
  preset.name = "Delta kohandatud";
  preset.columns = {{"Reg nr", "reg_number"}, {"Pealkiri", "title"}, {"Saatja", "sender"}};
  import::save_user_preset(folder, preset);
  std::filesystem::path file = folder / "Delta kohandatud.json";
  std::string earlier = testing::read_file(file);
  REQUIRE(earlier.size() > 64);

  preset.columns.emplace("Tähtaeg", "due_on");
  std::string refusal;
  {
    testing::FileSizeLimit full(64);
    try {
      import::save_user_preset(folder, preset);
    } catch (const std::runtime_error& problem) {
      refusal = problem.what();
    }
  }
  CHECK(refusal == trf("import.preset.cannot_save", file.string(), tr("file.error.too_large")));
  CHECK(testing::read_file(file) == earlier);
  CHECK(testing::names_in(folder) == std::vector<std::string>{"Delta kohandatud.json"});
}

TEST_CASE("a language that cannot be remembered leaves the settings file as it was", "[no-db]") {
  set_language(Language::et);
  testing::TempDir dir;
  std::filesystem::path file = dir / "settings.toml";
  REQUIRE(app::remember_language(file, Language::et).empty());
  std::string earlier = testing::read_file(file);
  REQUIRE(earlier.find("et") != std::string::npos);
  std::string problem;
  {
    testing::FileSizeLimit full(4);
    problem = app::remember_language(file, Language::ru);
  }
  CHECK(problem == trf("error.settings.unwritable", file.string()));
  CHECK(testing::read_file(file) == earlier);
  CHECK(testing::names_in(dir.path()) == std::vector<std::string>{"settings.toml"});
  // With room, the choice is kept.
  CHECK(app::remember_language(file, Language::ru).empty());
  CHECK(testing::read_file(file).find("ru") != std::string::npos);
}
