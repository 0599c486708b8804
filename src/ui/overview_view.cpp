#include <algorithm>
#include <array>
#include <cmath>

#include "charts/area_charts.h"
#include "core/date_words.h"
#include "core/enums.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "core/plural.h"
#include "plot/kpi_tile.h"
#include "plot/time_axis.h"
#include "plot/time_chart.h"
#include "ui/report_dialog.h"
#include "ui/view_layout.h"
#include "ui/views.h"

namespace raekoda::ui {
namespace {

using plot::Assessment;

// "▲ 14 % vs the previous 30 days"; empty when there is nothing to compare with.
std::string change_text(std::int64_t now, std::int64_t before) {
  if (before <= 0) return {};
  double change = static_cast<double>(now - before) / static_cast<double>(before);
  const char* arrow = change > 0.005 ? "▲ " : change < -0.005 ? "▼ " : "";
  return arrow + trf("overview.media.change", format_percent(std::fabs(change), 0));
}

std::array<plot::KpiTile, 5> tiles(const OverviewFigures& f) {
  plot::KpiTile media;
  media.title = tr("overview.media.title");
  media.value = format_count(f.media_items_30d);
  media.change = change_text(f.media_items_30d, f.media_items_prev_30d);
  double negative = f.media_items_30d > 0 ? static_cast<double>(f.media_negative_30d) /
                                                static_cast<double>(f.media_items_30d)
                                          : 0.0;
  media.detail =
      trf("overview.media.detail", format_percent(negative, 0), format_count(f.open_rebuttals));
  media.assessment = f.open_rebuttals > 0 ? Assessment::warning : Assessment::neutral;

  plot::KpiTile deadlines;
  deadlines.title = tr("overview.deadlines.title");
  deadlines.value = format_count(f.documents_overdue);
  deadlines.detail = trf("overview.deadlines.detail", format_count(f.documents_due_soon));
  deadlines.assessment = f.documents_overdue > 0 ? Assessment::bad : Assessment::good;

  plot::KpiTile plan;
  plan.title = tr("overview.plan.title");
  plan.value = format_count(f.activities_late);
  plan.detail = trf("overview.plan.detail", format_count(f.activities_next_14d));
  plan.assessment = f.activities_late > 0 ? Assessment::warning : Assessment::good;

  plot::KpiTile incidents;
  incidents.title = tr("overview.incidents.title");
  incidents.value = format_count(f.incidents_open);
  incidents.detail = trf("overview.incidents.detail", format_count(f.security_incidents_quarter));
  incidents.assessment =
      f.security_incidents_quarter > 0 ? Assessment::warning : Assessment::neutral;

  plot::KpiTile access;
  access.title = tr("overview.access.title");
  access.value = format_count(f.leaver_accounts_active);
  access.detail = trf("overview.access.detail", format_count(f.accounts_active));
  access.assessment = f.leaver_accounts_active > 0 ? Assessment::bad : Assessment::good;

  return {media, deadlines, plan, incidents, access};
}

// The tiles' figures week by week, under each tile.
struct TrendSource {
  const char* tooltip_key;  // counted: .one and .other
  const std::vector<std::int64_t>* values;
  bool per_week;  // counted within each week, not at its end
  ImU32 colour;
};

std::array<TrendSource, 5> trend_sources(const OverviewFigures& f, const plot::Theme& theme) {
  return {
      {{"overview.trend.media_tip", &f.media_items_per_week, true, plot::palette_colour(theme, 0)},
       {"overview.trend.deadlines_tip", &f.overdue_at_week_end, false, theme.bad},
       {"overview.trend.plan_tip", &f.late_at_week_end, false, theme.warning},
       {"overview.trend.incidents_tip", &f.open_incidents_at_week_end, false, theme.bar},
       {"overview.trend.access_tip", &f.leaver_accounts_at_week_end, false, theme.bad}}};
}

// What a bar's tooltip counts from: "Seis 15.11.2026, 46. nädal"; for counts within weeks
// "46. nädal 2026", or "47. nädal 2026 seni (kuni 22.11.2026)" for the week still running.
std::string bar_when(const TrendSource& source, Date week, Date counted_on) {
  if (!source.per_week)
    return trf("overview.trend.as_of", counted_on.display(),
               plot::time_label(week, plot::TimeUnit::week));
  std::string label = plot::bucket_label(week, plot::TimeUnit::week);
  if (counted_on < week.plus_days(6))
    return trf("overview.trend.so_far", label, counted_on.display());
  return label;
}

plot::TileTrend trend(const TrendSource& source, const OverviewFigures& f) {
  plot::TileTrend trend;
  trend.caption = tr(source.per_week ? "overview.trend.per_week" : "overview.trend.at_week_end");
  trend.colour = source.colour;
  trend.last_is_partial = source.per_week;
  std::vector<Date> days = week_end_days(f.trend_weeks, f.today);
  const std::vector<std::int64_t>& values = *source.values;
  for (std::size_t w = 0; w < values.size() && w < f.trend_weeks.size(); ++w) {
    std::string when = bar_when(source, f.trend_weeks[w], days[w]);
    trend.values.push_back(static_cast<double>(values[w]));
    trend.tooltips.push_back(trn(source.tooltip_key, values[w], when, format_count(values[w])));
  }
  if (!f.trend_weeks.empty()) {
    trend.first_label = plot::time_label(f.trend_weeks.front(), plot::TimeUnit::week);
    trend.last_label = plot::time_label(f.trend_weeks.back(), plot::TimeUnit::week);
  }
  return trend;
}

// Narrower tiles wrap their titles into too many lines: below this, fewer tiles share a row.
constexpr float min_tile_width = 210.0f;
constexpr float min_tile_height = 130.0f;
constexpr float min_coverage_height = 180.0f;

}  // namespace

void draw_overview(const OverviewFigures& figures, UiState& state, const Fonts& fonts,
                   Actions& actions) {
  report_heading(tr("overview.heading"), trf("overview.subheading", long_date(figures.today)),
                 figures.today, fonts, state, actions);

  constexpr std::array<View, 5> targets = {View::media, View::deadlines, View::plan,
                                           View::incidents, View::access};
  const plot::Theme& theme = plot::theme(state.theme);
  auto all = tiles(figures);
  auto sources = trend_sources(figures, theme);
  float available = ImGui::GetContentRegionAvail().x;
  // The page fills the window: the trends take a share of its height, the coverage the rest.
  float trend_height = std::clamp(ImGui::GetContentRegionAvail().y * 0.15f, 88.0f, 140.0f);
  float gap = ImGui::GetStyle().ItemSpacing.x * 2;
  plot::TileFonts tile_fonts{fonts.regular, fonts.headline};

  std::size_t next = 0;
  for (int in_row : tile_rows(static_cast<int>(all.size()), available, min_tile_width, gap)) {
    auto count = static_cast<std::size_t>(in_row);
    float width = (available - gap * static_cast<float>(count - 1)) / static_cast<float>(count);
    float height = min_tile_height;
    for (std::size_t i = next; i < next + count; ++i)
      height = std::max(height, plot::kpi_tile_height(all[i], width, tile_fonts));
    for (std::size_t i = next; i < next + count; ++i) {
      if (i != next) ImGui::SameLine(0, gap);
      std::string id = "tile." + std::string(view_key(targets[i]));
      bool clicked =
          plot::draw_kpi_tile(id.c_str(), all[i], ImVec2(width, height), theme, tile_fonts);
      remember_item(state, id);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("overview.tile_hint"));
      if (clicked) {
        state.table = tile_drilldown(targets[i], figures);
        state.table->title = all[i].title;
      }
    }
    for (std::size_t i = next; i < next + count; ++i) {
      if (i != next) ImGui::SameLine(0, gap);
      std::string id = "trend." + std::string(view_key(targets[i]));
      if (plot::draw_tile_trend(id.c_str(), trend(sources[i], figures), ImVec2(width, trend_height),
                                theme, tile_fonts)) {
        state.table = tile_drilldown(targets[i], figures);
        state.table->title = all[i].title;
      }
      remember_item(state, id);
    }
    next += count;
  }

