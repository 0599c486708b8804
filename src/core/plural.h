#pragma once
// Which plural form a count takes in a language, by the CLDR rules ICU carries: Estonian and
// English have "one" and "other"; Russian adds "few" and "many".

#include <cstdint>
#include <string_view>

#include "core/i18n.h"

namespace raekoda {

// "one", "few", "many" or "other".
std::string_view plural_category(std::int64_t count, Language language = current_language());

// The catalog key for `count` of a counted text: "<key>.<category>", falling back to
// "<key>.other" when the catalog has no such form.
std::string plural_key(std::string_view key, std::int64_t count);

// trf() of the plural form of `key` for `count`; `count` is not passed on by itself, so the
// caller passes it formatted as it wants among `args`.
template <class... Args>
std::string trn(std::string_view key, std::int64_t count, Args&&... args) {
  return trf(plural_key(key, count), std::forward<Args>(args)...);
}

}  // namespace raekoda
