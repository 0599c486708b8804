#include "reading/file_checker.h"

#include "reading/background_work.h"

#include <chrono>

namespace raekoda::reading {

std::optional<db::DatabaseError> FileCheckOutcome::refusal() const {
  if (error) return db::DatabaseError(db::ErrorKind::not_checked, error->what());
  if (!result.whole) return db::damage_of(result);
  return std::nullopt;
}

db::Database::WriteGate FileCheckOutcome::gate() const {
  if (error) return db::Database::WriteGate::not_checked;
  if (!result.whole) return db::Database::WriteGate::damaged;
  return db::Database::WriteGate::open;
}

FileChecker::FileChecker(std::string target, std::function<void()> done)
    : target_(std::move(target)), done_(std::move(done)), thread_([this] { run(); }) {}

FileChecker::~FileChecker() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

void FileChecker::run() {
  give_way_to_the_window();
  FileCheckOutcome outcome;
  for (int attempt = 1; attempt <= tries && !stop_; ++attempt) {
    outcome = {};
    try {
      db::Database db = db::Database::open(target_, db::OpenMode::reader);
      outcome.result = db::check_integrity(db, &stop_);
      break;
    } catch (const db::DatabaseError& error) {
      // Pages SQLite cannot read, met while opening: that is damage, not a check that failed.
      if (error.kind() == db::ErrorKind::not_a_database) {
        outcome.result = {false, false, "", error.what()};
        break;
      }
      outcome.error = error;
    }
    if (attempt < tries) std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  {
    std::lock_guard lock(mutex_);
    outcome_ = std::move(outcome);
  }
  ended_.notify_all();
  if (done_) done_();
}

std::optional<FileCheckOutcome> FileChecker::outcome() const {
  std::lock_guard lock(mutex_);
  return outcome_;
}

FileCheckOutcome FileChecker::wait() const {
  std::unique_lock lock(mutex_);
  ended_.wait(lock, [this] { return outcome_.has_value(); });
  return *outcome_;
}

}  // namespace raekoda::reading
