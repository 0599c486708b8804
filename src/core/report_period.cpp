#include "core/report_period.h"

#include <charconv>

#include <fmt/format.h>

#include "core/i18n.h"

namespace raekoda {
namespace {

std::optional<int> whole_number(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

bool is_month(const Period& period) {
  return month_period(period.from) == period;
}

bool is_quarter(const Period& period) {
  return quarter_period(period.from) == period;
}

}  // namespace

Period month_period(Date day) {
  Date first = day.month_start();
  return {first, first.plus_months(1).plus_days(-1)};
}

Period quarter_period(Date day) {
  Date first = day.quarter_start();
  return {first, first.plus_months(3).plus_days(-1)};
}

std::string report_period_tag(const Period& period) {
  const Date& from = period.from;
  if (is_month(period)) return fmt::format("{:04}-{:02}", from.year(), from.month());
  if (is_quarter(period)) return fmt::format("{:04}-Q{}", from.year(), (from.month() - 1) / 3 + 1);
  return from.iso() + ".." + period.until.iso();
}

std::optional<Period> parse_report_period(std::string_view text) {
  if (auto dots = text.find(".."); dots != std::string_view::npos) {
    auto from = Date::parse_iso(text.substr(0, dots));
    auto until = Date::parse_iso(text.substr(dots + 2));
    if (!from || !until || *until < *from) return std::nullopt;
    return Period{*from, *until};
  }
  if (text.size() < 6 || text[4] != '-') return std::nullopt;
  auto year = whole_number(text.substr(0, 4));
  if (!year) return std::nullopt;
  std::string_view rest = text.substr(5);
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'q')) {
    auto quarter = whole_number(rest.substr(1));
    if (!quarter || *quarter < 1 || *quarter > 4) return std::nullopt;
    auto from = Date::from_ymd(*year, static_cast<unsigned>(*quarter * 3 - 2), 1);
    if (!from) return std::nullopt;
    return quarter_period(*from);
  }
  auto month = rest.size() == 2 ? whole_number(rest) : std::nullopt;
  if (!month) return std::nullopt;
  auto from = Date::from_ymd(*year, static_cast<unsigned>(*month), 1);
  if (!from) return std::nullopt;
  return month_period(*from);
}

Period report_previous_period(const Period& period) {
  if (is_month(period)) {
    Date from = period.from.plus_months(-1);
    return {from, period.from.plus_days(-1)};
  }
  if (is_quarter(period)) {
    Date from = period.from.plus_months(-3);
    return {from, period.from.plus_days(-1)};
  }
  Date until = period.from.plus_days(-1);
  return {until.plus_days(-(period.days() - 1)), until};
}

std::optional<ReportPeriods> report_periods(const Period& period, Date today) {
  if (today < period.from) return std::nullopt;
  ReportPeriods periods{period, period, report_previous_period(period), today < period.until};
  if (!periods.running) return periods;
  periods.counted.until = today;
  // The same days of the month or quarter before; plus_months keeps to a month's last day.
  int months = is_month(period) ? 1 : is_quarter(period) ? 3 : 0;
  if (months > 0)
    periods.previous = {period.from.plus_months(-months), today.plus_months(-months)};
  else
    periods.previous = {period.from.plus_days(-periods.counted.days()), period.from.plus_days(-1)};
  return periods;
}

std::string report_period_label(const Period& period) {
  if (is_month(period))
    return trf("report.period.month", tr("month.long." + std::to_string(period.from.month())),
               period.from.year());
  if (is_quarter(period))
    return trf("report.period.quarter",
               tr("time.quarter." + std::to_string((period.from.month() - 1) / 3 + 1)),
               period.from.year());
  return range_text(period);
}

std::optional<std::vector<View>> parse_report_areas(std::string_view text) {
  std::vector<bool> chosen(report_areas.size(), false);
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    std::string_view name = text.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    bool found = false;
    for (std::size_t i = 0; i < report_areas.size(); ++i)
      if (view_key(report_areas[i]) == name) chosen[i] = found = true;
    if (!found) return std::nullopt;
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  std::vector<View> areas;
  for (std::size_t i = 0; i < report_areas.size(); ++i)
    if (chosen[i]) areas.push_back(report_areas[i]);
  return areas;
}

}  // namespace raekoda
