// The next ten working days on the deadlines page: at every window size each day's weekday and
// date stay inside its own cell, with room on both sides, instead of running into the next.

#include <catch2/catch.hpp>

#include <cfloat>

#include "core/i18n.h"
#include "plot/day_strip.h"
#include "support/dashboard_session.h"

using namespace raekoda;

using Session = testing::DashboardSession;

namespace {

float width_of(std::string_view text) {
  ImFont* font = ImGui::GetFont();
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
}

}  // namespace

TEST_CASE("the coming days' weekdays and dates fit their cells at every window size") {
  struct Size {
    float width, height;
  };
  for (Size size : {Size{1280, 720}, Size{1366, 768}, Size{1600, 1000}, Size{1920, 1080}}) {
    for (Language language : all_languages) {
      INFO(size.width << "x" << size.height << " " << language_code(language));
      set_language(language);
      Session session;
      ImGui::GetIO().DisplaySize = ImVec2(size.width, size.height);
      session.click("switcher.deadlines");
      session.frame();
      session.frame();
      REQUIRE(session.figures().deadlines);
      const DeadlineFigures& f = *session.figures().deadlines;
      REQUIRE(f.coming_days.size() == 10);
      auto strip = session.probe.items.at("plot.deadlines.coming");
      float cell = plot::day_cell_width(strip.max.x - strip.min.x, f.coming_days.size());
      std::vector<plot::DayCell> cells;
      for (Date day : f.coming_days) cells.push_back({day, 0, ""});
      plot::DayDateStyle style = plot::day_date_style(cells, cell, width_of);
      plot::DayWeekdayStyle weekday = plot::day_weekday_style(cells, cell, width_of);
      // Every size the dashboard is used at shows at least the day of the month.
      CHECK(style != plot::DayDateStyle::none);
      if (size.width >= 1600) CHECK(style == plot::DayDateStyle::day_and_month);
      float room = cell - 2 * plot::day_label_margin;
      for (Date day : f.coming_days) {
        INFO(day.iso() << " in a cell " << cell << " px wide");
        CHECK(width_of(plot::day_date_text(day, style)) <= room);
        CHECK(width_of(plot::day_weekday_text(day, weekday)) <= room);
      }
    }
  }
}

TEST_CASE("a narrow cell shows the day alone, a wide one the day and month") {
  std::vector<plot::DayCell> days = {{*Date::parse_iso("2026-11-30"), 0, ""},
                                     {*Date::parse_iso("2026-12-01"), 0, ""}};
  auto seven_per_character = [](std::string_view text) {
    return 7.0f * static_cast<float>(text.size());
  };
  CHECK(plot::day_date_style(days, 60, seven_per_character) == plot::DayDateStyle::day_and_month);
  CHECK(plot::day_date_style(days, 36, seven_per_character) == plot::DayDateStyle::day_only);
  CHECK(plot::day_date_style(days, 12, seven_per_character) == plot::DayDateStyle::none);
  CHECK(plot::day_date_text(days[1].day, plot::DayDateStyle::day_and_month) == "01.12");
  CHECK(plot::day_date_text(days[1].day, plot::DayDateStyle::day_only) == "1");
  CHECK(plot::day_date_text(days[1].day, plot::DayDateStyle::none).empty());
  CHECK(plot::day_cell_width(436, 10) == Approx(40.0));
  set_language(Language::en);
  CHECK(plot::day_weekday_style(days, 60, seven_per_character) ==
        plot::DayWeekdayStyle::short_name);
  CHECK(plot::day_weekday_style(days, 24, seven_per_character) == plot::DayWeekdayStyle::shortest);
  CHECK(plot::day_weekday_text(days[1].day, plot::DayWeekdayStyle::shortest) == "Tu");
  CHECK(plot::day_weekday_text(days[1].day, plot::DayWeekdayStyle::short_name) == "Tue");
}
