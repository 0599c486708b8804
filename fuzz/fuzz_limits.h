#pragma once
// Limits small enough that every input runs fast and every limit's code path is reached.

#include "import/row_reader.h"

namespace raekoda::fuzz {

inline import::ReadLimits small_limits() {
  import::ReadLimits limits;
  limits.max_cell_bytes = 4096;
  limits.max_columns = 128;
  limits.max_row_bytes = 64 * 1024;
  limits.max_unzipped_bytes = 16 << 20;
  limits.max_shared_string_bytes = 4 << 20;
  return limits;
}

// Reads every row of `bytes`; only ReadError may come out. Anything else escapes to libFuzzer,
// which reports it as a crash.
inline void read_every_row(std::string bytes, const import::ReadOptions& options = {}) {
  const import::ReadLimits limits = small_limits();
  try {
    auto reader = import::open_rows_in_memory(std::move(bytes), options, limits);
    import::RawRow row;
    while (reader->next(row)) {
      if (row.cells.size() > limits.max_columns) __builtin_trap();
      for (const std::string& cell : row.cells)
        if (cell.size() > limits.max_cell_bytes) __builtin_trap();
    }
    const double progress = reader->progress();
    if (!(progress >= 0.0 && progress <= 1.0)) __builtin_trap();
  } catch (const import::ReadError&) {
  }
}

}  // namespace raekoda::fuzz
