#include <array>
#include <cmath>

#include "core/enums.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "plot/kpi_tile.h"
#include "plot/time_chart.h"
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

}  // namespace

void draw_overview(const OverviewFigures& figures, UiState& state, const Fonts& fonts) {
  ImGui::PushFont(fonts.title);
  ImGui::TextUnformatted(tr("overview.heading"));
  ImGui::PopFont();
  ImGui::TextDisabled("%s", trf("overview.subheading", figures.today.display()).c_str());
  ImGui::Spacing();

  constexpr std::array<View, 5> targets = {View::media, View::deadlines, View::plan,
                                           View::incidents, View::access};
  auto all = tiles(figures);
  float available = ImGui::GetContentRegionAvail().x;
  int columns = available >= 1400 ? 5 : available >= 900 ? 3 : available >= 600 ? 2 : 1;
  float gap = ImGui::GetStyle().ItemSpacing.x * 2;
  float width = (available - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  ImVec2 size(width, 190);

  const plot::Theme& theme = plot::theme(state.theme);
  plot::TileFonts tile_fonts{fonts.regular, fonts.headline};
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine(0, gap);
    std::string id = "tile." + std::string(view_key(targets[i]));
    if (plot::draw_kpi_tile(id.c_str(), all[i], size, theme, tile_fonts)) {
      state.table = tile_drilldown(targets[i], figures);
      state.table->title = all[i].title;
    }
    remember_item(state, id);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("overview.tile_hint"));
  }

  // Coverage by tone, week by week: a click opens that week's items of that tone.
  ImGui::Spacing();
  ImGui::Spacing();
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(tr("overview.coverage_by_tone"));
  ImGui::PopFont();
  plot::TimeSeriesData coverage =
      calendar_data(figures.coverage_weeks, plot::TimeUnit::week, figures.today);
  for (std::size_t tone = 0; tone < figures.coverage_by_tone.size(); ++tone)
    coverage.series.push_back(count_series(tr(catalog_key(static_cast<Tone>(tone))),
                                           figures.coverage_by_tone[tone],
                                           plot::tone_colour(theme, static_cast<int>(tone))));
  plot::TimeChartOptions options;
  options.kind = plot::TimeChartKind::stacked_bars;
  options.height = 260;
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
