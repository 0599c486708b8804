#pragma once
// What a file can hold, and the fields of a Raekoda record a column of it can fill. A field is
// named by a key of its own (not a database column: "responder" is a person's name that becomes
// documents.responder_id, "unit" the responder's unit), listed once here.

#include <optional>
#include <span>
#include <string_view>

namespace raekoda::import {

enum class ImportKind { documents, media, incidents, accounts, people, activities };
inline constexpr ImportKind all_import_kinds[] = {ImportKind::documents, ImportKind::media,
                                                  ImportKind::incidents, ImportKind::accounts,
                                                  ImportKind::people,    ImportKind::activities};

std::string_view kind_key(ImportKind kind);  // "documents", as on the command line
std::optional<ImportKind> kind_from_key(std::string_view key);

// How a cell's text is read (import/values.h).
enum class ValueType {
  text,       // one line, trimmed
  notes,      // several lines
  date,       // a day; a date with a time keeps its day
  date_time,  // a day with a time to the minute; a date alone is 00:00
  integer,    // a whole number, not negative: reach
  flag,       // yes or no in three languages
  choice,     // one value of a closed list, by its key, its name in three languages or a synonym
  name,       // the name of a person, unit, outlet, institution, system or plan: matched later
};

struct TargetField {
  std::string_view key;  // "reg_number"
  ValueType type = ValueType::text;
  bool required = false;         // a row without it is refused
  std::string_view choice_list;  // for a choice: the enum list ("tone") or "doc_type"
};

// The fields of a kind, in the order the preview shows them.
std::span<const TargetField> target_fields(ImportKind kind);
const TargetField* find_target(ImportKind kind, std::string_view key);

// The catalog key of a field's label: "import.field.documents.reg_number".
std::string field_label_key(ImportKind kind, std::string_view field_key);

}  // namespace raekoda::import
