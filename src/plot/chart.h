#pragma once
// What every chart shares: the data it is given, the state it keeps between frames, the
// selection a click returns, and the context it draws in. A chart knows nothing of the database:
// the view turns a Selection into a filter.

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "core/date.h"
#include "plot/painter.h"
#include "plot/theme.h"
#include "plot/time_axis.h"

namespace raekoda::plot {

// One named row of values. NaN marks a missing value (a gap in a line).
struct Series {
  std::string name;
  std::vector<double> values;
  std::optional<ImU32> colour;  // a fixed meaning colour (tone); otherwise the palette's
};

// What a click picked: the series (-1 when the chart has one) and the bucket or category.
struct Selection {
  std::string chart;  // the chart's id
  int series = -1;
  int index = -1;             // bucket, category, cell column or row, by chart kind
  int row = -1;               // heatmap row
  std::optional<Date> from;   // the bucket's first day
  std::optional<Date> until;  // its last day
  std::string category;       // the category's name, where there is one
  std::string key;            // the category's key (an id) where the chart was given one
  int moved_days = 0;         // a timeline bar dragged: by how many days
};

// What a click on a cell of a grid (heatmap, matrix) selects: its row and column.
Selection cell_selection(const char* chart, std::size_t row, std::size_t column,
                         const std::string& row_name);

// A grid's data as CSV: a header of column names, then each row's name and cells.
std::string grid_csv(const std::vector<std::string>& rows, const std::vector<std::string>& columns,
                     const std::function<std::string(std::size_t, std::size_t)>& cell);

// Per-chart state kept by the view across frames: the visible time range, hidden series.
struct ChartState {
  // The visible span of a time chart in days since 1970-01-01; nullopt: fit the data.
  std::optional<double> view_from;
  std::optional<double> view_to;
  std::vector<bool> hidden;
  int hovered_series = -1;                   // legend hover, for highlighting
  std::optional<std::size_t> hovered_index;  // the bucket or row under the mouse, if any
  std::optional<std::size_t> dragged;        // a timeline bar being dragged
  int dragged_days = 0;                      // where it will land: days from where it was
};

// A chart the user asked to save as PNG: the window layer reads these pixels after rendering.
struct ImageRequest {
  ImVec2 min, max;
  std::string name;
};

struct ChartContext {
  const Theme* theme = nullptr;
  ImFont* bold = nullptr;  // titles and headline numbers; nullptr: the current font
  std::vector<ImageRequest>* image_requests = nullptr;  // nullptr: no "save as PNG"
};

// The colour-blind-safe palette (Okabe and Ito), in an order that keeps neighbours apart.
ImU32 palette_colour(const Theme& theme, std::size_t index);
ImU32 series_colour(const Theme& theme, const Series& series, std::size_t index);
// Fixed tone colours: negative vermillion, neutral grey, positive blue; never green for bad news.
ImU32 tone_colour(const Theme& theme, int tone);
ImU32 with_alpha(ImU32 colour, float alpha);
// Dark or white text, whichever reads better on `background`.
ImU32 readable_text_on(ImU32 background);

// Text of a value for an axis or tooltip, in the current language: 12 345, or 95 % when percent.
std::string value_text(double value, bool percent);
// The same with a fixed number of decimals, so that the values of one chart read alike.
std::string value_text(double value, bool percent, int decimals);
// The decimals that write all of `values` alike (NaNs aside): none for whole counts, one where
// any has a fraction; shares in whole percent, or to a tenth where a share that is not zero
// would read "0 %".
int shared_decimals(std::span<const double> values, bool percent);

// Below ten items one item moves a share by more than ten points: its first digit is chance.
// A share of fewer items is drawn faded and its tooltip says so.
inline constexpr double few_items = 10;

// A share with the count it stands for: "25 % · 1 of 4", so that 1 of 4 is not read as 100 of
// 400.
std::string share_text(double share, double count, double total, int decimals);

// Diagonal hatching over a rectangle: a mark that is "not whole yet" (a running week).
void hatch_rect(Painter& painter, ImVec2 min, ImVec2 max, ImU32 colour);

// The rows of a table as CSV for Estonian spreadsheets: ';' between fields, quoted where needed.
// A field that a spreadsheet would run as a formula (starting with = + - @, a tab or CR) gets a
// leading apostrophe; a plain number such as "-5" or "-3,5" stays a number.
std::string csv_line(const std::vector<std::string>& fields);
// A number in a CSV cell: decimal comma, no thousands separator.
std::string csv_number(double value);

// Right-click menu of a chart: copy its data as CSV, save it as PNG. The CSV is made only
// when asked for: a frame must not format a whole series.
void chart_context_menu(const char* id, const std::function<std::string()>& csv, ImVec2 min,
                        ImVec2 max, const ChartContext& context);

// `text` as it fits in `width` pixels: whole, or cut at a character and ended with "…". Never
// cuts inside a UTF-8 sequence; an empty result when not even "…" fits.
std::string fit_text(std::string_view text, float width, const MeasureText& measure);
// The same, measured in the current ImGui font.
std::string fit_text(std::string_view text, float width);

// How wide the name column of a chart with one row per category is, of `total` pixels: as
// wide as the longest name, but leaving the bars at least an eighth of the width beside
// `value_width` pixels of values; names longer than that are shortened with "…".
float name_column_width(float longest_name, float total, float value_width);

// The canvas of a chart with one row per category (rankings, stacked rows): where each row
// lies, which one the mouse is over, and each row's name clipped to its column.
struct RowCanvas {
  ImVec2 origin;
  ImVec2 size;
  float line = 0;
  float row_height = 0;
  bool hovered = false;
  bool clicked = false;
  ImDrawList* draw = nullptr;

