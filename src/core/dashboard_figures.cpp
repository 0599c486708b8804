#include "core/dashboard_figures.h"

#include <algorithm>

namespace raekoda {

std::vector<Date> week_end_days(const std::vector<Date>& weeks, Date today) {
  std::vector<Date> days;
  days.reserve(weeks.size());
  for (Date monday : weeks) days.push_back(std::min(monday.plus_days(6), today));
  return days;
}

std::vector<std::int64_t> count_holding_on(const std::vector<Date>& days,
                                           const std::vector<DaySpan>& spans) {
  std::vector<std::int64_t> counts(days.size(), 0);
  for (const DaySpan& span : spans)
    for (std::size_t i = 0; i < days.size(); ++i)
      if (span.from <= days[i] && (!span.until || days[i] < *span.until)) ++counts[i];
  return counts;
}

bool DashboardFigures::has(View view) const {
  switch (view) {
    case View::overview:
      return !overview.trend_weeks.empty();
    case View::gallery:
      return true;
    case View::deadlines:
      return deadlines.has_value();
    case View::media:
      return media.has_value();
    case View::incidents:
      return incidents.has_value();
    case View::access:
      return access.has_value();
    case View::plan:
      return plan.has_value();
  }
  return false;
}

}  // namespace raekoda
