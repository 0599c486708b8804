#pragma once
// `raekoda bench-import`: how fast a register export comes in, as "name value unit" lines: a
// document CSV of N rows written for the purpose, read alone, imported into a copy of the
// database as new rows, then imported again with a tenth of its rows changed.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "core/date.h"

namespace raekoda::app {

void run_import_bench(const std::string& database, std::size_t rows, std::optional<Date> today,
                      std::ostream& out);

}  // namespace raekoda::app
