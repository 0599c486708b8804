#include "plot/day_strip.h"

#include <algorithm>
#include <cfloat>

#include "core/i18n.h"
#include "plot/category_charts.h"

namespace raekoda::plot {

std::optional<Selection> day_strip(const char* id, const std::vector<DayCell>& days, float height,
                                   const ChartContext& context) {
  const Theme& theme = *context.theme;
  ImGui::PushID(id);
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size(std::max(ImGui::GetContentRegionAvail().x, 200.0f), height);
  ImGui::InvisibleButton("plot", size);
  bool hovered = ImGui::IsItemHovered();
  bool clicked = ImGui::IsItemDeactivated() && hovered;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 mouse = ImGui::GetIO().MousePos;

  double largest = 1;
  for (const DayCell& cell : days) largest = std::max(largest, cell.value);
  float gap = 4;
  float width = days.empty() ? size.x
                             : (size.x - gap * static_cast<float>(days.size() - 1)) /
                                   static_cast<float>(days.size());
  float line = ImGui::GetTextLineHeight();
  ImFont* bold = context.bold ? context.bold : ImGui::GetFont();
  std::optional<Selection> selection;
  for (std::size_t i = 0; i < days.size(); ++i) {
    const DayCell& cell = days[i];
    float left = origin.x + (width + gap) * static_cast<float>(i);
    ImVec2 min(left, origin.y);
    ImVec2 max(left + width, origin.y + size.y);
    bool cell_hovered = hovered && mouse.x >= min.x && mouse.x < max.x;
    // Empty days stay pale; the busiest day is the darkest.
    double t = cell.value <= 0 ? 0.0 : 0.15 + 0.85 * cell.value / largest;
    ImU32 fill = t > 0 ? heat_colour(theme, t) : theme.tile_background;
    draw->AddRectFilled(min, max, fill, 4.0f);
    draw->AddRect(min, max, cell_hovered ? theme.text : theme.tile_border, 4.0f);
    ImU32 ink = t > 0 ? readable_text_on(fill) : theme.text;
    ImU32 muted = t > 0 ? with_alpha(ink, 0.8f) : theme.text_muted;
    std::string weekday = tr("weekday.short." + std::to_string(cell.day.iso_weekday()));
    std::string date = cell.day.display().substr(0, 5);  // 24.11
    std::string value = value_text(cell.value, false);
    auto centred = [&](ImFont* font, float y, ImU32 colour, const std::string& text) {
      ImVec2 extent = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str());
      draw->AddText(font, font->FontSize, ImVec2(left + (width - extent.x) / 2, y), colour,
                    text.c_str());
    };
    centred(ImGui::GetFont(), origin.y + 4, muted, weekday);
    centred(ImGui::GetFont(), origin.y + 4 + line, muted, date);
    centred(bold, origin.y + size.y - bold->FontSize - 6, ink, value);
    if (cell_hovered) {
      ImGui::SetTooltip("%s", cell.tooltip.c_str());
      if (clicked) {
        Selection picked;
        picked.chart = id;
        picked.index = static_cast<int>(i);
        picked.from = cell.day;
        picked.until = cell.day;
        selection = picked;
      }
    }
  }
  chart_context_menu(
      "chart_menu",
      [&] {
        std::string csv = csv_line({tr("chart.csv.period"), tr("chart.csv.value")});
        for (const DayCell& cell : days)
          csv += csv_line({cell.day.display(), csv_number(cell.value)});
        return csv;
      },
      origin, ImVec2(origin.x + size.x, origin.y + size.y), context);
  ImGui::PopID();
  return selection;
}

}  // namespace raekoda::plot
