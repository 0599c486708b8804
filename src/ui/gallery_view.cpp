// Every chart kind on fixed sample data: a place to look at them all, in both themes, and the
// screen the chart tests click on.

#include <cmath>

#include "core/enums.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "plot/category_charts.h"
#include "plot/kpi_tile.h"
#include "plot/time_chart.h"
#include "plot/timeline_chart.h"
#include "ui/views.h"

namespace raekoda::ui {
namespace {

const Date sample_today = *Date::from_ymd(2026, 11, 22);

plot::TimeSeriesData coverage_by_tone(const plot::Theme& theme) {
  plot::TimeSeriesData data;
  data.bucket_unit = plot::TimeUnit::week;
  Date first = sample_today.week_start().plus_days(-7 * 25);
  data.series = {{tr("enum.tone.negative"), {}, plot::tone_colour(theme, 0)},
                 {tr("enum.tone.neutral"), {}, plot::tone_colour(theme, 1)},
                 {tr("enum.tone.positive"), {}, plot::tone_colour(theme, 2)}};
  for (int w = 0; w < 26; ++w) {
    data.buckets.push_back(first.plus_days(7 * w));
    double wave = 1.0 + 0.35 * std::sin(w / 4.0);
    data.series[0].values.push_back(std::round(5 * wave + (w % 5 == 3 ? 6 : 0)));
    data.series[1].values.push_back(std::round(12 * wave + w % 3));
    data.series[2].values.push_back(std::round(5 + 2 * std::cos(w / 3.0)));
  }
  data.end = first.plus_days(7 * 26);
  data.counted_on = sample_today;
  return data;
}

plot::TimeSeriesData on_time_rate() {
  plot::TimeSeriesData data;
  data.bucket_unit = plot::TimeUnit::month;
  data.series = {{tr("gallery.on_time"), {}, std::nullopt}};
  Date month = sample_today.month_start().plus_months(-17);
  for (int m = 0; m < 18; ++m) {
    data.buckets.push_back(month.plus_months(m));
    // Summer months with few answers: their shares are drawn hollow.
    data.totals.push_back(m == 7 || m == 9 ? 6 : 40 + 3 * (m % 4));
    // July's figures were never entered: the line shows a gap, not a zero.
    double value = m == 8 ? NAN : 0.9 + 0.06 * std::sin(m / 2.5) + (m > 12 ? 0.02 : 0);
    data.series[0].values.push_back(std::min(value, 1.0));
  }
  data.end = month.plus_months(18);
  data.counted_on = sample_today;
  return data;
}

plot::TimeSeriesData opened_and_resolved() {
  plot::TimeSeriesData data;
  data.bucket_unit = plot::TimeUnit::week;
  data.series = {{tr("gallery.opened"), {}, std::nullopt},
                 {tr("gallery.resolved"), {}, std::nullopt}};
  Date first = sample_today.week_start().plus_days(-7 * 15);
  for (int w = 0; w < 16; ++w) {
    data.buckets.push_back(first.plus_days(7 * w));
    data.series[0].values.push_back(10 + (w * 7) % 6);
    data.series[1].values.push_back(9 + (w * 5) % 7);
  }
  data.end = first.plus_days(7 * 16);
  data.counted_on = sample_today;
  return data;
}

std::vector<plot::RankedItem> outlets() {
  return {
      {"Новости Кохтла-Ярве", 212, 1}, {"Põhjarannik", 181, 0},        {"Ida-Viru Teataja", 164, 0},
      {"Кохтла-Ярве сегодня", 150, 1}, {"Северное побережье", 121, 1}, {"Kirde Uudised", 96, 0},
      {"Вести Вирумаа", 88, 1},        {"Телеканал Восток", 54, 1},    {"Kirde TV", 41, 0},
      {"Virumaa Raadio", 37, 0},       {"Naabrite foorum", 22, 1}};
}

plot::HeatmapData weekday_by_hour() {
  plot::HeatmapData data;
  for (int day = 1; day <= 7; ++day)
    data.rows.push_back(tr("weekday.short." + std::to_string(day)));
  for (int hour = 7; hour <= 18; ++hour) data.columns.push_back(std::to_string(hour));
  for (std::size_t r = 0; r < data.rows.size(); ++r)
    for (std::size_t c = 0; c < data.columns.size(); ++c) {
      double workday = r < 5 ? 1.0 : 0.08;
      double peak = std::exp(-std::pow(static_cast<double>(c) - 2.5, 2) / 6) +
                    0.6 * std::exp(-std::pow(static_cast<double>(c) - 6.5, 2) / 4);
      data.values.push_back(std::round(14 * workday * peak));
    }
  return data;
}

std::vector<plot::TimelineBar> plan_activities(const plot::Theme& theme,
                                               std::vector<ImU32>& colours) {
  colours = {plot::palette_colour(theme, 4), plot::palette_colour(theme, 0),
             plot::palette_colour(theme, 2), theme.warning, plot::tone_colour(theme, 1)};
  auto status = [&](ActivityStatus s) { return colours[static_cast<std::size_t>(s)]; };
  auto name = [](ActivityStatus s) { return std::string(tr(catalog_key(s))); };
  Date monday = sample_today.week_start();
  return {
      {tr("gallery.activity.campaign"), monday.plus_days(-20), monday.plus_days(24),
       status(ActivityStatus::in_progress), name(ActivityStatus::in_progress)},
      {tr("gallery.activity.newspaper"), monday.plus_days(3), monday.plus_days(4),
       status(ActivityStatus::planned), name(ActivityStatus::planned)},
      {tr("gallery.activity.session"), monday.plus_days(-3), monday.plus_days(-3),
       status(ActivityStatus::done), name(ActivityStatus::done)},
      {tr("gallery.activity.video"), monday.plus_days(-8), monday.plus_days(-6),
       status(ActivityStatus::postponed), name(ActivityStatus::postponed)},
      {tr("gallery.activity.market"), monday.plus_days(26), monday.plus_days(28),
       status(ActivityStatus::planned), name(ActivityStatus::planned)},
      {tr("gallery.activity.budget"), monday.plus_days(10), monday.plus_days(45),
       status(ActivityStatus::planned), name(ActivityStatus::planned)},
  };
}

void section(const char* key, const Fonts& fonts) {
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(tr(key));
  ImGui::PopFont();
}

}  // namespace

void draw_gallery(UiState& state, const Fonts& fonts) {
  const plot::Theme& theme = plot::theme(state.theme);
  plot::ChartContext context = state.chart_context(fonts);
  auto keep = [&](std::optional<plot::Selection> picked) {
    if (picked) state.selection = std::move(picked);
  };

  ImGui::PushFont(fonts.title);
  ImGui::TextUnformatted(tr("gallery.heading"));
  ImGui::PopFont();
  ImGui::SameLine();
  if (state.selection) {
    const plot::Selection& s = *state.selection;
    std::string text = trf("gallery.selection", s.chart, s.category, s.index);
    if (s.from) text += "  " + s.from->display() + " – " + s.until->display();
    ImGui::TextDisabled("%s", text.c_str());
  } else {
    ImGui::TextDisabled("%s", tr("gallery.hint"));
  }

  // KPI tiles.
  constexpr float gap = 16;
  float tile_width = (ImGui::GetContentRegionAvail().x - 3 * gap) / 4;
  plot::TileFonts tile_fonts{fonts.regular, fonts.headline};
  using plot::Assessment;
  plot::KpiTile tiles[4] = {
      {tr("gallery.tile.coverage"),
       format_count(412),
       tr("gallery.tile.coverage_detail"),
       "▲ " + format_percent(0.12, 0),
       Assessment::neutral,
       Assessment::neutral,
       {300, 340, 310, 380, 368, 412}},
      {tr("gallery.tile.on_time"),
       format_percent(0.93, 0),
       tr("gallery.tile.on_time_detail"),
       "▼ 2 pp",
       Assessment::warning,
       Assessment::bad,
       {0.97, 0.96, 0.95, 0.96, 0.95, 0.93}},
      {tr("gallery.tile.leavers"),
       format_count(3),
       tr("gallery.tile.leavers_detail"),
       "",
       Assessment::bad,
       Assessment::neutral,
       {}},
      {tr("gallery.tile.resolve"),
       trf("incidents.target_hours", format_decimal(5.5, 1)),
       tr("gallery.tile.resolve_detail"),
       "▼ " + format_percent(0.18, 0),
       Assessment::good,
       Assessment::good,
       {8.1, 7.4, 7.9, 6.6, 6.2, 5.5}},
  };
  for (int i = 0; i < 4; ++i) {
    if (i) ImGui::SameLine(0, gap);
    std::string id = "tile." + std::to_string(i);
    if (plot::draw_kpi_tile(id.c_str(), tiles[i], ImVec2(tile_width, 150), theme, tile_fonts)) {
      plot::Selection picked;
      picked.chart = id;
      picked.category = tiles[i].title;
      state.selection = picked;
    }
    remember_item(state, id);
  }
  ImGui::Spacing();

  constexpr ImGuiTableFlags layout = ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX;
  if (ImGui::BeginTable("##gallery_time", 3, layout)) {
    ImGui::TableNextColumn();
    section("gallery.coverage_by_tone", fonts);
    auto tone = coverage_by_tone(theme);
    keep(plot::time_chart("coverage_by_tone", tone,
                          {plot::TimeChartKind::stacked_bars, false, std::nullopt, "", 200},
                          state.chart("coverage_by_tone"), context));
    remember_item(state, "plot.coverage_by_tone");
    ImGui::TableNextColumn();
    section("gallery.on_time_rate", fonts);
    keep(plot::time_chart("on_time_rate", on_time_rate(),
                          {plot::TimeChartKind::line, true, 0.95, tr("gallery.target"),
                           200 + ImGui::GetTextLineHeightWithSpacing()},
                          state.chart("on_time_rate"), context));
    ImGui::TableNextColumn();
    section("gallery.opened_resolved", fonts);
    keep(plot::time_chart("opened_resolved", opened_and_resolved(),
                          {plot::TimeChartKind::bars, false, std::nullopt, "", 200},
                          state.chart("opened_resolved"), context));
    ImGui::EndTable();
  }
  ImGui::Spacing();

  if (ImGui::BeginTable("##gallery_categories", 3, layout)) {
    ImGui::TableNextColumn();
    section("gallery.outlets", fonts);
    plot::RankingOptions ranking;
    ranking.top = 7;
    ranking.group_names = {tr("enum.content_language.et"), tr("enum.content_language.ru")};
    keep(plot::ranking_chart("outlets", outlets(), ranking, context));
    ImGui::TableNextColumn();
    section("gallery.languages", fonts);
    std::vector<plot::Series> languages = {{tr("enum.content_language.et"), {1408}, std::nullopt},
                                           {tr("enum.content_language.ru"), {1502}, std::nullopt},
                                           {tr("enum.content_language.en"), {66}, std::nullopt}};
    keep(plot::share_chart("languages", languages, plot::ShareStyle::bar, 34, context));
    ImGui::Spacing();
    section("gallery.tone", fonts);
    std::vector<plot::Series> tones = {
        {tr("enum.tone.negative"), {685}, plot::tone_colour(theme, 0)},
        {tr("enum.tone.neutral"), {1648}, plot::tone_colour(theme, 1)},
        {tr("enum.tone.positive"), {643}, plot::tone_colour(theme, 2)}};
    keep(plot::share_chart("tones", tones, plot::ShareStyle::donut, 120, context));
    ImGui::TableNextColumn();
    section("gallery.weekday_hour", fonts);
    keep(plot::heatmap_chart("weekday_hour", weekday_by_hour(), context));
    ImGui::EndTable();
  }
  ImGui::Spacing();

  section("gallery.timeline", fonts);
  plot::TimelineOptions timeline;
  timeline.from = sample_today.week_start().plus_days(-14);
  timeline.to = timeline.from.plus_days(8 * 7 - 1);
  timeline.today = sample_today;
  timeline.markers = {{sample_today.plus_days(4), tr("gallery.copy_deadline")},
                      {sample_today.plus_days(18), tr("gallery.copy_deadline")}};
  for (std::size_t s = 0; s < EnumKeys<ActivityStatus>::keys.size(); ++s)
    timeline.legend.push_back(tr(catalog_key(static_cast<ActivityStatus>(s))));
  auto bars = plan_activities(theme, timeline.legend_colours);
  keep(
      plot::timeline_chart("plan_timeline", bars, timeline, state.chart("plan_timeline"), context));
}

}  // namespace raekoda::ui
