#pragma once
// Owns the database session and the figures the views read. Queries run here when the data or
// the day changes, or when the user asks for something; never inside a frame's drawing.

#include <atomic>
#include <chrono>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>

#include "app/messages.h"
#include "core/dashboard_figures.h"
#include "db/database.h"
#include "db/record_store.h"
#include "reading/figure_reader.h"
#include "reading/file_checker.h"
#include "ui/dashboard.h"

namespace raekoda::import {
struct ImportRequest;
struct ImportReport;
}  // namespace raekoda::import

namespace raekoda::app {

class Controller {
public:
  // `fixed_today` pins the day the figures are counted on (screenshots, tests); otherwise the
  // machine's local date is used and followed across midnight.
  explicit Controller(db::Database database, std::optional<Date> fixed_today = std::nullopt);
  ~Controller();  // stops a running import (it rolls back) and waits for its thread
  Controller(const Controller&) = delete;
  Controller& operator=(const Controller&) = delete;

  const DashboardFigures& figures() const { return figures_; }
  const ui::SessionInfo& session() const { return session_; }
  ui::UiState& ui_state() { return ui_; }
  db::Database& database() { return database_; }

  // Finds the person at the keyboard by `login`, else by the session's own user (the database
  // user on a server, the operating-system user on a file), and shows and offers what their
  // roles allow. Nobody found: a viewer, and the notice line says so.
  void identify(const std::optional<std::string>& login = std::nullopt);

  // True when the person at the keyboard may do what needs `permission` (none: nothing is
  // needed); otherwise the notice line says their role does not allow it. Every step that
  // writes asks, so that a control the view disables cannot be worked around.
  bool permitted(std::optional<Permission> permission);
  // A review decision or a revocation: the IT lead's, or the owner's of the account's system.
  bool may_decide(const ui::Actions& actions);
  // The chair's one click on a drafted rebuttal: approved, audited, unless changed meanwhile.
  void approve_rebuttal(Id item, std::int64_t version);

  // The language the user picks in the top bar is kept in `file` for next time; `problem` says
  // why the file could not be read, and is shown at once. Without a call a switch lasts until
  // the window closes, as in a screenshot.
  void remember_settings_in(std::filesystem::path file, const std::string& problem);
  // Speaks `language` from the next frame on: every text, number and sorted list.
  void switch_language(Language language);

