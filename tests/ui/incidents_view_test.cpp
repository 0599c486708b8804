// The IT lead's page, clicked as the IT lead would.

#include <catch2/catch.hpp>

#include "core/i18n.h"
#include "db/record_store.h"
#include "support/dashboard_session.h"

using namespace raekoda;

using Session = testing::DashboardSession;

namespace {

const IncidentFigures& open_incidents(Session& session) {
  session.click("switcher.incidents");
  session.frame();
  session.frame();
  REQUIRE(session.figures().incidents);
  return *session.figures().incidents;
}

}  // namespace

TEST_CASE("a weekday-and-hour cell of the heatmap opens exactly the incidents opened then") {
  set_language(Language::et);
  Session session;
  const IncidentFigures f = open_incidents(session);
  session.scroll_to("plot.incidents.weekday_hour");
  auto rect = session.probe.items.at("plot.incidents.weekday_hour");
  // Tuesday (row 1), 9:00 (column 2: "<8", 8, 9, ...), as the chart lays its cells out.
  float line = ImGui::GetTextLineHeight();
  float label_width = 0;
  for (int day = 1; day <= 7; ++day)
    label_width =
        std::max(label_width, ImGui::CalcTextSize(tr("weekday.short." + std::to_string(day))).x);
  label_width += 10;
  float cell_width = (rect.max.x - rect.min.x - label_width) / 12;
  ImVec2 at(rect.min.x + label_width + cell_width * 2.5f,
            rect.min.y + line * 1.4f + line * 1.5f * 1.5f);
  session.click_at(at);
  session.frame();
  REQUIRE(session.ui().table);
  CHECK(session.ui().table->total == f.opened_by_weekday_hour[1][9]);
  CHECK(f.opened_by_weekday_hour[1][9] > 0);
  for (const Record& row : session.ui().table->rows) {
    auto opened = DateTime::parse_iso(*row.value("opened_at"));
    CHECK(opened->date.iso_weekday() == 2u);
    CHECK(opened->minute_of_day / 60 == 9);
  }
}

TEST_CASE("a new incident is registered in a few keystrokes: Ctrl+N, the title, Ctrl+S") {
  set_language(Language::et);
  Session session;
  open_incidents(session);
  std::int64_t before =
      session.controller.database().query_integer("SELECT count(*) FROM incidents", -1);
  session.press('N', /*ctrl=*/true);
  REQUIRE(session.ui().editor);
  session.frame();
  session.type("Printer ei prindi");
  session.press('S', /*ctrl=*/true);
  CHECK(session.ui().editor->message == "Salvestatud.");
  CHECK(session.controller.database().query_integer("SELECT count(*) FROM incidents", -1) ==
        before + 1);
  CHECK(session.controller.database().query_integer(
            "SELECT count(*) FROM incidents WHERE title = 'Printer ei prindi' AND status = "
            "'registered' AND opened_at = '2026-11-22 23:59'",
            -1) == 1);
  CHECK(session.figures().incidents->open.size() ==
        static_cast<std::size_t>(session.controller.database().query_integer(
            "SELECT count(*) FROM incidents WHERE resolved_at IS NULL", -1)));
}

TEST_CASE("security incidents alone: the switch narrows every figure and every drill-down") {
  set_language(Language::et);
  Session session;
  const IncidentFigures all = open_incidents(session);
  session.click("incidents.scope.security");
  session.frame();
  const IncidentFigures& security = *session.figures().incidents;
  CHECK(security.security_only);
  std::int64_t opened_all = 0, opened_security = 0;
  for (auto v : all.opened_per_week) opened_all += v;
  for (auto v : security.opened_per_week) opened_security += v;
  CHECK(opened_security < opened_all);
  session.click("tile.incidents.open");
  session.frame();
  REQUIRE(session.ui().table);
  CHECK(session.ui().table->total == static_cast<std::int64_t>(security.open.size()));
  for (const Record& row : session.ui().table->rows) CHECK(row.value("is_security") == "1");
}

