#include <catch2/catch.hpp>

#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "plot/category_charts.h"
#include "plot/sample_charts.h"
#include "plot/time_chart.h"

using namespace raekoda;
using namespace raekoda::plot;
using raekoda::testing::day;
using raekoda::testing::weeks_by_tone;

namespace {

// Records what a chart draws, in a font whose every character is 7 units wide and whose lines
// are 14 high, and where: each mark's bounds as far as the clip lets them show.
class RecordingPainter : public Painter {
public:
  struct Mark {
    std::string kind;
    ImVec2 min, max;  // the part of its bounds inside the clip
    ImU32 colour = 0;
    std::string text;
  };
  std::vector<Mark> marks;

  void line(ImVec2 from, ImVec2 to, ImU32 colour, float) override {
    add("line", min_of(from, to), max_of(from, to), colour);
  }
  void polyline(std::span<const ImVec2> points, ImU32 colour, float) override {
    if (points.size() < 2) return;
    ImVec2 low = points[0];
    ImVec2 high = points[0];
    for (ImVec2 p : points) {
      low = min_of(low, p);
      high = max_of(high, p);
    }
    add("polyline", low, high, colour);
  }
  void rect_filled(ImVec2 min, ImVec2 max, ImU32 colour) override {
    add("rect_filled", min, max, colour);
  }
  void rect(ImVec2 min, ImVec2 max, ImU32 colour, float) override { add("rect", min, max, colour); }
  void polygon_filled(std::span<const ImVec2> points, ImU32 colour) override {
    polyline(points, colour, 1);
  }
  void circle_filled(ImVec2 centre, float radius, ImU32 colour) override {
    add("circle_filled", ImVec2(centre.x - radius, centre.y - radius),
        ImVec2(centre.x + radius, centre.y + radius), colour);
  }
  void circle(ImVec2 centre, float radius, ImU32 colour, float) override {
    add("circle", ImVec2(centre.x - radius, centre.y - radius),
        ImVec2(centre.x + radius, centre.y + radius), colour);
  }
  void text(ImVec2 at, std::string_view text, ImU32 colour, TextStyle style) override {
    add("text", at, ImVec2(at.x + text_width(text, style), at.y + line_height(style)), colour,
        std::string(text));
  }
  float text_width(std::string_view text, TextStyle style) override {
    std::size_t characters = 0;
    for (char c : text)
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++characters;
    return 7.0f * style.scale * static_cast<float>(characters);
  }
  float line_height(TextStyle style) override { return 14.0f * style.scale; }
  void push_clip(ImVec2 min, ImVec2 max) override {
    if (!clips_.empty()) {
      min = max_of(min, clips_.back().first);
      max = min_of(max, clips_.back().second);
    }
    clips_.emplace_back(min, max);
  }
  void pop_clip() override {
    REQUIRE_FALSE(clips_.empty());
    clips_.pop_back();
  }
  bool clips_balanced() const { return clips_.empty(); }

  std::vector<Mark> of_kind(const std::string& kind) const {
    std::vector<Mark> found;
    for (const Mark& m : marks)
      if (m.kind == kind) found.push_back(m);
    return found;
  }
  std::vector<std::string> texts() const {
    std::vector<std::string> found;
    for (const Mark& m : marks)
      if (m.kind == "text") found.push_back(m.text);
    return found;
  }

private:
  static ImVec2 min_of(ImVec2 a, ImVec2 b) {
    return ImVec2(std::min(a.x, b.x), std::min(a.y, b.y));
  }
  static ImVec2 max_of(ImVec2 a, ImVec2 b) {
    return ImVec2(std::max(a.x, b.x), std::max(a.y, b.y));
  }
  void add(const char* kind, ImVec2 min, ImVec2 max, ImU32 colour, std::string text = {}) {
    if (!clips_.empty()) {
      min = max_of(min, clips_.back().first);
      max = min_of(max, clips_.back().second);
      if (min.x > max.x || min.y > max.y) return;  // wholly clipped away: nothing shows
    }
    marks.push_back({kind, min, max, colour, std::move(text)});
  }
  std::vector<std::pair<ImVec2, ImVec2>> clips_;
};

bool inside(const RecordingPainter::Mark& m, ImVec2 min, ImVec2 max) {
  constexpr float slack = 0.01f;
  return m.min.x >= min.x - slack && m.min.y >= min.y - slack && m.max.x <= max.x + slack &&
         m.max.y <= max.y + slack;
}

}  // namespace

TEST_CASE("painted stacked bars: one rectangle per series and bucket, in the series' colours") {
  set_language(Language::et);
  const Theme& t = theme(ThemeKind::light);
  TimeSeriesData data = weeks_by_tone();
  TimeChartOptions options;
  options.kind = TimeChartKind::stacked_bars;
  options.target = 20;
  options.target_label = "Eesmärk 20";
  RecordingPainter painter;
  ImVec2 min(40, 30);
  ImVec2 size(500, 220);
  paint_time_chart(painter, min, size, data, options, t);
  CHECK(painter.clips_balanced());

  std::size_t bars = 0;
  for (const auto& m : painter.of_kind("rect_filled"))
    for (std::size_t s = 0; s < data.series.size(); ++s)
      if (m.colour == series_colour(t, data.series[s], s)) {
        ++bars;
        CHECK(inside(m, min, ImVec2(min.x + size.x, min.y + size.y)));
      }
  CHECK(bars == 3 * data.series.size());
  auto texts = painter.texts();
  CHECK(std::find(texts.begin(), texts.end(), "Eesmärk 20") != texts.end());
}

