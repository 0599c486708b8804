#include "plot/painter.h"

namespace raekoda::plot {

void Painter::rounded_rect_filled(ImVec2 min, ImVec2 max, ImU32 colour, float) {
  rect_filled(min, max, colour);
}

void Painter::rounded_rect(ImVec2 min, ImVec2 max, ImU32 colour, float, float thickness) {
  rect(min, max, colour, thickness);
}

void Painter::text_aligned(float x, float top, Align align, std::string_view text, ImU32 colour,
                           TextStyle style) {
  float left = x;
  if (align != Align::left) {
    float width = text_width(text, style);
    left = align == Align::centre ? x - width / 2 : x - width;
  }
  this->text(ImVec2(left, top), text, colour, style);
}

}  // namespace raekoda::plot
