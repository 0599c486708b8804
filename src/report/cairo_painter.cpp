#include "report/cairo_painter.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <numbers>

namespace raekoda::report {
namespace {

double channel(ImU32 colour, int shift) {
  return static_cast<double>((colour >> shift) & 0xFF) / 255.0;
}

}  // namespace

CairoPainter::CairoPainter(cairo_t* cairo, double body_size)
    : cairo_(cairo), body_size_(body_size), layout_(pango_cairo_create_layout(cairo)) {}

CairoPainter::~CairoPainter() {
  while (clips_ > 0) pop_clip();
  g_object_unref(layout_);
}

void CairoPainter::set_colour(ImU32 colour) {
  cairo_set_source_rgba(cairo_, channel(colour, IM_COL32_R_SHIFT),
                        channel(colour, IM_COL32_G_SHIFT), channel(colour, IM_COL32_B_SHIFT),
                        channel(colour, IM_COL32_A_SHIFT));
}

void CairoPainter::line(ImVec2 from, ImVec2 to, ImU32 colour, float thickness) {
  set_colour(colour);
  cairo_set_line_width(cairo_, thickness);
  cairo_move_to(cairo_, from.x, from.y);
  cairo_line_to(cairo_, to.x, to.y);
  cairo_stroke(cairo_);
}

void CairoPainter::polyline(std::span<const ImVec2> points, ImU32 colour, float thickness) {
  if (points.size() < 2) return;
  set_colour(colour);
  cairo_set_line_width(cairo_, thickness);
  cairo_set_line_join(cairo_, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to(cairo_, points[0].x, points[0].y);
  for (std::size_t i = 1; i < points.size(); ++i) cairo_line_to(cairo_, points[i].x, points[i].y);
  cairo_stroke(cairo_);
}

void CairoPainter::rect_filled(ImVec2 min, ImVec2 max, ImU32 colour) {
  set_colour(colour);
  cairo_rectangle(cairo_, min.x, min.y, max.x - min.x, max.y - min.y);
  cairo_fill(cairo_);
}

void CairoPainter::rect(ImVec2 min, ImVec2 max, ImU32 colour, float thickness) {
  set_colour(colour);
  cairo_set_line_width(cairo_, thickness);
  cairo_rectangle(cairo_, min.x, min.y, max.x - min.x, max.y - min.y);
  cairo_stroke(cairo_);
}

void CairoPainter::polygon_filled(std::span<const ImVec2> points, ImU32 colour) {
  if (points.size() < 3) return;
  set_colour(colour);
  cairo_move_to(cairo_, points[0].x, points[0].y);
  for (std::size_t i = 1; i < points.size(); ++i) cairo_line_to(cairo_, points[i].x, points[i].y);
  cairo_close_path(cairo_);
  cairo_fill(cairo_);
}

void CairoPainter::rounded_path(ImVec2 min, ImVec2 max, float radius) {
  double r = std::min({static_cast<double>(radius), (max.x - min.x) / 2.0, (max.y - min.y) / 2.0});
  constexpr double quarter = std::numbers::pi / 2;
  cairo_new_sub_path(cairo_);
  cairo_arc(cairo_, max.x - r, min.y + r, r, -quarter, 0);
  cairo_arc(cairo_, max.x - r, max.y - r, r, 0, quarter);
  cairo_arc(cairo_, min.x + r, max.y - r, r, quarter, 2 * quarter);
  cairo_arc(cairo_, min.x + r, min.y + r, r, 2 * quarter, 3 * quarter);
  cairo_close_path(cairo_);
}

void CairoPainter::rounded_rect_filled(ImVec2 min, ImVec2 max, ImU32 colour, float radius) {
  if (max.x <= min.x || max.y <= min.y) return;
  set_colour(colour);
  rounded_path(min, max, radius);
  cairo_fill(cairo_);
}

void CairoPainter::rounded_rect(ImVec2 min, ImVec2 max, ImU32 colour, float radius,
                                float thickness) {
  if (max.x <= min.x || max.y <= min.y) return;
  set_colour(colour);
  cairo_set_line_width(cairo_, thickness);
  rounded_path(min, max, radius);
  cairo_stroke(cairo_);
}

void CairoPainter::circle_filled(ImVec2 centre, float radius, ImU32 colour) {
  set_colour(colour);
  cairo_new_sub_path(cairo_);
  cairo_arc(cairo_, centre.x, centre.y, radius, 0, 2 * std::numbers::pi);
  cairo_fill(cairo_);
}

void CairoPainter::circle(ImVec2 centre, float radius, ImU32 colour, float thickness) {
  set_colour(colour);
  cairo_set_line_width(cairo_, thickness);
  cairo_new_sub_path(cairo_);
  cairo_arc(cairo_, centre.x, centre.y, radius, 0, 2 * std::numbers::pi);
  cairo_stroke(cairo_);
}

PangoLayout* CairoPainter::layout_for(std::string_view text, plot::TextStyle style) {
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, "DejaVu Sans");
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(font, body_size_ * style.scale * PANGO_SCALE);
  pango_layout_set_font_description(layout_, font);
  pango_font_description_free(font);
  pango_layout_set_width(layout_, -1);
  pango_layout_set_height(layout_, -1);
  pango_layout_set_ellipsize(layout_, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_alignment(layout_, PANGO_ALIGN_LEFT);
  pango_layout_set_text(layout_, text.data(), static_cast<int>(text.size()));
  return layout_;
}

void CairoPainter::text(ImVec2 at, std::string_view text, ImU32 colour, plot::TextStyle style) {
  PangoLayout* layout = layout_for(text, style);
  set_colour(colour);
  cairo_move_to(cairo_, at.x, at.y);
  pango_cairo_show_layout(cairo_, layout);
}

float CairoPainter::text_width(std::string_view text, plot::TextStyle style) {
  PangoRectangle logical;
  pango_layout_get_extents(layout_for(text, style), nullptr, &logical);
  return static_cast<float>(logical.width) / PANGO_SCALE;
}

float CairoPainter::line_height(plot::TextStyle style) {
  PangoRectangle logical;
  pango_layout_get_extents(layout_for("Ág", style), nullptr, &logical);
  return static_cast<float>(logical.height) / PANGO_SCALE;
}

float CairoPainter::paragraph_height(float width, std::string_view text, plot::TextStyle style,
                                     int max_lines, plot::Align align) {
  PangoLayout* layout = layout_for(text, style);
  pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_alignment(layout, align == plot::Align::right    ? PANGO_ALIGN_RIGHT
                                     : align == plot::Align::centre ? PANGO_ALIGN_CENTER
                                                                    : PANGO_ALIGN_LEFT);
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  if (max_lines > 0) {
    pango_layout_set_height(layout, -max_lines);
    pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
  }
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return static_cast<float>(logical.height) / PANGO_SCALE;
}

float CairoPainter::paragraph(ImVec2 at, float width, std::string_view text, ImU32 colour,
                              plot::TextStyle style, int max_lines, plot::Align align) {
  float height = paragraph_height(width, text, style, max_lines, align);
  set_colour(colour);
  cairo_move_to(cairo_, at.x, at.y);
  pango_cairo_show_layout(cairo_, layout_);
  return height;
}

void CairoPainter::push_clip(ImVec2 min, ImVec2 max) {
  cairo_save(cairo_);
  cairo_rectangle(cairo_, min.x, min.y, max.x - min.x, max.y - min.y);
  cairo_clip(cairo_);
  ++clips_;
}

void CairoPainter::pop_clip() {
  if (clips_ == 0) return;
  cairo_restore(cairo_);
  --clips_;
}

}  // namespace raekoda::report
