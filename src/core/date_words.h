#pragma once
// Dates in words, as each language writes them: "22. november 2026", «22 ноября 2026 года»,
// "22 November 2026". Russian names the month in the genitive after a day («1 декабря»), and
// in the nominative alone («декабрь 2026»), so the catalog holds both forms.

#include <string>

#include "core/date.h"

namespace raekoda {

// The day, the month in words and the year.
std::string long_date(Date date);
// long_date() and the time of day: "22. november 2026 kell 14:05", «22 ноября 2026 года, 14:05».
std::string long_moment(DateTime moment);

}  // namespace raekoda
