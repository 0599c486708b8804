#include "plot/day_strip.h"

#include <algorithm>
#include <cfloat>

#include "core/i18n.h"
#include "plot/category_charts.h"

namespace raekoda::plot {
namespace {

constexpr float cell_gap = 4.0f;

}  // namespace

float day_cell_width(float strip_width, std::size_t count) {
  if (count == 0) return strip_width;
  return (strip_width - cell_gap * static_cast<float>(count - 1)) / static_cast<float>(count);
}

std::string day_date_text(Date day, DayDateStyle style) {
  switch (style) {
    case DayDateStyle::day_and_month:
      return day.display().substr(0, 5);  // 24.11
    case DayDateStyle::day_only:
      return std::to_string(day.day());
    case DayDateStyle::none:
      break;
  }
  return {};
}

DayDateStyle day_date_style(const std::vector<DayCell>& days, float cell_width,
                            const TextWidth& text_width) {
  float room = cell_width - 2 * day_label_margin;
  for (DayDateStyle style : {DayDateStyle::day_and_month, DayDateStyle::day_only}) {
    bool fits = std::all_of(days.begin(), days.end(), [&](const DayCell& cell) {
      return text_width(day_date_text(cell.day, style)) <= room;
    });
    if (fits) return style;
  }
  return DayDateStyle::none;
}

std::string day_weekday_text(Date day, DayWeekdayStyle style) {
  std::string number = std::to_string(day.iso_weekday());
  return tr((style == DayWeekdayStyle::short_name ? "weekday.short." : "weekday.shortest.") +
            number);
}

DayWeekdayStyle day_weekday_style(const std::vector<DayCell>& days, float cell_width,
                                  const TextWidth& text_width) {
  float room = cell_width - 2 * day_label_margin;
  bool fits = std::all_of(days.begin(), days.end(), [&](const DayCell& cell) {
    return text_width(day_weekday_text(cell.day, DayWeekdayStyle::short_name)) <= room;
  });
  return fits ? DayWeekdayStyle::short_name : DayWeekdayStyle::shortest;
}

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
  float gap = cell_gap;
  float width = day_cell_width(size.x, days.size());
  float line = ImGui::GetTextLineHeight();
  ImFont* bold = context.bold ? context.bold : ImGui::GetFont();
  ImFont* font = ImGui::GetFont();
  TextWidth text_width = [&](std::string_view text) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size())
        .x;
  };
  DayDateStyle date_style = day_date_style(days, width, text_width);
  DayWeekdayStyle weekday_style = day_weekday_style(days, width, text_width);
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
    std::string weekday = day_weekday_text(cell.day, weekday_style);
    std::string date = day_date_text(cell.day, date_style);
    std::string value = value_text(cell.value, false);
    auto centred = [&](ImFont* font, float y, ImU32 colour, const std::string& text) {
      ImVec2 extent = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str());
      draw->AddText(font, font->FontSize, ImVec2(left + (width - extent.x) / 2, y), colour,
                    text.c_str());
    };
    centred(ImGui::GetFont(), origin.y + 4, muted, weekday);
    if (!date.empty()) centred(ImGui::GetFont(), origin.y + 4 + line, muted, date);
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
