// The communication plan, clicked and dragged as the communications staff would.

#include <catch2/catch.hpp>

#include <cstdlib>

#include "core/i18n.h"
#include "db/record_store.h"
#include "support/dashboard_session.h"

using namespace raekoda;

using Session = testing::DashboardSession;

namespace {

const PlanFigures& open_plan(Session& session) {
  session.click("switcher.plan");
  session.frame();
  session.frame();
  REQUIRE(session.figures().plan);
  return *session.figures().plan;
}

// A planned activity that lies wholly in the window, so that its bar can be grabbed, and
// whose day `days` on is a working day or not, as asked.
std::size_t planned_row(const PlanFigures& f, int days, bool lands_on_working_day) {
  WorkingCalendar calendar;
  std::size_t row = 0;
  while (row < f.coming.size() &&
         (f.coming[row].status != ActivityStatus::planned || f.coming[row].starts_on < f.today ||
          calendar.is_working_day(f.coming[row].starts_on.plus_days(days)) != lands_on_working_day))
    ++row;
  REQUIRE(row < f.coming.size());
  REQUIRE(row < 14);
  return row;
}

// Drags the timeline bar of row `row` by `days` days, as a user's mouse would; `while_held`
// looks at the chart before the button is let go.
template <class WhileHeld>
void drag_bar(Session& session, const PlanFigures& f, std::size_t row, int days,
              WhileHeld while_held) {
  const PlanFigures::Activity& activity = f.coming[row];
  auto rows = session.probe.items.at("plot.plan.timeline");
  float line = ImGui::GetTextLineHeight();
  float label_width = 0;
  for (const auto& a : f.coming)
    label_width = std::max(label_width, ImGui::CalcTextSize(a.title.c_str()).x);
  float full_width = rows.max.x - rows.min.x;
  label_width = std::min(label_width + 12, full_width * 0.35f);
  float scrollbar = f.coming.size() > 14 ? ImGui::GetStyle().ScrollbarSize : 0.0f;
  float width = full_width - label_width - scrollbar;
  float per_day = width / 56.0f;
  float x =
      rows.min.x + label_width + per_day * (f.window_from.days_until(activity.starts_on) + 0.5f);
  float y = rows.min.y + line * 1.5f * (static_cast<float>(row) + 0.5f);
  ImGuiIO& io = ImGui::GetIO();
  session.imgui.move_mouse(ImVec2(x, y));
  session.frame();
  io.MouseDown[0] = true;
  session.frame();
  for (int step = 1; step <= std::abs(days); ++step) {
    float sign = days > 0 ? 1.0f : -1.0f;
    session.imgui.move_mouse(ImVec2(x + sign * per_day * static_cast<float>(step), y));
    session.frame();
  }
  while_held();
  io.MouseDown[0] = false;
  session.frame();
  session.frame();
}

}  // namespace

TEST_CASE("the late tile opens exactly the late activities") {
  set_language(Language::et);
  Session session;
  const PlanFigures f = open_plan(session);
  REQUIRE(f.late_now > 0);
  session.click("tile.plan.late");
  session.frame();
  REQUIRE(session.ui().table);
  CHECK(session.ui().table->total == f.late_now);
  // Only the chosen plan's: none is due before the plan began.
  REQUIRE(f.chosen);
  for (const Record& row : session.ui().table->rows)
    CHECK(*row.value("plan_id") == std::to_string(f.plans[*f.chosen].id));
}

TEST_CASE("the newspaper tile opens what goes into the next issue") {
  set_language(Language::et);
  Session session;
  const PlanFigures f = open_plan(session);
  REQUIRE(f.next_issue);
  REQUIRE(f.next_issue_from);
  session.click("tile.plan.issue");
  session.frame();
  REQUIRE(session.ui().table);
  CHECK(session.ui().table->title == f.next_issue->title);
  CHECK(session.ui().table->total == f.next_issue_activities);
  REQUIRE(f.next_issue_activities > 0);
  for (const Record& row : session.ui().table->rows) {
    CHECK(*row.value("channel") == "newspaper");
    Date planned = *Date::parse_iso(*row.value("planned_on"));
    CHECK(planned >= *f.next_issue_from);
    CHECK(planned <= f.next_issue->publication_on);
  }
}

TEST_CASE("an activity dragged onto a weekend lands on the next working day, shown while held") {
  set_language(Language::et);
  Session session;
  const PlanFigures f = open_plan(session);
  // The first planned activity in view, dragged on to the Saturday after its start.
  std::size_t row = planned_row(f, 0, true);
  int days = 6 - static_cast<int>(f.coming[row].starts_on.iso_weekday());
  if (days <= 0) days += 7;
  const PlanFigures::Activity activity = f.coming[row];
  WorkingCalendar calendar;
  Date lands = activity.starts_on.plus_days(days);
  while (calendar.is_day_off(lands)) lands = lands.plus_days(1);
  drag_bar(session, f, row, days, [&] {
    // While the button is held, the bar shows where it will land: the working day.
    CHECK(session.ui().chart("plan_timeline").dragged == row);
    CHECK(session.ui().chart("plan_timeline").dragged_days == activity.starts_on.days_until(lands));
  });
  auto moved = db::load_record(session.controller.database(), comm_activities_spec(), activity.id);
  REQUIRE(moved);
  CHECK(moved->value("planned_on") == lands.iso());
  CHECK(calendar.is_working_day(*Date::parse_iso(*moved->value("planned_on"))));
}

TEST_CASE("dragging an activity on the timeline a week on saves one audited change") {
  set_language(Language::et);
  Session session;
  const PlanFigures f = open_plan(session);
  std::size_t row = planned_row(f, 7, true);
  const PlanFigures::Activity activity = f.coming[row];
  drag_bar(session, f, row, 7, [] {});
  auto moved = db::load_record(session.controller.database(), comm_activities_spec(), activity.id);
  REQUIRE(moved);
  CHECK(moved->value("planned_on") == activity.starts_on.plus_days(7).iso());
  auto history =
      db::record_history(session.controller.database(), comm_activities_spec(), activity.id);
  REQUIRE_FALSE(history.empty());
  std::int64_t change = history.front().change_id;
  for (const auto& entry : history) CHECK(entry.change_id == change);
  CHECK(session.controller.session().notice == "Tegevus nihutatud.");
}

TEST_CASE("a plan is copied to the next period and shown") {
  set_language(Language::et);
  Session session;
  const PlanFigures f = open_plan(session);
  REQUIRE(f.chosen);
  const auto plan = f.plans[*f.chosen];
  session.click("plan.copy");
  session.click("plan.copy_confirm");
  const PlanFigures& after = *session.figures().plan;
  REQUIRE(after.chosen);
  const auto& copy = after.plans[*after.chosen];
  CHECK(copy.id != plan.id);
  CHECK(copy.starts_on == plan.starts_on.plus_months(12));
  CHECK(after.plan_activities == f.plan_activities);
  CHECK(after.done_cumulative.back() == 0);
}
