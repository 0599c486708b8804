#pragma once
// What every area view is built from: a heading, a row of tiles, panels of charts in columns, and
// tables of records opened from them.

#include <initializer_list>
#include <string>
#include <vector>

#include "core/record_filter.h"
#include "plot/kpi_tile.h"
#include "plot/time_chart.h"
#include "ui/dashboard.h"

namespace raekoda::ui {

// The view's title and, beneath it, what the figures are counted on.
void view_heading(const char* title, const std::string& subtitle, const Fonts& fonts);

// A grey sentence (a hint, "nothing to show"), wrapped at the panel's or window's right edge
// rather than cut there: Russian runs a third longer than Estonian.
void note(const std::string& text);
inline void note(const char* text) {
  note(std::string(text));
}

// The last item's tooltip, when it is disabled because `allowed` is false: why (a catalog key).
void why_disabled(bool allowed, const char* why_key);

// Tiles side by side in one row, named `ids` for tests; returns the index of the one clicked, or
// -1. A tile's tooltip says it opens the records it counts.
int tile_row(const std::vector<plot::KpiTile>& tiles, const std::vector<std::string>& ids,
             float height, UiState& state, const Fonts& fonts);

// How `count` tiles share rows `available` pixels wide: as many in a row as fit at `min_width`
// each, the rows as even as can be (five tiles: one row, or 3 + 2, never 4 + 1), each row's
// tiles stretched to fill it. Returns how many tiles each row has.
std::vector<int> tile_rows(int count, float available, float min_width, float gap);

// Panels in `columns` columns, equal or in proportion to `weights`: begin, then panel() before
// each panel's content, then end.
bool begin_panels(const char* id, int columns, std::initializer_list<float> weights = {});
void panel(const char* title, const Fonts& fonts);
void end_panels();

// A records table that opens on `filters`, titled in words.
TableState records_table(const TableSpec& spec, std::vector<RecordFilter> filters,
                         std::string title, std::string sort_column, bool descending = false);

// A record's status in its meaning colour.
void draw_record_status(const RecordStatus& status, const plot::Theme& theme);

// Numbers line up on their last digit, as in a spreadsheet.
void text_right_aligned(const std::string& text, bool muted = false);

}  // namespace raekoda::ui
