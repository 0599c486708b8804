#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>

#include "core/i18n.h"
#include "core/number_format.h"
#include "plot/category_charts.h"
#include "plot/sample_charts.h"
#include "plot/time_chart.h"
#include "plot/timeline_chart.h"
#include "plot/value_scale.h"

using namespace raekoda;
using namespace raekoda::plot;
using raekoda::testing::day;
using raekoda::testing::weeks_by_tone;

TEST_CASE("a day falls into the bucket that holds it, none outside the data") {
  auto data = weeks_by_tone();
  CHECK(bucket_at(data, day("2026-11-02")) == 0u);
  CHECK(bucket_at(data, day("2026-11-15")) == 1u);
  CHECK(bucket_at(data, day("2026-11-22")) == 2u);
  CHECK_FALSE(bucket_at(data, day("2026-11-23")));
  CHECK_FALSE(bucket_at(data, day("2026-11-01")));
}

TEST_CASE("the tooltip lists every visible series' value in the bucket") {
  auto data = weeks_by_tone();
  ChartState state;
  auto rows = tooltip_rows(data, state, 1);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].name == "Negatiivne");
  CHECK(rows[0].value == 7);
  CHECK(rows[2].value == 2);
  state.hidden = {false, true, false};  // neutral hidden from the legend
  rows = tooltip_rows(data, state, 1);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].name == "Positiivne");
}

TEST_CASE("a time series copies as CSV for Estonian spreadsheets") {
  set_language(Language::et);
  auto data = weeks_by_tone();
  data.series[0].values[2] = 1.5;
  std::string csv = time_series_csv(data);
  CHECK(csv.rfind("Periood;Algus;Lõpp;Negatiivne;Neutraalne;Positiivne\r\n", 0) == 0);
  CHECK(csv.find("45. nädal 2026;02.11.2026;08.11.2026;3;10;4\r\n") != std::string::npos);
  CHECK(csv.find(";1,5;") != std::string::npos);
}

TEST_CASE("CSV fields with separators or quotes are quoted") {
  CHECK(csv_line({"a", "b;c", "say \"hi\""}) == "a;\"b;c\";\"say \"\"hi\"\"\"\r\n");
  CHECK(csv_number(12) == "12");
  CHECK(csv_number(0.953) == "0,953");
  CHECK(csv_number(NAN).empty());
}

TEST_CASE("a ranking shows the top items and sums the rest into other") {
  std::vector<RankedItem> items;
  for (int i = 1; i <= 12; ++i)
    items.push_back({"kanal " + std::to_string(i), static_cast<double>(i), i % 2});
  auto rows = top_with_other(items, 5, "Muud");
  REQUIRE(rows.size() == 6);
  CHECK(rows[0].value == 12);
  CHECK(rows[4].value == 8);
  CHECK(rows[5].name == "Muud");
  CHECK(rows[5].value == 1 + 2 + 3 + 4 + 5 + 6 + 7);
  CHECK(rows[5].group == -1);
  // One item more than the top is shown as itself, not as "other".
  items.resize(6);
  CHECK(top_with_other(items, 5, "Muud").back().name == "kanal 1");
}

TEST_CASE("shares add up to the whole") {
  auto parts = shares({1408, 1502, 66});
  CHECK(std::accumulate(parts.begin(), parts.end(), 0.0) == Approx(1.0));
  CHECK(parts[1] == Approx(1502.0 / 2976));
  auto none = shares({0, 0});
  CHECK(none[0] == 0);
}

TEST_CASE("an activity spanning the window's edge is clipped, not dropped") {
  Date from = day("2026-11-02");
  Date to = day("2026-12-27");  // 8 weeks, 56 days
  float width = 560;            // 10 px a day
  auto spanning = timeline_span(day("2026-10-20"), day("2026-11-05"), from, to, width);
  REQUIRE(spanning);
  CHECK(spanning->clipped_left);
  CHECK(spanning->left == Approx(0));
  CHECK(spanning->right == Approx(40));  // up to the end of 05.11
  auto inside = timeline_span(day("2026-11-10"), day("2026-11-10"), from, to, width);
  REQUIRE(inside);
  CHECK(inside->right - inside->left == Approx(10));
  auto beyond = timeline_span(day("2026-12-20"), day("2027-01-20"), from, to, width);
  REQUIRE(beyond);
  CHECK(beyond->clipped_right);
  CHECK(beyond->right == Approx(width));
  CHECK_FALSE(timeline_span(day("2027-01-01"), day("2027-01-05"), from, to, width));
}

TEST_CASE("negative coverage is never green, in either theme") {
  for (ThemeKind kind : {ThemeKind::light, ThemeKind::dark}) {
    ImU32 negative = tone_colour(theme(kind), 0);
    unsigned r = (negative >> IM_COL32_R_SHIFT) & 0xFF;
    unsigned g = (negative >> IM_COL32_G_SHIFT) & 0xFF;
    CHECK(r > g);
    CHECK(negative != tone_colour(theme(kind), 2));
  }
}

TEST_CASE("a drag moves a timeline bar by whole days") {
  Date from = *Date::parse_iso("2026-11-16");
  Date to = *Date::parse_iso("2027-01-10");  // 56 days across 560 pixels: 10 pixels a day
  CHECK(plot::drag_days(0, from, to, 560) == 0);
  CHECK(plot::drag_days(4, from, to, 560) == 0);
  CHECK(plot::drag_days(6, from, to, 560) == 1);
  CHECK(plot::drag_days(70, from, to, 560) == 7);
  CHECK(plot::drag_days(-31, from, to, 560) == -3);
}

