#pragma once
// What the dashboard shows, as plain data. The database layer fills these when the data
// changes; views only read them, so a frame never waits for a query.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access_figures.h"
#include "core/area.h"
#include "core/date.h"
#include "core/deadline_figures.h"
#include "core/incident_figures.h"
#include "core/media_figures.h"
#include "core/plan_figures.h"

namespace raekoda {

// The headline figure of each area for the overview page, counted on `today`.
struct OverviewFigures {
  Date today;

  std::int64_t media_items_30d = 0;       // items published in the last 30 days, today included
  std::int64_t media_items_prev_30d = 0;  // the 30 days before those
  std::int64_t media_negative_30d = 0;
  std::int64_t open_rebuttals = 0;  // misleading items whose rebuttal is not yet published

  std::int64_t documents_overdue = 0;   // open incoming documents past their (extended) due date
  std::int64_t documents_due_soon = 0;  // due today or within the next 2 working days

  std::int64_t activities_late = 0;  // planned date passed, not done, postponed or cancelled
  std::int64_t activities_next_14d = 0;

  std::int64_t incidents_open = 0;
  std::int64_t security_incidents_quarter = 0;

  std::int64_t leaver_accounts_active = 0;  // accounts of people who have left, not revoked
  std::int64_t accounts_active = 0;

  // Media items per ISO week by tone (negative, neutral, positive), the last 26 weeks.
  std::vector<Date> coverage_weeks;  // each week's Monday, ascending
  std::array<std::vector<std::int64_t>, 3> coverage_by_tone;

  // Each tile's figure week by week, for the small trends under the tiles: one value per
  // trend week, counted at the week's end (Sunday), the current week's up to `today`. Read
  // only while the overview is on screen, as an area's figures are (empty otherwise).
  std::vector<Date> trend_weeks;  // each week's Monday, ascending; the last holds today
  std::vector<std::int64_t> media_items_per_week;  // published in the week (so far, in the last)
  std::vector<std::int64_t> overdue_at_week_end;
  std::vector<std::int64_t> late_at_week_end;
  std::vector<std::int64_t> open_incidents_at_week_end;
  std::vector<std::int64_t> leaver_accounts_at_week_end;
};

inline constexpr int overview_trend_weeks = 12;

// Something that holds from a day until another: a document is overdue from the day after its
// due date until the day it is answered. A span holds on day d when from <= d < until; with no
// `until` it still holds.
struct DaySpan {
  Date from;
  std::optional<Date> until;
};

// The day each week's figure is counted on: its Sunday, or `today` in the week that holds it.
std::vector<Date> week_end_days(const std::vector<Date>& weeks, Date today);
// How many of `spans` hold on each of `days`.
std::vector<std::int64_t> count_holding_on(const std::vector<Date>& days,
                                           const std::vector<DaySpan>& spans);

// What the user chose that decides which figures are read: the media report's period.
struct AreaOptions {
  PeriodChoice media_period;
  bool incidents_security_only = false;
  Id access_unit = 0;  // whose registers-and-portals table; 0: the largest unit
  Id plan = 0;         // whose burn-up the plan view shows; 0: the plan running today
  bool operator==(const AreaOptions&) const = default;
};

// Everything the views read, refreshed together.
struct DashboardFigures {
  bool database_empty = true;
  OverviewFigures overview;
  // The figures of the area on screen; the others are read when the user turns to them.
  std::optional<DeadlineFigures> deadlines;
  std::optional<MediaFigures> media;
  std::optional<IncidentFigures> incidents;
  std::optional<AccessFigures> access;
  std::optional<PlanFigures> plan;
  // Whether the figures `view` draws from have been read.
  bool has(View view) const;
};

}  // namespace raekoda