TEST_CASE("a painted chart draws nothing outside its box, however long its axis") {
  set_language(Language::et);
  const Theme& t = theme(ThemeKind::light);
  TimeSeriesData data;
  data.bucket_unit = TimeUnit::day;
  Date first = day("2024-01-01");
  for (int i = 0; i < 900; ++i) data.buckets.push_back(first.plus_days(i));
  data.end = first.plus_days(900);
  Series line{"Avatud", {}, std::nullopt};
  for (int i = 0; i < 900; ++i) line.values.push_back((i * 37) % 101 * 1000.0);
  data.series = {line};
  data.counted_on = first.plus_days(899);
  TimeChartOptions options;
  options.kind = TimeChartKind::line;
  options.target = 90000;
  options.target_label = "Piir, mille järel kõik on hilinenud";
  options.today = first.plus_days(899);
  options.band = TimeChartOptions::DayBand{first.plus_days(800), first.plus_days(850), "Periood"};
  RecordingPainter painter;
  ImVec2 min(10, 10);
  ImVec2 size(300, 160);
  paint_time_chart(painter, min, size, data, options, t);
  CHECK(painter.clips_balanced());
  REQUIRE_FALSE(painter.marks.empty());
  CHECK_FALSE(painter.of_kind("polyline").empty());
  for (const auto& m : painter.marks) {
    INFO(m.kind << " '" << m.text << "' " << m.min.x << "," << m.min.y << " – " << m.max.x << ","
                << m.max.y);
    CHECK(inside(m, min, ImVec2(min.x + size.x, min.y + size.y)));
  }
}

TEST_CASE("a painted chart without data says so") {
  set_language(Language::et);
  RecordingPainter painter;
  paint_time_chart(painter, ImVec2(0, 0), ImVec2(400, 200), TimeSeriesData{}, TimeChartOptions{},
                   theme(ThemeKind::light));
  auto texts = painter.texts();
  REQUIRE(texts.size() == 1);
  CHECK(texts[0] == tr("chart.no_data"));
}

TEST_CASE("the printed key names the running bucket and the band as the screen's legend does") {
  set_language(Language::et);
  const Theme& t = theme(ThemeKind::light);
  TimeSeriesData data = weeks_by_tone();
  data.counted_on = day("2026-11-18");
  TimeChartOptions options;
  options.kind = TimeChartKind::stacked_bars;
  options.band = TimeChartOptions::DayBand{day("2026-11-09"), day("2026-11-15"), "Periood"};
  std::vector<KeyEntry> keys = time_chart_keys(data, options, t);
  REQUIRE(keys.size() == 2);
  CHECK(keys[0].name == "Periood");
  CHECK(keys[1].name == tr("chart.key.running"));
  CHECK(keys[1].mark == KeyEntry::Mark::hatched);

  RecordingPainter painter;
  // 3 series and 2 keys do not fit one line of 200 units: the key wraps.
  float height = paint_key(painter, ImVec2(0, 0), 200, data.series, keys, t);
  CHECK(height > painter.line_height({}) * 1.5f);
  auto texts = painter.texts();
  CHECK(texts.size() == 5);
  for (const auto& m : painter.marks) CHECK(inside(m, ImVec2(0, 0), ImVec2(200, height)));
  CHECK(paint_key(painter, ImVec2(0, 0), 200, {}, {}, t) == 0);
}

TEST_CASE("a painted ranking is a row height per row and shortens a long name to fit") {
  set_language(Language::et);
  const Theme& t = theme(ThemeKind::light);
  std::vector<RankedItem> items = {
      {"Postimees", 12},
      {"Eesti Rahvusringhäälingu Vene Keele Uudisteportaali Toimetus", 9},
      {"Delfi", 4}};
  RecordingPainter painter;
  float width = 400;
  float height = paint_ranking_chart(painter, ImVec2(0, 0), width, items, RankingOptions{}, t);
  CHECK(height == Approx(3 * painter.line_height({}) * 1.6f));
  auto texts = painter.texts();
  CHECK(std::find(texts.begin(), texts.end(), "Postimees") != texts.end());
  CHECK(std::find(texts.begin(), texts.end(), items[1].name) == texts.end());
  bool shortened = false;
  for (const std::string& text : texts)
    if (text.size() > 3 && text.substr(text.size() - 3) == "…" && text.rfind("Eesti", 0) == 0)
      shortened = true;
  CHECK(shortened);
  for (const auto& m : painter.marks) CHECK(inside(m, ImVec2(0, 0), ImVec2(width, height)));
}

TEST_CASE("a painted share bar fills its width with the parts and labels each that has room") {
  set_language(Language::et);
  const Theme& t = theme(ThemeKind::light);
  std::vector<Series> parts = {{"Tähtajaks", {30}, std::nullopt},
                               {"Hilinenud", {10}, std::nullopt}};
  RecordingPainter painter;
  paint_share_bar(painter, ImVec2(0, 0), ImVec2(400, 40), parts, t);
  auto rects = painter.of_kind("rect_filled");
  REQUIRE(rects.size() == 2);
  CHECK(rects[0].max.x - rects[0].min.x == Approx(300));
  CHECK(rects[1].max.x == Approx(400));
  CHECK(painter.texts().size() == 2);
}
