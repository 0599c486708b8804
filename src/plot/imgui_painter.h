#pragma once
// The screen's painter: a chart's marks added to a Dear ImGui draw list, its text in the
// dashboard's fonts.

#include "plot/painter.h"

namespace raekoda::plot {

class ImGuiPainter : public Painter {
public:
  // Text of scale 1 is `font_size` pixels high (0: the regular font's own size); bold text is
  // set in `bold`, or in `regular` where there is no bold font.
  ImGuiPainter(ImDrawList* draw, ImFont* regular, ImFont* bold = nullptr, float font_size = 0);
  // Into the current window, in the current font and size, as ImGui's own widgets draw.
  static ImGuiPainter for_window(ImFont* bold = nullptr);

  void line(ImVec2 from, ImVec2 to, ImU32 colour, float thickness = 1.0f) override;
  void polyline(std::span<const ImVec2> points, ImU32 colour, float thickness) override;
  void rect_filled(ImVec2 min, ImVec2 max, ImU32 colour) override;
  void rect(ImVec2 min, ImVec2 max, ImU32 colour, float thickness = 1.0f) override;
  void rounded_rect_filled(ImVec2 min, ImVec2 max, ImU32 colour, float radius) override;
  void rounded_rect(ImVec2 min, ImVec2 max, ImU32 colour, float radius,
                    float thickness = 1.0f) override;
  void polygon_filled(std::span<const ImVec2> points, ImU32 colour) override;
  void circle_filled(ImVec2 centre, float radius, ImU32 colour) override;
  void circle(ImVec2 centre, float radius, ImU32 colour, float thickness = 1.0f) override;
  void text(ImVec2 at, std::string_view text, ImU32 colour, TextStyle style = {}) override;
  float text_width(std::string_view text, TextStyle style = {}) override;
  float line_height(TextStyle style = {}) override;
  void push_clip(ImVec2 min, ImVec2 max) override;
  void pop_clip() override;

private:
  ImFont* font_of(TextStyle style) const;

  ImDrawList* draw_;
  ImFont* regular_;
  ImFont* bold_;
  float size_;
};

}  // namespace raekoda::plot
