#pragma once
// A program run as a child process the way the suite needs it: its exit told apart from a signal
// (a crash) and from a hang (a time limit), optionally as an unprivileged user or with a cap on
// the size of every file it writes (a full disk), and, for kill -9 and locks, while it runs.

#include <sys/resource.h>
#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace raekoda::testing {

struct ChildOptions {
  std::chrono::milliseconds time_limit{60000};
  // Drops root's rights before exec (uid and gid 65534, "nobody"): CI runs as root, which no
  // permission stops.
  bool unprivileged = false;
  // RLIMIT_FSIZE in bytes, with SIGXFSZ ignored: writes past it fail with EFBIG as on a full disk.
  std::optional<rlim_t> file_size_limit;
  std::vector<std::pair<std::string, std::string>> environment;  // set in the child
};

struct ChildResult {
  int exit_code = -1;  // when it exited
  int signal = 0;      // when a signal ended it (other than our own kill after the time limit)
  bool timed_out = false;
  std::string output;  // stdout and stderr together
  double seconds = 0;

  bool exited() const { return signal == 0 && !timed_out; }
  bool crashed() const { return signal != 0; }
};

class RunningChild {
public:
  RunningChild(const std::vector<std::string>& argv, const ChildOptions& options = {});
  ~RunningChild();
  RunningChild(const RunningChild&) = delete;
  RunningChild& operator=(const RunningChild&) = delete;

  pid_t pid() const { return pid_; }
  const std::string& output() const { return output_; }
  // True once its output has ended: it exited (or closed it).
  bool finished() const { return pipe_ < 0; }
  // Reads its output until it contains `text`; false when it ended or the time ran out first.
  bool wait_for_output(const std::string& text, std::chrono::milliseconds limit);
  void kill(int signal);
  // Waits for it to end (killing it at the time limit) and says how.
  ChildResult finish();

private:
  bool read_some(int timeout_ms);

  pid_t pid_ = -1;
  int pipe_ = -1;
  bool finished_ = false;
  bool killed_by_us_ = false;
  ChildOptions options_;
  std::chrono::steady_clock::time_point started_;
  std::string output_;
};

ChildResult run_child(const std::vector<std::string>& argv, const ChildOptions& options = {});

}  // namespace raekoda::testing
