#pragma once
// The queries behind the incidents view. Called when the data or the day changes, never from a
// frame.

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/incident_figures.h"
#include "core/validation_context.h"

namespace raekoda::db {

class Database;

// Resolution targets in working minutes by severity, and the ids of their rows.
struct IncidentTargets {
  std::array<int, Severity_count> minutes = default_incident_targets;
  std::array<Id, Severity_count> ids{};
};
IncidentTargets load_incident_targets(Database& db);

// One incident as the year's figures count it, its target's end worked out once.
struct CountedIncident {
  Id id = 0;
  Id institution = 0;
  DateTime opened;
  std::optional<DateTime> resolved;
  DateTime due;  // by its severity's target
  Severity severity = Severity::normal;
  IncidentCategory category = IncidentCategory::hardware;
  bool security = false;
};
// One resolved incident as the resolution times count it.
struct ResolvedIncident {
  DateTime resolved;
  double working_hours = 0;  // from opening to resolution
  Severity severity = Severity::normal;
  IncidentCategory category = IncidentCategory::hardware;
  bool security = false;
};

// What one reader keeps of the year's incidents between its reads: for each month, those opened
// and those resolved in it, and the change counts of incident_months they were read at (the
// last month also holds whatever is dated after it, and its count is those months' too). The
// targets and the calendar their times were worked out by are kept with them: when either
// changes, every month is read again. Empty at first; it belongs to one database.
struct KeptIncidents {
  struct Month {
    std::vector<std::pair<std::string, std::int64_t>> versions;
    bool to_the_end = false;
    std::vector<CountedIncident> opened;
    std::vector<ResolvedIncident> resolved;
  };
  std::array<int, Severity_count> target_minutes{};
  WorkingCalendar calendar;
  std::map<Date, Month> months;  // by their first day
};

// Everything the incidents view shows at `now`. The second form reads again only the months that
// changed since `kept` was filled, and fills it.
IncidentFigures load_incident_figures(Database& db, DateTime now, const WorkingCalendar& calendar,
                                      bool security_only);
IncidentFigures load_incident_figures(Database& db, DateTime now, const WorkingCalendar& calendar,
                                      bool security_only, KeptIncidents& kept);

}  // namespace raekoda::db
