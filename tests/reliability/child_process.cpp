#include "reliability/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <stdexcept>
#include <thread>

namespace raekoda::testing {

RunningChild::RunningChild(const std::vector<std::string>& argv, const ChildOptions& options)
    : options_(options), started_(std::chrono::steady_clock::now()) {
  int ends[2];
  if (pipe2(ends, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(ends[1], 1);
    dup2(ends[1], 2);
    int nothing = open("/dev/null", O_RDONLY);
    if (nothing >= 0) dup2(nothing, 0);
    for (const auto& [name, value] : options.environment) setenv(name.c_str(), value.c_str(), 1);
    if (options.file_size_limit) {
      // An ignored signal stays ignored across exec: the write fails rather than kills.
      std::signal(SIGXFSZ, SIG_IGN);
      rlimit limit{*options.file_size_limit, *options.file_size_limit};
      setrlimit(RLIMIT_FSIZE, &limit);
    }
    if (options.unprivileged && geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
      _exit(126);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(ends[1]);
  pipe_ = ends[0];
}

RunningChild::~RunningChild() {
  if (!finished_) {
    kill(SIGKILL);
    finish();
  }
  if (pipe_ >= 0) close(pipe_);
}

bool RunningChild::read_some(int timeout_ms) {
  if (pipe_ < 0) return false;
  pollfd ready{pipe_, POLLIN, 0};
  if (poll(&ready, 1, timeout_ms) <= 0) return true;  // nothing yet; it still runs
  char buffer[4096];
  ssize_t got = read(pipe_, buffer, sizeof buffer);
  if (got <= 0) {
    close(pipe_);
    pipe_ = -1;
    return false;
  }
  output_.append(buffer, static_cast<std::size_t>(got));
  return true;
}

bool RunningChild::wait_for_output(const std::string& text, std::chrono::milliseconds limit) {
  auto until = std::chrono::steady_clock::now() + limit;
  while (output_.find(text) == std::string::npos) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    until - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0 || !read_some(static_cast<int>(std::min<long long>(left, 100)))) break;
  }
  return output_.find(text) != std::string::npos;
}

void RunningChild::kill(int signal) {
  if (!finished_ && pid_ > 0) ::kill(pid_, signal);
}

ChildResult RunningChild::finish() {
  ChildResult result;
  auto until = started_ + options_.time_limit;
  int status = 0;
  // Reads while the child runs; once it is gone, only what is left in the pipe: a grandchild
  // that inherited the pipe (Xvfb's xkbcomp, say) must not keep us waiting.
  for (;;) {
    pid_t ended = waitpid(pid_, &status, WNOHANG);
    if (ended == pid_) break;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    until - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) {
      killed_by_us_ = true;
      ::kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      break;
    }
    if (pipe_ >= 0)
      read_some(static_cast<int>(std::min<long long>(left, 50)));
    else
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  finished_ = true;
  for (int i = 0; i < 1000 && pipe_ >= 0; ++i) {
    pollfd ready{pipe_, POLLIN, 0};
    if (poll(&ready, 1, 0) <= 0 || !read_some(0)) break;
  }
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  result.output = output_;
  if (killed_by_us_) {
    result.timed_out = true;
  } else if (WIFSIGNALED(status)) {
    result.signal = WTERMSIG(status);
  } else if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  }
  return result;
}

ChildResult run_child(const std::vector<std::string>& argv, const ChildOptions& options) {
  RunningChild child(argv, options);
  return child.finish();
}

}  // namespace raekoda::testing
