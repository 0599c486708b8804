#include <catch2/catch.hpp>

#include "app/headless.h"
#include "core/i18n.h"
#include "plot/time_chart.h"

using namespace raekoda;
using app::HeadlessImGui;

namespace {

// One chart alone in a window, as a view would draw it.
struct ChartWindow {
  HeadlessImGui imgui{900, 500};
  plot::TimeSeriesData data;
  plot::ChartState state;
  std::optional<plot::Selection> selection;
  ImVec2 min, max;  // where the chart was drawn

  ChartWindow() {
    data.bucket_unit = plot::TimeUnit::week;
    Date monday = *Date::parse_iso("2026-09-07");
    for (int w = 0; w < 10; ++w) data.buckets.push_back(monday.plus_days(7 * w));
    data.end = monday.plus_days(70);
    data.series = {{"Negatiivne", {}, std::nullopt}, {"Positiivne", {}, std::nullopt}};
    for (int w = 0; w < 10; ++w) {
      data.series[0].values.push_back(10 + w);
      data.series[1].values.push_back(5);
    }
  }

  void draw() {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(900, 500));
    ImGui::Begin("chart", nullptr, ImGuiWindowFlags_NoDecoration);
    plot::ChartContext context{&plot::theme(plot::ThemeKind::light), imgui.fonts().bold, nullptr};
    auto picked = plot::time_chart(
        "tone", data, {plot::TimeChartKind::stacked_bars, false, std::nullopt, "", 300}, state,
        context);
    min = ImGui::GetItemRectMin();
    max = ImGui::GetItemRectMax();
    if (picked) selection = picked;
    ImGui::End();
  }
  void frame() {
    imgui.frame([&] { draw(); });
  }
  void click(ImVec2 at) {
    imgui.click(at, [&] { draw(); });
  }

  // Sweeps along a row of pixels until the mouse is over bucket `bucket`; returns that x.
  float x_of_bucket(std::size_t bucket, float y) {
    for (float x = min.x; x < max.x; x += 2) {
      imgui.move_mouse(ImVec2(x, y));
      frame();
      if (state.hovered_index == bucket) {
        // Keep going to the middle of the bucket's band.
        float first = x;
        while (x < max.x && state.hovered_index == bucket) {
          x += 2;
          imgui.move_mouse(ImVec2(x, y));
          frame();
        }
        return (first + x - 2) / 2;
      }
    }
    return -1;
  }
};

}  // namespace

TEST_CASE("hovering a stacked bar shows that week's values of every series", "[no-db]") {
  set_language(Language::et);
  ChartWindow chart;
  chart.frame();
  float y = chart.max.y - 60;
  float x = chart.x_of_bucket(4, y);
  REQUIRE(x > 0);
  chart.imgui.move_mouse(ImVec2(x, y));
  chart.frame();
  REQUIRE(chart.state.hovered_index == 4u);
  auto rows = plot::tooltip_rows(chart.data, chart.state, *chart.state.hovered_index);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].value == 14);
  CHECK(rows[1].value == 5);
  // A tooltip window is open while hovering.
  CHECK(ImGui::GetIO().WantCaptureMouse);
}

TEST_CASE("clicking the bottom segment of a stacked bar selects that series and week", "[no-db]") {
  ChartWindow chart;
  chart.frame();
  // Just above the value axis' zero line: the bottom segment, the negative series.
  float y = chart.max.y - ImGui::GetTextLineHeight() * 2.4f - 4;
  float x = chart.x_of_bucket(6, y);
  REQUIRE(x > 0);
  chart.click(ImVec2(x, y));
  REQUIRE(chart.selection);
  CHECK(chart.selection->chart == "tone");
  CHECK(chart.selection->series == 0);
  CHECK(chart.selection->category == "Negatiivne");
  CHECK(chart.selection->index == 6);
  CHECK(chart.selection->from == Date::parse_iso("2026-10-19"));
  CHECK(chart.selection->until == Date::parse_iso("2026-10-25"));
}

