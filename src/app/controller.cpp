#include "app/controller.h"

#include <functional>

#include "app/messages.h"
#include "app/paths.h"
#include "app/settings.h"
#include "core/atomic_file.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "core/plural.h"
#include "db/access_queries.h"
#include "db/dashboard_queries.h"
#include "db/deadline_queries.h"
#include "db/demo_writer.h"
#include "db/incident_queries.h"
#include "db/people_queries.h"
#include "db/server_roles.h"
#include "plot/theme.h"

namespace raekoda::app {

Controller::Controller(db::Database database, std::optional<Date> fixed_today)
    : database_(std::move(database)), fixed_today_(fixed_today) {
  session_.database_name = database_.display_name();
  session_.read_only = database_.read_only();
  if (auto warning = database_.open_warning()) warn(describe(*warning));
  try {
    role_key_ = db::server_role_of(database_);
    if (role_key_) session_.role = tr("role." + *role_key_);
  } catch (const db::DatabaseError& error) {
    warn(describe(error));
  }
  // Another connection would not see a database in memory, or one held in a transaction (the
  // benchmark's copy on a server): those are read through this one.
  reader_ = database_.in_memory() || database_.in_transaction()
                ? std::make_unique<reading::FigureReader>(database_)
                : std::make_unique<reading::FigureReader>(database_.target(), [this] {
                    if (auto wake = wake_.load()) wake();
                  });
  identify();
  start_file_check();
  // The first figures are waited for, before there is a window to freeze: a window opens on a
  // dashboard, not on an empty one.
  wait_for_figures();
}

void Controller::identify(const std::optional<std::string>& login) {
  try {
    std::string who = login ? *login : db::session_login(database_);
    Viewer viewer = unrestricted_viewer();
    viewer.login = who;
    bool set_up = db::logins_set_up(database_);
    if (set_up) viewer = db::find_viewer(database_, who, today());
    database_.set_viewer(viewer);
    // What was read for someone else is not shown to them, not even until their own figures are
    // read: personal data follows the person at the keyboard.
    ++viewer_serial_;
    DashboardFigures unread;
    unread.database_empty = figures_.database_empty;
    figures_ = std::move(unread);
    stamps_.clear();
    session_.viewer = viewer;
    session_.person = viewer.name;
    if (set_up) {
      // Someone whose work is answering documents starts on their own (the deadlines view's
      // "My documents").
      if (viewer.main_role() == Role::responder) ui_.view = View::deadlines;
      role_key_ = std::string(key_of(viewer.main_role()));
      session_.role = tr("role." + *role_key_);
      // Acting as someone else (--as) puts away what was said of the first login.
      if (!session_.notice.empty() && session_.notice == unknown_login_notice_)
        show_notice({}, false);
      unknown_login_notice_.clear();
      if (!viewer.person) {
        unknown_login_notice_ = trf("notice.unknown_login", who);
        warn(unknown_login_notice_);
      }
    }
  } catch (const db::DatabaseError& error) {
    warn(describe(error));
  }
  refresh();
}

Date Controller::today() const {
  return fixed_today_ ? *fixed_today_ : Date::today();
}

DateTime Controller::now() const {
  return fixed_today_ ? DateTime::end_of(*fixed_today_) : DateTime::now();
}

bool Controller::permitted(std::optional<Permission> permission) {
  if (!permission || database_.viewer().may(*permission)) return true;
  warn(tr("topbar.not_your_role"));
  return false;
}

bool Controller::may_decide(const ui::Actions& actions) {
  const Viewer& viewer = database_.viewer();
  if (viewer.may(Permission::decide_reviews)) return true;
  // Another's decision is the owner's of the account's system, asked of the database.
  std::optional<Id> owner;
  try {
    owner = actions.decide ? db::owner_of_decision(database_, actions.decide->decision)
                           : db::owner_of_account(database_, actions.revoke_account->id);
  } catch (const db::DatabaseError& error) {
    warn(describe(error));
    return false;
  }
  if (viewer.decides_for(owner)) return true;
  warn(tr("topbar.not_your_role"));
  return false;
}

void Controller::remember_settings_in(std::filesystem::path file, const std::string& problem) {
  settings_file_ = std::move(file);
  if (!problem.empty()) warn(problem);
}

void Controller::switch_language(Language language) {
  if (language == current_language()) return;
  set_language(language);
  if (role_key_) session_.role = tr("role." + *role_key_);
  // Figures hold words (period names, statuses) and lists in the old language's order.
  refresh();
  if (settings_file_) {
    std::string problem = remember_language(*settings_file_, language);
    if (!problem.empty()) warn(problem);
  }
}

void Controller::draw_frame(const ui::Fonts& fonts) {
  if (applied_theme_ != ui_.theme) {
    plot::apply_imgui_style(ui_.theme);
    applied_theme_ = ui_.theme;
  }
  ui_.validation.now = now();          // what "resolved now" means in the editor
  measuring_font_ = ImGui::GetFont();  // the frame's own, before any view pushes another
  measuring_size_ = ImGui::GetFontSize();
  tick();
  poll_import();
  ui::Actions actions;
  ui::draw_dashboard(figures_, session_, ui_, fonts, actions);
  carry_out(actions);
  // The Report… dialog says where the file goes: looked up once each time it opens, as a user may
  // have made the folder meanwhile.
  ui::ReportDialog& report_dialog = ui_.report_dialog;
  if (!report_dialog.open) {
    report_dialog.folder.clear();
  } else if (report_dialog.folder.empty()) {
    report_dialog.folder = documents_folder();
    redraw_ = true;
  }
  // A view the user switched to shows the figures it had, if any, while the reader looks
  // whether they are still current.
  if (ui_.view != asked_view_) ask_for_figures(false);
  follow_the_user();
}

void Controller::carry_out(const ui::Actions& actions) {
  carry_out_import(actions);
  if (actions.switch_language) switch_language(*actions.switch_language);
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
  if (actions.open_link) open_link(actions.open_link->address, actions.open_link->kind);
  // Steps that write wait for a colleague's save from later frames (controller_notice.cpp).
  if (actions.approve_rebuttal && permitted(Permission::approve_releases))
    write([this, item = *actions.approve_rebuttal] { approve_rebuttal(item.first, item.second); });
  if (actions.release &&
      permitted(actions.release->step == ReleaseStep::submit ? Permission::edit_media
                                                             : Permission::approve_releases))
    write([this, release = *actions.release] { advance_release(release); });
  if (actions.reload_area) ask_for_figures(false);  // the choices are in the figures' stamps
  if (((actions.start_campaign || actions.close_campaign) &&
       permitted(Permission::decide_reviews)) ||
      ((actions.decide || actions.revoke_account) && may_decide(actions)))
    write([this, actions] { carry_out_access(actions); });
  if (actions.export_campaign) export_campaign(*actions.export_campaign);
  if ((actions.move_activity || actions.copy_plan) && permitted(Permission::edit_plan))
    write([this, actions] { carry_out_plan(actions); });
  if (actions.remind) copy_reminder(*actions.remind);
  if (actions.email_reminder) email_reminder(*actions.email_reminder);
  // Asked only when a save or delete is asked for: the question warns.
  auto editable = [this] {
    return ui_.editor && permitted(permission_to_edit(ui_.editor->spec->table));
  };
  if (actions.save && editable()) write([this] { save_record(); });
  if (actions.delete_record && editable()) write([this] { delete_record(); });
  if (actions.undo) write([this] { undo(); });
  if (actions.undo_step) undo_step();
  if (actions.cancel_waiting) cancel_waiting_writes();
  if (actions.dismiss_notice) show_notice({}, false);
  if (actions.export_csv) export_csv();
  if (actions.write_report) write_report(*actions.write_report);
  if (actions.export_xlsx) export_xlsx();
  if (actions.load_rows || (ui_.table && ui_.table->stale)) load_rows();
}

// Database work a user asked for: a problem is said in the notice line, the next frame drawn.
void Controller::attempt(const std::function<void()>& work) {
  try {
    work();
  } catch (const db::DatabaseError& error) {
    warn(describe(error));
  }
  redraw_ = true;
}

// A saved step reads the figures again; a colleague's change meanwhile is said, not overrun.
void Controller::report(const db::SaveResult& result, const char* done_key,
                        const char* conflict_key) {
  switch (result.status) {
    case db::SaveStatus::saved:
      tell(tr(done_key));
      break;
    case db::SaveStatus::conflict:
      warn(tr(conflict_key));
      break;
    case db::SaveStatus::missing:
      warn(tr("editor.missing"));
      break;
    case db::SaveStatus::nothing:
      break;
  }
}

void Controller::write_export(const std::string& what, const std::string& csv, std::size_t rows) {
  std::filesystem::path path = export_path(what, "csv");
  if (std::string problem = write_file_atomically(path, csv); !problem.empty()) {
    warn(trf("error.export_because", path.string(), problem));
    return;
  }
  tell(trn("table.exported", static_cast<std::int64_t>(rows),
           format_count(static_cast<std::int64_t>(rows)), path.string()));
}

}  // namespace raekoda::app
