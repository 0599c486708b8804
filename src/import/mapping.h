#pragma once
// Which column of a file fills which field: guessed from the header's names in Estonian,
// English and Russian, or taken from a preset (a named mapping for one system's export,
// built in from assets/import/presets.json or saved by the user as JSON in the config folder).
//
// A preset as JSON (assets/import/presets.json holds an array of them; a user's preset is one
// object in a file of its own):
//   { "name": "GLPI", "kind": "incidents",
//     "columns": { "Opening date": "opened_at", "Last update": "" },   // "" = never imported
//     "values": { "status": { "Processing (assigned)": "in_progress" } },  // choice fields only
//     "slash_dates": "day_first",                                       // or "month_first"
//     "read": { "encoding": "UTF-8", "separator": ";", "sheet": "Tickets" },  // each optional
//     "header": ["ID", "Title", ...] }                                  // a user's preset only
// Only "name" and "kind" are required; "comment" may say anything. Anything else is refused.

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "import/import_kind.h"
#include "import/row_reader.h"
#include "import/values.h"

namespace raekoda::import {

struct Preset {
  std::string name;  // "Delta", "GLPI", or the user's own ("Kohtla-Järve WebDesktop")
  ImportKind kind = ImportKind::documents;
  // Header name as the system writes it → target field key. Compared folded (fold_name).
  std::map<std::string, std::string, std::less<>> columns;
  // Target field key → that system's own words for the field's values.
  std::map<std::string, ValueMap, std::less<>> values;
  SlashDates slash_dates = SlashDates::month_first;
  ReadOptions read;  // encoding, separator or sheet the system always uses, when it does
  // For a user's preset: the header it was saved from; a file with the same header gets it
  // offered first.
  std::vector<std::string> header;
  bool built_in = true;
};

// The built-in presets (embedded from assets/import/presets.json).
const std::vector<Preset>& built_in_presets();
// The user's presets: every *.json in `folder` ($XDG_CONFIG_HOME/raekoda/import-presets).
// A file that is not a preset is skipped and named in `problems` (in the user's language).
std::vector<Preset> load_user_presets(const std::filesystem::path& folder,
                                      std::vector<std::string>* problems = nullptr);
// Writes `preset` as `folder`/<name>.json (a safe file name), creating the folder. Throws
// std::runtime_error with a sentence in the user's language when it cannot be written.
void save_user_preset(const std::filesystem::path& folder, const Preset& preset);
// Throws std::runtime_error (a sentence in the user's language) on a malformed preset.
Preset preset_from_json(std::string_view json, bool built_in);
std::string preset_to_json(const Preset& preset);

struct ColumnMapping {
  ImportKind kind = ImportKind::documents;
  // One entry per column of the header: the target field key filled from it, empty for none.
  // A field is filled from one column at most.
  std::vector<std::string> targets;

  // The column a field is read from, if any.
  std::optional<std::size_t> column_of(std::string_view field_key) const;
  // Required fields of the kind that no column fills.
  std::vector<std::string_view> missing_required() const;
};

// How a header cell is compared: fold_name(), and punctuation that systems add or drop
// ("Reg. nr", "Tähtaeg:", "Pealkiri *", "Saatja / Saaja") made a space.
std::string header_key(std::string_view header_cell);

// Maps a header by a preset's names first, then by the built-in names of each field
// (assets/import/headers.json). Repeated header names (Jira) map their first column only.
ColumnMapping map_header(ImportKind kind, std::span<const std::string> header,
                         const Preset* preset = nullptr);

// What a file's first rows look like it holds.
struct Guess {
  ImportKind kind = ImportKind::documents;
  std::size_t header_row = 0;      // index into the rows given: lines before it are a preamble
  const Preset* preset = nullptr;  // the preset that fits best, if any fits
  ColumnMapping mapping;
  int score = 0;  // how many columns were recognised; 0 when nothing looked like a header
};

// Looks for the header among the first rows (a `#TYPE` line, a `sep=` line or a monitoring
// service's preamble may come before it) and the kind and preset that fit it best. `kind` and
// `preset_name`, when given, are kept as the user chose them. `presets` is searched in order:
// pass the user's presets before the built-in ones.
Guess guess_layout(std::span<const RawRow> first_rows, std::span<const Preset> presets,
                   std::optional<ImportKind> kind = std::nullopt,
                   std::optional<std::string> preset_name = std::nullopt);

}  // namespace raekoda::import
