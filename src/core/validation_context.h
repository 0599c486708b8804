#pragma once
// What validation needs beyond the record itself: the day, and the rules a record is held to
// that live in the database (deadline rules, extra days off).

#include <array>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/deadline_rule.h"
#include "core/enums.h"
#include "core/working_calendar.h"

namespace raekoda {

// The resolution targets the city starts with, in working minutes by severity: critical 4 h,
// high one working day, normal three, low ten (a working day is 8:00–17:00).
inline constexpr std::array<int, Severity_count> default_incident_targets = {240, 540, 1620, 5400};

struct ValidationContext {
  Date today;
  DateTime now{};  // the moment on `today`: what a record set to "now" gets
  std::vector<DeadlineRule> deadline_rules = default_deadline_rules();
  WorkingCalendar calendar;
  std::array<int, Severity_count> incident_target_minutes = default_incident_targets;
  // When people left, by person id: a leaver's active account is flagged, none is granted after.
  std::unordered_map<std::int64_t, Date> left_on;

  const DeadlineRule* rule(std::string_view key) const {
    for (const DeadlineRule& r : deadline_rules)
      if (r.key == key) return &r;
    return nullptr;
  }
};

}  // namespace raekoda
