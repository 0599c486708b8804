#pragma once
// Charts over categories rather than time: a ranking of horizontal bars (top N plus "other"),
// a share as one 100 % bar or a donut, and a heatmap of rows by columns.

#include <optional>
#include <string>
#include <vector>

#include "plot/chart.h"

namespace raekoda::plot {

struct RankedItem {
  std::string name;
  double value = 0;
  int group = 0;          // colour group, e.g. Estonian- and Russian-language outlets
  std::string key = {};   // what a click selects (an id), returned in Selection::key
  std::string note = {};  // a muted remark after the value: "3 due soon"
  // A second value drawn as a tick across the bar: the 90th percentile beside a median bar.
  std::optional<double> marker = {};
  // For a share: how many items it is of. The tooltip then says "25 % · 1 of 4", and a share
  // of fewer than `few_items` items is drawn faded.
  std::optional<double> out_of = {};
};

struct RankingOptions {
  std::size_t top = 8;                   // rows shown before "other"
  std::vector<std::string> group_names;  // legend of the colour groups; empty: one colour
  bool percent = false;
  bool keep_order = false;      // categories in their own order (age buckets), all shown
  std::optional<ImU32> colour;  // one meaning colour for every bar, instead of the palette
  std::string marker_name;      // what the ticks mean, shown in the key: "90th percentile"
};

// The largest `top` items in descending order, the rest summed into one "other" row (group -1).
std::vector<RankedItem> top_with_other(std::vector<RankedItem> items, std::size_t top,
                                       const std::string& other_name);

std::optional<Selection> ranking_chart(const char* id, const std::vector<RankedItem>& items,
                                       const RankingOptions& options, const ChartContext& context);
// The ranking as printed, from `min`, `width` wide: its rows without hover, tooltips or the key
// above them. Returns the height it took, a row height (1.6 lines) per row.
float paint_ranking_chart(Painter& painter, ImVec2 min, float width,
                          const std::vector<RankedItem>& items, const RankingOptions& options,
                          const Theme& theme);
// What the key above a ranking names: its colour groups and what the ticks mean.
std::vector<KeyEntry> ranking_chart_keys(const RankingOptions& options, const Theme& theme);

enum class ShareStyle { bar, donut };

// Each part's share of the whole, 0..1; all zeros when the whole is zero.
std::vector<double> shares(const std::vector<double>& values);

// `parts` are series of one value each (values[0]); colours as series.
std::optional<Selection> share_chart(const char* id, const std::vector<Series>& parts,
                                     ShareStyle style, float height, const ChartContext& context);
// The shares as printed in the box at `min`, with their percentages; the legend is paint_key's.
void paint_share_chart(Painter& painter, ImVec2 min, ImVec2 size, const std::vector<Series>& parts,
                       ShareStyle style, const Theme& theme);
void paint_share_bar(Painter& painter, ImVec2 min, ImVec2 size, const std::vector<Series>& parts,
                     const Theme& theme);

struct HeatmapData {
  std::vector<std::string> rows;
  std::vector<std::string> columns;
  std::vector<double> values;  // row-major: values[row * columns.size() + column]
  double at(std::size_t row, std::size_t column) const {
    return values[row * columns.size() + column];
  }
};

// A sequential colour from the background (0) to the theme's series blue (1).
ImU32 heat_colour(const Theme& theme, double t);

std::optional<Selection> heatmap_chart(const char* id, const HeatmapData& data,
                                       const ChartContext& context);

}  // namespace raekoda::plot
