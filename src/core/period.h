#pragma once
// The reporting periods of the media report, and the period each is compared with: the same
// span of the calendar period before (1–22 November against 1–22 October), so that a partial
// month is never compared with a whole one.

#include <optional>
#include <string>

#include "core/date.h"

namespace raekoda {

enum class PeriodKind { this_week, this_month, last_month, this_quarter, custom };

struct Period {
  Date from;   // first day
  Date until;  // last day, inclusive
  int days() const { return from.days_until(until) + 1; }
  bool operator==(const Period&) const = default;
};

// What the user picked: a kind, and the days for a custom range.
struct PeriodChoice {
  PeriodKind kind = PeriodKind::this_month;
  Period custom;
  // What a custom range is compared with, where not the equally long span before it: the
  // monthly report compares 1–22 November with 1–22 October.
  std::optional<Period> compared_with = {};
  bool operator==(const PeriodChoice&) const = default;
};

// "01.11.2026 – 22.11.2026".
std::string range_text(const Period& period);

// The period on `today`; a custom range is taken as it is, ends swapped if reversed.
Period current_period(const PeriodChoice& choice, Date today);
// The period it is compared with.
Period previous_period(const PeriodChoice& choice, const Period& current);

// "47. nädal 2026", "november 2026", "IV kv 2026" or "01.11.2026 – 22.11.2026", in the current
// language; a running period says up to which day.
std::string period_label(const PeriodChoice& choice, const Period& period);

}  // namespace raekoda
