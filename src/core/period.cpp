#include "core/period.h"

#include <algorithm>

#include "core/i18n.h"

namespace raekoda {

Period current_period(const PeriodChoice& choice, Date today) {
  switch (choice.kind) {
    case PeriodKind::this_week:
      return {today.week_start(), today};
    case PeriodKind::this_month:
      return {today.month_start(), today};
    case PeriodKind::last_month: {
      Date first = today.month_start().plus_months(-1);
      return {first, today.month_start().plus_days(-1)};
    }
    case PeriodKind::this_quarter:
      return {today.quarter_start(), today};
    case PeriodKind::custom:
      break;
  }
  return {std::min(choice.custom.from, choice.custom.until),
          std::max(choice.custom.from, choice.custom.until)};
}

Period previous_period(const PeriodChoice& choice, const Period& current) {
  // The same days of the calendar period before; plus_months keeps to the month's last day, so
  // 1–31 March compares with 1–28 (or 29) February.
  auto months_back = [&](int months) {
    Date from = current.from.plus_months(-months);
    Date until = current.until.plus_months(-months);
    return Period{from, until};
  };
  switch (choice.kind) {
    case PeriodKind::this_week:
      return {current.from.plus_days(-7), current.until.plus_days(-7)};
    case PeriodKind::this_month:
      return months_back(1);
    case PeriodKind::last_month:
      return {current.from.plus_months(-1), current.from.plus_days(-1)};
    case PeriodKind::this_quarter:
      return months_back(3);
    case PeriodKind::custom:
      if (choice.compared_with) return *choice.compared_with;
      break;
  }
  return {current.from.plus_days(-current.days()), current.from.plus_days(-1)};
}

std::string range_text(const Period& period) {
  return period.from.display() + " – " + period.until.display();
}

std::string period_label(const PeriodChoice& choice, const Period& period) {
  std::string range = range_text(period);
  switch (choice.kind) {
    case PeriodKind::this_week: {
      IsoWeek week = iso_week(period.from);
      return trf("period.label.week", week.week, week.year, range);
    }
    case PeriodKind::this_month:
    case PeriodKind::last_month:
      return trf("period.label.month", tr("month.long." + std::to_string(period.from.month())),
                 period.from.year(), range);
    case PeriodKind::this_quarter:
      return trf("period.label.quarter",
                 tr("time.quarter." + std::to_string((period.from.month() - 1) / 3 + 1)),
                 period.from.year(), range);
    case PeriodKind::custom:
      break;
  }
  return range;
}

}  // namespace raekoda
