#include "app/controller.h"

#include "app/messages.h"
#include "db/dashboard_queries.h"
#include "db/demo_writer.h"
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

void Controller::refresh() {
  try {
    figures_ = db::load_dashboard_figures(database_, today());
    data_version_ = database_.data_version();
  } catch (const db::DatabaseError& error) {
    // Keep showing the last figures; say why they may be stale.
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
  ui::Actions actions;
  ui::draw_dashboard(figures_, session_, ui_, fonts, actions);
  carry_out(actions);
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
}

}  // namespace raekoda::app
