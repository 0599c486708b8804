#pragma once
// The dashboard window: a top bar to switch views, the chosen view, a status line. It draws from
// figures it is given and reports what the user asked for; it never touches the database.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/access_review.h"
#include "core/area.h"
#include "core/dashboard_figures.h"
#include "core/i18n.h"
#include "core/press_release.h"
#include "core/roles.h"
#include "plot/chart.h"
#include "plot/theme.h"
#include "report/report.h"
#include "ui/drilldown.h"
#include "ui/import_panel.h"
#include "ui/report_choice.h"
#include "ui/row_hold.h"

namespace raekoda::ui {

struct Fonts {
  ImFont* regular = nullptr;
  ImFont* bold = nullptr;
  ImFont* headline = nullptr;  // large numbers on tiles
  ImFont* title = nullptr;     // view titles
};

// Where named controls were drawn in the last frame, so that tests can click them as a user
// would. Filled only when a test asks for it.
struct ItemProbe {
  struct Rect {
    ImVec2 min, max;
  };
  std::map<std::string, Rect, std::less<>> items;
  ImVec2 centre(std::string_view name) const;
  bool has(std::string_view name) const { return items.find(name) != items.end(); }
};

// What the surrounding database session looks like to the user.
struct SessionInfo {
  std::string database_name;  // file name, or database@host, shown in the top bar
  std::string role;           // the role the user acts in, in her words
  std::string person;         // who Raekoda found at the keyboard; empty before logins are set up
  Viewer viewer = unrestricted_viewer();
  bool read_only = false;
  std::string notice;         // a message for the user (an error, a hint), empty for none
  std::string notice_detail;  // SQLite's or the server's English, for the notice's tooltip
  bool notice_is_problem = true;
  bool notice_offers_undo = false;  // the one-click step it reports can be taken back
  bool notice_is_waiting = false;   // a write waits for a colleague's save, and can be cancelled
  bool reading_figures = false;     // newer figures are being read; the views show the last ones
  bool file_checking = false;       // the waiting write waits for the file's check, not a colleague
  bool damaged = false;  // the file failed its check (or could not be checked): read only
};

// Why editing is off, as a catalog key: the file cannot be written, or the role on a server only
// reads.
inline const char* read_only_why(const SessionInfo& session) {
  if (session.damaged) return "topbar.read_only_why.damaged";
  return session.role.empty() ? "topbar.read_only_why" : "topbar.read_only_why.role";
}

// What the user may do: the database can be written and their role allows it. A control that
// needs what they may not do is shown disabled, its tooltip saying why (why_not).
inline bool may(const SessionInfo& session, Permission permission) {
  return !session.read_only && session.viewer.may(permission);
}
// May change rows of `table`.
bool may_edit(const SessionInfo& session, std::string_view table);
// Why `permission` is out of reach, as a catalog key.
const char* why_not(const SessionInfo& session, Permission permission);
const char* why_not_edit(const SessionInfo& session, std::string_view table);

// The form that starts an access review campaign.
struct CampaignForm {
  CampaignPlan plan;
  std::string due_text;  // as typed, dd.mm.yyyy
};

// A review decision chosen in the list, with its reason.
struct DecisionChoice {
  Id decision = 0;
  std::int64_t version = 0;  // as shown
  ReviewDecision what = ReviewDecision::keep;
  std::string reason;
};

struct UiState {
  View view = View::overview;
  plot::ThemeKind theme = plot::ThemeKind::light;
  // Each chart's pan, zoom and hidden series, by chart id; kept while the program runs.
  std::map<std::string, plot::ChartState, std::less<>> charts;
  // Charts the user asked to save as PNG; the window layer writes them after rendering.
  std::vector<plot::ImageRequest> image_requests;
  // The last chart element clicked; views turn it into a drill-down filter.
  std::optional<plot::Selection> selection;
  // The records behind a tile or chart element, and the one being edited.
  std::optional<TableState> table;
  std::optional<EditorState> editor;
  ReferenceLabels references;
  // The day and the rules records are validated by (deadline rules, extra days off).
  ValidationContext validation;
  // Choices that decide which figures are read (the media report's period).
  AreaOptions area_options;
  bool media_review = false;  // the chair's one-screen review instead of the full report
  std::array<std::string, 2> media_custom_text;  // a custom period's ends as typed
  std::string release_comment;                   // the chair's comment on a release sent back
  bool incidents_show_restores = false;          // scroll to the restore tests once
  CampaignForm campaign_form;
  std::optional<DecisionChoice> access_decision;  // revoke or reduce, waiting for its reason
  // The import of another system's export, in place of the view while it is open.
  std::optional<ImportPanel> import;
  // Lists acted on by one click, kept in place while the pointer is over them.
  RowHolds row_holds;
  ReportDialog report_dialog;  // the Report… button's choices (ui/report_dialog.h)
  // The chair's review, drawn alone and clean, to be written as PNG after this frame.
  bool save_review_image = false;
  ItemProbe* probe = nullptr;

