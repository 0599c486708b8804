#include "plot/timeline_chart.h"

#include <algorithm>
#include <cmath>

#include "core/i18n.h"

namespace raekoda::plot {
namespace {

// "E 30.11.2026": a drag's landing day with its weekday, so that a Sunday shows as one.
std::string day_with_weekday(Date day) {
  return std::string(tr("weekday.short." + std::to_string(day.iso_weekday()))) + " " +
         day.display();
}

float text_width(std::string_view text) {
  return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
}

}  // namespace

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

int drag_days(float pixels, Date from, Date to, float width) {
  float per_day = width / static_cast<float>(from.days_until(to) + 1);
  return per_day > 0 ? static_cast<int>(std::lround(pixels / per_day)) : 0;
}

std::optional<Selection> timeline_chart(const char* id, const std::vector<TimelineBar>& bars,
                                        const TimelineOptions& options, ChartState& state,
                                        const ChartContext& context) {
  auto row = [&bars](std::size_t r) {
    const TimelineBar& bar = bars[r];
    return TimelineRow{bar.label, bar.start, bar.end, bar.colour, bar.status};
  };
  return timeline_chart(id, bars.size(), row, options, state, context);
}

std::optional<Selection> timeline_chart(const char* id, std::size_t count,
                                        const std::function<TimelineRow(std::size_t)>& bar_at,
                                        const TimelineOptions& options, ChartState& state,
                                        const ChartContext& context) {
  const Theme& theme = *context.theme;
  ImGui::PushID(id);
  draw_colour_key(options.legend, options.legend_colours);
  float line = ImGui::GetTextLineHeight();
  float row_height = line * 1.5f;
  float axis_height = line * 3.4f;  // month, ticks, and a line for the "today" label
  float label_width = 0;
  if (options.widest_label)
    label_width = *options.widest_label;
  else
    for (std::size_t r = 0; r < count; ++r)
      label_width = std::max(label_width, text_width(bar_at(r).label));
  ImVec2 origin = ImGui::GetCursorScreenPos();
  float full_width = std::max(ImGui::GetContentRegionAvail().x, 240.0f);
  label_width = std::min(label_width + 12, full_width * 0.35f);
  float rows_shown =
      std::min(options.visible_rows, static_cast<float>(std::max<std::size_t>(count, 1)));
  float body_height = row_height * rows_shown;
  float scrollbar =
      static_cast<float>(count) > options.visible_rows ? ImGui::GetStyle().ScrollbarSize : 0.0f;
  float left = origin.x + label_width;
  float width = full_width - label_width - scrollbar;
  ImDrawList* draw = ImGui::GetWindowDrawList();

  // The calendar over the rows, and the day markers down through them.
  TimeAxisPlan axis = plan_time_axis(options.from, options.to, width, [](std::string_view t) {
    return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x;
  });
  float rows_top = origin.y + axis_height;
  float bottom = rows_top + body_height;
  for (const TimeTick& tick : axis.context)
    draw->AddText(
        ImVec2(left + std::max(0.0f, day_offset(options.from, options.to, width, tick.date)) +
                   tick.label_offset,
               origin.y),
        theme.text, tick.label.c_str());
  for (const TimeTick& tick : axis.ticks) {
    float x = left + day_offset(options.from, options.to, width, tick.date);
    draw->AddLine(ImVec2(x, rows_top - 4), ImVec2(x, bottom), theme.grid);
    if (!tick.label.empty())
      draw->AddText(ImVec2(x + tick.label_offset, origin.y + line), theme.text_muted,
                    tick.label.c_str());
  }
  ImGui::Dummy(ImVec2(full_width, axis_height));

  // The rows scroll in a region of their own; only the rows in view are drawn.
  ImGui::BeginChild("rows", ImVec2(full_width, body_height), false, ImGuiWindowFlags_NoBackground);
  ImVec2 body = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("plot", ImVec2(full_width - scrollbar,
                                        std::max(row_height * static_cast<float>(count), 1.0f)));
  bool hovered = ImGui::IsItemHovered();
  bool active = ImGui::IsItemActive();
  bool released = ImGui::IsItemDeactivated();
  auto csv = [&] {
    std::string text = csv_line({tr("chart.csv.category"), tr("chart.csv.from"),
                                 tr("chart.csv.until"), tr("chart.csv.status")});
    for (std::size_t r = 0; r < count; ++r) {
      TimelineRow bar = bar_at(r);
      text += csv_line({std::string(bar.label), bar.start.display(), bar.end.display(),
                        std::string(bar.status)});
    }
    return text;
  };
  chart_context_menu("chart_menu", csv, origin, ImVec2(origin.x + full_width, bottom), context);
  ImDrawList* rows = ImGui::GetWindowDrawList();
  ImVec2 mouse = ImGui::GetIO().MousePos;
  float scroll = ImGui::GetScrollY();
  auto first_row = static_cast<std::size_t>(std::max(0.0f, scroll / row_height));
  auto last_row =
      std::min(count, first_row + static_cast<std::size_t>(body_height / row_height) + 2);
  std::optional<std::size_t> under_mouse;
  if (hovered && mouse.y >= body.y)
    under_mouse = static_cast<std::size_t>((mouse.y - body.y) / row_height);
  // A drag starts on a bar and moves it by whole days; the bar follows the mouse until released.
  float drag_pixels = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left).x;
  if (options.draggable && active && ImGui::IsMouseDragging(ImGuiMouseButton_Left) &&
      !state.dragged && under_mouse && *under_mouse < count)
    state.dragged = under_mouse;
  int dragged_by = state.dragged ? drag_days(drag_pixels, options.from, options.to, width) : 0;
  bool snapping = options.snap && !ImGui::GetIO().KeyShift;
  int moved = state.dragged && snapping ? options.snap(*state.dragged, dragged_by) : dragged_by;
  state.dragged_days = moved;

