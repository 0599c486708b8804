#pragma once
// Text tables as the city's systems export them: Excel's ';' CSV under the Estonian locale,
// GLPI's quoted ';' with a separator after every line, Meltwater's UTF-16 TAB text with a
// preamble, Facebook's ',' CSV with captions over several lines, PowerShell's Export-Csv.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "import/row_reader.h"

namespace raekoda::import {

// Where a file's bytes come from: the disk or memory. Read in pieces, never whole.
class ByteSource {
public:
  virtual ~ByteSource() = default;
  // Up to `size` bytes into `buffer`; 0 at the end. Throws ReadError when the disk fails.
  virtual std::size_t read(char* buffer, std::size_t size) = 0;
  virtual std::uint64_t size() const = 0;
};
// Throws ReadError naming the file when it cannot be opened.
std::unique_ptr<ByteSource> file_bytes(const std::filesystem::path& file);
std::unique_ptr<ByteSource> memory_bytes(std::string bytes);

struct CsvDialect {
  char separator = ';';
  // Every line ends with a separator (GLPI): the empty cell after it is not a column.
  bool trailing_separator = false;
};

// Excel's first line "sep=;" that names the separator: the separator, or nothing when
// `first_line` is not such a line.
std::optional<char> separator_directive(std::string_view first_line);

// The separator among ';' ',' TAB '|' that splits the first lines of `text` (UTF-8) into the
// same number of cells most often, counted outside quotes; ';' when none does. Lines that do not
// split at all (a report's preamble) do not vote. With `separator` given, only whether lines end
// with it is found out. `complete` tells whether `text` is the whole file.
CsvDialect sniff_dialect(std::string_view text, std::optional<char> separator = std::nullopt,
                         bool complete = true);

// Rows of a CSV file; throws ReadError when it is empty or not text.
std::unique_ptr<RowReader> open_csv(std::unique_ptr<ByteSource> source, const ReadOptions& options,
                                    const ReadLimits& limits);

}  // namespace raekoda::import