  plot::ChartState& chart(std::string_view id);
  plot::ChartContext chart_context(const Fonts& fonts);
};

// What the user asked for in a frame; the application carries it out after the frame.
struct Actions {
  std::optional<Language> switch_language;  // picked in the top bar's menu
  bool load_demo_data = false;
  bool load_rows = false;         // the open table lacks rows it wants to show
  std::optional<Id> open_record;  // a row to open in the editor
  bool save = false;              // the editor's record
  bool delete_record = false;
  bool undo = false;                                  // the user's last save
  bool export_csv = false;                            // the open table's rows
  bool export_xlsx = false;                           // the same as an Excel workbook
  std::optional<report::ReportRequest> write_report;  // a PDF asked for in the dialog
  std::optional<RecordRef> edit_record;               // open one record in the editor
  // A record's web page or e-mail address, to open in the user's browser or mail program.
  struct OpenLink {
    std::string address;  // as the field holds it
    LinkKind kind = LinkKind::web;
  };
  std::optional<OpenLink> open_link;
  std::optional<Id> remind;          // copy a reminder of this responder's open documents
  std::optional<Id> email_reminder;  // the same reminder, as an e-mail in the mail program
  // The notice line's buttons: take back the step it reports, stop waiting for a colleague's
  // save (nothing is written), put the notice away.
  bool undo_step = false;
  bool cancel_waiting = false;
  bool dismiss_notice = false;
  bool reload_area = false;  // the choices that decide the area's figures changed
  struct Release {
    Id id = 0;
    std::int64_t version = 0;  // as shown: a colleague's change since is not stepped over
    ReleaseStep step = ReleaseStep::approve;
    std::string comment;  // for a release sent back
  };
  std::optional<Release> release;
  // A drafted rebuttal approved in one click: the media item and its version as shown.
  std::optional<std::pair<Id, std::int64_t>> approve_rebuttal;
  // A record changed by one click, as it was shown: a colleague's change since is not overrun.
  struct Versioned {
    Id id = 0;
    std::int64_t version = 0;
  };
  using Decide = DecisionChoice;
  std::optional<CampaignPlan> start_campaign;
  std::optional<Versioned> close_campaign;
  std::optional<Decide> decide;
  std::optional<Versioned> revoke_account;  // closed today
  std::optional<Id> export_campaign;        // its decisions as CSV evidence
  struct Move {
    Id activity = 0;
    std::int64_t version = 0;  // as shown
    int days = 0;
  };
  std::optional<Move> move_activity;  // dragged on the timeline
  std::optional<Id> copy_plan;        // to the next period
  // The import panel (ui/import_panel.h): open it, read the file again with the panel's
  // choices (a dry run), write it, stop a run, keep the mapping as a preset, undo an import.
  bool open_import = false;
  bool close_import = false;
  bool preview_import = false;
  bool run_import = false;
  bool cancel_import = false;
  bool save_import_preset = false;
  std::optional<Id> undo_import;
};

void draw_dashboard(const DashboardFigures& figures, const SessionInfo& session, UiState& state,
                    const Fonts& fonts, Actions& actions);

// Records the last item's rectangle under `name` when a probe is attached.
void remember_item(UiState& state, std::string_view name);

}  // namespace raekoda::ui
