// The notice line and the writes behind it: news that goes after a few seconds, problems that
// stay until put away, both gone when the user moves on; the Undo of a one-click step; a write
// that waits for a colleague's save while the window keeps drawing, and can be cancelled.

#include <cmath>

#include "app/controller.h"
#include "app/messages.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "db/change_undo.h"

namespace raekoda::app {
namespace {

std::chrono::steady_clock::duration seconds(double count) {
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::duration<double>(count));
}

double seconds_between(std::chrono::steady_clock::time_point from,
                       std::chrono::steady_clock::time_point until) {
  return std::chrono::duration<double>(until - from).count();
}

}  // namespace

void Controller::show_notice(std::string message, bool problem) {
  session_.notice = std::move(message);
  session_.notice_is_problem = problem;
  session_.notice_offers_undo = false;
  session_.notice_is_waiting = false;
  session_.notice_detail.clear();
  notice_is_busy_read_ = false;
  undoable_change_.reset();
  notice_fresh_ = true;
  if (problem || session_.notice.empty())
    notice_until_.reset();
  else
    notice_until_ = clock_() + seconds(news_seconds);
  redraw_ = true;
}

void Controller::warn(const DatabaseMessage& message) {
  show_notice(message, true);
  session_.notice_detail = message.detail;
  if (message.kind != db::ErrorKind::busy) return;
  if (trying_write_) {
    write_found_busy_ = true;
  } else {
    notice_is_busy_read_ = true;
    busy_read_at_ = updates_taken_;
  }
}

Controller::Screen Controller::screen() const {
  return {ui_.view, ui_.table ? ui_.table->query.spec : nullptr, ui_.editor.has_value(),
          ui_.import.has_value(), ui_.media_review};
}

void Controller::follow_the_user() {
  Screen now = screen();
  bool moved = now != shown_screen_;
  shown_screen_ = now;
  if (moved) ui_.row_holds.clear();
  // A read the busy file refused was followed by one that went through: the file is free again.
  if (notice_is_busy_read_ && updates_taken_ > busy_read_at_ && waiting_writes_.empty())
    show_notice({}, false);
  // A notice said in this frame belongs to what the user sees next.
  if (notice_fresh_) {
    notice_fresh_ = false;
    return;
  }
  if (moved && waiting_writes_.empty() && !session_.notice.empty()) show_notice({}, false);
}

bool Controller::tick() {
  auto now = clock_();
  bool changed = take_file_check();
  if (!waiting_writes_.empty() && now >= next_write_try_) {
    // While the file is checked nothing is tried: the wait is counted on the notice line.
    if (database_.write_gate() == db::Database::WriteGate::checking) {
      next_write_try_ = now + seconds(1);
      show_waiting_notice();
    } else {
      retry_waiting_writes();
    }
    changed = true;
  }
  if (notice_until_ && now >= *notice_until_) {
    show_notice({}, false);
    changed = true;
  }
  if (take_figures()) changed = true;
  // A read that takes long enough to notice is said by a small sign; a quick one never blinks.
  bool sign = asked_at_ && now - *asked_at_ >= reading_sign_after;
  if (sign != session_.reading_figures) {
    session_.reading_figures = sign;
    changed = true;
  }
  if (changed) redraw_ = true;
  return changed;
}

std::optional<double> Controller::seconds_to_next_tick() const {
  auto now = clock_();
  std::optional<double> next;
  auto sooner = [&](std::chrono::steady_clock::time_point at) {
    double in = std::max(0.0, seconds_between(now, at));
    if (!next || in < *next) next = in;
  };
  if (!waiting_writes_.empty()) sooner(next_write_try_);
  if (notice_until_) sooner(*notice_until_);
  if (asked_at_ && !session_.reading_figures) sooner(*asked_at_ + reading_sign_after);
  return next;
}

// -- writes that wait for a colleague's save ----------------------------------------------------