  // Asks for the figures on screen to be read again, whatever changed: after the window's own
  // save, a new language or person. The read runs on the reader's thread; the figures shown
  // stay until the new ones are swapped in between frames (controller_figures.cpp).
  void refresh();
  // Cheap check, about once a second: has another process committed, or a new day begun? If so
  // asks for the parts that depend on what changed, and returns true.
  bool poll_for_changes();
  // Waits for the figures asked for and swaps them in: the first figures, and commands and tests
  // that look at figures right after a step.
  void wait_for_figures();
  // Waits until the file's check before the first save has ended and its outcome is applied:
  // for commands and tests that save right away. At once where no check runs (a server, a file
  // in memory).
  void wait_for_file_check();
  // Why the figures shown are not the city's as the file holds them: the file failed its check,
  // or the last read failed. A command that makes a picture of them refuses then.
  const std::optional<DatabaseMessage>& unsound_figures() const { return unsound_figures_; }
  // True while figures asked for are being read.
  bool reading_figures() const { return reader_->reading(); }
  // How many reads have been swapped in: a benchmark's sign that the figures arrived.
  std::uint64_t updates_taken() const { return updates_taken_; }
  // How long the last read took on the reader's thread, and which parts it read.
  double last_read_ms() const { return last_read_ms_; }
  const std::set<db::FigurePart>& last_parts_read() const { return last_parts_read_; }
  // Called from the reader's thread when figures are ready, to wake a sleeping event loop
  // (glfwPostEmptyEvent); a plain function, as it is read from that thread.
  void set_wake(void (*wake)()) { wake_ = wake; }
  // Shows a message to the user in the notice line: news, which goes after a few seconds, or a
  // problem, which stays until put away. Either goes when the user moves on to another view,
  // table or record, or takes another step.
  void tell(std::string message) { show_notice(std::move(message), false); }
  void warn(std::string message) { show_notice(std::move(message), true); }
  // A database problem: the sentence in the user's language, SQLite's or the server's English
  // in the notice's tooltip. A busy file said while a write is tried makes it wait and try
  // again; said by a read, it goes once a later read went through.
  void warn(const DatabaseMessage& message);
  static constexpr double news_seconds = 6;
  static constexpr double undo_seconds = 10;  // news that offers an Undo
  // Time-driven work between frames: news that has had its time goes, a write that waits for a
  // colleague's save tries again. True when the next frame shows a change.
  bool tick();
  // Seconds until tick() has something to do, if it will; the window may sleep until then.
  std::optional<double> seconds_to_next_tick() const;
  // What notices and waiting writes are timed by; tests set their own.
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  void set_clock(Clock clock) { clock_ = std::move(clock); }
  // A write that finds the file held by a colleague's save tries for write_try_ms, then again
  // every write_retry_s from later frames, so that the window keeps drawing, until
  // write_wait_limit_s have passed or the user cancels.
  static constexpr int write_try_ms = 30;
  static constexpr double write_retry_s = 0.1;
  static constexpr double write_wait_limit_s = 5;
  bool waiting_for_write() const { return !waiting_writes_.empty(); }
  // The chair's media review alone, clean, as "Save as image" writes it: a frame of its own.
  void draw_review_image(const ui::Fonts& fonts);
  // Draws one frame of the dashboard and carries out what the user asked for in it.
  void draw_frame(const ui::Fonts& fonts);
  // Ends the figure reader, a read in progress finished: before the window that draws goes, as
  // the reader measures in its fonts (window.h, ReaderEndsFirst).
  void end_reading();
  // True once after the controller changed what the next frame shows (rows loaded, a save).
  bool take_redraw_request() {
    bool wanted = redraw_;
    redraw_ = false;
    return wanted;
  }

  // Opens the import panel in place of the view; with a file (dropped on the window), reads it
  // at once for the preview.
  void open_import(const std::optional<std::filesystem::path>& file = std::nullopt);
  // True while an import or its preview runs on its worker thread: the window then draws a
  // frame at least every busy_frame_interval_s for the progress bar, and idles again after.
  bool busy() const;
  static constexpr double busy_frame_interval_s = 0.1;
  // How long a read of figures runs before the top bar says newer ones are coming.
  static constexpr std::chrono::milliseconds reading_sign_after{150};

  Date today() const;
  // The moment figures are counted at: now, or the end of a pinned day.
  DateTime now() const;

  // Carries out what the user asked for in a frame. Public so that a test can ask for a step no
  // control offers, as a crafted one would.
  void carry_out(const ui::Actions& actions);

private:
  void load_rows();
  void open_record(const TableSpec& spec, Id id);
  // Asks the reader for the parts the screen shows; `forced`: read them whatever their stamps.
  void ask_for_figures(bool forced);
  // The file's check before the first save (controller_file_check.cpp): started with the
  // controller, its outcome applied between frames; true when it was.
  void start_file_check();
  bool take_file_check();
  // Swaps in finished figures, if there are; true when it did (controller_figures.cpp).
  bool take_figures();
  void apply_parts(db::FigureParts& parts, reading::PartStamps& stamps);
  void copy_reminder(Id responder);
  void advance_release(const ui::Actions::Release& release);
  void carry_out_access(const ui::Actions& actions);
  void export_campaign(Id campaign);
  void carry_out_plan(const ui::Actions& actions);
  void attempt(const std::function<void()>& work);
  // A step that writes: tried at once, and if a colleague's save holds the file, again from later
  // frames while the notice line says so (controller.cpp).
  void write(std::function<void()> step);
  bool try_write(const std::function<void()>& step);
  void retry_waiting_writes();
  void cancel_waiting_writes();
  void show_waiting_notice();
  void show_notice(std::string message, bool problem);
  void follow_the_user();  // notices and held lists go when the user moves on
  void offer_undo(const db::SaveResult& result);
  void undo_step();
  void email_reminder(Id responder);
  void report(const db::SaveResult& result, const char* done_key,
              const char* conflict_key = "notice.changed_meanwhile");
  void write_export(const std::string& what, const std::string& csv, std::size_t rows);
  void save_record();
  void delete_record();
  void undo();
  void export_csv();
  void export_xlsx();
  // The PDF report asked for in the Report… dialog, written to the documents folder
  // (controller_report.cpp).
  void write_report(report::ReportRequest request);
  // The record in the editor, read again after someone else's save (controller_editor.cpp).
  void follow_open_record();
  void open_link(const std::string& address, LinkKind kind);
  // The import panel (controller_import.cpp).
  void carry_out_import(const ui::Actions& actions);
  void load_import_choices();
  void load_recent_imports();
  import::ImportRequest import_request(bool dry_run) const;
  void start_import(bool dry_run);
  void poll_import();  // takes a finished run's report, never waits for one
  void show_import_report(import::ImportReport report, bool dry_run);
  void save_import_preset();
  void undo_import(Id import_id);

