#pragma once
// A full disk for the length of a test, in this process: writes past `bytes` into any file fail
// with EFBIG, as they would with ENOSPC on a disk that is full, and SIGXFSZ is ignored so that
// the write reports the failure rather than killing the test. No tmpfs or root needed.

#include <sys/resource.h>
#include <algorithm>
#include <csignal>
#include <filesystem>
#include <string>
#include <vector>

#include "support/temp_dir.h"

namespace raekoda::testing {

class FileSizeLimit {
public:
  explicit FileSizeLimit(rlim_t bytes) {
    getrlimit(RLIMIT_FSIZE, &saved_);
    ignored_ = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = saved_;
    limited.rlim_cur = bytes;
    setrlimit(RLIMIT_FSIZE, &limited);
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &saved_);
    std::signal(SIGXFSZ, ignored_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
  rlimit saved_{};
  void (*ignored_)(int) = SIG_DFL;
};

// The same for a child process: a script that runs its arguments with writes capped at
// `kilobytes`, for `run_command(script + " raekoda ...")`.
inline std::string size_limited_runner(const TempDir& dir, int kilobytes) {
  std::filesystem::path script = dir / "size-limited.sh";
  write_file(script, "#!/bin/sh\ntrap '' XFSZ\nulimit -f " + std::to_string(kilobytes * 2) +
                         "\nexec \"$@\"\n");
  std::filesystem::permissions(script, std::filesystem::perms::owner_all);
  return "'" + script.string() + "' ";
}

// The names in a folder, hidden ones too: what a failed write may have left behind.
inline std::vector<std::string> names_in(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace raekoda::testing
