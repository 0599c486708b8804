#pragma once
// The IT lead's page in figures: incidents opened and resolved, how long they take against the
// targets, where and when they happen, and whether restores are tested. Filled by the database
// layer, read by the incidents view.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/enums.h"
#include "core/records.h"

namespace raekoda {

struct IncidentFigures {
  Date today;
  DateTime now;
  bool security_only = false;  // every figure counts security incidents only

  // Resolution targets in working minutes by severity, and the rows that hold them.
  std::array<int, Severity_count> target_minutes{};
  std::array<Id, Severity_count> target_ids{};

  // Unresolved incidents, those past their target first, then by due time.
  struct OpenIncident {
    Id id = 0;
    std::string title;
    Severity severity = Severity::normal;
    bool security = false;
    DateTime opened_at;
    DateTime due;
    bool breaching = false;
    bool operator==(const OpenIncident&) const = default;
  };
  std::vector<OpenIncident> open;
  std::int64_t open_breaching = 0;

  // Opened and resolved this week so far, and in the same days of last week.
  std::int64_t opened_this_week = 0, opened_last_week = 0;
  std::int64_t resolved_this_week = 0, resolved_last_week = 0;
  // Working hours to resolve, incidents resolved in the last 30 days.
  std::optional<double> median_hours_30d;
  std::int64_t resolved_30d = 0;
  std::int64_t security_this_quarter = 0;

  // The last 26 weeks (Mondays): opened, resolved, and the backlog open at each week's end.
  std::vector<Date> weeks;
  std::vector<std::int64_t> opened_per_week, resolved_per_week, backlog_at_week_end;

  // Working hours to resolve, incidents resolved in the last 12 months.
  struct Spread {
    std::int64_t resolved = 0;
    std::optional<double> median_hours;
    std::optional<double> p90_hours;
    bool operator==(const Spread&) const = default;
  };
  std::array<Spread, Severity_count> by_severity;
  std::array<Spread, IncidentCategory_count> by_category;

  // The last 12 months (first days): breaches of the target by the month the target ran out.
  std::vector<Date> months;
  std::array<std::vector<std::int64_t>, Severity_count> breaches_per_month;
  struct Breach {
    Id id = 0;
    std::size_t month = 0;
    Severity severity = Severity::normal;
    bool operator==(const Breach&) const = default;
  };
  std::vector<Breach> breaches;  // each breached incident, so that a bar opens exactly them
  std::array<std::vector<std::int64_t>, IncidentCategory_count> opened_per_month_by_category;

  // Opened in the last 12 months, by institution (city government, kindergartens, others).
  struct InstitutionCount {
    Id id = 0;
    std::string name;
    InstitutionKind kind = InstitutionKind::other;
    std::int64_t opened = 0;
    std::int64_t open = 0;
    bool operator==(const InstitutionCount&) const = default;
  };
  std::vector<InstitutionCount> institutions;  // most opened first

  // Opened in the last 12 months by ISO weekday (Monday first) and hour of the day.
  std::array<std::array<std::int64_t, 24>, 7> opened_by_weekday_hour{};

  // Each system's restore tests: the last one, and when the next is due by its interval.
  struct RestoreStatus {
    Id system = 0;
    std::string name;
    std::optional<int> interval_days;
    std::optional<Date> last_test;
    std::optional<RestoreResult> result;
    std::optional<Date> next_due;
    bool overdue = false;
    // The last test did not restore everything (failed or partial): the backup is not known to
    // work, however recent the test.
    bool failed = false;
    bool needs_attention() const { return overdue || failed; }
    bool operator==(const RestoreStatus&) const = default;
  };
  std::vector<RestoreStatus> restores;  // those needing attention first, then by name
  std::int64_t restores_overdue = 0;
  std::int64_t restores_failed = 0;
  std::int64_t restores_attention = 0;  // overdue or failed, each system once

  bool operator==(const IncidentFigures&) const = default;
};

}  // namespace raekoda
