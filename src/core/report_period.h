#pragma once
// The periods of the monthly report: a month, a quarter or a range of days, how each is named
// and written on a command line, and what it is compared with.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/area.h"
#include "core/date.h"
#include "core/period.h"

namespace raekoda {

// The areas a report can hold, in the order it prints them.
inline constexpr std::array<View, 5> report_areas = {View::media, View::deadlines, View::plan,
                                                     View::incidents, View::access};

// The month and the quarter that hold `day`.
Period month_period(Date day);
Period quarter_period(Date day);

// "2026-11", "2026-Q4" or "2026-11-01..2026-11-22"; nullopt for anything else.
std::optional<Period> parse_report_period(std::string_view text);
// The same written back: a whole month or quarter by its name, else the range.
std::string report_period_tag(const Period& period);
// The period a report of `period` is compared with: the month, quarter or equally long span
// before it.
Period report_previous_period(const Period& period);

// What a report of `period` made on `today` counts: the period up to today where it still runs,
// and the same days of the period before it ("1–22 November against 1–22 October"), so that a
// partial month is never compared with a whole one.
struct ReportPeriods {
  Period period;    // as asked
  Period counted;   // up to today
  Period previous;  // what it is compared with
  bool running = false;
};
// nullopt when the period has not begun on `today`.
std::optional<ReportPeriods> report_periods(const Period& period, Date today);
// The period in words: "november 2026", "IV kv 2026", "01.11.2026 – 22.11.2026".
std::string report_period_label(const Period& period);

// "media,deadlines" → the areas, in report order; nullopt when a name is unknown.
std::optional<std::vector<View>> parse_report_areas(std::string_view text);

}  // namespace raekoda
