// Processes saving the same rows at once through db::update_record, each adding 1 to a counter
// it reads, changes and writes back with the version check, re-reading on a conflict: no update
// may be lost. The control does the same without the version check and must lose some, or the
// test could not see a loss at all.

#include <catch2/catch.hpp>

#include <iostream>
#include <memory>

#include "reliability/reliability_support.h"
#include "reliability/tally.h"

using namespace raekoda::testing;
namespace fs = std::filesystem;

namespace {

constexpr int rows = 3;

struct Run {
  long expected = 0;
  long counted = 0;   // the counters' sum at the end
  long versions = 0;  // the rows' versions past 1, summed
  long audited = 0;   // audit rows of the title
  long crashes = 0;
  long failed = 0;  // a saver that gave up with an error
  std::string said;
};

Run saves(int processes, long each, const std::string& mode) {
  TempDir dir;
  auto file = dir / "shared.sqlite";
  make_small_file(file, rows);
  std::vector<std::unique_ptr<RunningChild>> savers;
  ChildOptions options;
  options.time_limit = std::chrono::minutes(5);
  for (int p = 0; p < processes; ++p)
    savers.push_back(
        std::make_unique<RunningChild>(saver({"count", file.string(), std::to_string(each), mode,
                                              std::to_string(rows), std::to_string(p)}),
                                       options));
  Run run;
  run.expected = processes * each;
  for (auto& saver : savers) {
    ChildResult result = saver->finish();
    run.said += result.output;
    if (!result.exited())
      ++run.crashes;
    else if (result.exit_code != 0)
      ++run.failed;
  }
  run.counted = query_number(file, "SELECT sum(CAST(title AS INTEGER)) FROM documents");
  run.versions = query_number(file, "SELECT sum(version - 1) FROM documents");
  run.audited = query_number(
      file, "SELECT count(*) FROM audit_log WHERE table_name = 'documents' AND field = 'title'");
  CHECK(integrity(file) == "ok");
  return run;
}

}  // namespace

TEST_CASE("optimistic saves from several processes on the same rows lose no update") {
  std::vector<std::pair<int, long>> variants = {{2, 200}};
  std::string note = "CI variant 2 × 200";
  if (long_variant()) {
    variants = {{2, 1000}, {4, 1000}};
    note = "long variant 2 × 1000 and 4 × 1000";
  }
  CaseFigures figures("5a optimistic saves, several processes, same 3 rows");
  long conflicts_seen = 0;
  for (const auto& [processes, each] : variants) {
    INFO(processes << " × " << each);
    Run run = saves(processes, each, "versioned");
    INFO(run.said);
    CHECK(run.crashes == 0);
    CHECK(run.failed == 0);
    CHECK(run.counted == run.expected);
    CHECK(run.versions == run.expected);
    CHECK(run.audited == run.expected);
    figures.runs += processes;
    figures.crashes += run.crashes;
    figures.lost_rows += std::max(0L, run.expected - run.counted);
    // A save that said "saved" and is not in the counter, or not audited, was a false success.
    figures.false_successes += std::max(0L, run.expected - std::min(run.counted, run.audited));
    for (std::size_t at = run.said.find("conflicts="); at != std::string::npos;
         at = run.said.find("conflicts=", at + 1))
      conflicts_seen += std::atol(run.said.c_str() + at + 10);
  }
  figures.note = note + ", " + std::to_string(conflicts_seen) + " conflicts re-read and retried";
  std::cout << "optimistic saves: " << note << std::endl;
  record(figures);
}

TEST_CASE("the control without the version check does lose updates, so a loss would be seen") {
  const long each = long_variant() ? 1000 : 200;
  Run run = saves(2, each, "raw");
  INFO(run.said);
  CHECK(run.crashes == 0);
  CHECK(run.failed == 0);
  INFO("counted " << run.counted << " of " << run.expected);
  CHECK(run.counted < run.expected);
  CaseFigures figures("5b control: raw UPDATE of a value read earlier (must lose)");
  figures.runs = 2;
  figures.crashes = run.crashes;
  figures.note = std::string(long_variant() ? "2 × 1000" : "CI variant 2 × 200") + ": " +
                 std::to_string(run.expected - run.counted) +
                 " updates lost, as expected without the version check (not counted as lost)";
  std::cout << "control: " << figures.note << std::endl;
  record(figures);
}
