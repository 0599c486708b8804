#pragma once
// A table as an Excel workbook of one sheet: what the drill-down shows, with dates that a
// spreadsheet can sort and count, numbers as numbers, a frozen header with filters. The table is
// plain data, so the screen's layer can fill it without knowing the writer.

#include <filesystem>
#include <string>
#include <vector>

namespace raekoda::exports {

struct SheetColumn {
  // How a column's cells are written. Dates come as stored, ISO ("2026-11-22", "2026-11-22
  // 14:05"); numbers with '.' or ',' before the decimals. A cell that is none of its kind is
  // written as the text it is, an empty one left blank.
  enum class Kind { text, integer, number, date, datetime };
  std::string name;
  Kind kind = Kind::text;
};

struct SheetTable {
  std::string title;       // names the sheet (shortened to Excel's 31 characters)
  std::string title_line;  // the first row: what the table shows and its filter, in words
  std::vector<SheetColumn> columns;
  std::vector<std::vector<std::string>> rows;  // each as long as `columns` or shorter
};

// Writes `table` to `file` as .xlsx: row 1 the title line, row 2 the header (both bold), the
// pane frozen below the header and a filter over it; dates shown dd.mm.yyyy (dd.mm.yyyy hh:mm).
// The workbook is written beside `file` under another name, read back, and renamed when whole,
// so a failed export leaves nothing behind and an earlier `file` as it was. Throws
// std::runtime_error saying what failed. Text is always written as text, never as a formula:
// a sender named "=HYPERLINK(...)" stays a name to the spreadsheet.
void write_xlsx_table(const std::filesystem::path& file, const SheetTable& table);

// Excel's name for a sheet called `title`: without []:*?/\ and leading or trailing apostrophes,
// at most 31 characters; "Sheet1" when nothing is left.
std::string sheet_name(const std::string& title);

// A column's width in characters for cells whose longest text has `characters` code points.
double column_width(std::size_t characters);

}  // namespace raekoda::exports
