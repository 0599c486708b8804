#pragma once
// The painter of the printed report: a chart's lines, shapes and text drawn as vectors on a
// cairo surface (a PDF page), its text set by pango in DejaVu Sans, so that it stays text a
// reader can select, search and have read aloud.

#include <cairo.h>
#include <pango/pango.h>

#include "plot/painter.h"

namespace raekoda::report {

class CairoPainter : public plot::Painter {
public:
  // Text of scale 1 is `body_size` points high.
  CairoPainter(cairo_t* cairo, double body_size);
  ~CairoPainter() override;
  CairoPainter(const CairoPainter&) = delete;
  CairoPainter& operator=(const CairoPainter&) = delete;

  void line(ImVec2 from, ImVec2 to, ImU32 colour, float thickness = 1.0f) override;
  void polyline(std::span<const ImVec2> points, ImU32 colour, float thickness) override;
  void rect_filled(ImVec2 min, ImVec2 max, ImU32 colour) override;
  void rect(ImVec2 min, ImVec2 max, ImU32 colour, float thickness = 1.0f) override;
  void polygon_filled(std::span<const ImVec2> points, ImU32 colour) override;
  void rounded_rect_filled(ImVec2 min, ImVec2 max, ImU32 colour, float radius) override;
  void rounded_rect(ImVec2 min, ImVec2 max, ImU32 colour, float radius,
                    float thickness = 1.0f) override;
  void circle_filled(ImVec2 centre, float radius, ImU32 colour) override;
  void circle(ImVec2 centre, float radius, ImU32 colour, float thickness = 1.0f) override;
  void text(ImVec2 at, std::string_view text, ImU32 colour, plot::TextStyle style = {}) override;
  float text_width(std::string_view text, plot::TextStyle style = {}) override;
  float line_height(plot::TextStyle style = {}) override;
  void push_clip(ImVec2 min, ImVec2 max) override;
  void pop_clip() override;

  // Text wrapped at `width`, at most `max_lines` lines (the last ended with "…" where cut);
  // returns the height it took.
  float paragraph(ImVec2 at, float width, std::string_view text, ImU32 colour,
                  plot::TextStyle style = {}, int max_lines = 0,
                  plot::Align align = plot::Align::left);
  // The height `text` wrapped at `width` takes.
  float paragraph_height(float width, std::string_view text, plot::TextStyle style = {},
                         int max_lines = 0, plot::Align align = plot::Align::left);

  cairo_t* cairo() const { return cairo_; }

private:
  void set_colour(ImU32 colour);
  void rounded_path(ImVec2 min, ImVec2 max, float radius);
  PangoLayout* layout_for(std::string_view text, plot::TextStyle style);

  cairo_t* cairo_;
  double body_size_;
  PangoLayout* layout_;
  int clips_ = 0;
};

}  // namespace raekoda::report
