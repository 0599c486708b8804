#pragma once
// The communication plan in figures: how far each plan is, what is late and whose, what comes in
// the next weeks, and the city newspaper's deadlines. Filled by the database layer, read by the
// plan view. A cancelled activity is out of the plan; a postponed one missed its date.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/enums.h"
#include "core/measured_widths.h"
#include "core/records.h"

namespace raekoda {

struct PlanFigures {
  Date today;

  struct Plan {
    Id id = 0;
    std::string name;
    std::string owner;
    Date starts_on;
    Date ends_on;
  };
  std::vector<Plan> plans;  // newest first
  std::optional<std::size_t> chosen;

  // This quarter so far: activities due (not cancelled), and those done by their last day.
  std::int64_t quarter_due = 0;
  std::int64_t quarter_on_time = 0;
  // The chosen plan's activities planned or in progress past their last day: an earlier year's
  // leftovers belong to that year's plan.
  std::int64_t late_now = 0;
  std::optional<Date> oldest_late;
  std::int64_t next_14_days = 0;

  struct Issue {
    std::string title;
    Date copy_deadline_on;
    Date publication_on;
  };
  std::optional<Issue> next_issue;  // the next whose copy deadline has not passed
  // What goes into the next issue: the newspaper's activities (not cancelled) planned after the
  // issue before it came out, up to its own publication day. nullopt: no issue came before it.
  std::optional<Date> next_issue_from;
  std::int64_t next_issue_activities = 0;

  // The chosen plan, week by week: planned (by each activity's last day) and done, cumulated.
  std::vector<Date> weeks;
  std::vector<std::int64_t> planned_cumulative;
  std::vector<std::int64_t> done_cumulative;  // up to this week
  std::int64_t plan_activities = 0;

  // The last 12 months: activities done, by channel.
  std::vector<Date> months;
  std::array<std::vector<std::int64_t>, ActivityChannel_count> done_per_month;

  struct OwnerLate {
    Id owner = 0;
    std::string name;
    std::int64_t late = 0;
  };
  std::vector<OwnerLate> late_by_owner;  // in the chosen plan, most late first

  // The coming eight weeks: every activity that touches them, and the newspaper's deadlines.
  Date window_from;
  Date window_to;
  struct Activity {
    Id id = 0;
    std::int64_t version = 0;
    std::string title;
    ActivityStatus status = ActivityStatus::planned;
    Date starts_on;
    Date ends_on;
    bool late = false;
    // What the timeline's tooltip says of it: its status, and that it is late. Words of the
    // language the figures were read in.
    std::string status_text;
  };
  std::vector<Activity> coming;  // by start
  MeasuredWidths coming_widths;  // the widest title, measured by the view
  std::vector<Issue> issues_in_window;
};

}  // namespace raekoda
