#pragma once
// A program in place of xdg-open that writes down what it was asked to open, so that a test sees
// the address a click would have handed to the browser or the mail program.

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "support/temp_dir.h"

namespace raekoda::testing {

struct FakeOpener {
  TempDir dir;
  std::filesystem::path seen = dir / "seen.txt";
  FakeOpener() {
    auto program = dir / "opener";
    std::ofstream script(program);
    script << "#!/bin/sh\nprintf '%s' \"$1\" > '" << seen.string() << "'\n";
    script.close();
    std::filesystem::permissions(program, std::filesystem::perms::owner_all);
    setenv("RAEKODA_OPENER", program.c_str(), 1);
  }
  ~FakeOpener() { unsetenv("RAEKODA_OPENER"); }
  FakeOpener(const FakeOpener&) = delete;
  FakeOpener& operator=(const FakeOpener&) = delete;
  // What was opened, waited for up to 3 s since the opener runs apart; empty if nothing.
  std::string opened() const {
    for (int i = 0; i < 300; ++i) {
      std::ifstream in(seen);
      std::stringstream text;
      text << in.rdbuf();
      if (!text.str().empty()) return text.str();
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return {};
  }
};

}  // namespace raekoda::testing
