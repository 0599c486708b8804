#pragma once
// The suite's figures. ctest runs each case in a process of its own, so every case appends its
// line to a file in the folder RAEKODA_RELIABILITY_TALLY names, and reliability_summary prints
// the table over them at the end; each line is printed as it is recorded too.

#include <string>
#include <utility>

namespace raekoda::testing {

struct CaseFigures {
  explicit CaseFigures(std::string case_name) : name(std::move(case_name)) {}

  std::string name;
  long runs = 0;             // commands, processes or inputs run
  long crashes = 0;          // ended by a signal we did not send, or hung
  long lost_rows = 0;        // saves or rows committed and then missing
  long false_successes = 0;  // exit 0 (or "saved") while what it wrote is broken or absent
  std::string note;          // e.g. "CI variant 2 × 200"
};

void record(const CaseFigures& figures);

// True when RAEKODA_RELIABILITY_LONG is set: scripts/reliability --long.
bool long_variant();

}  // namespace raekoda::testing
