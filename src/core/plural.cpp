#include "core/plural.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include <unicode/locid.h>
#include <unicode/plurrule.h>
#include <unicode/unistr.h>

namespace raekoda {
namespace {

// ICU's rules for a language, made once; nullptr when ICU has none (then every count is
// "other", which every counted text has).
const icu::PluralRules* rules_for(Language language) {
  static std::mutex mutex;
  static std::map<Language, std::unique_ptr<icu::PluralRules>> made;
  std::lock_guard lock(mutex);
  auto found = made.find(language);
  if (found != made.end()) return found->second.get();
  UErrorCode status = U_ZERO_ERROR;
  std::string code(language_code(language));
  std::unique_ptr<icu::PluralRules> rules(
      icu::PluralRules::forLocale(icu::Locale(code.c_str()), status));
  if (U_FAILURE(status)) rules.reset();
  return made.emplace(language, std::move(rules)).first->second.get();
}

}  // namespace

std::string_view plural_category(std::int64_t count, Language language) {
  const icu::PluralRules* rules = rules_for(language);
  if (!rules) return "other";
  std::string category;
  rules->select(static_cast<double>(count)).toUTF8String(category);
  for (std::string_view known : {"zero", "one", "two", "few", "many"})
    if (category == known) return known;
  return "other";
}

std::string plural_key(std::string_view key, std::int64_t count) {
  std::string wanted = std::string(key) + "." + std::string(plural_category(count));
  if (Catalog::embedded(current_language()).find(wanted)) return wanted;
  return std::string(key) + ".other";
}

}  // namespace raekoda
