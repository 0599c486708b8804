#pragma once
// A fresh folder per test, removed afterwards.

#include <filesystem>
#include <functional>
#include <string>

namespace raekoda::testing {

class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
  std::filesystem::path path_;
};

// The bytes of a file, to prove that a failed open wrote nothing.
std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& bytes);

// Runs `check` in a child process without root's right to write anything, as an ordinary user of
// a read-only share would be (CI runs as root). Returns the child's exit code.
int as_unprivileged_user(const std::function<int()>& check);

// Runs `work` in a child process, as a colleague's Raekoda would; returns its exit code.
int in_other_process(const std::function<int()>& work);

}  // namespace raekoda::testing
