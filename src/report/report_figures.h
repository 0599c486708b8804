#pragma once
// What the monthly report prints of each area: its headline figures for the period beside the
// period before, and the view's figures its charts and tables are drawn from.

#include <optional>
#include <string>
#include <vector>

#include "core/dashboard_figures.h"
#include "report/report.h"

namespace raekoda::report {

// One headline figure: this period's value beside the previous period's.
struct Headline {
  std::string name;
  std::optional<double> value;     // nullopt: nothing to count (no answers, no activities due)
  std::optional<double> previous;  // nullopt: no comparison (a state known only today)
  bool percent = false;
  // Whether a rise is good news (+1: answers on time), bad news (-1: overdue documents) or
  // neither (0: coverage); it colours the change.
  int better = 0;
  std::string note;  // what it is counted on: "at the period's end", "today"
};

struct AreaReport {
  View area = View::media;
  std::vector<Headline> headlines;
  bool empty = false;  // nothing of the area happened in the period
};

struct ReportFigures {
  ReportPeriods periods;
  DateTime counted_at;  // the moment the lists to act on are counted at
  DateTime made_at;     // the clock's time when the report was made
  std::string city;
  std::vector<AreaReport> areas;
  // The views' figures as a view shows them at `counted_at`, the lists to act on; media's for
  // the report's period.
  DashboardFigures views;
  // A past period's figures as a view showed them at its end, for the charts, so that a past
  // month's charts end with the month; nullopt while the period runs (then `views`).
  std::optional<DashboardFigures> at_period_end;
  // What the charts are drawn from.
  const DashboardFigures& charts() const { return at_period_end ? *at_period_end : views; }
};

// A headline's value, and its change against the previous period: "+12 (▲ 14 %)" for counts,
// "+3,2 pp" for shares; empty without a previous value.
std::string headline_value(const Headline& headline, std::optional<double> value);
std::string headline_change(const Headline& headline);

// Reads the figures of the requested areas. Throws std::runtime_error, in the current
// language, when the period has not begun.
ReportFigures load_report_figures(db::Database& db, const ReportRequest& request, DateTime now);

}  // namespace raekoda::report
