#include "plot/kpi_tile.h"

#include <algorithm>
#include <cfloat>
#include <string>
#include <string_view>
#include <vector>

#include "plot/chart.h"
#include "plot/line_breaks.h"

namespace raekoda::plot {
namespace {

constexpr float accent_width = 6.0f;
constexpr float padding = 16.0f;
constexpr float rounding = 8.0f;

std::vector<std::string> tile_lines(ImFont* font, const std::string& text, float max_width) {
  return break_lines(text, max_width, [font](std::string_view piece) {
    return font
        ->CalcTextSizeA(font->FontSize, FLT_MAX, 0, piece.data(), piece.data() + piece.size())
        .x;
  });
}

float text_height(ImFont* font, const std::string& text, float max_width) {
  return static_cast<float>(tile_lines(font, text, max_width).size()) * font->FontSize;
}

// Draws `text` in lines of at most `max_width` (plot/line_breaks.h) and returns the height it
// took.
float text_wrapped(ImDrawList* draw, ImFont* font, ImVec2 at, ImU32 colour, const std::string& text,
                   float max_width) {
  std::vector<std::string> lines = tile_lines(font, text, max_width);
  for (std::size_t i = 0; i < lines.size(); ++i)
    draw->AddText(font, font->FontSize, ImVec2(at.x, at.y + static_cast<float>(i) * font->FontSize),
                  colour, lines[i].c_str());
  return static_cast<float>(lines.size()) * font->FontSize;
}

float text_width(ImFont* font, std::string_view text) {
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
}

// `text` cut to `max_width` with an ellipsis.
std::string fitted(ImFont* font, const std::string& text, float max_width) {
  if (text_width(font, text) <= max_width) return text;
  std::string cut = text;
  while (!cut.empty() && text_width(font, cut + "…") > max_width) {
    // One whole character: its continuation bytes, then the byte that starts it.
    while (!cut.empty()) {
      auto byte = static_cast<unsigned char>(cut.back());
      cut.pop_back();
      if ((byte & 0xC0) != 0x80) break;
    }
  }
  return cut + "…";
}

struct TileFontsInUse {
  ImFont* text;
  ImFont* headline;
};

TileFontsInUse fonts_in_use(const TileFonts& fonts) {
  return {fonts.title ? fonts.title : ImGui::GetFont(),
          fonts.headline ? fonts.headline : ImGui::GetFont()};
}

// The width the texts of a tile `width` wide wrap at.
float text_room(float width) {
  return width - padding * 2 - accent_width;
}

float line_gap(const TileFontsInUse& fonts) {
  return fonts.text->FontSize * 0.35f;
}

// A tile's ground: the Canvas pattern, one invisible button taking hover and click for the whole
// tile, under its background (lighter when hovered) and border.
struct TileCanvas {
  ImVec2 min, max;
  bool clicked = false;
  bool hovered = false;
};
TileCanvas tile_canvas(const char* id, ImVec2 size, const Theme& theme) {
  TileCanvas canvas;
  canvas.min = ImGui::GetCursorScreenPos();
  canvas.clicked = ImGui::InvisibleButton(id, size);
  canvas.hovered = ImGui::IsItemHovered();
  canvas.max = ImVec2(canvas.min.x + size.x, canvas.min.y + size.y);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(canvas.min, canvas.max,
                      canvas.hovered ? theme.tile_hover : theme.tile_background, rounding);
  draw->AddRect(canvas.min, canvas.max, theme.tile_border, rounding);
  return canvas;
}

}  // namespace

float kpi_tile_height(const KpiTile& tile, float width, const TileFonts& fonts) {
  TileFontsInUse in_use = fonts_in_use(fonts);
  float room = text_room(width);
  float gap = line_gap(in_use);
  float height = padding + text_height(in_use.text, tile.title, room) + gap * 2;
  height += text_height(in_use.headline, tile.value, room) + gap * 2;
  if (!tile.change.empty()) height += text_height(in_use.text, tile.change, room) + gap;
  height += text_height(in_use.text, tile.detail, room);
  return height + padding;
}

bool draw_kpi_tile(const char* id, const KpiTile& tile, ImVec2 size, const Theme& theme,
                   const TileFonts& fonts) {
  auto [min, max, clicked, hovered] = tile_canvas(id, size, theme);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, ImVec2(min.x + accent_width, max.y),
                      assessment_colour(theme, tile.assessment), rounding,
                      ImDrawFlags_RoundCornersLeft);

