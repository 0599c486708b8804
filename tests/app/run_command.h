#pragma once
// Runs the real raekoda executable and captures what it says.

#include <sys/wait.h>
#include <cstdio>
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

inline std::string quoted(const std::string& text) {
  return "'" + text + "'";
}

}  // namespace raekoda::testing
