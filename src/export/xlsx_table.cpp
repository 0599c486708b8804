#include "export/xlsx_table.h"

#include <xlsxwriter.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string_view>

#include "core/atomic_file.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/number_format.h"
#include "core/text.h"

namespace raekoda::exports {
namespace {

using Kind = SheetColumn::Kind;

constexpr std::size_t max_cell_characters = 32767;  // Excel's limit; longer cells are refused
constexpr lxw_row_t title_row = 0;
constexpr lxw_row_t header_row = 1;
constexpr lxw_row_t first_data_row = 2;

// The first `count` code points of well-formed UTF-8.
std::string_view first_characters(std::string_view text, std::size_t count) {
  std::size_t at = 0;
  for (std::size_t seen = 0; at < text.size() && seen < count; ++seen) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  }
  return text.substr(0, at);
}

std::size_t characters(std::string_view text) {
  return is_valid_utf8(text) ? utf8_length(text) : text.size();
}

// Excel counts days from 30.12.1899 and believes 1900 was a leap year: serials agree with the
// calendar from 1.03.1900 on, and a day before that is written as text rather than a wrong day.
std::optional<double> excel_day(Date day) {
  using namespace std::chrono;
  if (day < Date{sys_days{1900y / March / 1}}) return std::nullopt;
  return static_cast<double>((day.days() - sys_days{1899y / December / 30}).count());
}

std::optional<double> excel_serial(Kind kind, std::string_view text) {
  if (kind == Kind::date) {
    auto day = Date::parse_iso(text);
    return day ? excel_day(*day) : std::nullopt;
  }
  auto moment = DateTime::parse_iso(text);
  if (!moment) return std::nullopt;
  auto day = excel_day(moment->date);
  if (!day) return std::nullopt;
  return *day + moment->minute_of_day / 1440.0;
}

std::optional<double> number_of(Kind kind, std::string_view text) {
  if (kind == Kind::integer) {
    long long whole = 0;
    auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), whole);
    if (problem != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return static_cast<double>(whole);
  }
  // Estonian spreadsheets write a decimal comma.
  std::string plain(text);
  std::replace(plain.begin(), plain.end(), ',', '.');
  double value = 0;
  auto [end, problem] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (problem != std::errc() || end != plain.data() + plain.size()) return std::nullopt;
  return value;
}

// The text a column shows of a cell, for its width: a date shows as dd.mm.yyyy whatever its ISO.
std::size_t shown_characters(Kind kind, const std::string& cell) {
  if (cell.empty()) return 0;
  if (kind == Kind::date && excel_serial(kind, cell)) return 10;
  if (kind == Kind::datetime && excel_serial(kind, cell)) return 16;
  return std::min(characters(cell), max_cell_characters);
}

class Workbook {
public:
  explicit Workbook(const std::filesystem::path& file) {
    lxw_workbook_options options{};
    // Each row goes to a temporary file as it is written, so the workbook adds no copy of the
    // table in memory. Rows must then come in order, which they do.
    options.constant_memory = LXW_TRUE;
    book_ = workbook_new_opt(file.c_str(), &options);
    if (!book_) throw std::runtime_error("cannot start a workbook: out of memory");
  }
  ~Workbook() {
    if (book_) workbook_close(book_);  // only after a failure: the caller removes the file
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  lxw_workbook* get() { return book_; }

  // The first problem wins: the later ones usually follow from it.
  void check(lxw_error error, const char* what) {
    if (error != LXW_NO_ERROR && problem_.empty())
      problem_ = std::string(what) + ": " + lxw_strerror(error);
  }
  void close() {
    lxw_error error = workbook_close(book_);
    book_ = nullptr;
    check(error, "cannot write the workbook");
    if (!problem_.empty()) throw std::runtime_error(problem_);
  }

private:
  lxw_workbook* book_ = nullptr;
  std::string problem_;
};

// The name of the root element an XML part opens with: "worksheet" for a sheet.
std::string root_element(std::string_view head) {
  for (std::size_t at = head.find('<'); at != std::string_view::npos; at = head.find('<', at + 1)) {
    if (at + 1 < head.size() && (head[at + 1] == '?' || head[at + 1] == '!')) continue;
    std::size_t end = head.find_first_of(" \t\r\n/>", at + 1);
    if (end == std::string_view::npos) return {};
    return std::string(head.substr(at + 1, end - at - 1));
  }
  return {};
}

// True when the part was read to its end, its checksum right, and it closes its root element.
bool is_whole_part(zip_t* archive, zip_uint64_t index) {
  zip_file_t* part = zip_fopen_index(archive, index, 0);
  if (!part) return false;
  std::string head;
  std::string tail;
  std::string chunk(1 << 16, '\0');
  zip_int64_t read = 0;
  while ((read = zip_fread(part, chunk.data(), chunk.size())) > 0) {
    std::string_view got(chunk.data(), static_cast<std::size_t>(read));
    if (head.size() < 512) head.append(got.substr(0, 512 - head.size()));
    tail.append(got);
    if (tail.size() > 512) tail.erase(0, tail.size() - 512);
  }
  zip_fclose(part);
  if (read < 0) return false;  // a short or damaged part fails its CRC here
  while (!tail.empty() && std::string_view(" \t\r\n").find(tail.back()) != std::string::npos)
    tail.pop_back();
  auto ends_with = [&](std::string_view end) {
    return tail.size() >= end.size() &&
           tail.compare(tail.size() - end.size(), end.size(), end) == 0;
  };
  std::string root = root_element(head);
  return !root.empty() && ends_with("</" + root + ">");
}

// libxlsxwriter 1.1.4 does not check its own writes: on a full disk (its temporary files go to
// /tmp) it reports success for a workbook whose sheet stops mid-row. So the workbook is read
// back before it may replace anything: every XML part whole and closed.
bool is_whole_workbook(const std::filesystem::path& file) {
  int error = 0;
  zip_t* archive = zip_open(file.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!archive) return false;
  bool whole = true;
  zip_int64_t entries = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; whole && i < entries; ++i) {
    const char* named = zip_get_name(archive, static_cast<zip_uint64_t>(i), 0);
    std::string_view name = named ? named : "";
    bool xml = name.size() > 5 &&
               (name.substr(name.size() - 4) == ".xml" || name.substr(name.size() - 5) == ".rels");
    if (xml) whole = is_whole_part(archive, static_cast<zip_uint64_t>(i));
  }
  zip_discard(archive);
  return whole && entries > 0;
}

