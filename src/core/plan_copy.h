#pragma once
// Copying a communication plan to the next period, as the staff do each year: the same activities
// on the same days of the next period, all planned again.

#include <string>

#include "core/date.h"

namespace raekoda {

// How far the next period lies: a plan of whole months moves by its months (a year's plan by a
// year, the 29th of February to the 28th), any other plan by its length in days.
struct PeriodShift {
  int months = 0;
  int days = 0;
  Date apply(Date day) const { return day.plus_months(months).plus_days(days); }
};
PeriodShift next_period(Date starts_on, Date ends_on);

// The plan's name for the next period: its years moved on ("Kommunikatsiooniplaan 2026" →
// "… 2027"); a name without a year gets the new period's first day.
std::string next_plan_name(const std::string& name, Date from, Date to);

}  // namespace raekoda
