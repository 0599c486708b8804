#pragma once
// `raekoda report --db DB --period PERIOD --out FILE.pdf`: the monthly report written without a
// window, from a cron job or a systemd timer the IT lead sets up.

#include <optional>
#include <ostream>
#include <string>

#include "core/date.h"

namespace raekoda::app {

struct ReportCommand {
  std::string db_path;
  std::string period;  // YYYY-MM, YYYY-Qn or FROM..UNTIL
  std::string out;
  std::string areas;  // media,deadlines,...; empty: all
  std::string as;     // a person's login on a file; empty: the operating-system user
  std::optional<Date> today;
};

// Returns the exit code: 0 when written (the path on `out`), 1 when refused or failed (one line
// on `err` says why).
int run_report_command(const ReportCommand& command, std::ostream& out, std::ostream& err);

}  // namespace raekoda::app