  TileFontsInUse in_use = fonts_in_use(fonts);
  float width = text_room(size.x);
  float x = min.x + accent_width + padding;
  float y = min.y + padding;
  float gap = line_gap(in_use);

  y += text_wrapped(draw, in_use.text, ImVec2(x, y), theme.text_muted, tile.title, width);
  y += gap * 2;

  float headline_size = in_use.headline->FontSize;
  float headline_top = y;
  float headline_width = text_width(in_use.headline, tile.value);
  ImU32 headline_colour = tile.assessment == Assessment::bad ? theme.bad : theme.text;
  y += text_wrapped(draw, in_use.headline, ImVec2(x, y), headline_colour, tile.value, width);
  y += gap * 2;

  if (!tile.change.empty()) {
    ImU32 change_colour = tile.change_assessment == Assessment::neutral
                              ? theme.text_muted
                              : assessment_colour(theme, tile.change_assessment);
    y += text_wrapped(draw, in_use.text, ImVec2(x, y), change_colour, tile.change, width);
    y += gap;
  }
  text_wrapped(draw, in_use.text, ImVec2(x, y), theme.text_muted, tile.detail, width);

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

// -- the trend under a tile --------------------------------------------------------------------

int trend_bar_at(float x, float left, float width, std::size_t bars) {
  if (bars == 0 || width <= 0 || x < left || x >= left + width) return -1;
  auto index = static_cast<std::size_t>((x - left) / (width / static_cast<float>(bars)));
  return static_cast<int>(std::min(index, bars - 1));
}

bool draw_tile_trend(const char* id, const TileTrend& trend, ImVec2 size, const Theme& theme,
                     const TileFonts& fonts) {
  auto [min, max, clicked, hovered] = tile_canvas(id, size, theme);
  ImDrawList* draw = ImGui::GetWindowDrawList();

  ImFont* font = fonts_in_use(fonts).text;
  float line = font->FontSize;
  float inset = 8.0f;
  float left = min.x + accent_width + padding;
  float right = max.x - padding;

  // The highest value, named at the right of the caption line, marks the top of the bars, so
  // that a reader sees the scale without an axis.
  double peak = 0;
  for (double value : trend.values) peak = std::max(peak, value);
  std::string peak_text = value_text(peak, false);
  float peak_width = text_width(font, peak_text);
  draw->AddText(font, line, ImVec2(right - peak_width, min.y + inset), theme.text_muted,
                peak_text.c_str());
  draw->AddText(font, line, ImVec2(left, min.y + inset), theme.text_muted,
                fitted(font, trend.caption, right - left - peak_width - 8).c_str());
  float top = min.y + inset + line * 1.35f;
  float label_y = max.y - inset * 0.75f - line;
  float bottom = label_y - line * 0.25f;
  draw->AddLine(ImVec2(left, top), ImVec2(right, top), theme.grid);
  draw->AddLine(ImVec2(left, bottom), ImVec2(right, bottom), theme.tile_border);

  std::size_t count = trend.values.size();
  float bars_width = right - left;
  float slot = count ? bars_width / static_cast<float>(count) : bars_width;
  int hovered_bar = hovered ? trend_bar_at(ImGui::GetIO().MousePos.x, left, bars_width, count) : -1;
  for (std::size_t i = 0; i < count; ++i) {
    double value = trend.values[i];
    if (value <= 0 || peak <= 0) continue;
    float height = std::max(1.0f, static_cast<float>(value / peak) * (bottom - top));
    float bar_left = left + slot * static_cast<float>(i) + slot * 0.15f;
    bool partial = trend.last_is_partial && i + 1 == count;
    float alpha = static_cast<int>(i) == hovered_bar ? 1.0f : partial ? 0.45f : 0.8f;
    draw->AddRectFilled(ImVec2(bar_left, bottom - height), ImVec2(bar_left + slot * 0.7f, bottom),
                        with_alpha(trend.colour, alpha), 1.5f);
  }

  float last_width = text_width(font, trend.last_label);
  draw->AddText(font, line, ImVec2(right - last_width, label_y), theme.text_muted,
                trend.last_label.c_str());
  if (text_width(font, trend.first_label) + last_width + 12 <= bars_width)
    draw->AddText(font, line, ImVec2(left, label_y), theme.text_muted, trend.first_label.c_str());

  if (hovered_bar >= 0 && static_cast<std::size_t>(hovered_bar) < trend.tooltips.size())
    ImGui::SetTooltip("%s", trend.tooltips[static_cast<std::size_t>(hovered_bar)].c_str());
  if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  return clicked;
}

}  // namespace raekoda::plot
