#include "plot/imgui_painter.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace raekoda::plot {
namespace {

// ImGui 1.86 indexes a draw list's vertices with 16 bits: a polyline of many thousand points
// is drawn in pieces well below that, each starting where the last ended.
constexpr std::size_t max_polyline_points = 4000;

}  // namespace

ImGuiPainter::ImGuiPainter(ImDrawList* draw, ImFont* regular, ImFont* bold, float font_size)
    : draw_(draw),
      regular_(regular),
      bold_(bold ? bold : regular),
      size_(font_size > 0 ? font_size : regular->FontSize) {}

ImGuiPainter ImGuiPainter::for_window(ImFont* bold) {
  return ImGuiPainter(ImGui::GetWindowDrawList(), ImGui::GetFont(), bold, ImGui::GetFontSize());
}

void ImGuiPainter::line(ImVec2 from, ImVec2 to, ImU32 colour, float thickness) {
  draw_->AddLine(from, to, colour, thickness);
}

void ImGuiPainter::polyline(std::span<const ImVec2> points, ImU32 colour, float thickness) {
  for (std::size_t start = 0; start + 1 < points.size(); start += max_polyline_points - 1) {
    std::size_t count = std::min(max_polyline_points, points.size() - start);
    draw_->AddPolyline(points.data() + start, static_cast<int>(count), colour, 0, thickness);
  }
}

void ImGuiPainter::rect_filled(ImVec2 min, ImVec2 max, ImU32 colour) {
  draw_->AddRectFilled(min, max, colour);
}

void ImGuiPainter::rect(ImVec2 min, ImVec2 max, ImU32 colour, float thickness) {
  draw_->AddRect(min, max, colour, 0, 0, thickness);
}

void ImGuiPainter::rounded_rect_filled(ImVec2 min, ImVec2 max, ImU32 colour, float radius) {
  draw_->AddRectFilled(min, max, colour, radius);
}

void ImGuiPainter::rounded_rect(ImVec2 min, ImVec2 max, ImU32 colour, float radius,
                                float thickness) {
  draw_->AddRect(min, max, colour, radius, 0, thickness);
}

void ImGuiPainter::polygon_filled(std::span<const ImVec2> points, ImU32 colour) {
  if (points.size() < 3) return;
  draw_->AddConvexPolyFilled(points.data(), static_cast<int>(points.size()), colour);
}

void ImGuiPainter::circle_filled(ImVec2 centre, float radius, ImU32 colour) {
  draw_->AddCircleFilled(centre, radius, colour);
}

void ImGuiPainter::circle(ImVec2 centre, float radius, ImU32 colour, float thickness) {
  draw_->AddCircle(centre, radius, colour, 0, thickness);
}

ImFont* ImGuiPainter::font_of(TextStyle style) const {
  return style.bold ? bold_ : regular_;
}

void ImGuiPainter::text(ImVec2 at, std::string_view text, ImU32 colour, TextStyle style) {
  if (text.empty()) return;
  draw_->AddText(font_of(style), size_ * style.scale, at, colour, text.data(),
                 text.data() + text.size());
}

float ImGuiPainter::text_width(std::string_view text, TextStyle style) {
  if (text.empty()) return 0;
  ImFont* font = font_of(style);
  float size = size_ * style.scale;
  // In the window's own font ImGui measures, so that a chart lays out as its widgets do.
  if (ImGui::GetCurrentContext() && font == ImGui::GetFont() && size == ImGui::GetFontSize())
    return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
  float width = font->CalcTextSizeA(size, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
  return std::floor(width + 0.95f);
}

float ImGuiPainter::line_height(TextStyle style) {
  return size_ * style.scale;
}

void ImGuiPainter::push_clip(ImVec2 min, ImVec2 max) {
  draw_->PushClipRect(min, max, true);
}

void ImGuiPainter::pop_clip() {
  draw_->PopClipRect();
}

}  // namespace raekoda::plot
