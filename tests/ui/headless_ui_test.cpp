#include <catch2/catch.hpp>

#include "core/i18n.h"
#include "support/dashboard_session.h"

using namespace raekoda;

using Dashboard = testing::DashboardSession;
const Date today = testing::session_today;

TEST_CASE("every view builds a frame with content") {
  Dashboard dashboard(true);
  for (View view : all_views) {
    INFO(view_key(view));
    dashboard.controller.ui_state().view = view;
    dashboard.frame();
    dashboard.frame();
    CHECK(dashboard.vertices() > 1000);
  }
}

TEST_CASE("clicking the view switcher opens each area and the overview again") {
  Dashboard dashboard(true);
  for (View view : all_views) {
    INFO(view_key(view));
    dashboard.click("switcher." + std::string(view_key(view)));
    CHECK(dashboard.controller.ui_state().view == view);
  }
  dashboard.click("switcher.overview");
  CHECK(dashboard.controller.ui_state().view == View::overview);
}

TEST_CASE("clicking an overview tile opens exactly the records its number counts") {
  Dashboard dashboard(true);
  const OverviewFigures& figures = dashboard.figures().overview;
  struct Tile {
    const char* id;
    std::int64_t count;
  };
  for (Tile tile :
       {Tile{"tile.deadlines", figures.documents_overdue},
        Tile{"tile.media", figures.media_items_30d}, Tile{"tile.plan", figures.activities_late},
        Tile{"tile.incidents", figures.incidents_open},
        Tile{"tile.access", figures.leaver_accounts_active}}) {
    INFO(tile.id);
    dashboard.click(tile.id);
    dashboard.frame();
    REQUIRE(dashboard.controller.ui_state().table);
    CHECK(dashboard.controller.ui_state().table->total == tile.count);
    CHECK(tile.count > 0);
    dashboard.click("records.back");
    CHECK_FALSE(dashboard.controller.ui_state().table);
  }
}

TEST_CASE("an empty database shows the welcome page, and loading demo data fills the dashboard") {
  Dashboard dashboard(false);
  dashboard.frame();
  CHECK(dashboard.figures().database_empty);
  CHECK_FALSE(dashboard.probe.has("switcher.media"));
  dashboard.click("welcome.load_demo");
  CHECK_FALSE(dashboard.figures().database_empty);
  CHECK(dashboard.figures().overview.accounts_active > 100);
  dashboard.probe.items.clear();
  dashboard.frame();
  CHECK(dashboard.probe.has("switcher.media"));
  CHECK(dashboard.probe.has("tile.media"));
}

TEST_CASE("a change saved by another program is noticed and the figures refreshed") {
  Dashboard dashboard(true);
  auto before = dashboard.figures().overview.incidents_open;
  CHECK_FALSE(dashboard.controller.poll_for_changes());
  {
    db::Database colleague = db::Database::open(dashboard.target, db::OpenMode::existing);
    colleague.exec(
        "INSERT INTO incidents (title, opened_at, category, severity, institution_id) "
        "VALUES ('Printer ei prindi', '2026-11-22 10:00', 'hardware', 'low', 1)");
  }
  CHECK(dashboard.notices_change());
  CHECK(dashboard.figures().overview.incidents_open == before + 1);
}

TEST_CASE("the chart gallery builds a frame in both themes") {
  Dashboard dashboard(false);
  for (plot::ThemeKind theme : {plot::ThemeKind::light, plot::ThemeKind::dark}) {
    dashboard.controller.ui_state().view = View::gallery;
    dashboard.controller.ui_state().theme = theme;
    dashboard.frame();
    dashboard.frame();
    CHECK(dashboard.vertices() > 5000);
    CHECK(dashboard.probe.has("plot.coverage_by_tone"));
  }
}

TEST_CASE("a view whose figures cannot be read says why once and then stays idle") {
  set_language(Language::en);
  Dashboard dashboard(true);
  // Another program has broken the file: the restore tests' table is gone.
  dashboard.controller.database().exec("DROP TABLE restore_tests");
  dashboard.controller.ui_state().view = View::incidents;
  dashboard.frame();  // asks for the view's figures after it; the next frame has the answer
  dashboard.frame();
  CHECK(dashboard.controller.session().notice_is_problem);
  // The sentence in the user's language; SQLite's English, which names the table, as its detail.
  CHECK(dashboard.controller.session().notice.find("missing") != std::string::npos);
  CHECK(dashboard.controller.session().notice_detail.find("restore_tests") != std::string::npos);
  CHECK_FALSE(dashboard.figures().incidents);
  // Idle means no work: no more reads, no more frames asked for.
  dashboard.controller.take_redraw_request();
  for (int i = 0; i < 5; ++i) dashboard.frame();
  CHECK_FALSE(dashboard.controller.take_redraw_request());
  // The other views still show.
  dashboard.click("switcher.media");
  dashboard.frame();
  CHECK(dashboard.figures().media);
  set_language(Language::et);
}
