#include "plot/kpi_tile.h"

#include <algorithm>
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
  float headline_top = y;
  float headline_width =
      headline_font->CalcTextSizeA(headline_size, FLT_MAX, 0, tile.value.c_str()).x;
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

  if (tile.sparkline.size() >= 2) {
    // Beside the headline, so that it never runs into the lines of text below.
    float left = x + std::max(headline_width + 24, width * 0.45f);
    float right = x + width;
    float top = headline_top + headline_size * 0.15f;
    float bottom = headline_top + headline_size * 0.95f;
    auto [low, high] = std::minmax_element(tile.sparkline.begin(), tile.sparkline.end());
    double range = *high - *low > 0 ? *high - *low : 1.0;
    std::vector<ImVec2> points;
    points.reserve(tile.sparkline.size());
    for (std::size_t i = 0; i < tile.sparkline.size(); ++i) {
      float px = left + (right - left) * static_cast<float>(i) /
                            static_cast<float>(tile.sparkline.size() - 1);
      float py = bottom - (bottom - top) * static_cast<float>((tile.sparkline[i] - *low) / range);
      points.push_back(ImVec2(px, py));
    }
    ImU32 colour = assessment_colour(theme, tile.assessment);
    if (right - left > 30) {
      draw->AddPolyline(points.data(), static_cast<int>(points.size()), colour, 0, 1.5f);
      draw->AddCircleFilled(points.back(), 3.0f, colour);
    }
  }

  if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  return clicked;
}

}  // namespace raekoda::plot
