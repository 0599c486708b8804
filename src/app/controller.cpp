#include "app/controller.h"

#include <fstream>

#include "app/messages.h"
#include "app/paths.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "db/access_queries.h"
#include "db/dashboard_queries.h"
#include "db/deadline_queries.h"
#include "db/demo_writer.h"
#include "db/incident_queries.h"
#include "db/plan_queries.h"
#include "db/press_releases.h"
#include "db/record_query.h"
#include "db/record_store.h"
#include "plot/theme.h"

namespace raekoda::app {

Controller::Controller(db::Database database, std::optional<Date> fixed_today)
    : database_(std::move(database)), fixed_today_(fixed_today) {
  session_.database_name = database_.path().filename().string();
  session_.read_only = database_.read_only();
  refresh();
}

Date Controller::today() const {
  return fixed_today_ ? *fixed_today_ : Date::today();
}

DateTime Controller::now() const {
  return fixed_today_ ? DateTime{*fixed_today_, 23 * 60 + 59} : DateTime::now();
}

void Controller::refresh() {
  try {
    std::vector<View> on_screen;
    if (ui_.view != View::overview && ui_.view != View::gallery) on_screen.push_back(ui_.view);
    figures_ = db::load_dashboard_figures(database_, now(), on_screen, ui_.area_options);
    ui_.references.by_table = db::load_reference_labels(database_);
    ui_.references.document_types = db::load_document_types(database_);
    if (ui_.editor)
      db::add_account_labels(database_, *ui_.editor->spec, {ui_.editor->original},
                             ui_.references.by_table);
    ui_.validation.today = today();
    ui_.validation.deadline_rules = db::load_deadline_rules(database_);
    ui_.validation.calendar = db::load_working_calendar(database_);
    ui_.validation.incident_target_minutes = db::load_incident_targets(database_).minutes;
    ui_.validation.left_on = db::load_departures(database_);
    data_version_ = database_.data_version();
    // An open table shows what the database holds now, a colleague's changes included.
    if (ui_.table) ui_.table->stale = true;
    redraw_ = true;
  } catch (const db::DatabaseError& error) {
    // Keep showing the last figures and say why they may be stale; never offer demo data into
    // a database whose figures could not be read.
    figures_.database_empty = false;
    warn(describe(error));
  }
}

bool Controller::poll_for_changes() {
  try {
    std::int64_t version = database_.data_version();
    if (version == data_version_ && figures_.overview.today == today()) return false;
  } catch (const db::DatabaseError& error) {
    warn(describe(error));
    return true;
  }
  refresh();
  return true;
}

void Controller::draw_frame(const ui::Fonts& fonts) {
  if (applied_theme_ != ui_.theme) {
    plot::apply_imgui_style(ui_.theme);
    applied_theme_ = ui_.theme;
  }
  ui_.validation.now = now();  // what "resolved now" means in the editor
  ui::Actions actions;
  ui::draw_dashboard(figures_, session_, ui_, fonts, actions);
  carry_out(actions);
  // An area the user switched to is read after the frame, and shown in the next.
  if (!figures_.database_empty && !figures_.has(ui_.view)) read_area_on_screen();
}

void Controller::read_area_on_screen() {
  try {
    db::load_area_figures(database_, ui_.view, now(), ui_.area_options, figures_);
  } catch (const db::DatabaseError& error) {
    warn(describe(error));
  }
  redraw_ = true;
}

void Controller::carry_out(const ui::Actions& actions) {
  if (actions.load_demo_data) {
    try {
      DemoOptions options;
      options.until = today();
      db::write_demo_data(database_, options);
      session_.notice.clear();
    } catch (const db::DatabaseError& error) {
      warn(describe(error));
    }
    refresh();
  }
  if (actions.open_record && ui_.table) open_record(*ui_.table->query.spec, *actions.open_record);
  if (actions.edit_record) open_record(*actions.edit_record->spec, actions.edit_record->id);
  if (actions.release) advance_release(*actions.release);
  if (actions.reload_area) read_area_on_screen();
  if (actions.start_campaign || actions.close_campaign || actions.decide || actions.revoke_account)
    carry_out_access(actions);
  if (actions.export_campaign) export_campaign(*actions.export_campaign);
  if (actions.move_activity || actions.copy_plan) carry_out_plan(actions);
  if (actions.remind) copy_reminder(*actions.remind);
  if (actions.save) save_record();
  if (actions.delete_record) delete_record();
  if (actions.undo) undo();
  if (actions.export_csv) export_csv();
  if (actions.load_rows || (ui_.table && ui_.table->stale)) load_rows();
}

void Controller::load_rows() {
  if (!ui_.table) return;
  ui::TableState& table = *ui_.table;
  try {
    if (table.stale) {
      table.total = db::count_records(database_, table.query);
      table.rows.clear();
      table.first_loaded = 0;
      table.stale = false;
      if (table.cursor >= table.total) table.cursor = static_cast<int>(table.total) - 1;
    }
    // The rows in view and a screenful either side, so that scrolling rarely waits.
    constexpr std::int64_t margin = 100;
    std::int64_t first = std::max<std::int64_t>(0, table.wanted_first - margin);
    std::int64_t last = std::min(table.total, table.wanted_last + margin + 1);
    bool have =
        table.first_loaded <= table.wanted_first &&
        table.first_loaded + static_cast<std::int64_t>(table.rows.size()) > table.wanted_last;
    if (!have || table.rows.empty()) {
      table.rows =
          db::fetch_records(database_, table.query, first, std::max<std::int64_t>(last - first, 1));
      table.first_loaded = first;
      db::add_account_labels(database_, *table.query.spec, table.rows, ui_.references.by_table);
    }
  } catch (const db::DatabaseError& error) {
    warn(describe(error));
  }
  redraw_ = true;
}

void Controller::open_record(const TableSpec& spec, Id id) {
  try {
    auto record = db::load_record(database_, spec, id);
    if (!record) {
      if (ui_.table) ui_.table->stale = true;
      return;
    }
    db::add_account_labels(database_, spec, {*record}, ui_.references.by_table);
    ui::EditorState editor;
    editor.spec = &spec;
    editor.original = *record;
    editor.edited = *record;
    editor.history = db::record_history(database_, spec, id);
    ui_.editor = std::move(editor);
  } catch (const db::DatabaseError& error) {
    warn(describe(error));
  }
  redraw_ = true;
}

void Controller::save_record() {
  if (!ui_.editor) return;
  ui::EditorState& editor = *ui_.editor;
  if (!validate(*editor.spec, editor.original, editor.edited, ui_.validation).empty()) return;
  try {
    db::Author author = db::current_author();
    if (editor.original.id == 0) {
      Record saved = db::insert_record(database_, *editor.spec, editor.edited, author);
      editor.original = editor.edited = saved;
      editor.message = tr("editor.saved");
    } else {
      db::SaveResult result =
          db::update_record(database_, *editor.spec, editor.original, editor.edited, author);
      switch (result.status) {
        case db::SaveStatus::saved:
          editor.original = editor.edited = result.current;
          editor.message = tr("editor.saved");
          break;
        case db::SaveStatus::conflict:
          editor.theirs = result.current;
          editor.message.clear();
          break;
        case db::SaveStatus::missing:
          editor.message = tr("editor.missing");
          break;
        case db::SaveStatus::nothing:
          break;
      }
    }
    editor.typed.clear();
    editor.history = db::record_history(database_, *editor.spec, editor.original.id);
    refresh();
  } catch (const db::DatabaseError& error) {
    // The edit stays in the editor, to be saved again when the file is free.
    editor.message = describe(error);
  }
  redraw_ = true;
}

void Controller::delete_record() {
  if (!ui_.editor) return;
  ui::EditorState& editor = *ui_.editor;
  try {
    db::SaveResult result =
        db::delete_record(database_, *editor.spec, editor.original, db::current_author());
    if (result.status == db::SaveStatus::conflict) {
      editor.theirs = result.current;
    } else {
      ui_.editor.reset();
      refresh();
    }
  } catch (const db::DatabaseError& error) {
    editor.message = describe(error);
  }
  redraw_ = true;
}

void Controller::undo() {
  try {
    db::UndoResult result = db::undo_last_change(database_, db::current_author());
    switch (result.status) {
      case db::SaveStatus::saved:
        tell(tr("editor.undone"));
        break;
      case db::SaveStatus::conflict:
        warn(tr("editor.undo_conflict"));
        break;
      case db::SaveStatus::missing:
        warn(tr("editor.missing"));
        break;
      case db::SaveStatus::nothing:
        tell(tr("editor.nothing_to_undo"));
        break;
    }
    if (ui_.editor && ui_.editor->original.id == result.record_id &&
        ui_.editor->spec->table == result.table && result.status == db::SaveStatus::saved) {
      const TableSpec& spec = *ui_.editor->spec;
      ui_.editor.reset();
      open_record(spec, result.record_id);
    }
    refresh();
  } catch (const db::DatabaseError& error) {
    warn(describe(error));
  }
  redraw_ = true;
}

void Controller::copy_reminder(Id responder) {
  try {
    std::vector<ReminderItem> items = db::open_documents_of(database_, responder);
    const std::string* name = ui_.references.find("people", responder);
    std::string who = name ? *name : std::to_string(responder);
    std::string text = reminder_text(who, items, today(), ui_.validation.calendar);
    ImGui::SetClipboardText(text.c_str());
    tell(trf("reminder.copied", who, format_count(static_cast<std::int64_t>(items.size()))));
  } catch (const db::DatabaseError& error) {
    warn(describe(error));
  }
  redraw_ = true;
}

void Controller::advance_release(const ui::Actions::Release& release) {
  try {
    db::SaveResult result =
        db::advance_release(database_, release.id, release.version, release.step, release.comment,
                            today(), db::current_author());
    switch (result.status) {
      case db::SaveStatus::saved:
        tell(tr(release.step == ReleaseStep::approve     ? "release.approved"
                : release.step == ReleaseStep::send_back ? "release.sent_back"
                                                         : "release.submitted"));
        break;
      case db::SaveStatus::conflict:
        warn(tr("release.changed_meanwhile"));
        break;
      case db::SaveStatus::missing:
        warn(tr("editor.missing"));
        break;
      case db::SaveStatus::nothing:
        break;
    }
    refresh();
  } catch (const db::DatabaseError& error) {
    warn(describe(error));
  }
  redraw_ = true;
}

// A saved step reads the figures again; a colleague's change meanwhile is said, not overrun.
void Controller::report(const db::SaveResult& result, const char* done_key) {
  switch (result.status) {
    case db::SaveStatus::saved:
      tell(tr(done_key));
      break;
    case db::SaveStatus::conflict:
      warn(tr("access.changed_meanwhile"));
      break;
    case db::SaveStatus::missing:
      warn(tr("editor.missing"));
      break;
    case db::SaveStatus::nothing:
      break;
  }
}

void Controller::carry_out_access(const ui::Actions& actions) {
  try {
    db::Author author = db::current_author();
    if (actions.start_campaign) {
      db::StartedCampaign started =
          db::start_campaign(database_, *actions.start_campaign, today(), author);
      tell(trf("access.started", format_count(started.accounts)));
    }
    if (actions.close_campaign)
      report(db::close_campaign(database_, actions.close_campaign->id,
                                actions.close_campaign->version, today(), author),
             "access.closed");
    if (actions.decide)
      report(db::decide(database_, actions.decide->decision, actions.decide->version,
                        actions.decide->what, actions.decide->reason, today(), author),
             "access.decided");
    if (actions.revoke_account)
      report(db::revoke_account(database_, actions.revoke_account->id,
                                actions.revoke_account->version, today(), author),
             "access.revoked");
    refresh();
  } catch (const db::DatabaseError& error) {
    warn(describe(error));
  }
  redraw_ = true;
}

void Controller::carry_out_plan(const ui::Actions& actions) {
  try {
    db::Author author = db::current_author();
    if (actions.move_activity) {
      db::MoveResult moved = db::move_activity(database_, actions.move_activity->activity,
                                               actions.move_activity->version,
                                               actions.move_activity->days, today(), author);
      if (!moved.problem.empty())
        warn(trf("plan.move_refused", moved.problem));
      else
        report(moved.save, "plan.moved");
    }
    if (actions.copy_plan) {
      Id copied = db::copy_plan(database_, *actions.copy_plan, author);
      ui_.area_options.plan = copied;
      tell(tr("plan.copied"));
    }
    refresh();
  } catch (const db::DatabaseError& error) {
    warn(describe(error));
  }
  redraw_ = true;
}

void Controller::export_campaign(Id campaign) {
  try {
    std::vector<EvidenceRow> rows = db::campaign_evidence(database_, campaign);
    std::filesystem::path path = export_path("juurdepaasu_ulevaatus", "csv");
    std::ofstream out(path, std::ios::binary);
    out << ui::evidence_csv(rows);
    if (out.good())
      tell(trf("table.exported", format_count(static_cast<std::int64_t>(rows.size())),
               path.string()));
    else
      warn(trf("error.export", path.string()));
  } catch (const db::DatabaseError& error) {
    warn(describe(error));
  }
  redraw_ = true;
}

void Controller::export_csv() {
  if (!ui_.table) return;
  const ui::TableState& table = *ui_.table;
  try {
    std::vector<Record> rows =
        db::fetch_records(database_, table.query, 0, std::max<std::int64_t>(table.total, 1));
    std::filesystem::path path = export_path(std::string(table.query.spec->table), "csv");
    std::ofstream out(path, std::ios::binary);
    out << ui::records_csv(*table.query.spec, rows, ui_.references);
    if (out.good())
      tell(trf("table.exported", format_count(static_cast<std::int64_t>(rows.size())),
               path.string()));
    else
      warn(trf("error.export", path.string()));
  } catch (const db::DatabaseError& error) {
    warn(describe(error));
  }
  redraw_ = true;
}

}  // namespace raekoda::app