TEST_CASE("a click in the gap between bars selects nothing", "[no-db]") {
  ChartWindow chart;
  chart.frame();
  float y = chart.max.y - ImGui::GetTextLineHeight() * 2.4f - 4;
  float x = chart.x_of_bucket(3, y);
  REQUIRE(x > 0);
  // The edge between bucket 3 and 4: the sweep found bucket 3's middle; walk to its end.
  float edge = x;
  while (edge < chart.max.x) {
    chart.imgui.move_mouse(ImVec2(edge, y));
    chart.frame();
    if (chart.state.hovered_index != 3u) break;
    edge += 1;
  }
  chart.click(ImVec2(edge - 0.5f, y));
  CHECK_FALSE(chart.selection);
}

TEST_CASE("a 100,000-point line draws decimated, far below the 64k-vertex limit", "[no-db]") {
  HeadlessImGui imgui(1600, 600);
  plot::TimeSeriesData data;
  data.bucket_unit = plot::TimeUnit::day;
  Date first = *Date::parse_iso("1750-01-01");
  for (int d = 0; d < 100000; ++d) data.buckets.push_back(first.plus_days(d));
  data.end = first.plus_days(100000);
  data.series = {{"Mõõtmised", std::vector<double>(100000), std::nullopt}};
  for (int d = 0; d < 100000; ++d)
    data.series[0].values[static_cast<std::size_t>(d)] = (d * 7919) % 1000;
  plot::ChartState state;
  imgui.frame([&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(1600, 600));
    ImGui::Begin("line", nullptr, ImGuiWindowFlags_NoDecoration);
    plot::ChartContext context{&plot::theme(plot::ThemeKind::light), nullptr, nullptr};
    plot::time_chart("line", data, {plot::TimeChartKind::line, false, std::nullopt, "", 500}, state,
                     context);
    ImGui::End();
  });
  int vertices = ImGui::GetDrawData()->TotalVtxCount;
  CHECK(vertices > 1000);
  CHECK(vertices < 65535);
}

TEST_CASE("clicking a legend entry hides its series, clicking again shows it", "[no-db]") {
  ChartWindow chart;
  chart.frame();
  ImVec2 padding = ImGui::GetStyle().WindowPadding;
  ImVec2 first_entry(padding.x + 8, padding.y + ImGui::GetTextLineHeight() / 2);
  chart.click(first_entry);
  REQUIRE(chart.state.hidden.size() == 2);
  CHECK(chart.state.hidden[0]);
  CHECK_FALSE(chart.state.hidden[1]);
  // A hidden series leaves the tooltip too.
  CHECK(plot::tooltip_rows(chart.data, chart.state, 0).size() == 1);
  chart.click(first_entry);
  CHECK_FALSE(chart.state.hidden[0]);
}

TEST_CASE("dragging pans the time axis and a double click fits it again", "[no-db]") {
  ChartWindow chart;
  chart.frame();
  ImGuiIO& io = ImGui::GetIO();
  float y = chart.max.y - 80;
  chart.imgui.move_mouse(ImVec2(500, y));
  chart.frame();
  io.MouseDown[0] = true;
  chart.frame();
  for (float x = 500; x <= 600; x += 10) {
    chart.imgui.move_mouse(ImVec2(x, y));
    chart.frame();
  }
  io.MouseDown[0] = false;
  chart.frame();
  REQUIRE(chart.state.view_from);
  // Dragging right shows earlier weeks.
  CHECK(*chart.state.view_from <
        static_cast<double>(chart.data.buckets.front().days().time_since_epoch().count()));
  CHECK_FALSE(chart.selection);  // a drag is not a click
  chart.click(ImVec2(500, y));
  chart.click(ImVec2(500, y));  // the second click within the double-click time
  CHECK_FALSE(chart.state.view_from);
}
