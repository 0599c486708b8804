#include "plot/kpi_tile.h"

#include <cfloat>

namespace raekoda::plot {
namespace {

constexpr float accent_width = 6.0f;
constexpr float padding = 16.0f;

// Draws `text` wrapped to `max_width` and returns the height it took.
float text_wrapped(ImDrawList* draw, ImFont* font, float size, ImVec2 at, ImU32 colour,
                   const std::string& text, float max_width) {
  const char* begin = text.c_str();
  const char* end = begin + text.size();
  draw->AddText(font, size, at, colour, begin, end, max_width);
  return font->CalcTextSizeA(size, FLT_MAX, max_width, begin, end).y;
}

}  // namespace

bool draw_kpi_tile(const char* id, const KpiTile& tile, ImVec2 size, const Theme& theme,
                   const TileFonts& fonts) {
  ImVec2 min = ImGui::GetCursorScreenPos();
  // The Canvas pattern: one invisible button takes hover and click for the whole tile.
  bool clicked = ImGui::InvisibleButton(id, size);
  bool hovered = ImGui::IsItemHovered();
  ImVec2 max(min.x + size.x, min.y + size.y);
  ImDrawList* draw = ImGui::GetWindowDrawList();

  draw->AddRectFilled(min, max, hovered ? theme.tile_hover : theme.tile_background, 8.0f);
  draw->AddRect(min, max, theme.tile_border, 8.0f);
  draw->AddRectFilled(min, ImVec2(min.x + accent_width, max.y),
                      assessment_colour(theme, tile.assessment), 8.0f,
                      ImDrawFlags_RoundCornersLeft);

  ImFont* title_font = fonts.title ? fonts.title : ImGui::GetFont();
  ImFont* headline_font = fonts.headline ? fonts.headline : ImGui::GetFont();
  float width = size.x - padding * 2 - accent_width;
  float x = min.x + accent_width + padding;
  float y = min.y + padding;

  float title_size = title_font->FontSize;
  float line_gap = title_size * 0.35f;
  y +=
      text_wrapped(draw, title_font, title_size, ImVec2(x, y), theme.text_muted, tile.title, width);
  y += line_gap * 2;

  float headline_size = headline_font->FontSize;
  ImU32 headline_colour = tile.assessment == Assessment::bad ? theme.bad : theme.text;
  y += text_wrapped(draw, headline_font, headline_size, ImVec2(x, y), headline_colour, tile.value,
                    width);
  y += line_gap * 2;

  if (!tile.change.empty()) {
    ImU32 change_colour = tile.change_assessment == Assessment::neutral
                              ? theme.text_muted
                              : assessment_colour(theme, tile.change_assessment);
    y +=
        text_wrapped(draw, title_font, title_size, ImVec2(x, y), change_colour, tile.change, width);
    y += line_gap;
  }
  text_wrapped(draw, title_font, title_size, ImVec2(x, y), theme.text_muted, tile.detail, width);

  if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  return clicked;
}

}  // namespace raekoda::plot
