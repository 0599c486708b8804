#include "plot/time_chart.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/i18n.h"
#include "core/number_format.h"
#include "core/plural.h"
#include "plot/band_layout.h"
#include "plot/decimate.h"
#include "plot/imgui_painter.h"
#include "plot/value_scale.h"

namespace raekoda::plot {
namespace {

double day_number(Date day) {
  return static_cast<double>(day.days().time_since_epoch().count());
}
Date date_of(double day_number) {
  return Date{std::chrono::sys_days{std::chrono::days{static_cast<int>(std::floor(day_number))}}};
}

// The visible days mapped onto the plot's pixels.
struct TimeMapping {
  double from = 0;  // day number at the left edge
  double to = 1;    // day number at the right edge (exclusive)
  float x0 = 0;
  float width = 1;

  float x(double day) const { return x0 + static_cast<float>((day - from) / (to - from)) * width; }
  double day_at(float pixel) const {
    return from + static_cast<double>((pixel - x0) / width) * (to - from);
  }
  double pixels_per_day() const { return width / (to - from); }
};

bool visible(const ChartState& state, std::size_t series) {
  return series >= state.hidden.size() || !state.hidden[series];
}

bool drawn_as_line(const TimeChartOptions& options, std::size_t series) {
  return options.kind == TimeChartKind::line ||
         std::find(options.line_series.begin(), options.line_series.end(), series) !=
             options.line_series.end();
}

// The stacked bars' height in a bucket: the visible series drawn as bars.
double bucket_total(const TimeSeriesData& data, const TimeChartOptions& options,
                    const ChartState& state, std::size_t bucket) {
  double sum = 0;
  for (std::size_t s = 0; s < data.series.size(); ++s)
    if (visible(state, s) && !drawn_as_line(options, s) && bucket < data.series[s].values.size() &&
        !std::isnan(data.series[s].values[bucket]))
      sum += data.series[s].values[bucket];
  return sum;
}

double bucket_end_day(const TimeSeriesData& data, std::size_t bucket) {
  return bucket + 1 < data.buckets.size() ? day_number(data.buckets[bucket + 1])
                                          : day_number(data.end);
}

struct Extent {
  double min = 0;
  double max = 0;
};

Extent value_extent(const TimeSeriesData& data, const TimeChartOptions& options,
                    const ChartState& state, const TimeMapping& map) {
  Extent extent;
  for (std::size_t b = 0; b < data.buckets.size(); ++b) {
    if (bucket_end_day(data, b) <= map.from || day_number(data.buckets[b]) >= map.to) continue;
    if (options.kind == TimeChartKind::stacked_bars)
      extent.max = std::max(extent.max, bucket_total(data, options, state, b));
    for (std::size_t s = 0; s < data.series.size(); ++s) {
      if (!visible(state, s) || b >= data.series[s].values.size()) continue;
      if (options.kind == TimeChartKind::stacked_bars && !drawn_as_line(options, s)) continue;
      double v = data.series[s].values[b];
      if (std::isnan(v)) continue;
      extent.max = std::max(extent.max, v);
      extent.min = std::min(extent.min, v);
    }
  }
  if (options.target) extent.max = std::max(extent.max, *options.target);
  if (options.percent) extent.max = std::max(extent.max, 0.01);
  if (extent.max <= extent.min) extent.max = extent.min + 1;
  return extent;
}

void draw_line_series(Painter& painter, const TimeSeriesData& data, std::size_t s,
                      const TimeMapping& map, const LinearScale& y, ImU32 colour, float thickness) {
  const std::vector<double>& values = data.series[s].values;
  std::size_t n = std::min(values.size(), data.buckets.size());
  // Each bucket's centre in pixels from the plot's left edge, computed as decimation walks.
  float scale = map.width / static_cast<float>(map.to - map.from);
  auto x_of = [&](std::size_t b) {
    double centre = (day_number(data.buckets[b]) + bucket_end_day(data, b)) / 2;
    return static_cast<float>(centre - map.from) * scale;
  };
  DecimatedSeries reduced =
      decimate_by(n, x_of, std::span<const double>(values.data(), n), static_cast<int>(map.width));
  // ImGui 1.86 indexes vertices with 16 bits: keep each polyline well below 64k vertices.
  constexpr std::size_t max_points = 4000;
  std::vector<ImVec2> path;
  auto flush = [&] {
    if (path.size() >= 2)
      painter.polyline(path, colour, thickness);
    else if (path.size() == 1)
      painter.circle_filled(path[0], thickness + 1, colour);
    path.clear();
  };
  for (std::size_t i = 0; i < reduced.columns.size(); ++i) {
    const ColumnRange& c = reduced.columns[i];
    if (reduced.gap_before[i] || path.size() >= max_points) {
      ImVec2 last = path.empty() ? ImVec2() : path.back();
      bool continue_line = !reduced.gap_before[i] && !path.empty();
      flush();
      if (continue_line) path.push_back(last);
    }
    float x = map.x0 + static_cast<float>(c.column) + 0.5f;
    path.push_back(ImVec2(x, y.to_pixel(c.first)));
    if (c.count > 1) {
      // Many points in one column: a vertical stroke from the lowest to the highest.
      if (c.min != c.first) path.push_back(ImVec2(x, y.to_pixel(c.min)));
      if (c.max != c.min) path.push_back(ImVec2(x, y.to_pixel(c.max)));
      path.push_back(ImVec2(x, y.to_pixel(c.last)));
    }
  }
  flush();
  if (reduced.columns.size() < 60) {
    for (const ColumnRange& c : reduced.columns)
      painter.circle_filled(
          ImVec2(map.x0 + static_cast<float>(c.column) + 0.5f, y.to_pixel(c.last)),
          thickness + 1.0f, colour);
  }
}

enum class BucketMark { whole, running, thin };

BucketMark mark_of(const TimeSeriesData& data, std::size_t bucket) {
  if (running_bucket(data, bucket)) return BucketMark::running;
  if (thin_bucket(data, bucket)) return BucketMark::thin;
  return BucketMark::whole;
}

// A bar or stacked segment: a running bucket's hatched over a lighter fill, a thin share's faded.
void draw_bar(Painter& painter, ImVec2 min, ImVec2 max, ImU32 colour, BucketMark mark) {
  switch (mark) {
    case BucketMark::whole:
      painter.rect_filled(min, max, colour);
      break;
    case BucketMark::running:
      painter.rect_filled(min, max, with_alpha(colour, 0.35f));
      hatch_rect(painter, min, max, colour);
      break;
    case BucketMark::thin:
      painter.rect_filled(min, max, with_alpha(colour, 0.3f));
      break;
  }
}

// The decimals of the tooltip's values in `bucket`: every series alike.
int bucket_decimals(const TimeSeriesData& data, std::size_t bucket, bool percent) {
  std::vector<double> values;
  for (const Series& s : data.series)
    if (bucket < s.values.size()) values.push_back(s.values[bucket]);
  return shared_decimals(values, percent);
}

}  // namespace

bool running_bucket(const TimeSeriesData& data, std::size_t bucket) {
  if (!data.counted_on || bucket >= data.buckets.size()) return false;
  return data.buckets[bucket] <= *data.counted_on &&
         day_number(*data.counted_on) < bucket_end_day(data, bucket);
}

bool thin_bucket(const TimeSeriesData& data, std::size_t bucket) {
  return bucket < data.totals.size() && data.totals[bucket] < few_items;
}

std::vector<std::string> bucket_notes(const TimeSeriesData& data, std::size_t bucket) {
  std::vector<std::string> notes;
  if (running_bucket(data, bucket))
    notes.push_back(trf("chart.so_far", data.counted_on->display()));
  if (thin_bucket(data, bucket)) {
    auto total = static_cast<std::int64_t>(std::llround(data.totals[bucket]));
    notes.push_back(trn("chart.few_items", total, format_count(total)));
  }
  return notes;
}

std::string tooltip_value(const TimeSeriesData& data, const TooltipRow& row, std::size_t bucket,
                          bool percent, int decimals) {
  if (percent && row.count && bucket < data.totals.size())
    return share_text(row.value, *row.count, data.totals[bucket], decimals);
  return value_text(row.value, percent, decimals);
}

std::optional<std::size_t> bucket_at(const TimeSeriesData& data, Date day) {
  if (data.buckets.empty() || day < data.buckets.front() || day >= data.end) return std::nullopt;
  auto after = std::upper_bound(data.buckets.begin(), data.buckets.end(), day);
  return static_cast<std::size_t>(after - data.buckets.begin()) - 1;
}

std::vector<TooltipRow> tooltip_rows(const TimeSeriesData& data, const ChartState& state,
                                     std::size_t bucket) {
  std::vector<TooltipRow> rows;
  for (std::size_t s = 0; s < data.series.size(); ++s) {
    if (!visible(state, s)) continue;
    const std::vector<double>& values = data.series[s].values;
    double value = bucket < values.size() ? values[bucket] : NAN;
    std::optional<double> count;
    if (bucket < data.totals.size() && !std::isnan(value))
      count = std::round(value * data.totals[bucket]);
    rows.push_back({s, data.series[s].name, value, count});
  }
  return rows;
}

std::string time_series_csv(const TimeSeriesData& data) {
  std::vector<std::string> header = {tr("chart.csv.period"), tr("chart.csv.from"),
                                     tr("chart.csv.until")};
  for (const Series& s : data.series) header.push_back(s.name);
  std::string csv = csv_line(header);
  for (std::size_t b = 0; b < data.buckets.size(); ++b) {
    Date until = date_of(bucket_end_day(data, b) - 1);
    std::vector<std::string> row = {bucket_label(data.buckets[b], data.bucket_unit),
                                    data.buckets[b].display(), until.display()};
    for (const Series& s : data.series)
      row.push_back(b < s.values.size() ? csv_number(s.values[b]) : "");
    csv += csv_line(row);
  }
  return csv;
}

namespace {

// What the screen needs of a painted chart to answer the mouse.
struct PaintedTimeChart {
  bool empty = true;
  double from = 0;  // the visible days
  double to = 1;
  TimeMapping map;
  std::optional<std::size_t> hovered_bucket;
  std::optional<int> hit_series;  // the mark under the mouse
  std::size_t visible_count = 0;  // series drawn as bars
};

// The chart in the box at `origin`, through `painter` alone: the same marks on screen and on
// paper. `mouse` (the screen's, where it is over the chart) highlights the bucket under it.
PaintedTimeChart paint_chart(Painter& painter, ImVec2 origin, ImVec2 size,
                             const TimeSeriesData& data, const TimeChartOptions& options,
                             const ChartState& state, std::optional<ImVec2> mouse,
                             const Theme& theme) {
  PaintedTimeChart painted;
  if (data.buckets.empty()) {
    painter.text(ImVec2(origin.x + 8, origin.y + size.y / 2), tr("chart.no_data"),
                 theme.text_muted);
    return painted;
  }
  painted.empty = false;

  float line = painter.line_height();
  // Visible span: what the user panned or zoomed to, else all the data.
  double from = state.view_from.value_or(day_number(data.buckets.front()));
  double to = state.view_to.value_or(day_number(data.end));
  if (to - from < 1) to = from + 1;
  painted.from = from;
  painted.to = to;

  // Value axis first: its widest label sets the left margin.
  float plot_top = origin.y + line * 0.5f;
  float plot_bottom = origin.y + size.y - line * 2.4f;
  TimeMapping provisional{from, to, origin.x, size.x};
  Extent extent = value_extent(data, options, state, provisional);
  int max_ticks = std::max(2, static_cast<int>((plot_bottom - plot_top) / (line * 2.2f)));
  std::vector<double> ticks = nice_ticks(extent.min, extent.max, max_ticks);
  // One format for the whole axis, decided by its step.
  int axis_decimals = tick_decimals(ticks.size() > 1 ? ticks[1] - ticks[0] : 1, options.percent);
  auto tick_text = [&](double t) { return value_text(t, options.percent, axis_decimals); };
  float label_width = 0;
  for (double t : ticks) label_width = std::max(label_width, painter.text_width(tick_text(t)));
  float plot_left = origin.x + label_width + 10;
  float plot_right = origin.x + size.x - 8;
  TimeMapping map{from, to, plot_left, plot_right - plot_left};
  painted.map = map;
  LinearScale y{ticks.front(), ticks.back(), plot_bottom, plot_top};

  for (double t : ticks) {
    float py = y.to_pixel(t);
    painter.line(ImVec2(plot_left, py), ImVec2(plot_right, py),
                 t == 0 ? theme.text_muted : theme.grid);
    painter.text_aligned(plot_left - 8, py - line / 2, Align::right, tick_text(t),
                         theme.text_muted);
  }

  // Calendar axis under the plot, planned for the whole days in view.
  Date first_day = date_of(from);
  Date last_day = date_of(std::ceil(to) - 1);
  TimeAxisPlan axis = plan_time_axis(first_day, last_day, map.width,
                                     [&](std::string_view t) { return painter.text_width(t); });
  painter.push_clip(ImVec2(plot_left, origin.y), ImVec2(plot_right + 1, origin.y + size.y));
  for (const TimeTick& tick : axis.ticks) {
    float px = map.x(day_number(tick.date));
    painter.line(ImVec2(px, plot_bottom), ImVec2(px, plot_bottom + 4), theme.text_muted);
    if (!tick.label.empty())
      painter.text(ImVec2(px + tick.label_offset, plot_bottom + 3), tick.label, theme.text_muted);
  }
  for (const TimeTick& tick : axis.context) {
    float px = std::max(map.x(day_number(tick.date)), plot_left);
    painter.text(ImVec2(px + tick.label_offset, plot_bottom + 3 + line), tick.label, theme.text);
  }

  // The band behind the marks, named in the key.
  if (options.band) {
    float band_left = std::max(map.x(day_number(options.band->from)), plot_left);
    float band_right = std::min(map.x(day_number(options.band->until) + 1), plot_right);
    if (band_right > band_left) {
      painter.rect_filled(ImVec2(band_left, plot_top), ImVec2(band_right, plot_bottom),
                          with_alpha(theme.text_muted, 0.12f));
      // A strip over the plot too, seen where the bars fill the band (shares reach 100 %).
      painter.rect_filled(ImVec2(band_left, plot_top - 5), ImVec2(band_right, plot_top - 2),
                          with_alpha(theme.text_muted, 0.6f));
    }
  }

  // Hover: the bucket under the mouse.
  std::optional<std::size_t> hovered_bucket;
  if (mouse && mouse->x >= plot_left && mouse->x <= plot_right)
    hovered_bucket = bucket_at(data, date_of(map.day_at(mouse->x)));
  painted.hovered_bucket = hovered_bucket;
  ImVec2 pointer = mouse.value_or(ImVec2(-FLT_MAX, -FLT_MAX));

  // Series.
  std::size_t visible_count = 0;  // bars side by side in a bucket
  for (std::size_t s = 0; s < data.series.size(); ++s)
    visible_count += visible(state, s) && !drawn_as_line(options, s) ? 1 : 0;
  painted.visible_count = visible_count;
  auto faded = [&](std::size_t s, ImU32 colour) {
    return state.hovered_series >= 0 && static_cast<std::size_t>(state.hovered_series) != s
               ? with_alpha(colour, 0.25f)
               : colour;
  };
  std::optional<int>& hit_series = painted.hit_series;
  auto draw_lines = [&] {
    for (std::size_t s = 0; s < data.series.size(); ++s) {
      if (!visible(state, s) || !drawn_as_line(options, s)) continue;
      draw_line_series(painter, data, s, map, y, faded(s, series_colour(theme, data.series[s], s)),
                       state.hovered_series == static_cast<int>(s) ? 3.0f : 2.0f);
      if (hovered_bucket && *hovered_bucket < data.series[s].values.size()) {
        double v = data.series[s].values[*hovered_bucket];
        if (!std::isnan(v) && std::fabs(y.to_pixel(v) - pointer.y) < 10)
          hit_series = static_cast<int>(s);
      }
    }
  };
  if (options.kind == TimeChartKind::line) {
    if (hovered_bucket) {
      double centre =
          (day_number(data.buckets[*hovered_bucket]) + bucket_end_day(data, *hovered_bucket)) / 2;
      painter.line(ImVec2(map.x(centre), plot_top), ImVec2(map.x(centre), plot_bottom),
                   theme.text_muted);
    }
    draw_lines();
  } else {
    for (std::size_t b = 0; b < data.buckets.size(); ++b) {
      double start = day_number(data.buckets[b]);
      double end = bucket_end_day(data, b);
      if (end <= from || start >= to) continue;
      BandLayout band{map.x(start), map.x(end) - map.x(start), 1};
      float left = band.bar_start(0);
      float right = std::max(band.bar_end(0), left + 1.0f);
      bool highlight = hovered_bucket == b;
      if (highlight)
        painter.rect_filled(ImVec2(band.origin, plot_top),
                            ImVec2(band.origin + band.band, plot_bottom),
                            with_alpha(theme.text_muted, 0.12f));
      double base = 0;
      std::size_t slot = 0;
      for (std::size_t s = 0; s < data.series.size(); ++s) {
        if (!visible(state, s) || drawn_as_line(options, s) || b >= data.series[s].values.size())
          continue;
        double v = data.series[s].values[b];
        if (std::isnan(v)) {
          ++slot;
          continue;
        }
        ImU32 colour = faded(s, series_colour(theme, data.series[s], s));
        float x_from = left;
        float x_to = right;
        double bottom = base;
        double top = base + v;
        if (options.kind == TimeChartKind::bars && visible_count > 1) {
          float slot_width = (right - left) / static_cast<float>(visible_count);
          x_from = left + slot_width * static_cast<float>(slot);
          x_to = x_from + std::max(slot_width - 1.0f, 1.0f);
          bottom = 0;
          top = v;
        }
        ImVec2 a(x_from, y.to_pixel(top));
        ImVec2 z(x_to, y.to_pixel(bottom));
        draw_bar(painter, ImVec2(a.x, std::min(a.y, z.y)), ImVec2(z.x, std::max(a.y, z.y)), colour,
                 mark_of(data, b));
        if (highlight && pointer.x >= x_from && pointer.x <= x_to &&
            pointer.y >= std::min(a.y, z.y) && pointer.y <= std::max(a.y, z.y))
          hit_series = static_cast<int>(s);
        if (options.kind == TimeChartKind::stacked_bars) base += v;
        ++slot;
      }
    }
    draw_lines();  // over the bars
  }
  // Points of a line in a running or thin bucket are drawn hollow, as the bars are hatched.
  for (std::size_t s = 0; s < data.series.size(); ++s) {
    if (!visible(state, s) || !drawn_as_line(options, s)) continue;
    ImU32 colour = faded(s, series_colour(theme, data.series[s], s));
    for (std::size_t b = 0; b < data.buckets.size() && b < data.series[s].values.size(); ++b) {
      double v = data.series[s].values[b];
      if (mark_of(data, b) == BucketMark::whole || std::isnan(v)) continue;
      double centre = (day_number(data.buckets[b]) + bucket_end_day(data, b)) / 2;
      if (centre < from || centre > to) continue;
      ImVec2 at(map.x(centre), y.to_pixel(v));
      painter.circle_filled(at, 4.5f, theme.tile_background);
      painter.circle(at, 4.5f, colour, 2.0f);
    }
  }

  if (options.today && day_number(*options.today) >= from && day_number(*options.today) < to) {
    float px = map.x(day_number(*options.today) + 0.5);
    painter.line(ImVec2(px, plot_top), ImVec2(px, plot_bottom), theme.bad, 2.0f);
    // Right of the line, or left of it where the plot ends too soon for the word.
    float word = painter.text_width(tr("chart.today"));
    float text_x = px + 4 + word <= plot_right ? px + 4 : px - 4 - word;
    painter.text(ImVec2(text_x, plot_top), tr("chart.today"), theme.bad);
  }
  if (options.target) {
    float py = y.to_pixel(*options.target);
    for (float x = plot_left; x < plot_right; x += 10)
      painter.line(ImVec2(x, py), ImVec2(std::min(x + 6, plot_right), py), theme.text, 1.5f);
    // Named at the left: the latest buckets, at the right, are the ones read most.
    // Above the line, or below it where the line runs along the plot's top.
    if (!options.target_label.empty()) {
      ImVec2 text(painter.text_width(options.target_label), line);
      float top = py - text.y - 3 >= origin.y ? py - text.y - 3 : py + 2;
      painter.rect_filled(ImVec2(plot_left + 1, top),
                          ImVec2(plot_left + text.x + 8, top + text.y + 2),
                          with_alpha(theme.tile_background, 0.85f));
      painter.text(ImVec2(plot_left + 4, top + 1), options.target_label, theme.text);
    }
  }
  painter.pop_clip();
  return painted;
}

}  // namespace

std::vector<KeyEntry> time_chart_keys(const TimeSeriesData& data, const TimeChartOptions& options,
                                      const Theme& theme) {
  std::vector<KeyEntry> keys;
  if (options.band) keys.push_back({options.band->label, with_alpha(theme.text_muted, 0.6f)});
  bool any_running = false;
  bool any_thin = false;
  for (std::size_t b = 0; b < data.buckets.size(); ++b) {
    any_running = any_running || running_bucket(data, b);
    any_thin = any_thin || thin_bucket(data, b);
  }
  bool lines = options.kind == TimeChartKind::line;
  using Mark = KeyEntry::Mark;
  if (any_running)
    keys.push_back(
        {tr("chart.key.running"), theme.text_muted, lines ? Mark::hollow_point : Mark::hatched});
  if (any_thin)
    keys.push_back({trn("chart.key.few_items", static_cast<std::int64_t>(few_items),
                        format_count(static_cast<std::int64_t>(few_items))),
                    theme.text_muted, lines ? Mark::hollow_point : Mark::faded});
  return keys;
}

void paint_time_chart(Painter& painter, ImVec2 min, ImVec2 size, const TimeSeriesData& data,
                      const TimeChartOptions& options, const Theme& theme) {
  paint_chart(painter, min, size, data, options, ChartState{}, std::nullopt, theme);
}

std::optional<Selection> time_chart(const char* id, const TimeSeriesData& data,
                                    const TimeChartOptions& options, ChartState& state,
                                    const ChartContext& context) {
  const Theme& theme = *context.theme;
  ImGui::PushID(id);
  // The key names the band, the running bucket and the thin ones where the chart shows them.
  std::vector<KeyEntry> keys = time_chart_keys(data, options, theme);
  if (data.series.size() > 1 || !keys.empty())
    draw_legend(data.series.size() > 1 ? data.series : std::vector<Series>{}, state, context, keys);
  if (state.hidden.size() != data.series.size()) state.hidden.assign(data.series.size(), false);

  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size(std::max(ImGui::GetContentRegionAvail().x, 120.0f), options.height);
  ImGui::InvisibleButton("plot", size);
  bool hovered = ImGui::IsItemHovered();
  bool active = ImGui::IsItemActive();
  bool released = ImGui::IsItemDeactivated();
  ImVec2 mouse = ImGui::GetIO().MousePos;
  ImGuiPainter painter = ImGuiPainter::for_window(context.bold);
  PaintedTimeChart painted =
      paint_chart(painter, origin, size, data, options, state,
                  hovered ? std::optional<ImVec2>(mouse) : std::nullopt, theme);
  std::optional<Selection> selection;
  if (painted.empty) {
    ImGui::PopID();
    return selection;
  }
  std::optional<std::size_t> hovered_bucket = painted.hovered_bucket;
  std::optional<int> hit_series = painted.hit_series;
  state.hovered_index = hovered_bucket;
  const double from = painted.from;
  const double to = painted.to;
  const TimeMapping& map = painted.map;
  float line = ImGui::GetTextLineHeight();

  // Tooltip: every visible series' value in the hovered bucket, all in one format.
  if (hovered_bucket && !ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    int value_decimals = bucket_decimals(data, *hovered_bucket, options.percent);
    std::size_t b = *hovered_bucket;
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(bucket_label(data.buckets[b], data.bucket_unit).c_str());
    for (const std::string& note : bucket_notes(data, b)) ImGui::TextDisabled("%s", note.c_str());
    ImGui::Separator();
    for (const TooltipRow& row : tooltip_rows(data, state, b)) {
      ImVec2 at = ImGui::GetCursorScreenPos();
      float swatch = line * 0.6f;
      ImGui::GetWindowDrawList()->AddRectFilled(
          ImVec2(at.x, at.y + (line - swatch) / 2),
          ImVec2(at.x + swatch, at.y + (line + swatch) / 2),
          series_colour(theme, data.series[row.series], row.series));
      ImGui::Dummy(ImVec2(swatch, line));
      ImGui::SameLine();
      bool picked = hit_series == static_cast<int>(row.series);
      if (picked) ImGui::PushFont(context.bold ? context.bold : ImGui::GetFont());
      ImGui::Text("%s: %s", row.name.c_str(),
                  tooltip_value(data, row, b, options.percent, value_decimals).c_str());
      if (picked) ImGui::PopFont();
    }
    if (options.kind == TimeChartKind::stacked_bars && painted.visible_count > 1)
      ImGui::TextDisabled(
          "%s: %s", tr("chart.total"),
          value_text(bucket_total(data, options, state, b), options.percent, value_decimals)
              .c_str());
    ImGui::EndTooltip();
  }

  // Pan by dragging, zoom by Ctrl and the wheel around the mouse, fit by a double click.
  double data_from = day_number(data.buckets.front());
  double data_to = day_number(data.end);
  ImGuiIO& io = ImGui::GetIO();
  if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left) && io.MouseDelta.x != 0) {
    double shift = -static_cast<double>(io.MouseDelta.x) / map.pixels_per_day();
    state.view_from = from + shift;
    state.view_to = to + shift;
  }
  // Ctrl and the wheel zoom: the wheel alone scrolls the page, which holds many charts.
  if (hovered && io.MouseWheel != 0 && io.KeyCtrl) {
    double factor = std::pow(0.85, static_cast<double>(io.MouseWheel));
    double anchor = map.day_at(mouse.x);
    double new_from = anchor - (anchor - from) * factor;
    double new_to = anchor + (to - anchor) * factor;
    if (new_to - new_from >= 7 && new_to - new_from <= (data_to - data_from) * 4) {
      state.view_from = new_from;
      state.view_to = new_to;
    }
  }
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    state.view_from.reset();
    state.view_to.reset();
  }
  bool dragged = io.MouseDragMaxDistanceSqr[0] > 16.0f;
  // On bars only a bar itself selects: the gap between bars selects nothing.
  bool on_mark = options.kind == TimeChartKind::line || hit_series.has_value();
  if (released && hovered && !dragged && hovered_bucket && on_mark) {
    std::size_t b = *hovered_bucket;
    Selection picked;
    picked.chart = id;
    picked.index = static_cast<int>(b);
    picked.series = hit_series.value_or(data.series.size() == 1 ? 0 : -1);
    picked.from = data.buckets[b];
    picked.until = date_of(bucket_end_day(data, b) - 1);
    picked.category =
        picked.series >= 0 ? data.series[static_cast<std::size_t>(picked.series)].name : "";
    selection = picked;
  }
  chart_context_menu(
      "chart_menu", [&] { return time_series_csv(data); }, origin,
      ImVec2(origin.x + size.x, origin.y + size.y), context);
  ImGui::PopID();
  return selection;
}

}  // namespace raekoda::plot
