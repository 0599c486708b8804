// Presets as JSON: the built-in ones embedded from assets/import/presets.json, and the user's
// own, one file each in the config folder. A user's file may be anything: every member is
// checked and a bad one refused with a sentence naming it.

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/i18n.h"
#include "import/mapping.h"

namespace raekoda::assets {
extern const std::string_view import_presets_json;
}  // namespace raekoda::assets

namespace raekoda::import {
namespace {

using nlohmann::json;

[[noreturn]] void refuse(std::string message) {
  throw std::runtime_error(std::move(message));
}

const json& member_object(const json& parent, const char* name) {
  const json& value = parent.at(name);
  if (!value.is_object()) refuse(trf("import.preset.expected_object", name));
  return value;
}

std::string member_text(const json& value, std::string_view name) {
  if (!value.is_string()) refuse(trf("import.preset.expected_text", name));
  return value.get<std::string>();
}

ReadOptions read_options_from_json(const json& read) {
  ReadOptions options;
  for (auto& [name, value] : read.items()) {
    if (name == "encoding") {
      options.encoding = member_text(value, "read.encoding");
    } else if (name == "sheet") {
      options.sheet = member_text(value, "read.sheet");
    } else if (name == "separator") {
      std::string separator = member_text(value, "read.separator");
      if (separator != ";" && separator != "," && separator != "\t" && separator != "|")
        refuse(trf("import.preset.bad_separator", separator));
      options.separator = separator.front();
    } else {
      refuse(trf("import.preset.unknown_member", "read." + name));
    }
  }
  return options;
}

Preset preset_from_value(const json& root, bool built_in) {
  if (!root.is_object()) refuse(tr("import.preset.not_object"));
  Preset preset;
  preset.built_in = built_in;
  if (!root.contains("name") || !root["name"].is_string() ||
      fold_name(root["name"].get<std::string>()).empty())
    refuse(tr("import.preset.no_name"));
  preset.name = root["name"].get<std::string>();
  if (!root.contains("kind")) refuse(trf("import.preset.unknown_kind", ""));
  std::string kind_name = member_text(root["kind"], "kind");
  auto kind = kind_from_key(kind_name);
  if (!kind) refuse(trf("import.preset.unknown_kind", kind_name));
  preset.kind = *kind;

  for (auto& [name, value] : root.items()) {
    if (name == "name" || name == "kind" || name == "comment") continue;
    if (name == "columns") {
      for (auto& [header, field] : member_object(root, "columns").items()) {
        std::string key = member_text(field, "columns");
        if (!key.empty() && !find_target(preset.kind, key))
          refuse(trf("import.preset.unknown_field", key, kind_name));
        preset.columns[header] = key;
      }
    } else if (name == "values") {
      for (auto& [field, words] : member_object(root, "values").items()) {
        const TargetField* target = find_target(preset.kind, field);
        if (!target) refuse(trf("import.preset.unknown_field", field, kind_name));
        if (target->type != ValueType::choice) refuse(trf("import.preset.not_a_choice", field));
        if (!words.is_object()) refuse(trf("import.preset.expected_object", "values." + field));
        ValueMap& map = preset.values[field];
        for (auto& [word, key_value] : words.items()) {
          std::string key = member_text(key_value, "values." + field);
          if (!is_choice_key(target->choice_list, key))
            refuse(trf("import.preset.unknown_value_key", key, field));
          // Kept folded, so that reading a cell folds it once and looks it up.
          map[fold_name(word)] = key;
        }
      }
    } else if (name == "slash_dates") {
      std::string order = member_text(value, "slash_dates");
      if (order == "month_first")
        preset.slash_dates = SlashDates::month_first;
      else if (order == "day_first")
        preset.slash_dates = SlashDates::day_first;
      else
        refuse(trf("import.preset.bad_slash_dates", order));
    } else if (name == "read") {
      preset.read = read_options_from_json(member_object(root, "read"));
    } else if (name == "header") {
      if (!value.is_array()) refuse(trf("import.preset.expected_list", "header"));
      for (const json& cell : value) preset.header.push_back(member_text(cell, "header"));
    } else {
      refuse(trf("import.preset.unknown_member", name));
    }
  }
  return preset;
}

// A file name made of the preset's name: letters, digits and a few safe marks; what a file
// system or a shell would choke on becomes '_'.
std::string safe_file_name(std::string_view name) {
  std::string out;
  for (unsigned char c : name) {
    bool unsafe = c < 0x20 || c == 0x7F || c == '/' || c == '\\' || c == ':' || c == '*' ||
                  c == '?' || c == '"' || c == '<' || c == '>' || c == '|';
    out += unsafe ? '_' : static_cast<char>(c);
  }
  while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(out.begin());
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
  if (out.size() > 120) {
    out.resize(120);
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
  }
  if (out.empty()) out = "preset";
  return out + ".json";
}

}  // namespace

Preset preset_from_json(std::string_view text, bool built_in) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& error) {
    refuse(trf("import.preset.not_json", error.byte));
  }
  return preset_from_value(root, built_in);
}