  db::Database database_;
  std::optional<Date> fixed_today_;
  DashboardFigures figures_;
  ui::SessionInfo session_;
  std::optional<std::string> role_key_;  // on a server: the user's role, named in session_
  std::optional<std::filesystem::path> settings_file_;
  std::string unknown_login_notice_;  // said when nobody had the session's login
  ui::UiState ui_;
  std::int64_t data_version_ = 0;
  // The server could not be reached when the figures were last read: they are read again at
  // each change check until it answers.
  bool reconnecting_ = false;
  std::optional<plot::ThemeKind> applied_theme_;  // the Dear ImGui style last applied
  std::atomic<void (*)()> wake_ = nullptr;        // before the reader, whose thread calls it
  std::unique_ptr<reading::FigureReader> reader_;
  // The font and size the views fit their columns in, known from the first frame: the reader
  // measures the figures' widths in them before it hands them over, never after end_reading().
  const ImFont* measuring_font_ = nullptr;
  float measuring_size_ = 0;
  // Shared with an import that waits for it on its own thread.
  std::shared_ptr<reading::FileChecker> file_checker_;
  bool file_check_applied_ = false;
  std::optional<DatabaseMessage> file_damage_;
  std::optional<DatabaseMessage> unsound_figures_;
  reading::PartStamps stamps_;       // what each part shown was read at
  std::uint64_t viewer_serial_ = 0;  // changes with the person at the keyboard
  View asked_view_ = View::overview;
  double last_read_ms_ = 0;
  std::uint64_t updates_taken_ = 0;
  std::set<db::FigurePart> last_parts_read_;
  std::optional<std::chrono::steady_clock::time_point> asked_at_;  // of a read not yet taken
  bool redraw_ = false;
  // The notice line: until when news goes, the screen it was said on, what its Undo takes back.
  Clock clock_ = std::chrono::steady_clock::now;
  std::optional<std::chrono::steady_clock::time_point> notice_until_;
  struct Screen {
    View view = View::overview;
    const TableSpec* table = nullptr;
    bool editor = false;
    bool import = false;
    bool review = false;
    bool operator==(const Screen&) const = default;
  };
  Screen screen() const;
  Screen shown_screen_;        // as the last frame left it
  bool notice_fresh_ = false;  // said during this frame: it belongs to the screen after it
  // The notice says the file was busy for a read: it goes when a later read is taken.
  bool notice_is_busy_read_ = false;
  std::uint64_t busy_read_at_ = 0;  // updates_taken_ when it was said
  bool trying_write_ = false;       // a write's step runs (try_write)
  bool write_found_busy_ = false;   // its step was told the file is busy
  std::optional<std::int64_t> undoable_change_;
  // Writes waiting for a colleague's save, in the order asked.
  std::deque<std::function<void()>> waiting_writes_;
  std::chrono::steady_clock::time_point waiting_since_, next_write_try_;
  struct ImportJob;
  struct ImportSession;  // controller_import.cpp
  struct EndImportSession {
    void operator()(ImportSession* session) const;
  };
  std::unique_ptr<ImportSession, EndImportSession> import_;
};

}  // namespace raekoda::app
