#include "core/collation.h"

#include <map>
#include <memory>
#include <mutex>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/stringpiece.h>

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

}  // namespace raekoda