bool Controller::try_write(const std::function<void()>& step) {
  db::WriteWaitScope quick(database_, write_try_ms);
  // A colleague's exclusive lock keeps out the step's reads too: they wait no longer than its
  // write would, and a busy file they are told of makes the step wait and try again.
  struct Trying {
    Controller& controller;
    int read_wait = controller.database_.busy_timeout();
    bool on_file = controller.database_.backend() == db::Backend::sqlite;
    explicit Trying(Controller& c) : controller(c) {
      if (on_file) controller.database_.set_busy_timeout(write_try_ms);
      controller.trying_write_ = true;
      controller.write_found_busy_ = false;
    }
    ~Trying() {
      controller.trying_write_ = false;
      if (on_file) controller.database_.set_busy_timeout(read_wait);
    }
    Trying(const Trying&) = delete;
    Trying& operator=(const Trying&) = delete;
  };
  std::int64_t refused = database_.write_refusals();
  {
    Trying trying(*this);
    step();
  }
  return database_.write_refusals() == refused && !write_found_busy_;
}

void Controller::write(std::function<void()> step) {
  // Behind a write that waits, the next one waits too: they are carried out in the order asked.
  if (!waiting_writes_.empty()) {
    waiting_writes_.push_back(std::move(step));
    return;
  }
  bool checking = database_.write_gate() == db::Database::WriteGate::checking;
  if (!checking && try_write(step)) return;
  waiting_writes_.push_back(std::move(step));
  waiting_since_ = clock_();
  next_write_try_ = waiting_since_ + seconds(checking ? 1.0 : write_retry_s);
  show_waiting_notice();
}

void Controller::retry_waiting_writes() {
  auto now = clock_();
  while (!waiting_writes_.empty()) {
    if (!try_write(waiting_writes_.front())) {
      if (seconds_between(waiting_since_, now) >= write_wait_limit_s) {
        waiting_writes_.clear();
        // Said after the last try: it stays, whatever is read next.
        warn(describe(db::DatabaseError(
            database_.connected() ? db::ErrorKind::busy : db::ErrorKind::connection,
            session_.database_name)));
        notice_is_busy_read_ = false;
      } else {
        next_write_try_ = now + seconds(write_retry_s);
        show_waiting_notice();
      }
      return;
    }
    waiting_writes_.pop_front();
  }
  // A write that says nothing itself (the editor's save speaks in the editor) ends the wait.
  if (session_.notice_is_waiting) show_notice({}, false);
}

void Controller::show_waiting_notice() {
  auto waited =
      static_cast<std::int64_t>(std::floor(seconds_between(waiting_since_, clock_()) + 0.5));
  // A save that waits for a server that went away says so, not that a colleague is saving.
  session_.file_checking = database_.write_gate() == db::Database::WriteGate::checking;
  const char* key = !database_.connected()   ? "notice.waiting_for_server"
                    : session_.file_checking ? "notice.waiting_for_check"
                                             : "notice.waiting";
  show_notice(trf(key, format_count(waited)), false);
  notice_until_.reset();
  session_.notice_is_waiting = true;
}

void Controller::cancel_waiting_writes() {
  if (waiting_writes_.empty()) return;
  waiting_writes_.clear();
  tell(tr(ui_.editor ? "notice.wait_cancelled.editor" : "notice.wait_cancelled"));
}

// -- the Undo of a one-click step ---------------------------------------------------------------

void Controller::offer_undo(const db::SaveResult& result) {
  if (result.status != db::SaveStatus::saved || result.change_id == 0) return;
  undoable_change_ = result.change_id;
  session_.notice_offers_undo = true;
  notice_until_ = clock_() + seconds(undo_seconds);
}

void Controller::undo_step() {
  if (!undoable_change_) return;
  std::int64_t change = *undoable_change_;
  // The rows come back where they were: the list closes up no more around them.
  ui_.row_holds.clear();
  write([this, change] {
    attempt([&] {
      db::SaveResult undone = db::undo_change(database_, change, db::current_author());
      if (undone.status == db::SaveStatus::nothing)
        tell(tr("editor.nothing_to_undo"));
      else
        report(undone, "notice.undone", "notice.undo_conflict");
      refresh();
    });
  });
}

}  // namespace raekoda::app
