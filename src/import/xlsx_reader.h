#pragma once
// Excel workbooks (.xlsx): a zip of XML parts. The chosen sheet is streamed out of the zip and
// through the XML parser a piece at a time; the workbook's list of sheets, its shared strings
// and its cell formats are read first, each bounded.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "import/row_reader.h"

namespace raekoda::import {

// Throws ReadError when the workbook is damaged, too big unpacked, or has no such sheet.
std::unique_ptr<RowReader> open_xlsx(const std::filesystem::path& file, const ReadOptions& options,
                                     const ReadLimits& limits);
std::unique_ptr<RowReader> open_xlsx_in_memory(std::string bytes, const ReadOptions& options,
                                               const ReadLimits& limits);

// The column of a cell reference, from 0: "A1" → 0, "AB12" → 27; nothing when it is not one
// (Excel's last column is XFD).
std::optional<std::size_t> column_index(std::string_view cell_reference);

// What a number format shows of a date serial.
enum class DateFormat { none, date, date_time, time };
// Excel's built-in formats by id: 14–17 dates, 18–21 and 45–47 times, 22 date and time.
DateFormat builtin_date_format(int format_id);
// A custom format code: d, m, y make a date and h, s (or [h], AM/PM) a time; text in quotes,
// escaped characters, [Red] and [$-425] do not count.
DateFormat custom_date_format(std::string_view format_code);

// A date serial as Raekoda stores it: "YYYY-MM-DD", "YYYY-MM-DD HH:MM" when the format or the
// fraction has a time, "HH:MM" for a time of day alone. In the 1900 system serial 60 is the
// 29th of February 1900 that never was (Lotus's leap-year bug, which Excel keeps) and serials
// before it are counted from the 1st of January 1900; `date1904` counts from the 1st of
// January 1904 (old Mac workbooks). Nothing when the serial is not a day from 1900 to 9999.
std::optional<std::string> excel_serial_to_text(double serial, bool date1904, DateFormat format);

// A number as the XML has it, except that a whole number stored like "1.2E+3" is written
// plainly ("1200"); the digits are never passed through a double, so long ids stay exact.
std::string plain_number(std::string_view xml_number);

}  // namespace raekoda::import
