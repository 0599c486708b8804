#pragma once
// The check of a file before the window's first save (db/integrity_check.h), on a thread of its
// own with its own read-only connection, so that a large file does not delay the first frame.

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "db/database.h"
#include "db/integrity_check.h"

namespace raekoda::reading {

struct FileCheckOutcome {
  db::IntegrityResult result;
  // The check itself could not run (the file could not be opened, or stayed busy): nothing is
  // known of the file.
  std::optional<db::DatabaseError> error;
  // What a write is told after this outcome: nothing when the file passed.
  std::optional<db::DatabaseError> refusal() const;
  db::Database::WriteGate gate() const;
};

class FileChecker {
public:
  // Starts checking `target` at once; `done` is called from the checker's thread when the
  // outcome is ready (the window's event loop wakes on it).
  FileChecker(std::string target, std::function<void()> done);
  ~FileChecker();  // stops the check between tables and waits for the thread
  FileChecker(const FileChecker&) = delete;
  FileChecker& operator=(const FileChecker&) = delete;

  // The outcome once the check has ended; never waits.
  std::optional<FileCheckOutcome> outcome() const;
  // Waits until the check has ended, from any thread: for an import that is to write, and for
  // commands and tests that save right away.
  FileCheckOutcome wait() const;

  // A check that cannot open or read the file tries again this often before it gives up.
  static constexpr int tries = 3;

private:
  void run();

  std::string target_;
  std::function<void()> done_;
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;
  mutable std::condition_variable ended_;
  std::optional<FileCheckOutcome> outcome_;
  std::thread thread_;
};

}  // namespace raekoda::reading
