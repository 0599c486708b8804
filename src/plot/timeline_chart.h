#pragma once
// A timeline: one row per activity, a bar from its start to its end day, coloured by status, on
// a calendar axis with today and deadlines marked. Bars that run past the window's edges are
// clipped to it, never dropped.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plot/chart.h"

namespace raekoda::plot {

struct TimelineBar {
  std::string label;
  Date start;
  Date end;  // inclusive
  ImU32 colour = 0;
  std::string status;  // shown in the tooltip
};

// A bar as the chart reads it, pointing into texts its caller keeps: a timeline of thousands of
// rows need not copy them each frame.
struct TimelineRow {
  std::string_view label;
  Date start;
  Date end;  // inclusive
  ImU32 colour = 0;
  std::string_view status;
};

struct TimelineMarker {
  Date day;
  std::string label;
};

struct TimelineOptions {
  Date from;  // first day shown
  Date to;    // last day shown
  std::optional<Date> today;
  std::vector<TimelineMarker> markers;
  std::vector<std::string> legend;  // status names, coloured by legend_colours
  std::vector<ImU32> legend_colours;
  bool draggable = false;   // bars can be dragged to other days
  float visible_rows = 16;  // rows beyond these scroll
  // Where a bar dragged by `days` really goes: the days it moves (onto a working day, say).
  // Empty: wherever it is dropped. Holding Shift while dragging places it on any day.
  std::function<int(std::size_t bar, int days)> snap = {};
  // The widest label's width in the current font, when the caller measured it once already;
  // nullopt: measured here over all bars.
  std::optional<float> widest_label = std::nullopt;
};

// Whole days a drag of `pixels` moves a bar, on a window of `width` pixels showing from..to.
int drag_days(float pixels, Date from, Date to, float width);

// The pixel span of a bar in a window of `width` pixels showing from..to, or nullopt when the
// bar lies wholly outside it.
struct PixelSpan {
  float left = 0;
  float right = 0;
  bool clipped_left = false;
  bool clipped_right = false;
};
std::optional<PixelSpan> timeline_span(Date start, Date end, Date from, Date to, float width);

// A click selects a bar (index, its days); a drag, where allowed, selects it with the days it was
// moved by in Selection::moved_days.
std::optional<Selection> timeline_chart(const char* id, const std::vector<TimelineBar>& bars,
                                        const TimelineOptions& options, ChartState& state,
                                        const ChartContext& context);

// The same over `count` bars that `bar` gives by index, asked only for the rows in view (and for
// all of them when the labels are measured or copied as CSV).
std::optional<Selection> timeline_chart(const char* id, std::size_t count,
                                        const std::function<TimelineRow(std::size_t)>& bar,
                                        const TimelineOptions& options, ChartState& state,
                                        const ChartContext& context);

}  // namespace raekoda::plot