TEST_CASE("a grid copies as CSV: column names, then each row's name and cells") {
  std::string csv =
      plot::grid_csv({"Põhjarannik", "Новости"}, {"47", "48"},
                     [](std::size_t r, std::size_t c) { return std::to_string(r * 10 + c); });
  CHECK(csv == ";47;48\r\nPõhjarannik;0;1\r\nНовости;10;11\r\n");
}

TEST_CASE("the values of one chart are written alike: 8,0 beside 8,1, not 8") {
  set_language(Language::et);
  std::vector<double> medians = {8, 8.1, 21.1};
  int decimals = shared_decimals(medians, false);
  CHECK(value_text(8, false, decimals) == format_decimal(8, 1));
  CHECK(value_text(8.1, false, decimals) == format_decimal(8.1, 1));
  std::vector<double> counts = {8, 12, 0};
  CHECK(shared_decimals(counts, false) == 0);
  // Shares in whole percent, unless one that is not zero would read "0 %".
  std::vector<double> shares_of_voice = {0.26, 0.15, 0.078};
  CHECK(shared_decimals(shares_of_voice, true) == 0);
  std::vector<double> with_a_sliver = {0.9, 0.097, 0.003};
  CHECK(shared_decimals(with_a_sliver, true) == 1);
  // An axis from its step: 0, 0.5, 1.0, 1.5.
  int axis = tick_decimals(0.5, false);
  CHECK(value_text(1, false, axis) == format_decimal(1, 1));
  CHECK(value_text(1.5, false, axis) == format_decimal(1.5, 1));
}

TEST_CASE("the bucket holding the day the figures are counted on is still running") {
  set_language(Language::et);
  auto data = weeks_by_tone();
  CHECK_FALSE(running_bucket(data, 2));  // no day given: every bucket is whole
  data.counted_on = day("2026-11-18");   // a Wednesday in the last week
  CHECK_FALSE(running_bucket(data, 0));
  CHECK_FALSE(running_bucket(data, 1));
  CHECK(running_bucket(data, 2));
  auto notes = bucket_notes(data, 2);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0] == "Seni, kuni 18.11.2026");
  CHECK(bucket_notes(data, 1).empty());
  // Its last day still runs too: Sunday's figures are not the whole week's until Monday.
  data.counted_on = day("2026-11-22");
  CHECK(running_bucket(data, 2));
  data.counted_on = day("2026-11-23");  // after the data: nothing runs
  CHECK_FALSE(running_bucket(data, 2));
  set_language(Language::en);
  data.counted_on = day("2026-11-18");
  CHECK(bucket_notes(data, 2)[0] == "So far, up to 18.11.2026");
  set_language(Language::et);
}

TEST_CASE("a share's tooltip gives its count, and a share of few items is named so") {
  set_language(Language::en);
  TimeSeriesData data;
  data.bucket_unit = TimeUnit::week;
  data.buckets = {day("2026-11-09"), day("2026-11-16")};
  data.end = day("2026-11-23");
  data.series = {{"Negative", {0.25, 0.1}, std::nullopt}, {"Neutral", {0.75, 0.9}, std::nullopt}};
  data.totals = {4, 400};
  ChartState state;
  auto rows = tooltip_rows(data, state, 0);
  REQUIRE(rows.size() == 2);
  REQUIRE(rows[0].count);
  CHECK(*rows[0].count == 1);
  CHECK(tooltip_value(data, rows[0], 0, true, 0) == format_percent(0.25, 0) + " · 1 of 4");
  CHECK(tooltip_value(data, tooltip_rows(data, state, 1)[0], 1, true, 0) ==
        format_percent(0.1, 0) + " · 40 of 400");
  CHECK(thin_bucket(data, 0));
  CHECK_FALSE(thin_bucket(data, 1));
  auto notes = bucket_notes(data, 0);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0] == "Only 4 items: the share is down to chance");
  set_language(Language::et);
  CHECK(tooltip_value(data, rows[0], 0, true, 0) == format_percent(0.25, 0) + " · 1 kokku 4-st");
  CHECK(bucket_notes(data, 0)[0] == "Ainult 4 kirjet: osakaal on juhuslik");
  data.totals = {1, 400};
  CHECK(bucket_notes(data, 0)[0] == "Ainult 1 kirje: osakaal on juhuslik");
}

TEST_CASE("a name too long for its column is shortened with an ellipsis, never mid-letter") {
  // 7.5 px a character, as DejaVu Sans at 14 px on average.
  auto measure = [](std::string_view text) {
    float characters = 0;
    for (unsigned char c : text)
      if ((c & 0xC0) != 0x80) characters += 1;
    return characters * 7.5f;
  };
  std::string name = "Märgukiri või selgitustaotlus";
  CHECK(fit_text(name, 400, measure) == name);
  std::string cut = fit_text(name, 120, measure);
  CHECK(cut.size() < name.size());
  CHECK(cut.substr(cut.size() - 3) == "…");
  CHECK(measure(cut) <= 120);
  CHECK(cut.rfind("Märgukiri", 0) == 0);
  // Cut after a word, no space is left before the ellipsis.
  CHECK(fit_text("Volikogu liikme järelepärimine", 75, measure) == "Volikogu…");
  // Cyrillic is cut at a letter, not inside one.
  std::string russian = fit_text("Северное побережье", 60, measure);
  CHECK(russian == "Северно…");
  CHECK(fit_text(name, 5, measure).empty());
}

TEST_CASE("a ranking's names take the room the bars can spare, the bars keep an eighth") {
  // A 400 px panel with values 60 px wide: a 260 px name fits whole, where 45 % cut it.
  CHECK(name_column_width(260, 400, 60) == Approx(260));
  // A longer name is held to what leaves the bars 12 % of the width.
  CHECK(name_column_width(320, 400, 60) == Approx(400 - 60 - 18 - 48));
  CHECK(name_column_width(320, 100, 60) == Approx(0));
}
