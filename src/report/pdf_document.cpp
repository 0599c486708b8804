#include "report/pdf_document.h"

#include <cairo-pdf.h>

#include <numeric>
#include <stdexcept>

#include "core/i18n.h"
#include "plot/chart.h"

namespace raekoda::report {
namespace {

constexpr double body_points = 8.5;
constexpr float header_space = 30;  // from the top margin's line to the first content
constexpr float footer_space = 24;
constexpr float cell_pad = 4;

cairo_status_t append(void* bytes, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(bytes)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

PdfDocument::PdfDocument(std::string* bytes, PageFrame frame)
    : frame_(std::move(frame)), theme_(plot::theme(plot::ThemeKind::light)) {
  surface_ =
      cairo_pdf_surface_create_for_stream(bytes ? append : nullptr, bytes, page_width, page_height);
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, frame_.title.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "Raekoda");
  cairo_ = cairo_create(surface_);
  painter_ = std::make_unique<CairoPainter>(cairo_, body_points);
  begin_page();
}

PdfDocument::~PdfDocument() {
  painter_.reset();
  cairo_destroy(cairo_);
  cairo_surface_destroy(surface_);
}

void PdfDocument::begin_page() {
  ++page_;
  CairoPainter& p = *painter_;
  float top = margin - 14;
  p.text({left(), top}, frame_.header, theme_.text_muted, {0.95f, true});
  p.text_aligned(left() + width(), top, plot::Align::right, frame_.period, theme_.text_muted,
                 {0.95f, false});
  float rule = top + p.line_height({0.95f}) + 3;
  p.line({left(), rule}, {left() + width(), rule}, theme_.tile_border, 0.6f);
  y_ = margin + header_space - 14;
}

void PdfDocument::end_page() {
  CairoPainter& p = *painter_;
  float bottom = page_height - margin + 10;
  p.text({left(), bottom}, frame_.footer, theme_.text_muted, {0.9f, false});
  std::string number = frame_.total_pages > 0 ? trf("report.page_of", page_, frame_.total_pages)
                                              : trf("report.page_of", page_, page_);
  p.text_aligned(left() + width(), bottom, plot::Align::right, number, theme_.text_muted,
                 {0.9f, false});
  cairo_show_page(cairo_);
}

void PdfDocument::new_page() {
  end_page();
  begin_page();
}

void PdfDocument::keep_room(float height) {
  if (y_ + height > page_bottom()) new_page();
}

void PdfDocument::heading(const std::string& text, float scale) {
  plot::TextStyle style{scale, true};
  float height = painter_->paragraph_height(width(), text, style);
  // A heading never ends a page: it keeps room for a few lines of what follows it.
  keep_room(height + 60);
  y_ += painter_->paragraph({left(), y_}, width(), text, theme_.text, style) + 4;
}

void PdfDocument::paragraph(const std::string& text, bool muted, float scale) {
  plot::TextStyle style{scale, false};
  float height = painter_->paragraph_height(width(), text, style);
  keep_room(height);
  y_ += painter_->paragraph({left(), y_}, width(), text, muted ? theme_.text_muted : theme_.text,
                            style) +
        3;
}

void PdfDocument::block(float height,
                        const std::function<void(plot::Painter&, ImVec2, ImVec2)>& draw) {
  keep_room(height);
  ImVec2 min(left(), y_);
  ImVec2 size(width(), height);
  painter_->push_clip(min, ImVec2(min.x + size.x, min.y + size.y));
  draw(*painter_, min, size);
  painter_->pop_clip();
  y_ += height;
}

float PdfDocument::page_bottom() const {
  return page_height - margin - footer_space + 10;
}

std::vector<float> PdfDocument::column_widths(const Table& table) const {
  float total = 0;
  for (const TableColumn& column : table.columns) total += column.weight;
  std::vector<float> widths;
  for (const TableColumn& column : table.columns) widths.push_back(width() * column.weight / total);
  return widths;
}

// A long column name takes two lines rather than running into its neighbour.
float PdfDocument::table_header_height(const Table& table, const std::vector<float>& widths) {
  plot::TextStyle style{0.95f, true};
  float tallest = painter_->line_height(style);
  for (std::size_t c = 0; c < table.columns.size(); ++c)
    tallest = std::max(tallest, painter_->paragraph_height(widths[c] - 2 * cell_pad,
                                                           table.columns[c].name, style, 2));
  return tallest + 2 * cell_pad;
}

void PdfDocument::table_header(const Table& table, const std::vector<float>& widths) {
  CairoPainter& p = *painter_;
  plot::TextStyle style{0.95f, true};
  float height = table_header_height(table, widths);
  float x = left();
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const TableColumn& column = table.columns[c];
    p.paragraph({x + cell_pad, y_ + cell_pad}, widths[c] - 2 * cell_pad, column.name, theme_.text,
                style, 2, column.number ? plot::Align::right : plot::Align::left);
    x += widths[c];
  }
  y_ += height;
  p.line({left(), y_}, {left() + width(), y_}, theme_.text_muted, 0.8f);
}

// A row's cells are two lines at most: a long title is cut with "…" rather than running on.
float PdfDocument::row_height(const Table& table, const std::vector<float>& widths,
                              const std::vector<std::string>& cells) {
  plot::TextStyle style{0.95f, false};
  float tallest = painter_->line_height(style);
  for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c)
    if (!table.columns[c].number)
      tallest = std::max(tallest,
                         painter_->paragraph_height(widths[c] - 2 * cell_pad, cells[c], style, 2));
  return tallest + 2 * cell_pad - 2;
}

