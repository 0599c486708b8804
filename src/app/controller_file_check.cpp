// The file's check before the first save: a file opened for writing is checked on a thread of
// its own (reading/file_checker.h) while the window shows its figures. Writes asked for
// meanwhile wait in line, as for a colleague's save; a damaged file is never written to.

#include "app/controller.h"
#include "app/messages.h"

namespace raekoda::app {

void Controller::start_file_check() {
  // A server keeps its own pages whole; one in memory or inside a never-committed transaction
  // (the benchmark's copy) is Raekoda's own making. A file opened read-only is never written,
  // but its reader is told when what it shows comes from a damaged file.
  if (database_.backend() != db::Backend::sqlite || database_.in_memory() ||
      database_.in_transaction())
    return;
  if (!database_.read_only()) database_.set_write_gate(db::Database::WriteGate::checking);
  file_checker_ = std::make_shared<reading::FileChecker>(database_.target(), [this] {
    if (auto wake = wake_.load()) wake();
  });
}

bool Controller::take_file_check() {
  if (!file_checker_ || file_check_applied_) return false;
  std::optional<reading::FileCheckOutcome> outcome = file_checker_->outcome();
  if (!outcome) return false;
  file_check_applied_ = true;
  std::optional<db::DatabaseError> refusal = outcome->refusal();
  if (!database_.read_only())
    database_.set_write_gate(outcome->gate(), refusal ? refusal->what() : "");
  if (!refusal) {
    // Writes that waited for the check go now; a colleague's save then has its own wait.
    if (!waiting_writes_.empty()) {
      waiting_since_ = clock_();
      retry_waiting_writes();
    }
    return true;
  }
  waiting_writes_.clear();
  session_.read_only = true;
  session_.damaged = true;
  file_damage_ = describe(*refusal);
  unsound_figures_ = file_damage_;
  warn(*file_damage_);
  return true;
}

void Controller::wait_for_file_check() {
  if (!file_checker_) return;
  file_checker_->wait();
  take_file_check();
}

}  // namespace raekoda::app
