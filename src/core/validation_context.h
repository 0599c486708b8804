#pragma once
// What validation needs beyond the record itself: the day, and the rules a record is held to
// that live in the database (deadline rules, extra days off).

#include <vector>

#include "core/date.h"
#include "core/deadline_rule.h"
#include "core/working_calendar.h"

namespace raekoda {

struct ValidationContext {
  Date today;
  std::vector<DeadlineRule> deadline_rules = default_deadline_rules();
  WorkingCalendar calendar;

  const DeadlineRule* rule(std::string_view key) const {
    for (const DeadlineRule& r : deadline_rules)
      if (r.key == key) return &r;
    return nullptr;
  }
};

}  // namespace raekoda
