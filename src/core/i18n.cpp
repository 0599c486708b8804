#include "core/i18n.h"

#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace raekoda {

namespace assets {
extern const std::string_view i18n_et_json;
extern const std::string_view i18n_en_json;
}  // namespace assets

namespace {
Language active_language = Language::et;
}  // namespace

std::optional<Language> parse_language(std::string_view code) {
  if (code == "et") return Language::et;
  if (code == "en") return Language::en;
  return std::nullopt;
}

std::string_view language_code(Language language) {
  return language == Language::et ? "et" : "en";
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
  static const Catalog en = from_json(assets::i18n_en_json);
  return language == Language::et ? et : en;
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
  if (const std::string* text = Catalog::embedded(active_language).find(key)) return text->c_str();
  // Keep missing keys alive for the returned pointer.
  static std::set<std::string, std::less<>> missing;
  return missing.emplace(key).first->c_str();
}

}  // namespace raekoda
