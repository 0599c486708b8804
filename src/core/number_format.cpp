#include "core/number_format.h"

#include <cmath>

#include <fmt/format.h>

namespace raekoda {
namespace {

// A no-break space keeps "12 345" and "95 %" on one line.
constexpr std::string_view no_break_space = "\u00a0";

bool writes_decimal_comma(Language language) {
  return language != Language::en;
}

std::string group_thousands(std::string digits, Language language) {
  std::string_view separator = writes_decimal_comma(language) ? no_break_space : ",";
  std::string grouped;
  std::size_t lead = digits.size() % 3;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (i - lead) % 3 == 0 && i >= lead) grouped += separator;
    grouped += digits[i];
  }
  return grouped;
}

}  // namespace

std::string format_count(std::int64_t value, Language language) {
  std::string digits = fmt::format(
      "{}", value < 0 ? -static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value));
  return (value < 0 ? "−" : "") + group_thousands(std::move(digits), language);
}

std::string format_decimal(double value, int decimals, Language language) {
  if (!std::isfinite(value)) return "–";
  std::string text = fmt::format("{:.{}f}", std::fabs(value), decimals);
  auto point = text.find('.');
  std::string whole = text.substr(0, point);
  std::string fraction = point == std::string::npos ? "" : text.substr(point + 1);
  bool negative = value < 0 && std::stod(text) != 0.0;
  std::string result = (negative ? "−" : "") + group_thousands(whole, language);
  if (!fraction.empty()) result += (writes_decimal_comma(language) ? "," : ".") + fraction;
  return result;
}

std::string format_percent(double share, int decimals, Language language) {
  std::string number = format_decimal(share * 100.0, decimals, language);
  if (number == "–") return number;
  return writes_decimal_comma(language) ? number + std::string(no_break_space) + "%" : number + "%";
}

}  // namespace raekoda