void write_workbook(const std::filesystem::path& file, const SheetTable& table) {
  Workbook book(file);
  std::string name = sheet_name(table.title.empty() ? table.title_line : table.title);
  lxw_worksheet* sheet = workbook_add_worksheet(book.get(), name.c_str());
  if (!sheet) throw std::runtime_error("cannot add the sheet \"" + name + "\"");

  lxw_format* bold = workbook_add_format(book.get());
  format_set_bold(bold);
  lxw_format* date = workbook_add_format(book.get());
  format_set_num_format(date, "dd.mm.yyyy");
  lxw_format* date_time = workbook_add_format(book.get());
  format_set_num_format(date_time, "dd.mm.yyyy hh:mm");

  const std::size_t columns = table.columns.size();
  // Widths first: in constant-memory mode a row is gone once written.
  for (std::size_t c = 0; c < columns; ++c) {
    const SheetColumn& column = table.columns[c];
    std::size_t widest = characters(column.name) + 2;  // room for the filter's arrow
    for (const auto& row : table.rows)
      if (c < row.size()) widest = std::max(widest, shown_characters(column.kind, row[c]));
    auto at = static_cast<lxw_col_t>(c);
    book.check(worksheet_set_column(sheet, at, at, column_width(widest), nullptr),
               "cannot set a column's width");
  }

  book.check(worksheet_write_string(sheet, title_row, 0, table.title_line.c_str(), bold),
             "cannot write the title");
  for (std::size_t c = 0; c < columns; ++c)
    book.check(worksheet_write_string(sheet, header_row, static_cast<lxw_col_t>(c),
                                      table.columns[c].name.c_str(), bold),
               "cannot write the header");
  worksheet_freeze_panes(sheet, first_data_row, 0);
  if (columns > 0)
    book.check(worksheet_autofilter(sheet, header_row, 0,
                                    static_cast<lxw_row_t>(header_row + table.rows.size()),
                                    static_cast<lxw_col_t>(columns - 1)),
               "cannot set the filter");

  lxw_row_t row_number = first_data_row;
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < std::min(columns, row.size()); ++c) {
      const std::string& cell = row[c];
      if (cell.empty()) continue;  // blank
      auto at = static_cast<lxw_col_t>(c);
      Kind kind = table.columns[c].kind;
      std::optional<double> value;
      lxw_format* format = nullptr;
      if (kind == Kind::date || kind == Kind::datetime) {
        value = excel_serial(kind, cell);
        format = kind == Kind::date ? date : date_time;
      } else if (kind == Kind::integer || kind == Kind::number) {
        value = number_of(kind, cell);
      }
      if (value) {
        book.check(worksheet_write_number(sheet, row_number, at, *value, format),
                   "cannot write a number");
        continue;
      }
      std::string_view text = cell;
      std::string shortened;
      if (is_valid_utf8(text) && utf8_length(text) > max_cell_characters) {
        shortened = first_characters(text, max_cell_characters - 1);
        shortened += "…";
        text = shortened;
      }
      book.check(worksheet_write_string(sheet, row_number, at, std::string(text).c_str(), nullptr),
                 "cannot write a text");
    }
    ++row_number;
  }
  book.close();
}

}  // namespace

std::string sheet_name(const std::string& title) {
  std::string kept;
  for (char c : title)
    if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos) kept += c;
  if (!is_valid_utf8(kept)) kept.clear();
  std::string name(first_characters(kept, 31));
  while (!name.empty() && (name.front() == '\'' || name.front() == ' ')) name.erase(0, 1);
  while (!name.empty() && (name.back() == '\'' || name.back() == ' ')) name.pop_back();
  return name.empty() ? "Sheet1" : name;
}

double column_width(std::size_t characters) {
  return static_cast<double>(std::clamp<std::size_t>(characters + 1, 8, 60));
}

void write_xlsx_table(const std::filesystem::path& file, const SheetTable& table) {
  if (table.rows.size() > LXW_ROW_MAX - first_data_row)
    throw std::runtime_error(
        trf("export.error.too_many_rows", format_count(LXW_ROW_MAX - first_data_row)));
  std::string problem = write_file_atomically(file, [&](const std::filesystem::path& temporary) {
    write_workbook(temporary, table);
    if (!is_whole_workbook(temporary)) throw std::runtime_error(tr("file.error.incomplete"));
  });
  if (!problem.empty()) throw std::runtime_error(problem);
}

}  // namespace raekoda::exports
