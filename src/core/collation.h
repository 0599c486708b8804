#pragma once
// Text in the order the reader's language sorts it, by ICU's collator: Estonian puts š z ž
// after s and õ ä ö ü after w, Russian sorts Cyrillic by its alphabet (ё beside е), and each
// orders the other script's names after its own.

#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.h"

namespace raekoda {

// Below zero when `a` comes first, zero when the language sees no difference, above zero
// otherwise. Text that is not valid UTF-8 compares by its bytes after all valid text.
int collate(std::string_view a, std::string_view b, Language language = current_language());

inline bool collates_before(std::string_view a, std::string_view b,
                            Language language = current_language()) {
  return collate(a, b, language) < 0;
}

// The positions of `texts` in collate()'s order, equal texts keeping theirs. Each text's ICU
// sort key is made once, so a list of 15,000 names sorts in a few milliseconds.
std::vector<std::size_t> collation_order(const std::vector<std::string_view>& texts,
                                         Language language = current_language());

// Each text's place in collate()'s order as a number, equal texts sharing one, so that many rows
// with few distinct names (decisions by person and system) sort by numbers, each distinct
// name's sort key made once.
std::vector<std::size_t> collation_ranks(const std::vector<std::string_view>& texts,
                                         Language language = current_language());

// Sorts `items` by the text `name_of` gives each, equal names keeping their order.
template <class T, class NameOf>
void sort_by_name(std::vector<T>& items, NameOf name_of, Language language = current_language()) {
  std::vector<std::string_view> names;
  names.reserve(items.size());
  for (const T& item : items) names.push_back(name_of(item));
  std::vector<T> sorted;
  sorted.reserve(items.size());
  for (std::size_t position : collation_order(names, language))
    sorted.push_back(std::move(items[position]));
  items = std::move(sorted);
}

}  // namespace raekoda
