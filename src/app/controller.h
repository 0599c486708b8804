#pragma once
// Owns the database session and the figures the views read. Queries run here when the data or
// the day changes, or when the user asks for something; never inside a frame's drawing.

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include "core/dashboard_figures.h"
#include "db/database.h"
#include "db/record_store.h"
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

  // Runs the queries and replaces the figures.
  void refresh();
  // Cheap check, about once a second: has another process committed, or a new day begun?
  // Refreshes and returns true if so.
  bool poll_for_changes();
  // Shows a message to the user in the notice line: news, or a problem.
  void tell(std::string message) {
    session_.notice = std::move(message);
    session_.notice_is_problem = false;
  }
  void warn(std::string message) {
    session_.notice = std::move(message);
    session_.notice_is_problem = true;
  }
  // Draws one frame of the dashboard and carries out what the user asked for in it.
  void draw_frame(const ui::Fonts& fonts);
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

  Date today() const;
  // The moment figures are counted at: now, or the end of a pinned day.
  DateTime now() const;

private:
  void carry_out(const ui::Actions& actions);
  void load_rows();
  void open_record(const TableSpec& spec, Id id);
  void read_area_on_screen();
  void copy_reminder(Id responder);
  void advance_release(const ui::Actions::Release& release);
  void carry_out_access(const ui::Actions& actions);
  void export_campaign(Id campaign);
  void carry_out_plan(const ui::Actions& actions);
  void attempt(const std::function<void()>& work);
  void report(const db::SaveResult& result, const char* done_key,
              const char* conflict_key = "notice.changed_meanwhile");
  void write_export(const std::string& what, const std::string& csv, std::size_t rows);
  void save_record();
  void delete_record();
  void undo();
  void export_csv();
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
  ui::UiState ui_;
  std::int64_t data_version_ = 0;
  std::optional<plot::ThemeKind> applied_theme_;  // the Dear ImGui style last applied
  std::optional<View> unreadable_view_;           // its figures failed to read; not retried
  bool redraw_ = false;
  struct ImportJob;
  struct ImportSession;  // controller_import.cpp
  struct EndImportSession {
    void operator()(ImportSession* session) const;
  };
  std::unique_ptr<ImportSession, EndImportSession> import_;
};

}  // namespace raekoda::app