float PdfDocument::footnote_height(const Table& table) {
  if (table.footnote.empty()) return 0;
  return 6 + painter_->paragraph_height(width(), table.footnote, {0.9f, false});
}

std::size_t PdfDocument::rows_fitting(const Table& table) {
  std::vector<float> widths = column_widths(table);
  float y = y_ + table_header_height(table, widths) + footnote_height(table);
  std::size_t rows = 0;
  for (const auto& cells : table.rows) {
    y += row_height(table, widths, cells);
    if (y > page_bottom()) break;
    ++rows;
  }
  return rows;
}

void PdfDocument::table(const Table& table) {
  if (table.columns.empty()) return;
  CairoPainter& p = *painter_;
  std::vector<float> widths = column_widths(table);
  plot::TextStyle style{0.95f, false};
  keep_room(table_header_height(table, widths) +
            (table.rows.empty() ? 0 : row_height(table, widths, table.rows[0])));
  table_header(table, widths);
  float note = footnote_height(table);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& cells = table.rows[r];
    float height = row_height(table, widths, cells);
    float with_note = r + 1 == table.rows.size() ? height + note : height;
    if (y_ + with_note > page_bottom()) {
      new_page();
      table_header(table, widths);
    }
    if (r % 2 == 1)
      p.rect_filled({left(), y_}, {left() + width(), y_ + height},
                    plot::with_alpha(theme_.grid, 0.45f));
    float x = left();
    for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
      ImU32 colour = theme_.text;
      if (r < table.colours.size() && c < table.colours[r].size() && table.colours[r][c] != 0)
        colour = table.colours[r][c];
      if (table.columns[c].number)
        p.text_aligned(x + widths[c] - cell_pad, y_ + cell_pad - 1, plot::Align::right, cells[c],
                       colour, style);
      else
        p.paragraph({x + cell_pad, y_ + cell_pad - 1}, widths[c] - 2 * cell_pad, cells[c], colour,
                    style, 2);
      x += widths[c];
    }
    y_ += height;
  }
  p.line({left(), y_}, {left() + width(), y_}, theme_.tile_border, 0.6f);
  y_ += 6;
  if (!table.footnote.empty())
    y_ += p.paragraph({left(), y_}, width(), table.footnote, theme_.text_muted, {0.9f, false}) + 3;
}

int PdfDocument::finish() {
  if (finished_) return page_;
  finished_ = true;
  end_page();
  cairo_surface_finish(surface_);
  cairo_status_t status = cairo_surface_status(surface_);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(cairo_status_to_string(status));
  return page_;
}

}  // namespace raekoda::report
