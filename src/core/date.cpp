#include "core/date.h"

#include <charconv>
#include <ctime>

#include <fmt/format.h>

namespace raekoda {
namespace {

using namespace std::chrono;

// Parses the whole of `text` as a non-negative decimal number of 1..max_digits digits.
std::optional<int> parse_number(std::string_view text, std::size_t max_digits) {
  if (text.empty() || text.size() > max_digits) return std::nullopt;
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<Date> Date::from_ymd(int year, unsigned month, unsigned day) {
  year_month_day ymd{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
  if (!ymd.ok()) return std::nullopt;
  return Date{std::chrono::sys_days{ymd}};
}

std::optional<Date> Date::parse_iso(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = parse_number(text.substr(0, 4), 4);
  auto m = parse_number(text.substr(5, 2), 2);
  auto d = parse_number(text.substr(8, 2), 2);
  if (!y || !m || !d) return std::nullopt;
  return from_ymd(*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d));
}

std::optional<Date> Date::parse_display(std::string_view text) {
  auto first = text.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  auto second = text.find('.', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  auto d = parse_number(text.substr(0, first), 2);
  auto m = parse_number(text.substr(first + 1, second - first - 1), 2);
  auto year_text = text.substr(second + 1);
  auto y = year_text.size() == 4 ? parse_number(year_text, 4) : std::nullopt;
  if (!y || !m || !d) return std::nullopt;
  return from_ymd(*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d));
}

Date Date::today() {
  return DateTime::now().date;
}

int Date::year() const {
  return static_cast<int>(ymd().year());
}
unsigned Date::month() const {
  return static_cast<unsigned>(ymd().month());
}
unsigned Date::day() const {
  return static_cast<unsigned>(ymd().day());
}
unsigned Date::iso_weekday() const {
  return weekday{days_}.iso_encoding();
}

Date Date::plus_months(int months) const {
  auto date = ymd();
  year_month_day shifted = date + std::chrono::months{months};
  if (!shifted.ok()) shifted = shifted.year() / shifted.month() / last;
  return Date{std::chrono::sys_days{shifted}};
}

Date Date::week_start() const {
  return plus_days(-static_cast<int>(iso_weekday() - 1));
}
Date Date::month_start() const {
  return Date{std::chrono::sys_days{ymd().year() / ymd().month() / 1}};
}
Date Date::quarter_start() const {
  unsigned first_month = (month() - 1) / 3 * 3 + 1;
  return *from_ymd(year(), first_month, 1);
}

std::string Date::iso() const {
  return fmt::format("{:04}-{:02}-{:02}", year(), month(), day());
}
std::string Date::display() const {
  return fmt::format("{:02}.{:02}.{:04}", day(), month(), year());
}

IsoWeek iso_week(Date date) {
  // The ISO week belongs to the year that holds its Thursday.
  Date thursday = date.plus_days(4 - static_cast<int>(date.iso_weekday()));
  Date january_first = *Date::from_ymd(thursday.year(), 1, 1);
  return {thursday.year(), static_cast<unsigned>(january_first.days_until(thursday) / 7 + 1)};
}

DateTime DateTime::end_of(Date day) {
  return {day, 23 * 60 + 59};
}

DateTime DateTime::now() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {*Date::from_ymd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                          static_cast<unsigned>(local.tm_mday)),
          local.tm_hour * 60 + local.tm_min};
}

std::optional<DateTime> DateTime::parse_iso(std::string_view text) {
  if (text.size() != 16 || text[10] != ' ' || text[13] != ':') return std::nullopt;
  auto date = Date::parse_iso(text.substr(0, 10));
  auto hours = parse_number(text.substr(11, 2), 2);
  auto minutes = parse_number(text.substr(14, 2), 2);
  if (!date || !hours || !minutes || *hours > 23 || *minutes > 59) return std::nullopt;
  return DateTime{*date, *hours * 60 + *minutes};
}

std::string DateTime::iso() const {
  return fmt::format("{} {:02}:{:02}", date.iso(), minute_of_day / 60, minute_of_day % 60);
}

std::string DateTime::display() const {
  return date.display() + " " + clock();
}

std::string DateTime::clock() const {
  return fmt::format("{:02}:{:02}", minute_of_day / 60, minute_of_day % 60);
}

std::vector<Date> last_months(Date day, int count) {
  std::vector<Date> months;
  Date first = day.month_start().plus_months(-(count - 1));
  for (int m = 0; m < count; ++m) months.push_back(first.plus_months(m));
  return months;
}

std::optional<std::size_t> month_index(const std::vector<Date>& months, Date day) {
  if (months.empty() || day < months.front()) return std::nullopt;
  Date first = months.front();
  auto index =
      static_cast<std::size_t>((day.year() - first.year()) * 12 + static_cast<int>(day.month()) -
                               static_cast<int>(first.month()));
  if (index >= months.size()) return std::nullopt;
  return index;
}

}  // namespace raekoda