std::string preset_to_json(const Preset& preset) {
  json root = json::object();
  root["name"] = preset.name;
  root["kind"] = std::string(kind_key(preset.kind));
  root["slash_dates"] = preset.slash_dates == SlashDates::day_first ? "day_first" : "month_first";
  json read = json::object();
  if (preset.read.encoding) read["encoding"] = *preset.read.encoding;
  if (preset.read.separator) read["separator"] = std::string(1, *preset.read.separator);
  if (preset.read.sheet) read["sheet"] = *preset.read.sheet;
  if (!read.empty()) root["read"] = read;
  json columns = json::object();
  for (const auto& [header, field] : preset.columns) columns[header] = field;
  root["columns"] = columns;
  if (!preset.values.empty()) {
    json values = json::object();
    for (const auto& [field, words] : preset.values) {
      json map = json::object();
      for (const auto& [word, key] : words) map[word] = key;
      values[field] = map;
    }
    root["values"] = values;
  }
  if (!preset.header.empty()) root["header"] = preset.header;
  // Invalid UTF-8 from a broken header is replaced, not thrown: the preset stays savable.
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

const std::vector<Preset>& built_in_presets() {
  static const std::vector<Preset> presets = [] {
    json list = json::parse(assets::import_presets_json, nullptr, false);
    if (!list.is_array()) throw std::logic_error("assets/import/presets.json is not an array");
    std::vector<Preset> out;
    for (const json& item : list) {
      try {
        out.push_back(preset_from_value(item, true));
      } catch (const std::exception& error) {
        throw std::logic_error("assets/import/presets.json: " + item.value("name", "?") + ": " +
                               error.what());
      }
    }
    return out;
  }();
  return presets;
}

std::vector<Preset> load_user_presets(const std::filesystem::path& folder,
                                      std::vector<std::string>* problems) {
  std::vector<Preset> presets;
  std::error_code error;
  if (!std::filesystem::is_directory(folder, error)) return presets;
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end;
       it.increment(error))
    if (it->path().extension() == ".json" && it->is_regular_file(error))
      files.push_back(it->path());
  std::sort(files.begin(), files.end());
  constexpr std::uintmax_t max_preset_bytes = 1 << 20;  // a preset is a few kilobytes
  for (const std::filesystem::path& file : files) {
    try {
      if (std::filesystem::file_size(file) > max_preset_bytes)
        refuse(tr("import.preset.too_large"));
      std::ifstream in(file, std::ios::binary);
      if (!in) refuse(tr("import.preset.cannot_read"));
      std::stringstream text;
      text << in.rdbuf();
      presets.push_back(preset_from_json(text.str(), false));
    } catch (const std::exception& problem) {
      if (problems)
        problems->push_back(trf("import.preset.skipped", file.filename().string(), problem.what()));
    }
  }
  return presets;
}

void save_user_preset(const std::filesystem::path& folder, const Preset& preset) {
  std::filesystem::path file = folder / safe_file_name(preset.name);
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) refuse(trf("import.preset.cannot_save", file.string(), error.message()));
  Preset saved = preset;
  saved.built_in = false;
  if (std::string problem = write_file_atomically(file, preset_to_json(saved)); !problem.empty())
    refuse(trf("import.preset.cannot_save", file.string(), problem));
}

}  // namespace raekoda::import
