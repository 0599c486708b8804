#pragma once
// A timeline: one row per activity, a bar from its start to its end day, coloured by status, on
// a calendar axis with today and deadlines marked. Bars that run past the window's edges are
// clipped to it, never dropped.

#include <optional>
#include <string>
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
};

// The pixel span of a bar in a window of `width` pixels showing from..to, or nullopt when the
// bar lies wholly outside it.
struct PixelSpan {
  float left = 0;
  float right = 0;
  bool clipped_left = false;
  bool clipped_right = false;
};
std::optional<PixelSpan> timeline_span(Date start, Date end, Date from, Date to, float width);

std::optional<Selection> timeline_chart(const char* id, const std::vector<TimelineBar>& bars,
                                        const TimelineOptions& options,
                                        const ChartContext& context);

}  // namespace raekoda::plot
