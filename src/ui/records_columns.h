#pragma once
// How wide each column of a drill-down table starts, by what it holds: a date fits dd.mm.yyyy,
// a choice its longest name, a number its digits, a reference the names it points to; titles,
// names and notes share what is left, never below a minimum. Pure layout over a text measure,
// so that it is tested without a window; the view passes ImGui::CalcTextSize.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ui/drilldown.h"

namespace raekoda::ui {

struct UiState;

// The width of a text in pixels, in the font it is drawn in.
using TextWidth = std::function<float(std::string_view)>;

// What the plan is measured with: the text width, the font's size (the unit of the minimums)
// and the width a header gives up to its sort arrow.
struct ColumnMeasure {
  TextWidth text;
  float em = 16;
  float header_extra = 0;
};

// The columns in the order the table shows them: the first field, then the status when the
// records have one, then the other fields. `statuses` are the status texts of the rows at hand,
// for the status column's width.
std::vector<ColumnPlan> plan_columns(const TableSpec& spec, const ReferenceLabels& labels,
                                     const std::vector<std::string>& statuses,
                                     const ColumnMeasure& measure);

// A header label broken at spaces into at most `max_lines` lines of `width`; a word wider than
// that, or what does not fit in the last line, stays whole there to be cut with an ellipsis.
std::vector<std::string> wrap_label(std::string_view label, float width, const TextWidth& text,
                                    int max_lines = 2);

// The narrowest width at which `label` takes at most two lines.
float two_line_width(std::string_view label, const TextWidth& text);

// Where the record editor's panel begins on the screen, or FLT_MAX when none is open. It lies
// over the right of the window, the top bar included: the table and the bar end there.
float editor_panel_left(const UiState& state);

}  // namespace raekoda::ui
