#include "core/plan_copy.h"

#include <regex>

namespace raekoda {

PeriodShift next_period(Date starts_on, Date ends_on) {
  Date after = ends_on.plus_days(1);
  if (starts_on.day() == 1 && after.day() == 1) {
    int months = (after.year() - starts_on.year()) * 12 + static_cast<int>(after.month()) -
                 static_cast<int>(starts_on.month());
    return {months, 0};
  }
  return {0, starts_on.days_until(after)};
}

std::string next_plan_name(const std::string& name, Date from, Date to) {
  static const std::regex year(R"(\b(19|20)\d{2}\b)");
  if (!std::regex_search(name, year)) return name + " (" + to.display() + ")";
  std::string result;
  auto begin = std::sregex_iterator(name.begin(), name.end(), year);
  std::size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    result += name.substr(last, static_cast<std::size_t>(it->position()) - last);
    int found = std::stoi(it->str());
    result += std::to_string(found + (to.year() - from.year()));
    last = static_cast<std::size_t>(it->position() + it->length());
  }
  return result + name.substr(last);
}

}  // namespace raekoda
