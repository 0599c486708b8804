#pragma once
// Runs the real raekoda executable and captures what it says.

#include <sys/wait.h>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>

namespace raekoda::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

inline CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  while (std::size_t read = fread(buffer, 1, sizeof buffer, pipe))
    result.output.append(buffer, read);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// How many lines a command printed.
inline int line_count(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

// For the shell: a quote inside closes the quoting, adds itself escaped and opens it again, so
// an SQL statement's own quotes reach the program.
inline std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// A year of demo data ending on 22.11.2026, written by the executable itself; true on success.
inline bool write_demo_database(const std::string& executable, const std::filesystem::path& path) {
  return run_command(executable + " demo-data --years 1 --until 2026-11-22 --db " +
                     quoted(path.string()))
             .exit_code == 0;
}

}  // namespace raekoda::testing
