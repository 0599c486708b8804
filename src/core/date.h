#pragma once
// Calendar dates as the users read them: dd.mm.yyyy on screen, ISO 8601 in the database,
// weeks from Monday with ISO week numbers.

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace raekoda {

class Date {
public:
  constexpr Date() = default;
  constexpr explicit Date(std::chrono::sys_days days) : days_(days) {}

  // Returns nothing for a day that does not exist (30.02, month 13...).
  static std::optional<Date> from_ymd(int year, unsigned month, unsigned day);
  // "2026-11-22", as stored in the database.
  static std::optional<Date> parse_iso(std::string_view text);
  // "22.11.2026", as typed by users; single-digit day and month are accepted.
  static std::optional<Date> parse_display(std::string_view text);
  // The local calendar day of the machine.
  static Date today();

  std::chrono::sys_days days() const { return days_; }
  std::chrono::year_month_day ymd() const { return std::chrono::year_month_day{days_}; }
  int year() const;
  unsigned month() const;
  unsigned day() const;
  // ISO weekday: Monday 1 ... Sunday 7.
  unsigned iso_weekday() const;
  bool is_weekend() const { return iso_weekday() >= 6; }

  Date plus_days(int days) const { return Date{days_ + std::chrono::days{days}}; }
  // Same day of month N months later, clamped to the month's last day (31.01 + 1 = 28.02).
  Date plus_months(int months) const;
  int days_until(Date later) const { return (later.days_ - days_).count(); }

  Date week_start() const;  // the Monday of this date's week
  Date month_start() const;
  Date quarter_start() const;

  std::string iso() const;      // 2026-11-22
  std::string display() const;  // 22.11.2026

  auto operator<=>(const Date&) const = default;

private:
  std::chrono::sys_days days_{};
};

// The first days of the `count` months that end with the one holding `day`, oldest first.
std::vector<Date> last_months(Date day, int count);
// Which of `months` (consecutive first days, oldest first) holds `day`; nullopt outside them.
std::optional<std::size_t> month_index(const std::vector<Date>& months, Date day);

struct IsoWeek {
  int year = 0;  // the ISO week-numbering year, which differs from the calendar year near New Year
  unsigned week = 0;
  auto operator<=>(const IsoWeek&) const = default;
};
IsoWeek iso_week(Date date);

// A moment to the minute in local time, as incidents are registered.
struct DateTime {
  Date date;
  int minute_of_day = 0;  // 0 .. 1439

  static std::optional<DateTime> parse_iso(std::string_view text);  // "2026-11-22 14:05"
  static DateTime now();             // the machine's local time, to the minute
  static DateTime end_of(Date day);  // its last minute, 23:59: the whole day has been counted
  std::string iso() const;
  std::string display() const;  // 22.11.2026 14:05
  std::string clock() const;    // 14:05
  auto operator<=>(const DateTime&) const = default;
};

}  // namespace raekoda
