#include "plot/timeline_chart.h"

#include <algorithm>

#include "core/i18n.h"

namespace raekoda::plot {

std::optional<PixelSpan> timeline_span(Date start, Date end, Date from, Date to, float width) {
  if (end < start) std::swap(start, end);
  if (end < from || start > to) return std::nullopt;
  PixelSpan span;
  span.clipped_left = start < from;
  span.clipped_right = end > to;
  span.left = day_offset(from, to, width, std::max(start, from));
  span.right = day_offset(from, to, width, std::min(end, to).plus_days(1));
  return span;
}

std::optional<Selection> timeline_chart(const char* id, const std::vector<TimelineBar>& bars,
                                        const TimelineOptions& options,
                                        const ChartContext& context) {
  const Theme& theme = *context.theme;
  ImGui::PushID(id);
  draw_colour_key(options.legend, options.legend_colours);
  float line = ImGui::GetTextLineHeight();
  float row_height = line * 1.5f;
  float axis_height = line * 2.4f;
  float label_width = 0;
  for (const TimelineBar& bar : bars)
    label_width = std::max(label_width, ImGui::CalcTextSize(bar.label.c_str()).x);
  ImVec2 origin = ImGui::GetCursorScreenPos();
  // Below the rows: a line for the "today" label.
  ImVec2 size(std::max(ImGui::GetContentRegionAvail().x, 240.0f),
              axis_height + row_height * static_cast<float>(bars.size()) + line * 1.2f);
  label_width = std::min(label_width + 12, size.x * 0.35f);
  ImGui::InvisibleButton("plot", size);
  bool hovered = ImGui::IsItemHovered();
  bool clicked = ImGui::IsItemDeactivated() && hovered;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  float left = origin.x + label_width;
  float width = size.x - label_width;
  float rows_top = origin.y + axis_height;
  float bottom = origin.y + size.y - line * 1.2f;

  TimeAxisPlan axis = plan_time_axis(options.from, options.to, width, [](std::string_view t) {
    return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x;
  });
  for (std::size_t r = 0; r < bars.size(); r += 2)
    draw->AddRectFilled(
        ImVec2(origin.x, rows_top + row_height * static_cast<float>(r)),
        ImVec2(origin.x + size.x, rows_top + row_height * static_cast<float>(r + 1)),
        with_alpha(theme.grid, 0.45f));
  for (const TimeTick& tick : axis.context)
    draw->AddText(
        ImVec2(left + std::max(0.0f, day_offset(options.from, options.to, width, tick.date)) + 3,
               origin.y),
        theme.text, tick.label.c_str());
  for (const TimeTick& tick : axis.ticks) {
    float x = left + day_offset(options.from, options.to, width, tick.date);
    draw->AddLine(ImVec2(x, rows_top - 4), ImVec2(x, bottom), theme.grid);
    draw->AddText(ImVec2(x + 3, origin.y + line), theme.text_muted, tick.label.c_str());
  }
  for (const TimelineMarker& marker : options.markers) {
    if (marker.day < options.from || marker.day > options.to) continue;
    float x = left + day_offset(options.from, options.to, width, marker.day);
    for (float y = rows_top; y < bottom; y += 8)
      draw->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + 4, bottom)), theme.warning, 1.5f);
    ImVec2 mouse = ImGui::GetIO().MousePos;
    if (hovered && std::abs(mouse.x - x) < 4)
      ImGui::SetTooltip("%s: %s", marker.label.c_str(), marker.day.display().c_str());
  }

  ImVec2 mouse = ImGui::GetIO().MousePos;
  std::optional<Selection> selection;
  for (std::size_t r = 0; r < bars.size(); ++r) {
    const TimelineBar& bar = bars[r];
    float top = rows_top + row_height * static_cast<float>(r);
    draw->PushClipRect(ImVec2(origin.x, top), ImVec2(left - 6, top + row_height), true);
    draw->AddText(ImVec2(origin.x, top + (row_height - line) / 2), theme.text, bar.label.c_str());
    draw->PopClipRect();
    auto span = timeline_span(bar.start, bar.end, options.from, options.to, width);
    if (!span) continue;
    ImVec2 a(left + span->left, top + row_height * 0.2f);
    ImVec2 z(left + std::max(span->right, span->left + 3), top + row_height * 0.8f);
    ImDrawFlags corners = (span->clipped_left ? 0 : ImDrawFlags_RoundCornersLeft) |
                          (span->clipped_right ? 0 : ImDrawFlags_RoundCornersRight);
    draw->AddRectFilled(a, z, bar.colour, 3.0f,
                        corners == 0 ? ImDrawFlags_RoundCornersNone : corners);
    bool on_bar =
        hovered && mouse.y >= top && mouse.y < top + row_height && mouse.x >= a.x && mouse.x <= z.x;
    if (on_bar) {
      draw->AddRect(a, z, theme.text, 3.0f, 0, 1.5f);
      ImGui::SetTooltip("%s\n%s – %s\n%s", bar.label.c_str(), bar.start.display().c_str(),
                        bar.end.display().c_str(), bar.status.c_str());
      if (clicked) {
        Selection picked;
        picked.chart = id;
        picked.index = static_cast<int>(r);
        picked.from = bar.start;
        picked.until = bar.end;
        picked.category = bar.label;
        selection = picked;
      }
    }
  }
  if (options.today && *options.today >= options.from && *options.today <= options.to) {
    float x = left + day_offset(options.from, options.to, width, *options.today);
    draw->AddLine(ImVec2(x, rows_top - 6), ImVec2(x, bottom + 2), theme.bad, 2.0f);
    float text = ImGui::CalcTextSize(tr("chart.today")).x;
    draw->AddText(ImVec2(x - text / 2, bottom + 2), theme.bad, tr("chart.today"));
  }
  auto csv = [&] {
    std::string text = csv_line({tr("chart.csv.category"), tr("chart.csv.from"),
                                 tr("chart.csv.until"), tr("chart.csv.status")});
    for (const TimelineBar& bar : bars)
      text += csv_line({bar.label, bar.start.display(), bar.end.display(), bar.status});
    return text;
  };
  chart_context_menu("chart_menu", csv, origin, ImVec2(origin.x + size.x, origin.y + size.y),
                     context);
  ImGui::PopID();
  return selection;
}

}  // namespace raekoda::plot
