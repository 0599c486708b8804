#include "core/collation.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>

#include "core/text.h"

namespace raekoda {
namespace {

// A collator per language, made once and only read after: ICU's compare is safe from several
// threads at once (an import's thread sorts names while the window draws).
const icu::Collator* collator_for(Language language) {
  static std::mutex mutex;
  static std::map<Language, std::unique_ptr<icu::Collator>> made;
  std::lock_guard lock(mutex);
  auto found = made.find(language);
  if (found != made.end()) return found->second.get();
  UErrorCode status = U_ZERO_ERROR;
  std::string code(language_code(language));
  std::unique_ptr<icu::Collator> collator(
      icu::Collator::createInstance(icu::Locale(code.c_str()), status));
  if (U_FAILURE(status)) collator.reset();
  return made.emplace(language, std::move(collator)).first->second.get();
}

int bytewise(std::string_view a, std::string_view b) {
  int order = a.compare(b);
  return order < 0 ? -1 : order > 0 ? 1 : 0;
}

}  // namespace

int collate(std::string_view a, std::string_view b, Language language) {
  const icu::Collator* collator = collator_for(language);
  bool a_valid = is_valid_utf8(a), b_valid = is_valid_utf8(b);
  if (!collator || !a_valid || !b_valid) {
    if (a_valid != b_valid) return a_valid ? -1 : 1;
    return bytewise(a, b);
  }
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult order = collator->compareUTF8(
      icu::StringPiece(a.data(), static_cast<std::int32_t>(a.size())),
      icu::StringPiece(b.data(), static_cast<std::int32_t>(b.size())), status);
  if (U_FAILURE(status)) return bytewise(a, b);
  // Texts the collator holds equal but that differ (another normalisation) still get an order,
  // so that a sort is the same each time.
  if (order == UCOL_EQUAL) return bytewise(a, b);
  return order == UCOL_LESS ? -1 : 1;
}

std::vector<std::size_t> collation_order(const std::vector<std::string_view>& texts,
                                         Language language) {
  const icu::Collator* collator = collator_for(language);
  // A text's place: valid UTF-8 first, then the sort key, then the bytes (as collate() orders).
  struct Key {
    bool invalid = false;
    std::string bytes;  // ICU's sort key, or the text itself where there is none
  };
  std::vector<Key> keys(texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    std::string_view text = texts[i];
    keys[i].invalid = !is_valid_utf8(text);
    if (!collator || keys[i].invalid) continue;
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
    // Most keys fit the first guess; a longer one is asked for again at its length.
    std::string& key = keys[i].bytes;
    key.resize(text.size() * 2 + 32);
    auto fill = [&] {
      return collator->getSortKey(unicode, reinterpret_cast<std::uint8_t*>(key.data()),
                                  static_cast<std::int32_t>(key.size()));
    };
    auto length = static_cast<std::size_t>(fill());
    if (length > key.size()) {
      key.resize(length);
      fill();
    }
    key.resize(length);
  }
  std::vector<std::size_t> order(texts.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (keys[a].invalid != keys[b].invalid) return keys[b].invalid;
    if (keys[a].bytes != keys[b].bytes) return keys[a].bytes < keys[b].bytes;
    return texts[a] < texts[b];
  });
  return order;
}

std::vector<std::size_t> collation_ranks(const std::vector<std::string_view>& texts,
                                         Language language) {
  std::unordered_map<std::string_view, std::size_t> distinct_at;
  std::vector<std::string_view> distinct;
  std::vector<std::size_t> of_text(texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    auto [found, added] = distinct_at.try_emplace(texts[i], distinct.size());
    if (added) distinct.push_back(texts[i]);
    of_text[i] = found->second;
  }
  // collate() calls no two different texts equal, so a distinct text's rank is its place.
  std::vector<std::size_t> order = collation_order(distinct, language);
  std::vector<std::size_t> rank_of_distinct(distinct.size());
  for (std::size_t rank = 0; rank < order.size(); ++rank) rank_of_distinct[order[rank]] = rank;
  std::vector<std::size_t> ranks(texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) ranks[i] = rank_of_distinct[of_text[i]];
  return ranks;
}

}  // namespace raekoda
