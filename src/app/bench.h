#pragma once
// `raekoda bench`: what a frame costs on the CPU, headless, for every view; one figure per line
// as "name value unit" so scripts and later issues can read them.

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "core/date.h"

namespace raekoda::app {

void run_bench(const std::string& database, int frames, std::optional<Date> today,
               std::ostream& out);

}  // namespace raekoda::app
