#pragma once
// `raekoda import`: the nightly export of one of the city's systems into the database, as the
// IT lead schedules it. One line per refused row, one summary line; exit 0 when written.

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "core/date.h"

namespace raekoda::app {

struct ImportCommand {
  std::string db_path;
  std::string into;  // a kind: documents, media, incidents, accounts, people, activities
  std::string file;
  std::string system;
  std::string preset;
  std::string mapping_file;
  std::string encoding;
  std::string separator;  // ";", ",", "tab" or "|"
  std::string sheet;
  std::string on_conflict = "keep";  // or "take"
  bool dry_run = false;
  std::optional<Date> today;
};

// Returns the exit code; messages go to `out` (the refused rows and the summary) and `err`.
int run_import_command(const ImportCommand& command, std::ostream& out, std::ostream& err);

}  // namespace raekoda::app
