#pragma once
// Charts of categories in more than one dimension: horizontal bars stacked by series (accounts
// by system and privilege), and a matrix of rows by columns whose cells hold one of a few levels
// (who holds which privilege in which system).

#include <optional>
#include <string>
#include <vector>

#include "plot/chart.h"

namespace raekoda::plot {

struct StackedRow {
  std::string name;
  std::vector<double> values;  // one per series
  std::string note;            // a muted remark after the total
};

// One bar per row, its series stacked left to right in `series` colours; a click selects the row
// (index) and the segment (series).
std::optional<Selection> stacked_rows_chart(const char* id, const std::vector<StackedRow>& rows,
                                            const std::vector<Series>& series,
                                            const ChartContext& context);

struct MatrixData {
  std::vector<std::string> rows;
  std::vector<bool> row_flagged;  // drawn in the colour of bad news (a person who has left)
  std::vector<std::string> columns;
  std::vector<int> cells;  // row-major; -1 empty, else an index into levels
  std::vector<std::string> levels;
  std::vector<ImU32> level_colours;
  int at(std::size_t row, std::size_t column) const { return cells[row * columns.size() + column]; }
};

// The matrix with its column names written upwards; a click selects a cell (row, index=column).
std::optional<Selection> matrix_chart(const char* id, const MatrixData& data,
                                      const ChartContext& context);

}  // namespace raekoda::plot
