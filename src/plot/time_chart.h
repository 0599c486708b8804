#pragma once
// Time series: a line (with gaps where data is missing), bars per bucket, or bars stacked by
// series, on a calendar axis; with an optional target line. Drag pans, Ctrl+wheel zooms, a double
// click fits the data; hover shows every series' value in the bucket; a click selects it.

#include <optional>
#include <vector>

#include "plot/chart.h"

namespace raekoda::plot {

struct TimeSeriesData {
  std::vector<Date> buckets;  // each bucket's first day, ascending
  Date end;                   // the day after the last bucket
  TimeUnit bucket_unit = TimeUnit::week;
  std::vector<Series> series;  // values[i] belongs to buckets[i]
};

enum class TimeChartKind { line, bars, stacked_bars };

struct TimeChartOptions {
  TimeChartKind kind = TimeChartKind::bars;
  bool percent = false;          // values are shares 0..1
  std::optional<double> target;  // a target or threshold drawn across the plot
  std::string target_label;
  float height = 240;
  // Series drawn as lines over the bars, out of the bars' stack: an open backlog over the
  // opened and resolved counts.
  std::vector<std::size_t> line_series = {};
  std::optional<Date> today = {};  // marked with a line across the plot
};

// The bucket whose days hold `day`, or nullopt outside the data.
std::optional<std::size_t> bucket_at(const TimeSeriesData& data, Date day);

// What the tooltip lists for a bucket: each visible series' name and value.
struct TooltipRow {
  std::size_t series = 0;
  std::string name;
  double value = 0;
};
std::vector<TooltipRow> tooltip_rows(const TimeSeriesData& data, const ChartState& state,
                                     std::size_t bucket);

// The data as CSV: one row per bucket, one column per series.
std::string time_series_csv(const TimeSeriesData& data);

std::optional<Selection> time_chart(const char* id, const TimeSeriesData& data,
                                    const TimeChartOptions& options, ChartState& state,
                                    const ChartContext& context);

}  // namespace raekoda::plot
