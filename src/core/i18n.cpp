#include "core/i18n.h"

#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace raekoda {

namespace assets {
extern const std::string_view i18n_et_json;
extern const std::string_view i18n_en_json;
extern const std::string_view i18n_ru_json;
}  // namespace assets

namespace {
// Atomic: an import on its own thread words its messages while the user may switch.
std::atomic<Language> active_language = Language::et;
}  // namespace

std::optional<Language> parse_language(std::string_view code) {
  for (Language language : all_languages)
    if (code == language_code(language)) return language;
  return std::nullopt;
}

std::string_view language_code(Language language) {
  switch (language) {
    case Language::et:
      return "et";
    case Language::ru:
      return "ru";
    case Language::en:
      return "en";
  }
  return "et";
}

std::string_view language_endonym(Language language) {
  switch (language) {
    case Language::et:
      return "Eesti";
    case Language::ru:
      return "Русский";
    case Language::en:
      return "English";
  }
  return "Eesti";
}

Catalog Catalog::from_json(std::string_view json_text) {
  auto json = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) throw std::runtime_error("translation catalog is not a JSON object");
  Catalog catalog;
  for (auto& [key, value] : json.items()) {
    if (!value.is_string())
      throw std::runtime_error("translation catalog: \"" + key + "\" is not a string");
    catalog.entries_.emplace(key, value.get<std::string>());
  }
  return catalog;
}

const Catalog& Catalog::embedded(Language language) {
  static const Catalog et = from_json(assets::i18n_et_json);
  static const Catalog ru = from_json(assets::i18n_ru_json);
  static const Catalog en = from_json(assets::i18n_en_json);
  switch (language) {
    case Language::ru:
      return ru;
    case Language::en:
      return en;
    case Language::et:
      break;
  }
  return et;
}

const std::string* Catalog::find(std::string_view key) const {
  auto found = entries_.find(key);
  return found == entries_.end() ? nullptr : &found->second;
}

void set_language(Language language) {
  active_language = language;
}
Language current_language() {
  return active_language;
}

const char* tr(std::string_view key) {
  if (const std::string* text = Catalog::embedded(active_language.load()).find(key))
    return text->c_str();
  // Keep missing keys alive for the returned pointer.
  static std::mutex mutex;
  static std::set<std::string, std::less<>> missing;
  std::lock_guard lock(mutex);
  return missing.emplace(key).first->c_str();
}

std::string choice_name(std::string_view list, std::string_view value) {
  std::string key = "enum." + std::string(list) + "." + std::string(value);
  if (const std::string* text = Catalog::embedded(active_language.load()).find(key)) return *text;
  return trf("value.unknown_choice", value);
}

}  // namespace raekoda
