#pragma once
// Invented words for the demo data: names of people, outlets, kindergartens and systems, and
// titles of media items, documents and incidents, in Estonian and Russian as a city in Ida-Viru
// county would see them. No name here belongs to a real person.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/enums.h"

namespace raekoda::demo {

struct OutletSpec {
  std::string_view name;
  Channel channel;
  ContentLanguage language;
  double weight;       // share of coverage
  std::int64_t reach;  // typical audience of one item
};

struct SystemSpec {
  std::string_view name;
  SystemKind kind;
  int restore_test_interval_days;  // 0: not tested by restore
  bool backed_up;
  std::string_view owner_unit;  // whose unit owns the system and reviews its access; empty: IT
};

// The months of the year something belongs to, January = 1; a `first` after `last` wraps over
// the New Year. {1, 12} is all year.
struct Season {
  int first = 1;
  int last = 12;
  bool contains(Date day) const;
};

struct SeasonalTitle {
  std::string_view text;
  Season season;
};

struct RussianGivenName {
  std::string_view name;  // in the Latin spelling of Estonian registers
  bool feminine;
};

std::span<const std::string_view> estonian_first_names();
std::span<const std::string_view> estonian_surnames();
std::span<const RussianGivenName> russian_given_names();
// Masculine forms, as registers list a family.
std::span<const std::string_view> russian_surnames();
// A Russian surname agrees with the given name: Morozov, Morozova; Kovalevski, Kovalevskaja;
// Kovalenko for both.
std::string russian_surname(std::string_view masculine, bool feminine);

// The first letter in upper case ("ühistranspordi sõiduplaan" → "Ühistranspordi sõiduplaan"):
// a title or a label that stands alone begins with a capital; after a colon Estonian and Russian
// go on in lower case. Covers the letters of the vocabulary (ASCII, Latin-1, š, ž).
std::string sentence_case(std::string_view text);
std::span<const std::string_view> organisations();

std::span<const std::string_view> unit_names();
std::span<const std::string_view> job_titles();
std::span<const std::string_view> kindergartens();
std::span<const std::string_view> other_institutions();
std::span<const OutletSpec> outlets();
std::span<const SystemSpec> systems();

// A topic of local politics in the item's language, and a headline around it.
std::size_t topic_count();
// In running text, lower case: "Uus kava: linna eelarve".
std::string_view topic(std::size_t index, ContentLanguage language);
// As a label of its own, beside the council's and the city government's names: "Linna eelarve".
std::string topic_label(std::size_t index);
std::string headline(std::size_t pattern, std::size_t topic_index, ContentLanguage language);
std::size_t headline_pattern_count();

std::span<const std::string_view> document_subjects(std::string_view doc_type);
std::string_view document_title_prefix(std::string_view doc_type);
std::span<const std::string_view> incident_titles(IncidentCategory category);
std::span<const SeasonalTitle> press_release_titles();
std::span<const SeasonalTitle> activity_titles(ActivityChannel channel);
// The titles that may appear on `day`, in their order.
std::vector<std::string_view> in_season(std::span<const SeasonalTitle> titles, Date day);
// The season of a press release's or an activity's title; nullopt for a title not listed.
std::optional<Season> season_of(std::string_view title);

// "Õie Mägi" → "oie.magi": e-mail addresses and user names are ASCII.
std::string ascii_fold(std::string_view text);

}  // namespace raekoda::demo
