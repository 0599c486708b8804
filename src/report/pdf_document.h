#pragma once
// An A4 portrait PDF that fills from top to bottom: headings, paragraphs, tables and drawn
// blocks (charts), each moved to the next page where it would not fit, every page headed with
// the city and the period and numbered "lk 3 / 9".

#include <cairo.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "plot/theme.h"
#include "report/cairo_painter.h"

namespace raekoda::report {

struct PageFrame {
  std::string title;    // the document's title, also its PDF metadata
  std::string header;   // at the top of each page, left: the city and the report
  std::string period;   // at the top of each page, right
  std::string footer;   // at the bottom left: when it was made
  int total_pages = 0;  // known from a first pass; 0 in that pass
};

struct TableColumn {
  std::string name;
  float weight = 1;     // its share of the width
  bool number = false;  // right-aligned
};

struct Table {
  std::vector<TableColumn> columns;
  std::vector<std::vector<std::string>> rows;
  // A colour per cell where it carries meaning (a change that is bad news); 0 or none: text.
  std::vector<std::vector<ImU32>> colours = {};
  // A muted line under the table ("… and 84 more"), kept on the page of its last row.
  std::string footnote = {};
};

class PdfDocument {
public:
  static constexpr float page_width = 595.276f;  // A4 in points
  static constexpr float page_height = 841.89f;
  static constexpr float margin = 48.0f;

  // Writes into `bytes`, or nowhere when it is null (a pass that only counts pages). Kept in
  // memory, not written by cairo to a file: cairo does not see a write its stdio buffer lost
  // on a full disk, and the file is then written by a writer that checks every write.
  PdfDocument(std::string* bytes, PageFrame frame);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  CairoPainter& painter() { return *painter_; }
  const plot::Theme& theme() const { return theme_; }
  float left() const { return margin; }
  float width() const { return page_width - 2 * margin; }
  float y() const { return y_; }
  int page() const { return page_; }

  // A new page unless `height` still fits on this one.
  void keep_room(float height);
  void new_page();
  void space(float height) { y_ += height; }

  void heading(const std::string& text, float scale = 1.45f);
  // Text wrapped to the width.
  void paragraph(const std::string& text, bool muted = false, float scale = 1.0f);
  // A drawing `height` high across the width; `draw` gets the painter and its box.
  void block(float height,
             const std::function<void(plot::Painter&, ImVec2 min, ImVec2 size)>& draw);
  // Rows under a bold header, repeated on each page the table runs onto.
  void table(const Table& table);
  // How many of the table's first rows, with its header and footnote, fit on this page.
  std::size_t rows_fitting(const Table& table);

  // Ends the document: the page count, or std::runtime_error when cairo could not write it.
  int finish();

private:
  void begin_page();
  void end_page();
  void table_header(const Table& table, const std::vector<float>& widths);
  float table_header_height(const Table& table, const std::vector<float>& widths);
  std::vector<float> column_widths(const Table& table) const;
  float row_height(const Table& table, const std::vector<float>& widths,
                   const std::vector<std::string>& cells);
  float footnote_height(const Table& table);
  float page_bottom() const;

  PageFrame frame_;
  const plot::Theme& theme_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cairo_ = nullptr;
  std::unique_ptr<CairoPainter> painter_;
  float y_ = 0;
  int page_ = 0;
  bool finished_ = false;
};

}  // namespace raekoda::report
