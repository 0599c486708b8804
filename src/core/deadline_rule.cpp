#include "core/deadline_rule.h"

#include <algorithm>

namespace raekoda {

std::vector<DeadlineRule> default_deadline_rules() {
  return {
      {"information_request", 5, TermUnit::working_days, 15, TermUnit::working_days,
       "Avaliku teabe seadus § 18 lg 1, § 19"},
      // "Up to two months" in complex cases, counted as 60 calendar days from registration.
      {"memorandum", 30, TermUnit::calendar_days, 60, TermUnit::calendar_days,
       "Märgukirjale ja selgitustaotlusele vastamise seadus § 6"},
      {"council_question", 10, TermUnit::working_days, std::nullopt, TermUnit::working_days,
       "Kohaliku omavalitsuse korralduse seadus § 26 lg 2"},
      {"letter", 30, TermUnit::calendar_days, 60, TermUnit::calendar_days, "Hea haldustava"},
      {"media_inquiry", 2, TermUnit::working_days, 5, TermUnit::working_days, "Asutuse kord"},
  };
}

Date term_end(std::int64_t amount, TermUnit unit, Date registered,
              const WorkingCalendar& calendar) {
  int days = static_cast<int>(std::clamp<std::int64_t>(amount, 0, longest_term));
  if (unit == TermUnit::working_days) return calendar.add_working_days(registered, days);
  return calendar.working_day_on_or_after(registered.plus_days(days));
}

Date due_date(const DeadlineRule& rule, Date registered, const WorkingCalendar& calendar) {
  return term_end(rule.amount, rule.unit, registered, calendar);
}

}  // namespace raekoda
