#include "charts/area_charts.h"

#include <cmath>

#include "core/i18n.h"
#include "core/number_format.h"

namespace raekoda::charts {

plot::TimeSeriesData calendar_data(const std::vector<Date>& buckets, plot::TimeUnit unit,
                                   Date if_empty) {
  plot::TimeSeriesData data;
  data.bucket_unit = unit;
  data.buckets = buckets;
  data.end = buckets.empty() ? if_empty : plot::advance(buckets.back(), {unit, 1});
  return data;
}

plot::Series count_series(std::string name, const std::vector<std::int64_t>& counts,
                          std::optional<ImU32> colour) {
  plot::Series series{std::move(name), {}, colour};
  series.values.reserve(counts.size());
  for (std::int64_t count : counts) series.values.push_back(static_cast<double>(count));
  return series;
}

// -- media ------------------------------------------------------------------------------------

plot::TimeUnit media_trend_unit(const MediaFigures& f) {
  return f.trend_step == TrendStep::month  ? plot::TimeUnit::month
         : f.trend_step == TrendStep::week ? plot::TimeUnit::week
                                           : plot::TimeUnit::day;
}

Date media_bucket_end(const MediaFigures& f, Date start) {
  return f.trend_bucket_after(start).plus_days(-1);
}

TimeChart media_tone_trend(const MediaFigures& f, bool as_share, float height,
                           const plot::Theme& theme) {
  TimeChart chart;
  plot::TimeSeriesData& data = chart.data;
  data.bucket_unit = media_trend_unit(f);
  data.buckets = f.trend_buckets;
  data.end =
      f.trend_buckets.empty() ? f.today : media_bucket_end(f, f.trend_buckets.back()).plus_days(1);
  data.counted_on = f.today;  // the running bucket is drawn as not yet whole
  std::vector<std::int64_t> totals = f.trend_totals();
  if (as_share) data.totals.assign(totals.begin(), totals.end());
  for (std::size_t tone = 0; tone < Tone_count; ++tone) {
    plot::Series series{tr(catalog_key(static_cast<Tone>(tone))),
                        {},
                        plot::tone_colour(theme, static_cast<int>(tone))};
    for (std::size_t b = 0; b < f.trend_buckets.size(); ++b) {
      auto count = static_cast<double>(f.trend_by_tone[tone][b]);
      auto total = static_cast<double>(totals[b]);
      series.values.push_back(!as_share ? count : total > 0 ? count / total : std::nan(""));
    }
    data.series.push_back(std::move(series));
  }
  chart.options = {plot::TimeChartKind::stacked_bars, as_share, std::nullopt, "", height};
  chart.options.band = {f.previous.from, f.previous.until, tr("media.trend.compared")};
  return chart;
}

namespace {

int language_group(ContentLanguage language) {
  return language == ContentLanguage::et ? 0 : language == ContentLanguage::ru ? 1 : 2;
}

}  // namespace

Ranking media_outlets(const MediaFigures& f, bool by_reach, std::size_t top) {
  Ranking ranking;
  for (const auto& outlet : f.outlets) {
    double value = by_reach ? outlet.share_of_voice : static_cast<double>(outlet.items);
    ranking.items.push_back(
        {outlet.name, value, language_group(outlet.language), std::to_string(outlet.id), ""});
  }
  ranking.options.top = top;
  ranking.options.percent = by_reach;
  ranking.options.group_names = {tr("enum.content_language.et"), tr("enum.content_language.ru"),
                                 tr("media.other_languages")};
  return ranking;
}

// -- deadlines --------------------------------------------------------------------------------

std::string responder_name(const DeadlineFigures::Group& group) {
  return group.key.empty() ? tr("deadlines.no_responder") : group.name;
}

std::string on_time_note(const DeadlineFigures::Group& group) {
  auto share = on_time_share(group.answered, group.on_time);
  return share ? trf("deadlines.on_time_note", format_percent(*share, 0)) : std::string();
}

TimeChart deadlines_on_time_trend(const DeadlineFigures& f, float height) {
  TimeChart chart;
  chart.data = calendar_data(f.months, plot::TimeUnit::month, f.today);
  chart.data.counted_on = f.today;  // the running bucket is drawn as not yet whole
  plot::Series rate{tr("deadlines.on_time_series"), {}, std::nullopt};
  for (std::size_t m = 0; m < f.months.size(); ++m)
    rate.values.push_back(
        on_time_share(f.answered_per_month[m], f.on_time_per_month[m]).value_or(std::nan("")));
  chart.data.series.push_back(std::move(rate));
  chart.options = {plot::TimeChartKind::line, true, f.target,
                   trf("deadlines.target_label", format_percent(f.target, 0)), height};
  return chart;
}

TimeChart deadlines_overdue_trend(const DeadlineFigures& f, float height,
                                  const plot::Theme& theme) {
  TimeChart chart;
  chart.data = calendar_data(f.weeks, plot::TimeUnit::week, f.today);
  chart.data.counted_on = f.today;  // the running bucket is drawn as not yet whole
  chart.data.series.push_back(
      count_series(tr("deadlines.overdue_series"), f.overdue_at_week_end, theme.bad));
  chart.options = {plot::TimeChartKind::bars, false, std::nullopt, "", height};
  return chart;
}

Ranking deadlines_by_responder(const DeadlineFigures& f, const plot::Theme& theme) {
  // Responders come most overdue first: the top ones are named, the rest summed, so that a
  // frame does the same small work for a city of any size.
  constexpr std::size_t named = 8;
  Ranking ranking;
  std::int64_t shown = 0;
  for (std::size_t i = 0; i < f.responders.size() && i < named; ++i) {
    const auto& group = f.responders[i];
    if (group.overdue == 0) break;
    // What else is theirs: documents due soon, and how often they answer in time.
    std::string note = group.due_soon > 0
                           ? trf("deadlines.due_soon_note", format_count(group.due_soon))
                           : std::string();
    std::string on_time = on_time_note(group);
    if (!on_time.empty()) note += (note.empty() ? "" : " · ") + on_time;
    ranking.items.push_back(
        {responder_name(group), static_cast<double>(group.overdue), 0, group.key, note});
    shown += group.overdue;
  }
  if (f.overdue_now > shown)
    ranking.items.push_back({tr("chart.other"), static_cast<double>(f.overdue_now - shown), -1});
  ranking.options.keep_order = true;
  ranking.options.colour = theme.bad;
  return ranking;
}

// -- plan, incidents, access ------------------------------------------------------------------

TimeChart plan_burnup(const PlanFigures& f, float height, const plot::Theme& theme) {
  TimeChart chart;
  chart.data = calendar_data(f.weeks, plot::TimeUnit::week, f.today);
  chart.data.counted_on = f.today;  // this week is still running
  plot::Series planned{tr("plan.series.planned"), {}, theme.text_muted};
  plot::Series done{tr("plan.series.done"), {}, theme.good};
  for (std::size_t w = 0; w < f.weeks.size(); ++w) {
    planned.values.push_back(static_cast<double>(f.planned_cumulative[w]));
    // Done is known up to this week; the weeks to come are left blank, not flat.
    done.values.push_back(f.weeks[w] <= f.today ? static_cast<double>(f.done_cumulative[w])
                                                : std::nan(""));
  }
  chart.data.series = {std::move(planned), std::move(done)};
  chart.options = {plot::TimeChartKind::line, false, std::nullopt, "", height};
  chart.options.today = f.today;
  return chart;
}

TimeChart incidents_weekly(const IncidentFigures& f, float height, const plot::Theme& theme) {
  TimeChart chart;
  chart.data = calendar_data(f.weeks, plot::TimeUnit::week, f.today);
  chart.data.counted_on = f.today;  // this week is still running
  chart.data.series = {
      count_series(tr("incidents.series.opened"), f.opened_per_week),
      count_series(tr("incidents.series.resolved"), f.resolved_per_week),
      count_series(tr("incidents.series.backlog"), f.backlog_at_week_end, theme.text)};
  chart.options = {plot::TimeChartKind::bars, false, std::nullopt, "", height, {2}};
  return chart;
}

Ranking access_revoke_delays(const AccessFigures& f, const plot::Theme& theme) {
  Ranking ranking;
  for (std::size_t b = 0; b < AccessFigures::delay_buckets; ++b)
    ranking.items.push_back({tr("access.delay." + std::to_string(b)),
                             static_cast<double>(f.revoke_delay[b]), 0, std::to_string(b), ""});
  ranking.options.keep_order = true;
  ranking.options.colour = theme.bad;
  return ranking;
}

}  // namespace raekoda::charts