  std::optional<Selection> selection;
  for (std::size_t r = first_row; r < last_row; ++r) {
    TimelineRow bar = bar_at(r);
    float top = body.y + row_height * static_cast<float>(r);
    if (r % 2 == 0)
      rows->AddRectFilled(ImVec2(body.x, top), ImVec2(body.x + full_width, top + row_height),
                          with_alpha(theme.grid, 0.45f));
    std::string label = fit_text(bar.label, left - 6 - body.x);
    std::string whole(bar.label);
    rows->AddText(ImVec2(body.x, top + (row_height - line) / 2), theme.text, label.c_str());
    if (label != bar.label && under_mouse == r && mouse.x < left && !state.dragged)
      ImGui::SetTooltip("%s", whole.c_str());
    bool dragging = state.dragged == r;
    Date start = dragging ? bar.start.plus_days(moved) : bar.start;
    Date end = dragging ? bar.end.plus_days(moved) : bar.end;
    auto span = timeline_span(start, end, options.from, options.to, width);
    if (!span) continue;
    ImVec2 a(left + span->left, top + row_height * 0.2f);
    ImVec2 z(left + std::max(span->right, span->left + 3), top + row_height * 0.8f);
    ImDrawFlags corners = (span->clipped_left ? 0 : ImDrawFlags_RoundCornersLeft) |
                          (span->clipped_right ? 0 : ImDrawFlags_RoundCornersRight);
    rows->AddRectFilled(a, z, dragging ? with_alpha(bar.colour, 0.6f) : bar.colour, 3.0f,
                        corners == 0 ? ImDrawFlags_RoundCornersNone : corners);
    bool on_bar = under_mouse == r && mouse.x >= a.x && mouse.x <= z.x;
    if (dragging) {
      // Where it was, in outline, and where it will land: the drop saves exactly that.
      if (auto was = timeline_span(bar.start, bar.end, options.from, options.to, width))
        rows->AddRect(ImVec2(left + was->left, a.y),
                      ImVec2(left + std::max(was->right, was->left + 3), z.y),
                      with_alpha(bar.colour, 0.8f), 3.0f, 0, 1.0f);
      rows->AddRect(a, z, theme.text, 3.0f, 0, 2.0f);
      std::string lands = start == end ? trf("chart.timeline.lands_on", day_with_weekday(start))
                                       : trf("chart.timeline.lands", day_with_weekday(start),
                                             day_with_weekday(end));
      if (moved != dragged_by) lands += "\n" + std::string(tr("chart.timeline.snapped"));
      ImGui::SetTooltip("%s\n%s", whole.c_str(), lands.c_str());
    } else if (on_bar && !state.dragged) {
      rows->AddRect(a, z, theme.text, 3.0f, 0, 1.5f);
      ImGui::SetTooltip("%s\n%s – %s\n%.*s", whole.c_str(), bar.start.display().c_str(),
                        bar.end.display().c_str(), static_cast<int>(bar.status.size()),
                        bar.status.data());
      if (options.draggable) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    }
    bool dropped = dragging && released;
    bool clicked = on_bar && released && !state.dragged;
    if (dropped || clicked) {
      Selection picked;
      picked.chart = id;
      picked.index = static_cast<int>(r);
      picked.from = bar.start;
      picked.until = bar.end;
      picked.category = whole;
      picked.moved_days = dropped ? moved : 0;
      if (!dropped || moved != 0) selection = picked;
    }
  }
  if (released || !ImGui::IsMouseDown(ImGuiMouseButton_Left)) state.dragged.reset();
  ImGui::EndChild();

  for (const TimelineMarker& marker : options.markers) {
    if (marker.day < options.from || marker.day > options.to) continue;
    float x = left + day_offset(options.from, options.to, width, marker.day);
    for (float y = rows_top; y < bottom; y += 8)
      draw->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + 4, bottom)), theme.warning, 1.5f);
    if (ImGui::IsMouseHoveringRect(ImVec2(x - 4, rows_top), ImVec2(x + 4, bottom)))
      ImGui::SetTooltip("%s: %s", marker.label.c_str(), marker.day.display().c_str());
  }
  if (options.today && *options.today >= options.from && *options.today <= options.to) {
    float x = left + day_offset(options.from, options.to, width, *options.today);
    draw->AddLine(ImVec2(x, rows_top - 4), ImVec2(x, bottom), theme.bad, 2.0f);
    float text = ImGui::CalcTextSize(tr("chart.today")).x;
    // Centred over its line, but never past the window's edges.
    float text_x = std::clamp(x - text / 2, left, left + width - text);
    draw->AddText(ImVec2(text_x, origin.y + line * 2.2f), theme.bad, tr("chart.today"));
  }
  ImGui::PopID();
  return selection;
}

}  // namespace raekoda::plot
