#include "plot/line_breaks.h"

namespace raekoda::plot {
namespace {

// A figure or a part of one: digits and the signs written with them ("7", "95 %", "5 / 9",
// "−3", "05.12.2026", "(633").
bool is_figure(std::string_view word) {
  if (word.empty()) return false;
  for (char c : word) {
    auto byte = static_cast<unsigned char>(c);
    bool digit = c >= '0' && c <= '9';
    bool sign = std::string_view("%/.,:;+-()·–—−").find(c) != std::string_view::npos;
    if (!digit && !sign && byte < 0x80) return false;
    // Multi-byte: only the dashes, the minus and the middle dot count as signs.
    if (byte >= 0x80 && !sign) return false;
  }
  return true;
}

// Words joined where no line may break: before a figure and after it (a number stays with the
// word before it and the noun it counts: "последние 30 дней"), and after a lone sign ("/").
std::vector<std::string> unbreakable_runs(std::string_view line) {
  std::vector<std::string> runs;
  bool after_figure = false;
  std::size_t start = 0;
  while (start <= line.size()) {
    std::size_t end = line.find(' ', start);
    if (end == std::string_view::npos) end = line.size();
    std::string_view word = line.substr(start, end - start);
    if (!word.empty()) {
      bool figure = is_figure(word);
      bool joins = !runs.empty() && (figure || after_figure || runs.back().ends_with(" /") ||
                                     runs.back() == "/" || runs.back().ends_with("—"));
      if (joins)
        runs.back() += " " + std::string(word);
      else
        runs.emplace_back(word);
      after_figure = figure;
    }
    start = end + 1;
  }
  return runs;
}

}  // namespace

std::vector<std::string> break_lines(std::string_view text, float max_width,
                                     const MeasureText& measure) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line;
    for (const std::string& run : unbreakable_runs(text.substr(start, end - start))) {
      std::string longer = line.empty() ? run : line + " " + run;
      if (!line.empty() && measure(longer) > max_width) {
        lines.push_back(std::move(line));
        line = run;
      } else {
        line = std::move(longer);
      }
    }
    lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

}  // namespace raekoda::plot
