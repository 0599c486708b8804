#pragma once
// The queries behind the incidents view. Called when the data or the day changes, never from a
// frame.

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

IncidentFigures load_incident_figures(Database& db, DateTime now, const WorkingCalendar& calendar,
                                      bool security_only);

}  // namespace raekoda::db
