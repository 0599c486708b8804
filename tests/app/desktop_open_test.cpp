#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "app/desktop_open.h"
#include "support/temp_dir.h"

using namespace raekoda;

TEST_CASE("a mailto address carries its subject and body percent-encoded", "[no-db]") {
  std::string uri =
      app::mailto_uri("mari.maasikas@linn.ee", "Vastamata: 2 dokumenti", "Tere!\nÕun & Žukov");
  CHECK(uri ==
        "mailto:mari.maasikas@linn.ee?subject=Vastamata%3A%202%20dokumenti"
        "&body=Tere%21%0D%0A%C3%95un%20%26%20%C5%BDukov");
}

TEST_CASE("an address goes to the desktop's opener, which is not waited for", "[no-db]") {
  testing::TempDir dir;
  auto seen = dir.path() / "seen.txt";
  auto opener = dir.path() / "opener";
  {
    std::ofstream script(opener);
    script << "#!/bin/sh\nprintf '%s' \"$1\" > '" << seen.string() << "'\n";
  }
  std::filesystem::permissions(opener, std::filesystem::perms::owner_all);
  setenv("RAEKODA_OPENER", opener.c_str(), 1);
  REQUIRE(app::open_with_desktop("https://www.err.ee/1609"));
  std::string text;
  for (int i = 0; i < 200 && text.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::ifstream in(seen);
    std::stringstream read;
    read << in.rdbuf();
    text = read.str();
  }
  CHECK(text == "https://www.err.ee/1609");

  setenv("RAEKODA_OPENER", (dir.path() / "no-such-program").c_str(), 1);
  CHECK_FALSE(app::open_with_desktop("https://www.err.ee/1609"));
  unsetenv("RAEKODA_OPENER");
}
