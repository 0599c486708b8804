#pragma once
// The monthly report for the council and the management: the areas' figures for a period, with
// their change against the period before, their key charts and the tables a reader acts on, as
// an A4 PDF in the reader's language. Made from the figures the views read, through the same
// queries: this module knows no SQL.

#include <filesystem>
#include <string>
#include <vector>

#include "core/area.h"
#include "core/date.h"
#include "core/report_period.h"

namespace raekoda::db {
class Database;
}

namespace raekoda::report {

struct ReportRequest {
  Period period;
  std::vector<View> areas = {report_areas.begin(), report_areas.end()};
  std::filesystem::path out;  // the PDF to write
};

struct ReportResult {
  std::filesystem::path path;
  int pages = 0;
};

// Writes the report, counted at `now` (a period still running is counted up to today). Throws
// std::runtime_error with a message in the current language when the file cannot be written;
// an existing file is replaced only once the new one is whole.
ReportResult write_report(db::Database& db, const ReportRequest& request, DateTime now);

}  // namespace raekoda::report
