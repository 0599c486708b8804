#include "import/mapping.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "core/i18n.h"
#include "core/text.h"

namespace raekoda::assets {
extern const std::string_view import_headers_json;
}  // namespace raekoda::assets

namespace raekoda::import {
namespace {

// header_key → field key, for one kind or one preset.
using HeaderTable = std::unordered_map<std::string, std::string>;

std::size_t kind_index(ImportKind kind) {
  return static_cast<std::size_t>(kind);
}

// The names each field is known by in other systems' headers (assets/import/headers.json:
// { kind: { field: { "et": [names], "en": [...], "ru": [...] } } }), the field's own key and its
// label in the catalogs. The first field to claim a name keeps it.
const std::array<HeaderTable, std::size(all_import_kinds)>& header_tables() {
  static const auto tables = [] {
    std::array<HeaderTable, std::size(all_import_kinds)> by_kind;
    auto json = nlohmann::json::parse(assets::import_headers_json, nullptr, false);
    if (!json.is_object()) throw std::logic_error("assets/import/headers.json is not an object");
    for (auto& [kind_name, fields] : json.items()) {
      auto kind = kind_from_key(kind_name);
      if (!kind || !fields.is_object())
        throw std::logic_error("assets/import/headers.json: unknown kind " + kind_name);
      HeaderTable& table = by_kind[kind_index(*kind)];
      for (auto& [field, languages] : fields.items()) {
        if (!find_target(*kind, field) || !languages.is_object())
          throw std::logic_error("assets/import/headers.json: unknown field " + kind_name + "." +
                                 field);
        for (auto& [language, names] : languages.items())
          for (auto& name : names)
            if (name.is_string()) table.emplace(header_key(name.get<std::string>()), field);
      }
    }
    for (ImportKind kind : all_import_kinds) {
      HeaderTable& table = by_kind[kind_index(kind)];
      for (const TargetField& field : target_fields(kind)) {
        table.emplace(header_key(field.key), std::string(field.key));
        for (Language language : all_languages)
          if (const std::string* label =
                  Catalog::embedded(language).find(field_label_key(kind, field.key)))
            table.emplace(header_key(*label), std::string(field.key));
      }
    }
    return by_kind;
  }();
  return tables;
}

// A preset's own names, for a kind: names of fields the kind lacks are left out, "" kept (a
// column the preset's system writes but Raekoda does not import).
HeaderTable preset_table(const Preset& preset, ImportKind kind) {
  HeaderTable table;
  for (const auto& [name, field] : preset.columns)
    if (field.empty() || find_target(kind, field)) table.emplace(header_key(name), field);
  return table;
}

struct Fit {
  ColumnMapping mapping;
  int recognised = 0;  // columns mapped to a field
  int required = 0;    // required fields the header fills
  int own = 0;         // distinct header names the preset itself knows
};

Fit fit_header(ImportKind kind, std::span<const std::string> header, const HeaderTable* own) {
  Fit fit;
  fit.mapping.kind = kind;
  fit.mapping.targets.resize(header.size());
  const HeaderTable& built_in = header_tables()[kind_index(kind)];
  std::unordered_set<std::string> own_names;
  for (std::size_t column = 0; column < header.size(); ++column) {
    std::string key = header_key(header[column]);
    if (key.empty()) continue;
    const std::string* field = nullptr;
    if (own) {
      if (auto found = own->find(key); found != own->end()) {
        own_names.insert(key);
        if (found->second.empty()) continue;  // the preset says: not imported
        field = &found->second;
      }
    }
    if (!field)
      if (auto found = built_in.find(key); found != built_in.end()) field = &found->second;
    if (!field) continue;
    // A field is filled from its first column: Jira repeats "Labels" and "Sprint".
    if (std::find(fit.mapping.targets.begin(), fit.mapping.targets.end(), *field) !=
        fit.mapping.targets.end())
      continue;
    fit.mapping.targets[column] = *field;
    ++fit.recognised;
    if (const TargetField* target = find_target(kind, *field); target && target->required)
      ++fit.required;
  }
  fit.own = static_cast<int>(own_names.size());
  return fit;
}

// Lines some exports put before the header: PowerShell's `#TYPE System.Management...` and
// Excel's `sep=;` (when the reader passed it on).
bool is_preamble_line(const RawRow& row) {
  if (row.cells.empty()) return true;
  std::string_view first = row.cells.front();
  if (!first.empty() && first.front() == '#') return true;
  if (first.size() >= 4 && (first[0] == 's' || first[0] == 'S') &&
      (first[1] == 'e' || first[1] == 'E') && (first[2] == 'p' || first[2] == 'P') &&
      first[3] == '=')
    return true;
  return false;
}

bool same_header(std::span<const std::string> saved, std::span<const std::string> header) {
  auto used = [](std::span<const std::string> cells) {
    std::size_t size = cells.size();
    while (size > 0 && header_key(cells[size - 1]).empty()) --size;
    return size;
  };
  std::size_t size = used(saved);
  if (size == 0 || size != used(header)) return false;
  for (std::size_t i = 0; i < size; ++i)
    if (header_key(saved[i]) != header_key(header[i])) return false;
  return true;
}

const Preset* find_named(std::span<const Preset> presets, std::string_view name) {
  for (const Preset& preset : presets)
    if (preset.name == name) return &preset;
  std::string folded = fold_name(name);
  for (const Preset& preset : presets)
    if (fold_name(preset.name) == folded) return &preset;
  return nullptr;
}

// A preset is offered for a file when at least this many of the file's header names are the
// preset's own, and they are more than half of the columns recognised: a shared word or two
// ("Title", "Status", "Liik") do not make a spreadsheet GLPI's or Delta's.
constexpr int min_own_names = 2;

}  // namespace

std::string header_key(std::string_view header_cell) {
  std::string folded = fold_letters(header_cell);
  for (char& c : folded) switch (c) {
      case '.':
      case ':':
      case '*':
      case '/':
      case '\\':
      case '(':
      case ')':
      case '[':
      case ']':
      case '#':
      case '?':
      case '!':
      case ',':
      case '"':
      case '\'':
        c = ' ';
        break;
      default:
        break;
    }
  return fold_name(folded);
}

std::optional<std::size_t> ColumnMapping::column_of(std::string_view field_key) const {
  for (std::size_t column = 0; column < targets.size(); ++column)
    if (targets[column] == field_key) return column;
  return std::nullopt;
}

std::vector<std::string_view> ColumnMapping::missing_required() const {
  std::vector<std::string_view> missing;
  for (const TargetField& field : target_fields(kind))
    if (field.required && !column_of(field.key)) missing.push_back(field.key);
  return missing;
}

ColumnMapping map_header(ImportKind kind, std::span<const std::string> header,
                         const Preset* preset) {
  if (!preset) return fit_header(kind, header, nullptr).mapping;
  HeaderTable own = preset_table(*preset, kind);
  return fit_header(kind, header, &own).mapping;
}

Guess guess_layout(std::span<const RawRow> first_rows, std::span<const Preset> presets,
                   std::optional<ImportKind> kind, std::optional<std::string> preset_name) {
  constexpr std::size_t max_rows = 50;
  std::size_t row_count = std::min(first_rows.size(), max_rows);

  const Preset* named = preset_name ? find_named(presets, *preset_name) : nullptr;
  if (named && !kind) kind = named->kind;

  // The candidates: each kind alone (by headers.json), and each preset for its kind.
  struct Candidate {
    ImportKind kind;
    const Preset* preset;
    HeaderTable own;
  };
  std::vector<Candidate> candidates;
  for (ImportKind each : all_import_kinds) {
    if (kind && each != *kind) continue;
    if (named) {
      candidates.push_back({each, named, preset_table(*named, each)});
      continue;
    }
    candidates.push_back({each, nullptr, {}});
    for (const Preset& preset : presets)
      if (preset.kind == each) candidates.push_back({each, &preset, preset_table(preset, each)});
  }

  // The header row and its kind: the most recognised columns, then the most required fields;
  // ties go to the earlier row and the kind listed first.
  Guess guess;
  guess.kind = kind.value_or(named ? named->kind : ImportKind::documents);
  guess.preset = named;
  int best_required = -1;
  bool found = false;
  for (std::size_t row = 0; row < row_count; ++row) {
    if (is_preamble_line(first_rows[row])) continue;
    const std::vector<std::string>& cells = first_rows[row].cells;
    for (const Candidate& candidate : candidates) {
      Fit fit = fit_header(candidate.kind, cells, candidate.preset ? &candidate.own : nullptr);
      if (fit.recognised == 0) continue;
      if (fit.recognised > guess.score ||
          (fit.recognised == guess.score && fit.required > best_required &&
           row == guess.header_row)) {
        guess.score = fit.recognised;
        best_required = fit.required;
        guess.header_row = row;
        guess.kind = candidate.kind;
        found = true;
      }
    }
  }
  if (!found) {
    guess.header_row = 0;
    while (guess.header_row + 1 < row_count && is_preamble_line(first_rows[guess.header_row]))
      ++guess.header_row;
  }
  std::span<const std::string> header;
  if (guess.header_row < first_rows.size()) header = first_rows[guess.header_row].cells;

  // The preset: the one named; else a user's preset saved from this very header; else the one
  // that knows the most of the header's names.
  if (!named && found) {
    for (const Preset& preset : presets)
      if (!preset.built_in && preset.kind == guess.kind && same_header(preset.header, header)) {
        guess.preset = &preset;
        break;
      }
    if (!guess.preset) {
      int best_own = min_own_names - 1;
      for (const Candidate& candidate : candidates) {
        if (!candidate.preset || candidate.kind != guess.kind) continue;
        Fit fit = fit_header(candidate.kind, header, &candidate.own);
        if (fit.own > best_own && fit.own * 2 > fit.recognised) {
          best_own = fit.own;
          guess.preset = candidate.preset;
        }
      }
    }
  }
  guess.mapping = map_header(guess.kind, header, guess.preset);
  guess.score = 0;
  for (const std::string& target : guess.mapping.targets)
    if (!target.empty()) ++guess.score;
  return guess;
}

}  // namespace raekoda::import
