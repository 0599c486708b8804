#pragma once
// What the areas' key charts show of their figures: the series, their names and colours, and
// how each is drawn. Built once here and drawn by the views on screen and by the monthly report
// on paper, so that a printed chart is the chart the reader knows from the dashboard.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dashboard_figures.h"
#include "plot/category_charts.h"
#include "plot/time_chart.h"

namespace raekoda::charts {

struct TimeChart {
  plot::TimeSeriesData data;
  plot::TimeChartOptions options;
};

struct Ranking {
  std::vector<plot::RankedItem> items;
  plot::RankingOptions options;
};

// A time chart's data over calendar buckets (weeks, months...), ending after the last one.
plot::TimeSeriesData calendar_data(const std::vector<Date>& buckets, plot::TimeUnit unit,
                                   Date if_empty);
// Counts as a chart series.
plot::Series count_series(std::string name, const std::vector<std::int64_t>& counts,
                          std::optional<ImU32> colour = std::nullopt);

// -- media ------------------------------------------------------------------------------------

plot::TimeUnit media_trend_unit(const MediaFigures& f);
// The last day of the trend bucket that starts on `start`.
Date media_bucket_end(const MediaFigures& f, Date start);
// Coverage by tone per day, week or month, over the period and the one it is compared with
// (shaded): counts stacked, or each tone's share of the bucket.
TimeChart media_tone_trend(const MediaFigures& f, bool as_share, float height,
                           const plot::Theme& theme);
// Outlets by items, or by reach as a share of voice, in the colour of their language.
Ranking media_outlets(const MediaFigures& f, bool by_reach, std::size_t top);

// -- deadlines --------------------------------------------------------------------------------

// A responder's name, or "nobody assigned".
std::string responder_name(const DeadlineFigures::Group& group);
// "78 % on time" of a group's answers, or empty without answers.
std::string on_time_note(const DeadlineFigures::Group& group);
// The share answered on time, month by month, against the city's target.
TimeChart deadlines_on_time_trend(const DeadlineFigures& f, float height);
// Open overdue documents at each week's end.
TimeChart deadlines_overdue_trend(const DeadlineFigures& f, float height, const plot::Theme& theme);
// Overdue documents by responder, the most first, eight named and the rest summed; each with
// what else is theirs (due soon, their on-time share).
Ranking deadlines_by_responder(const DeadlineFigures& f, const plot::Theme& theme);

// -- plan, incidents, access ------------------------------------------------------------------

// The chosen plan week by week: planned and done activities, cumulated, with today marked.
TimeChart plan_burnup(const PlanFigures& f, float height, const plot::Theme& theme);
// Incidents opened and resolved per week, with the backlog at each week's end as a line.
TimeChart incidents_weekly(const IncidentFigures& f, float height, const plot::Theme& theme);
// How many days after leaving the accounts of the last 12 months' leavers were revoked.
Ranking access_revoke_delays(const AccessFigures& f, const plot::Theme& theme);

}  // namespace raekoda::charts
