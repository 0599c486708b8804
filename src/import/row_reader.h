#pragma once
// Rows of another program's export, as UTF-8 cells: a CSV file in any of the encodings the
// city's systems write, or a sheet of an XLSX workbook. Readers stream: memory does not grow
// with the file. They know nothing of what the columns mean (that is the mapping's work) and
// nothing of headers: the first rows come out like any other.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace raekoda::import {

enum class FileFormat { csv, xlsx };

// What the user chose in the preview; each left empty is detected.
struct ReadOptions {
  std::optional<std::string> encoding;  // an iconv name: "UTF-8", "UTF-16LE", "WINDOWS-1257"...
  std::optional<char> separator;        // ';' ',' '\t' or '|' (CSV)
  std::optional<std::string> sheet;     // a sheet's name (XLSX); default: the first sheet
};

// What a reader found out about the file, known once it is open.
struct SourceInfo {
  FileFormat format = FileFormat::csv;
  std::string encoding;             // CSV: as detected or chosen, an iconv name; XLSX: "UTF-8"
  bool had_bom = false;             // CSV
  char separator = ';';             // CSV
  std::vector<std::string> sheets;  // XLSX: every sheet's name, in workbook order
  std::string sheet;                // XLSX: the sheet being read
};

struct RawRow {
  std::size_t line = 0;            // CSV: the physical line the row starts on; XLSX: row number
  std::vector<std::string> cells;  // UTF-8; trailing empty cells of a trailing delimiter dropped
  // Set when this row cannot be used as it is (its text is not in the file's encoding, a cell
  // is longer than the limit, too many columns, a quote never closed): a sentence in the
  // user's language. The row's cells are then whatever could be read.
  std::optional<std::string> problem;
};

// The file as a whole cannot be read (not a table, a damaged workbook, a zip bomb): the message
// is a sentence in the user's language.
class ReadError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// Bounds that keep a hostile or broken file from exhausting memory or time.
struct ReadLimits {
  std::size_t max_cell_bytes = 1 << 20;  // a longer cell makes its row a problem row
  std::size_t max_columns = 1000;        // more makes the row a problem row
  std::size_t max_row_bytes = 16 << 20;  // a row (a quote never closed) stops being read here
  std::uint64_t max_unzipped_bytes = 1ull << 30;  // XLSX: all parts together
  std::uint64_t max_shared_string_bytes = 256u << 20;
  // XLSX: a part unpacking to more than 16 MB may not grow more than this from its packed size.
  // Real sheets pack 10–100 times; a zip bomb's run of zeros, about 1000 times.
  double max_compression_ratio = 500;
};

class RowReader {
public:
  virtual ~RowReader() = default;
  const SourceInfo& info() const { return info_; }
  // The next row; false at the end of the file. Throws ReadError when the file stops being
  // readable midway (a truncated workbook).
  virtual bool next(RawRow& row) = 0;
  // How much of the input has been read, 0..1, for a progress bar.
  virtual double progress() const = 0;

protected:
  SourceInfo info_;
};

// Opens a file by its content (a zip is XLSX; anything else is read as CSV). Throws ReadError.
std::unique_ptr<RowReader> open_rows(const std::filesystem::path& file,
                                     const ReadOptions& options = {},
                                     const ReadLimits& limits = {});
// The same over bytes in memory (tests, fuzzing).
std::unique_ptr<RowReader> open_rows_in_memory(std::string bytes, const ReadOptions& options = {},
                                               const ReadLimits& limits = {});

}  // namespace raekoda::import
