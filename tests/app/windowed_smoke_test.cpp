#include <catch2/catch.hpp>

#include <stb_image.h>

#include <fstream>
#include <set>

#include "app/run_command.h"
#include "db/database.h"
#include "support/temp_dir.h"

using namespace raekoda::testing;

namespace {

const std::string executable = RAEKODA_EXECUTABLE;
const std::string xvfb = std::string(HEADLESS_DISPLAY) + " ";

struct Image {
  int width = 0, height = 0;
  std::set<unsigned> colours;  // distinct RGB values, sampled
  double mean_brightness = 0;  // 0..255
};

Image load(const std::filesystem::path& path) {
  Image image;
  int channels = 0;
  unsigned char* pixels = stbi_load(path.c_str(), &image.width, &image.height, &channels, 3);
  REQUIRE(pixels);
  double sum = 0;
  int samples = 0;
  for (int i = 0; i < image.width * image.height; i += 7) {
    const unsigned char* p = pixels + static_cast<std::ptrdiff_t>(i) * 3;
    sum += (p[0] + p[1] + p[2]) / 3.0;
    ++samples;
    image.colours.insert(static_cast<unsigned>(p[0]) << 16 | static_cast<unsigned>(p[1]) << 8 |
                         p[2]);
  }
  image.mean_brightness = samples ? sum / samples : 0;
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

TEST_CASE("the chart gallery renders in a real window in the light and the dark theme") {
  TempDir dir;
  double brightness[2] = {0, 0};
  int i = 0;
  for (const char* theme : {"light", "dark"}) {
    INFO(theme);
    auto png = dir / (std::string(theme) + ".png");
    auto result = run_command(xvfb + executable + " screenshot --view gallery --theme " + theme +
                              " --out " + quoted(png.string()));
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    Image image = load(png);
    CHECK(image.width == 1600);
    CHECK(image.height == 1250);
    CHECK(image.colours.size() > 200);
    brightness[i++] = image.mean_brightness;
  }
  CHECK(brightness[0] > 200);
  CHECK(brightness[1] < 80);
}

TEST_CASE("a screenshot can click through to a record's editor first, as a user would") {
  TempDir dir;
  auto db = dir / "demo.sqlite";
  REQUIRE(write_demo_database(executable, db));
  auto plain = dir / "overview.png";
  auto editor = dir / "editor.png";
  std::string common = xvfb + executable + " screenshot --today 2026-11-22 --size 1280x800 --db " +
                       quoted(db.string());
  REQUIRE(run_command(common + " --out " + quoted(plain.string())).exit_code == 0);
  auto result = run_command(common + " --step click:tile.deadlines --step click:records.row.0" +
                            " --step click:edit.answered_on --step type:31.02.2026 --out " +
                            quoted(editor.string()));
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  // The editor panel covers the right part of the window: that half differs from the overview.
  Image before = load(plain);
  Image after = load(editor);
  CHECK(after.width == 1280);
  CHECK(after.mean_brightness != Approx(before.mean_brightness).epsilon(0.001));

  auto missing = run_command(common + " --step click:no.such.control --out " +
                             quoted((dir / "missing.png").string()));
  CHECK(missing.exit_code == 1);
  CHECK(missing.output.find("no.such.control") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "missing.png"));

  auto malformed = run_command(common + " --step jump:somewhere --out " +
                               quoted((dir / "malformed.png").string()));
  CHECK(malformed.exit_code == 1);
  CHECK(malformed.output.find("jump:somewhere") != std::string::npos);
}

TEST_CASE("a screenshot reaches the import preview of a typed path, and the import after it") {
  TempDir dir;
  auto db = dir / "demo.sqlite";
  REQUIRE(write_demo_database(executable, db));
  // A register export with one impossible date; names invented.
  auto csv = dir / "register.csv";
  {
    std::ofstream out(csv, std::ios::binary);
    out << "\xEF\xBB\xBFViit;Reg kpv;Pealkiri;Liik;Vastutaja;Tähtaeg\r\n"
           "7-1/2026/201;02.11.2026;Teabenõue pargi kohta;Teabenõue;Peeter Pärn;09.11.2026\r\n"
           "7-1/2026/202;31.02.2026;Kiri teede kohta;Kiri;Peeter Pärn;\r\n";
  }
  // As the demo city's secretary: documents are hers to import.
  std::string secretary;
  {
    auto demo = raekoda::db::Database::open(db, raekoda::db::OpenMode::existing);
    auto select = demo.prepare(
        "SELECT p.login FROM people p JOIN person_roles r ON r.person_id = p.id "
        "WHERE r.role = 'city_secretary'");
    REQUIRE(select.step());
    secretary = select.text(0);
  }
  std::string common = "XDG_CONFIG_HOME=" + quoted((dir / "config").string()) + " " + xvfb +
                       executable + " screenshot --today 2026-11-22 --db " + quoted(db.string()) +
                       " --as " + secretary + " --view overview --step click:topbar.import";
  auto empty = dir / "import-empty.png";
  auto preview = dir / "import-preview.png";
  auto imported = dir / "import-done.png";
  REQUIRE(run_command(common + " --out " + quoted(empty.string())).exit_code == 0);
  auto result = run_command(common + " --step click:import.path --step type:" + csv.string() +
                            " --step key:Enter --step click:import.tab.refused --out " +
                            quoted(preview.string()));
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  Image before = load(empty);
  Image after = load(preview);
  CHECK(after.width == 1600);
  CHECK(after.colours.size() > 50);
  // The preview's mapping, rows and tabs fill what was an empty panel.
  CHECK(after.mean_brightness != Approx(before.mean_brightness).epsilon(0.001));

  auto run =
      run_command(common + " --step click:import.path --step type:" + csv.string() +
                  " --step key:Enter --step click:import.run --out " + quoted(imported.string()));
  INFO(run.output);
  CHECK(run.exit_code == 0);
  CHECK(std::filesystem::exists(imported));
  auto written = raekoda::db::Database::open(db, raekoda::db::OpenMode::existing);
  CHECK(written.query_integer("SELECT COUNT(*) FROM documents WHERE reg_number = ?", 0,
                              std::string("7-1/2026/201")) == 1);
  // The audit log names her beside the operating-system user.
  CHECK(
      written.query_integer("SELECT count(*) FROM audit_log a JOIN people p ON p.id = a.person_id "
                            "WHERE p.login = ? AND a.table_name = 'documents'",
                            0, secretary) > 0);
}