  float top(std::size_t row) const { return origin.y + row_height * static_cast<float>(row); }
  float text_y(std::size_t row) const { return top(row) + (row_height - line) / 2; }
  bool row_hovered(std::size_t row) const;
  // The hover band under the row and its name in the first `name_width` pixels, shortened
  // with "…" where it is longer; the chart's tooltip then names it in full.
  void draw_row(std::size_t row, const std::string& name, float name_width,
                const Theme& theme) const;
};
// Places the canvas for `rows` rows at the cursor, as wide as there is room.
RowCanvas row_canvas(std::size_t rows);

// A key of colours that cannot be switched off (groups, statuses), in a row above a chart.
void draw_colour_key(const std::vector<std::string>& names, const std::vector<ImU32>& colours);

// A key entry that names a way of drawing rather than a series: a shaded band, a hatched bar.
struct KeyEntry {
  enum class Mark { filled, hatched, faded, hollow_point };
  std::string name;
  ImU32 colour = 0;
  Mark mark = Mark::filled;
};

// A legend row above a chart; a click hides or shows a series, hover highlights it. `keys`
// follow the series, not clickable. Returns the height it took.
float draw_legend(const std::vector<Series>& series, ChartState& state, const ChartContext& context,
                  const std::vector<KeyEntry>& keys = {});

// The swatch of a key entry in the square at `min`, `size` on a side: as the legend shows it
// on screen and the printed key on paper.
void paint_key_swatch(Painter& painter, ImVec2 min, float size, const KeyEntry& key,
                      const Theme& theme);
// A series' swatch: filled, or only outlined while the series is hidden.
void paint_series_swatch(Painter& painter, ImVec2 min, float size, ImU32 colour, bool hidden);

// The legend as printed: each series' swatch and name, then the keys, running on to a new line
// where the next entry would pass `width`. Returns the height it took.
float paint_key(Painter& painter, ImVec2 min, float width, const std::vector<Series>& series,
                const std::vector<KeyEntry>& keys, const Theme& theme);

}  // namespace raekoda::plot
