#pragma once
// Numbers as Estonian and Russian readers expect them: thousands separated by a no-break space,
// a decimal comma, a space before the percent sign. English uses a comma and a point.

#include <cstdint>
#include <string>

#include "core/i18n.h"

namespace raekoda {

std::string format_count(std::int64_t value, Language language = current_language());
std::string format_decimal(double value, int decimals, Language language = current_language());
// `share` is a fraction: 0.953 → "95,3 %".
std::string format_percent(double share, int decimals, Language language = current_language());

}  // namespace raekoda