  // Coverage by tone, week by week: a click opens that week's items of that tone.
  ImGui::Spacing();
  ImGui::Spacing();
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(tr("overview.coverage_by_tone"));
  ImGui::PopFont();
  plot::TimeSeriesData coverage =
      charts::calendar_data(figures.coverage_weeks, plot::TimeUnit::week, figures.today);
  for (std::size_t tone = 0; tone < figures.coverage_by_tone.size(); ++tone)
    coverage.series.push_back(charts::count_series(
        tr(catalog_key(static_cast<Tone>(tone))), figures.coverage_by_tone[tone],
        plot::tone_colour(theme, static_cast<int>(tone))));
  coverage.counted_on = figures.today;
  plot::TimeChartOptions options;
  options.kind = plot::TimeChartKind::stacked_bars;
  float legend_height = ImGui::GetFrameHeightWithSpacing();
  options.height = std::max(min_coverage_height, ImGui::GetContentRegionAvail().y - legend_height -
                                                     ImGui::GetStyle().WindowPadding.y);
  auto picked = plot::time_chart("coverage_by_tone", coverage, options,
                                 state.chart("coverage_by_tone"), state.chart_context(fonts));
  remember_item(state, "plot.overview.coverage");
  if (picked && picked->series >= 0 && picked->from && picked->until) {
    using Kind = RecordFilter::Kind;
    std::string tone(key_of(static_cast<Tone>(picked->series)));
    TableState table;
    table.query.spec = &media_items_spec();
    table.query.filters = {
        {"published_on", Kind::between, picked->from->iso(), picked->until->iso(),
         plot::bucket_label(*picked->from, plot::TimeUnit::week)},
        {"tone", Kind::equals, tone, std::nullopt, picked->category}};
    table.query.sort_column = "published_on";
    // In words: "Negatiivne, 47. nädal 2026".
    table.title = picked->category + ", " + plot::bucket_label(*picked->from, plot::TimeUnit::week);
    state.table = std::move(table);
  }
}

}  // namespace raekoda::ui
