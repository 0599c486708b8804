// The overview at the window sizes the city's laptops and screens have: every tile in one row
// with its trend under it, the page filled, and each trend opening what its tile opens.

#include <catch2/catch.hpp>

#include "core/i18n.h"
#include "plot/kpi_tile.h"
#include "support/dashboard_session.h"
#include "ui/view_layout.h"

using namespace raekoda;

using Session = testing::DashboardSession;

namespace {

constexpr std::array<const char*, 5> areas = {"media", "deadlines", "plan", "incidents", "access"};

struct WindowSize {
  float width, height;
};
constexpr std::array<WindowSize, 3> sizes = {{{1280, 720}, {1366, 768}, {1600, 1000}}};

// A session whose window is `size`, on the overview, settled.
void show_overview(Session& session, WindowSize size, Language language = Language::et) {
  set_language(language);
  ImGui::GetIO().DisplaySize = ImVec2(size.width, size.height);
  session.frame();
  session.frame();
  session.frame();
}

ui::ItemProbe::Rect rect(Session& session, const std::string& name) {
  INFO(name);
  REQUIRE(session.probe.has(name));
  return session.probe.items.at(name);
}

// The filters of a drill-down table as one comparable text.
std::string filters_text(const ui::TableState& table) {
  std::string text = table.title + "|" + table.query.sort_column;
  for (const RecordFilter& filter : table.query.filters)
    text += "|" + filter.column + ":" + std::to_string(static_cast<int>(filter.kind)) + ":" +
            filter.value.value_or("") + ":" + filter.until.value_or("");
  return text;
}

}  // namespace

TEST_CASE("at 1280, 1366 and 1600 pixels the five tiles stand in one row, a trend under each") {
  for (WindowSize size : sizes) {
    for (Language language : all_languages) {
      INFO(size.width << "x" << size.height << " " << language_code(language));
      Session session;
      show_overview(session, size, language);
      auto first = rect(session, "tile.media");
      float right = 0;
      for (const char* area : areas) {
        INFO(area);
        auto tile = rect(session, std::string("tile.") + area);
        auto trend = rect(session, std::string("trend.") + area);
        CHECK(tile.min.y == first.min.y);
        CHECK(tile.max.y == first.max.y);
        CHECK(tile.min.x >= right);
        CHECK(trend.min.y >= tile.max.y);
        CHECK(trend.min.y - tile.max.y < 16);
        CHECK(trend.min.x == tile.min.x);
        CHECK(trend.max.x == tile.max.x);
        right = tile.max.x;
      }
      CHECK(right <= size.width);
    }
  }
}

TEST_CASE("the overview fills the window, and at 1280x720 fits it without scrolling") {
  for (WindowSize size : sizes) {
    INFO(size.width << "x" << size.height);
    Session session;
    show_overview(session, size);
    auto coverage = rect(session, "plot.overview.coverage");
    CHECK(coverage.max.y <= size.height);
    // No band of empty page under the chart: what is left is the window's margin.
    CHECK(coverage.max.y >= size.height - 40);
  }
}

TEST_CASE("a trend opens the records its tile opens") {
  Session session;
  show_overview(session, {1366, 768});
  for (const char* area : areas) {
    INFO(area);
    session.click(std::string("tile.") + area);
    REQUIRE(session.ui().table);
    std::string from_tile = filters_text(*session.ui().table);
    session.ui().table.reset();
    session.frame();
    session.click(std::string("trend.") + area);
    REQUIRE(session.ui().table);
    CHECK(filters_text(*session.ui().table) == from_tile);
    session.ui().table.reset();
  }
}

TEST_CASE("tiles share rows evenly, never leaving one alone in a row") {
  CHECK(ui::tile_rows(5, 1250, 210, 16) == std::vector<int>{5});
  CHECK(ui::tile_rows(5, 1000, 210, 16) == std::vector<int>{3, 2});
  CHECK(ui::tile_rows(5, 700, 210, 16) == std::vector<int>{3, 2});
  CHECK(ui::tile_rows(4, 700, 210, 16) == std::vector<int>{2, 2});
  CHECK(ui::tile_rows(5, 100, 210, 16) == std::vector<int>{1, 1, 1, 1, 1});
  CHECK(ui::tile_rows(0, 1000, 210, 16).empty());
}

TEST_CASE("a trend's bars are found under the mouse across its width") {
  CHECK(plot::trend_bar_at(10, 10, 120, 12) == 0);
  CHECK(plot::trend_bar_at(129.9f, 10, 120, 12) == 11);
  CHECK(plot::trend_bar_at(75, 10, 120, 12) == 6);
  CHECK(plot::trend_bar_at(9, 10, 120, 12) == -1);
  CHECK(plot::trend_bar_at(130, 10, 120, 12) == -1);
}
