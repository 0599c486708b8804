#pragma once
// What a chart draws with. One chart function paints through this interface, on screen into a
// Dear ImGui draw list and in the printed report onto a cairo PDF page, so that a chart is never
// drawn twice by hand. Coordinates are the target's units (pixels on screen, points on paper),
// y downwards; colours are Dear ImGui's packed RGBA.

#include <span>
#include <string_view>

#include <imgui.h>

namespace raekoda::plot {

// The text of a chart: the body size (scale 1) or a multiple of it, regular or bold.
struct TextStyle {
  float scale = 1.0f;
  bool bold = false;
};

enum class Align { left, centre, right };

class Painter {
public:
  virtual ~Painter() = default;

  virtual void line(ImVec2 from, ImVec2 to, ImU32 colour, float thickness = 1.0f) = 0;
  // An open line through `points`; fewer than two draw nothing.
  virtual void polyline(std::span<const ImVec2> points, ImU32 colour, float thickness) = 0;
  virtual void rect_filled(ImVec2 min, ImVec2 max, ImU32 colour) = 0;
  virtual void rect(ImVec2 min, ImVec2 max, ImU32 colour, float thickness = 1.0f) = 0;
  // A convex polygon, closed from the last point to the first.
  virtual void polygon_filled(std::span<const ImVec2> points, ImU32 colour) = 0;
  virtual void circle_filled(ImVec2 centre, float radius, ImU32 colour) = 0;
  virtual void circle(ImVec2 centre, float radius, ImU32 colour, float thickness = 1.0f) = 0;
  // Rectangles with rounded corners, as the screen draws swatches and ranking bars. A target
  // without them draws square corners: the corners are looks, not meaning.
  virtual void rounded_rect_filled(ImVec2 min, ImVec2 max, ImU32 colour, float radius);
  virtual void rounded_rect(ImVec2 min, ImVec2 max, ImU32 colour, float radius,
                            float thickness = 1.0f);

  // One line of text with its top-left corner at `at`.
  virtual void text(ImVec2 at, std::string_view text, ImU32 colour, TextStyle style = {}) = 0;
  virtual float text_width(std::string_view text, TextStyle style = {}) = 0;
  // The height of a line of body text, what a chart spaces its rows and labels by.
  virtual float line_height(TextStyle style = {}) = 0;

  // Nothing is drawn outside the rectangle until pop_clip(); clips nest by intersection.
  virtual void push_clip(ImVec2 min, ImVec2 max) = 0;
  virtual void pop_clip() = 0;

  // `text` placed by `align` against x: its left edge, its centre or its right edge.
  void text_aligned(float x, float top, Align align, std::string_view text, ImU32 colour,
                    TextStyle style = {});
};

}  // namespace raekoda::plot