TEST_CASE("the open list's breaching incidents come first and open in the editor") {
  set_language(Language::et);
  Session session;
  const IncidentFigures f = open_incidents(session);
  REQUIRE(f.open_breaching > 0);
  CHECK(f.open.front().breaching);
  session.click("incidents.open.0");
  REQUIRE(session.ui().editor);
  CHECK(session.ui().editor->original.id == f.open.front().id);
}

TEST_CASE("a severity's target is edited like any record, and the figures follow") {
  set_language(Language::et);
  Session session;
  open_incidents(session);
  session.click("incidents.target.0");  // critical
  REQUIRE(session.ui().editor);
  CHECK(session.ui().editor->spec == &incident_targets_spec());
  session.click("edit.target_hours");
  session.press(ImGui::GetKeyIndex(ImGuiKey_A), /*ctrl=*/true);
  session.type("2");
  session.click("edit.save");
  CHECK(session.ui().editor->message == "Salvestatud.");
  session.frame();
  CHECK(session.figures().incidents->target_minutes[0] == 120);
  CHECK(session.ui().validation.incident_target_minutes[0] == 120);
}

TEST_CASE("the wheel over a chart scrolls the page, Ctrl and the wheel zoom the chart") {
  set_language(Language::et);
  Session session;
  open_incidents(session);
  auto before = session.probe.items.at("plot.incidents.weekly");
  ImVec2 over((before.min.x + before.max.x) / 2, (before.min.y + before.max.y) / 2);
  session.imgui.move_mouse(over);
  ImGui::GetIO().MouseWheel = -1;
  session.frame();
  ImGui::GetIO().MouseWheel = 0;
  session.frame();
  CHECK_FALSE(session.ui().chart("incidents_weekly").view_from);
  auto scrolled = session.probe.items.at("plot.incidents.weekly");
  CHECK(scrolled.min.y < before.min.y);

  auto now = session.probe.items.at("plot.incidents.weekly");
  session.imgui.move_mouse(ImVec2(over.x, (now.min.y + now.max.y) / 2));
  session.frame();
  ImGui::GetIO().KeyCtrl = true;
  ImGui::GetIO().MouseWheel = 1;
  session.frame();
  ImGui::GetIO().MouseWheel = 0;
  ImGui::GetIO().KeyCtrl = false;
  session.frame();
  CHECK(session.ui().chart("incidents_weekly").view_from);
  CHECK(session.probe.items.at("plot.incidents.weekly").min.y == Approx(now.min.y));
}

TEST_CASE("the restore tile counts a failed last test too, and shows both kinds first") {
  set_language(Language::et);
  Session session;
  db::Database& db = session.controller.database();
  // A system tested in time whose latest test, yesterday, failed.
  Id system = db.query_integer(
      "SELECT s.id FROM information_systems s WHERE s.restore_test_interval_days IS NOT NULL "
      "AND days_between((SELECT max(tested_on) FROM restore_tests t WHERE t.system_id = s.id), "
      "'2026-11-22') <= s.restore_test_interval_days ORDER BY s.id LIMIT 1",
      0);
  REQUIRE(system > 0);
  db.exec("INSERT INTO restore_tests (system_id, tested_on, result) VALUES (" +
          std::to_string(system) + ", '2026-11-21', 'failed')");
  session.controller.refresh();
  const IncidentFigures f = open_incidents(session);
  REQUIRE(f.restores_overdue > 0);
  CHECK(f.restores_failed >= 1);
  CHECK(f.restores_attention >= f.restores_overdue + 1);
  session.click("tile.incidents.restores");
  session.frame();
  session.frame();
  // The list has scrolled into view, the systems the tile counted first: the failed one too.
  std::size_t shown = static_cast<std::size_t>(f.restores_attention);
  bool failed_listed = false, overdue_listed = false;
  for (std::size_t i = 0; i < shown; ++i) {
    std::string item = "incidents.restore." + std::to_string(i);
    REQUIRE(session.probe.has(item));
    CHECK(session.probe.items.at(item).max.y <= 1000);
    CHECK(f.restores[i].needs_attention());
    failed_listed = failed_listed || (f.restores[i].failed && f.restores[i].system == system);
    overdue_listed = overdue_listed || f.restores[i].overdue;
  }
  CHECK(failed_listed);
  CHECK(overdue_listed);
  CHECK_FALSE(f.restores[shown].needs_attention());
}
