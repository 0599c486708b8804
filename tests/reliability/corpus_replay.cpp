// Replays a corpus through a fuzzer's own entry point in the normal build, without libFuzzer:
// compiled once with fuzz/csv_fuzzer.cpp and once with fuzz/xlsx_fuzzer.cpp.
//   reliability_replay_csv|xlsx [--seeds] FOLDER...
// Each file runs in a child process of its own, so that a crash is counted and named rather than
// ending the replay. Beside the entry point, a whole file (every CSV input; an XLSX input whose
// first byte is 0) is read once more to tell its outcome: rows, or a refusal with a reason. With
// --seeds every such input must give rows: seeds are sound files. Exits 1 on any crash, hang or
// outcome without rows or reason.

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_limits.h"
#include "import/row_reader.h"
#include "reliability/tally.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

#ifdef RELIABILITY_REPLAY_XLSX
constexpr bool workbook = true;
constexpr const char* kind = "xlsx";
#else
constexpr bool workbook = false;
constexpr const char* kind = "csv";
#endif

enum Outcome { rows = 10, refused = 11, no_reason = 12, not_a_whole_file = 13, bad_entry = 14 };

// Runs in the child: the entry point, then the outcome of reading the whole file.
int replay(const std::string& bytes) {
  if (LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()) !=
      0)
    return bad_entry;
  std::string file = bytes;
  if (workbook) {
    if (bytes.empty() || bytes[0] % 4 != 0) return not_a_whole_file;
    file = bytes.substr(1);
  }
  try {
    auto reader =
        raekoda::import::open_rows_in_memory(std::move(file), {}, raekoda::fuzz::small_limits());
    raekoda::import::RawRow row;
    long count = 0;
    while (reader->next(row)) ++count;
    return count > 0 ? rows : refused;
  } catch (const raekoda::import::ReadError& error) {
    return std::string(error.what()).empty() ? no_reason : refused;
  }
}

std::string bytes_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

int main(int argc, char** argv) {
  bool seeds = false;
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--seeds") {
      seeds = true;
      continue;
    }
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(arg, error))
      if (entry.is_regular_file()) files.push_back(entry.path());
    if (error) std::cerr << "replay: cannot read " << arg << ": " << error.message() << "\n";
  }
  std::sort(files.begin(), files.end());
  long counts[5] = {0, 0, 0, 0, 0};
  long crashes = 0;
  long unclear = 0;
  for (const auto& file : files) {
    const std::string bytes = bytes_of(file);
    pid_t child = fork();
    if (child == 0) {
      alarm(20);  // a hang ends as SIGALRM: counted with the crashes
      _exit(replay(bytes));
    }
    int status = 0;
    waitpid(child, &status, 0);
    if (WIFSIGNALED(status) || !WIFEXITED(status)) {
      ++crashes;
      std::cerr << "replay: " << file.string() << " crashed the " << kind << " reader (signal "
                << (WIFSIGNALED(status) ? WTERMSIG(status) : 0) << ")\n";
      continue;
    }
    const int outcome = WEXITSTATUS(status);
    if (outcome < rows || outcome > bad_entry) {
      ++crashes;  // an exit of its own: something in the reader called exit()
      continue;
    }
    ++counts[outcome - rows];
    const bool clear =
        outcome == rows || outcome == not_a_whole_file || (outcome == refused && !seeds);
    if (!clear) {
      ++unclear;
      std::cerr << "replay: " << file.string() << ": "
                << (outcome == refused     ? "a seed was refused"
                    : outcome == no_reason ? "refused without a reason"
                                           : "the entry point failed")
                << "\n";
    }
  }
  std::cout << "replay (" << kind << "): " << files.size() << " inputs, " << counts[0]
            << " read with rows, " << counts[1] << " refused with a reason, " << counts[3]
            << " parts inside a sound workbook, " << crashes << " crashes or hangs, " << unclear
            << " unclear\n";
  raekoda::testing::CaseFigures figures(std::string("8 fuzz corpus replay (") + kind +
                                        (seeds ? ", seeds)" : ")"));
  figures.runs = static_cast<long>(files.size());
  figures.crashes = crashes;
  figures.false_successes = unclear;
  figures.note = std::to_string(counts[0]) + " read with rows, " + std::to_string(counts[1]) +
                 " refused with a reason";
  raekoda::testing::record(figures);
  return files.empty() || crashes > 0 || unclear > 0 ? 1 : 0;
}
