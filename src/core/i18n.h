#pragma once
// One translation function for every string a user sees. Catalogs are JSON objects of
// key → text (assets/i18n/*.json, embedded in the executable); Estonian is the default, Russian
// and English the others, since Kohtla-Järve's staff and readers are half Russian-speaking.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace raekoda {

enum class Language { et, ru, en };
inline constexpr std::array all_languages{Language::et, Language::ru, Language::en};
std::optional<Language> parse_language(std::string_view code);
std::string_view language_code(Language language);
// The language's name in itself ("Eesti", "Русский", "English"), for a menu read by someone who
// does not read the language it is in now.
std::string_view language_endonym(Language language);

class Catalog {
public:
  // Throws std::runtime_error when the text is not a JSON object of strings.
  static Catalog from_json(std::string_view json_text);
  // The catalog embedded in the executable.
  static const Catalog& embedded(Language language);

  const std::string* find(std::string_view key) const;
  const std::map<std::string, std::string, std::less<>>& entries() const { return entries_; }

private:
  std::map<std::string, std::string, std::less<>> entries_;
};

void set_language(Language language);
Language current_language();

// The text for `key` in the current language; the key itself when a catalog lacks it, so a
// missing translation shows up on screen instead of vanishing.
const char* tr(std::string_view key);

// The name of `value` in the choice list `list` ("severity", "tone"...) in the current language;
// a value no catalog names (written behind Raekoda's back) is shown as it is, marked unknown,
// never as a catalog key.
std::string choice_name(std::string_view list, std::string_view value);

// tr() with fmt-style {} arguments.
template <class... Args>
std::string trf(std::string_view key, Args&&... args) {
  const char* pattern = tr(key);
  try {
    return fmt::format(fmt::runtime(pattern), std::forward<Args>(args)...);
  } catch (const fmt::format_error&) {
    return std::string(pattern);
  }
}

}  // namespace raekoda
