// A tile's words broken into lines: at spaces only, a figure kept with what it counts.

#include <catch2/catch.hpp>

#include "plot/line_breaks.h"

using namespace raekoda::plot;

namespace {

// Every character (byte) ten pixels wide.
float ten_a_byte(std::string_view text) {
  return static_cast<float>(text.size()) * 10;
}

std::vector<std::string> lines(std::string_view text, float width) {
  return break_lines(text, width, ten_a_byte);
}

}  // namespace

TEST_CASE("lines break at spaces, as many words on each as fit") {
  CHECK(lines("one two three four", 90) == std::vector<std::string>{"one two", "three", "four"});
  CHECK(lines("one two three four", 1000) == std::vector<std::string>{"one two three four"});
  CHECK(lines("", 100) == std::vector<std::string>{""});
  CHECK(lines("first\nsecond", 1000) == std::vector<std::string>{"first", "second"});
}

TEST_CASE("a date is never broken, and a figure never starts a line on its own") {
  // Dear ImGui would break "due by 05.12." and "2026" apart at the full stop; here the date
  // keeps to one line at every width.
  for (float width : {100.0f, 140.0f, 200.0f, 300.0f})
    for (const auto& line : lines("Planned or in progress, due by 05.12.2026", width)) {
      INFO(width << ": " << line);
      CHECK((line.find("05.12") == std::string::npos ||
             line.find("05.12.2026") != std::string::npos));
    }
  // A count keeps its noun: "30 days" is never split.
  CHECK(lines("Coverage in the last 30 days", 230) ==
        std::vector<std::string>{"Coverage in the", "last 30 days"});
  // "…: 7" moves down with its words rather than stand alone.
  CHECK(lines("Total active accounts: 379", 230) ==
        std::vector<std::string>{"Total active", "accounts: 379"});
  // "5 / 9" stays one, with the word before it.
  CHECK(lines("Same days last week: 5 / 9", 200) ==
        std::vector<std::string>{"Same days last", "week: 5 / 9"});
  // A word wider than the line takes a line of its own instead of vanishing.
  CHECK(lines("a Rahvusringhäälingu b", 60) ==
        std::vector<std::string>{"a", "Rahvusringhäälingu", "b"});
}
