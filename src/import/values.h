#pragma once
// A cell's text as another program wrote it, read as the value Raekoda stores: dates in the
// ways Estonian, English and Russian systems write them, numbers with a decimal comma and
// grouped thousands, yes and no in three languages, a closed list's value by any of its names.

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "import/import_kind.h"

namespace raekoda::import {

// How to read a date written with slashes, which systems write either way round: Facebook
// `03/11/2026` is 11 March, a British spreadsheet's is 3 November. Dates with dots are always
// day first, ISO dates are ISO; Jira's `12/Mar/24 9:41 AM` names its month.
enum class SlashDates { month_first, day_first };

// Source value (as written, compared folded for case and diacritics) → the list's key, for the
// values one system writes its own way ("Processing (assigned)" → in_progress). Keys are kept
// folded (fold_name), as preset_from_json() stores them, so a cell is folded once and looked up.
using ValueMap = std::map<std::string, std::string, std::less<>>;

struct ValueRules {
  SlashDates slash_dates = SlashDates::month_first;
  const std::map<std::string, ValueMap, std::less<>>* values = nullptr;  // by target field key
};

// A cell read for a field: the text as Raekoda stores it (ISO date `YYYY-MM-DD`, date and time
// `YYYY-MM-DD HH:MM`, a list's key, "0"/"1" for a flag, digits for an integer, trimmed text),
// nothing for an empty cell, or a problem: a sentence in the user's language naming the value.
struct CellValue {
  std::optional<std::string> value;
  std::optional<std::string> problem;
};

CellValue read_cell(const TargetField& field, std::string_view text, const ValueRules& rules);

// The pieces read_cell() is made of, for tests and for callers that know what they want.
std::optional<std::string> parse_date(std::string_view text, SlashDates order);       // ISO day
std::optional<std::string> parse_date_time(std::string_view text, SlashDates order);  // ISO
std::optional<std::int64_t> parse_count(std::string_view text);
std::optional<bool> parse_flag(std::string_view text);
// The key of `list` ("tone", "incident_status", "doc_type"...) that `text` names.
std::optional<std::string> parse_choice(std::string_view list, std::string_view text,
                                        const ValueMap* system_values = nullptr);

// Lower case without diacritics and with runs of spaces, '_' and '-' made one space, trimmed:
// how header names, list values and names of people, outlets and units are compared.
// "Žukov" → "zukov", "Õun" → "oun", "Reg. kpv" → "reg. kpv", "Ё" → "е".
std::string fold_name(std::string_view text);

// The keys of a closed list ("tone", "doc_type"...), in the list's order; empty for a name that
// is not a list.
std::span<const std::string> choice_keys(std::string_view list);
bool is_choice_key(std::string_view list, std::string_view key);

}  // namespace raekoda::import
