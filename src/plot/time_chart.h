#pragma once
// Time series: a line (with gaps where data is missing), bars per bucket, or bars stacked by
// series, on a calendar axis; with an optional target line. Drag pans, Ctrl+wheel zooms, a double
// click fits the data; hover shows every series' value in the bucket; a click selects it.

#include <optional>
#include <string>
#include <vector>

#include "plot/chart.h"

namespace raekoda::plot {

struct TimeSeriesData {
  std::vector<Date> buckets;  // each bucket's first day, ascending
  Date end;                   // the day after the last bucket
  TimeUnit bucket_unit = TimeUnit::week;
  std::vector<Series> series;  // values[i] belongs to buckets[i]
  // The day the figures are counted on. The bucket that holds it is still running: drawn
  // hatched and lighter, "so far" in its tooltip, so that a week of two days is not read as a
  // slump. nullopt: every bucket is complete.
  std::optional<Date> counted_on = {};
  // For shares: how many items each bucket's shares are of. The tooltip then gives each share
  // with its count ("25 % · 1 of 4"), and a bucket of fewer than `few_items` is faded.
  std::vector<double> totals = {};
};

// Whether `bucket` holds data.counted_on, the day the figures are counted on.
bool running_bucket(const TimeSeriesData& data, std::size_t bucket);
// Whether `bucket` is a share of fewer than `few_items` items.
bool thin_bucket(const TimeSeriesData& data, std::size_t bucket);
// What the tooltip says of a bucket beyond its values: that it runs, that it has few items.
std::vector<std::string> bucket_notes(const TimeSeriesData& data, std::size_t bucket);

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
  // Days shaded behind the marks and named at the top: the period a trend is compared with.
  struct DayBand {
    Date from;
    Date until;  // inclusive
    std::string label;
  };
  std::optional<DayBand> band = {};
};

// The bucket whose days hold `day`, or nullopt outside the data.
std::optional<std::size_t> bucket_at(const TimeSeriesData& data, Date day);

// What the tooltip lists for a bucket: each visible series' name and value.
struct TooltipRow {
  std::size_t series = 0;
  std::string name;
  double value = 0;
  std::optional<double> count;  // for shares with totals: how many items the share is
};
std::vector<TooltipRow> tooltip_rows(const TimeSeriesData& data, const ChartState& state,
                                     std::size_t bucket);
// A row's value as the tooltip writes it: "14", or "25 % · 1 of 4" for a share with a count.
std::string tooltip_value(const TimeSeriesData& data, const TooltipRow& row, std::size_t bucket,
                          bool percent, int decimals);

// The data as CSV: one row per bucket, one column per series.
std::string time_series_csv(const TimeSeriesData& data);

std::optional<Selection> time_chart(const char* id, const TimeSeriesData& data,
                                    const TimeChartOptions& options, ChartState& state,
                                    const ChartContext& context);

// The chart as printed in the box at `min`: every series, the whole data, no hover. Its legend
// is paint_key's, of the series and time_chart_keys.
void paint_time_chart(Painter& painter, ImVec2 min, ImVec2 size, const TimeSeriesData& data,
                      const TimeChartOptions& options, const Theme& theme);
// What the chart's key names beside the series: the band, the running bucket, the thin ones,
// where the chart shows them; the same entries on screen and on paper.
std::vector<KeyEntry> time_chart_keys(const TimeSeriesData& data, const TimeChartOptions& options,
                                      const Theme& theme);

}  // namespace raekoda::plot
