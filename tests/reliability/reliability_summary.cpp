// Prints the suite's table from the lines its cases recorded (tally.h): reliability_summary
// FOLDER. Exits 1 when no case recorded anything, so a summary of nothing is not taken for one
// of a clean run.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Line {
  std::string name;
  long figures[4] = {0, 0, 0, 0};
  std::string note;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: reliability_summary FOLDER\n";
    return 2;
  }
  std::vector<Line> lines;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(argv[1], error)) {
    if (entry.path().extension() != ".tsv") continue;
    std::ifstream in(entry.path());
    std::string text;
    while (std::getline(in, text)) {
      std::istringstream fields(text);
      Line line;
      std::string number;
      std::getline(fields, line.name, '\t');
      for (long& figure : line.figures) {
        std::getline(fields, number, '\t');
        figure = std::atol(number.c_str());
      }
      std::getline(fields, line.note);
      lines.push_back(line);
    }
  }
  std::sort(lines.begin(), lines.end(),
            [](const Line& a, const Line& b) { return a.name < b.name; });
  long totals[4] = {0, 0, 0, 0};
  std::size_t width = 5;
  for (const Line& line : lines) width = std::max(width, line.name.size());
  width = std::min<std::size_t>(width, 72);
  auto row = [&](const std::string& name, const long* figures, const std::string& note) {
    std::cout << std::left << std::setw(static_cast<int>(width)) << name.substr(0, width);
    for (int i = 0; i < 4; ++i) std::cout << std::right << std::setw(9) << figures[i];
    std::cout << (note.empty() ? "" : "  " + note) << '\n';
  };
  std::cout << "\nReliability suite\n"
            << std::left << std::setw(static_cast<int>(width)) << "case" << std::right
            << std::setw(9) << "runs" << std::setw(9) << "crashes" << std::setw(9) << "lost"
            << std::setw(9) << "false+" << '\n';
  for (const Line& line : lines) {
    row(line.name, line.figures, line.note);
    for (int i = 0; i < 4; ++i) totals[i] += line.figures[i];
  }
  row(std::to_string(lines.size()) + " cases", totals, "");
  std::cout << "(lost: lost rows or saves; false+: exit 0 or \"saved\" with a broken or missing "
               "result)\n";
  return lines.empty() ? 1 : 0;
}
