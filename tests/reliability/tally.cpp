#include "reliability/tally.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace raekoda::testing {
namespace {

std::string one_field(std::string text) {
  for (char& c : text)
    if (c == '\t' || c == '\n') c = ' ';
  return text;
}

}  // namespace

void record(const CaseFigures& figures) {
  std::cout << "reliability: " << figures.name << ": " << figures.runs << " runs, "
            << figures.crashes << " crashes, " << figures.lost_rows << " lost rows, "
            << figures.false_successes << " false successes"
            << (figures.note.empty() ? "" : " (" + figures.note + ")") << std::endl;
  const char* folder = std::getenv("RAEKODA_RELIABILITY_TALLY");
  if (!folder || !*folder) return;
  std::filesystem::create_directories(folder);
  std::ofstream out(std::filesystem::path(folder) / ("tally-" + std::to_string(getpid()) + ".tsv"),
                    std::ios::app);
  out << one_field(figures.name) << '\t' << figures.runs << '\t' << figures.crashes << '\t'
      << figures.lost_rows << '\t' << figures.false_successes << '\t' << one_field(figures.note)
      << '\n';
}

bool long_variant() {
  const char* value = std::getenv("RAEKODA_RELIABILITY_LONG");
  return value && *value && std::string(value) != "0";
}

}  // namespace raekoda::testing
