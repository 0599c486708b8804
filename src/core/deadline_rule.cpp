#include "core/deadline_rule.h"

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

Date due_date(const DeadlineRule& rule, Date registered, const WorkingCalendar& calendar) {
  if (rule.unit == TermUnit::working_days)
    return calendar.add_working_days(registered, rule.amount);
  return calendar.working_day_on_or_after(registered.plus_days(rule.amount));
}

}  // namespace raekoda
