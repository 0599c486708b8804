#pragma once
// Invented words for the demo data: names of people, outlets, kindergartens and systems, and
// titles of media items, documents and incidents, in Estonian and Russian as a city in Ida-Viru
// county would see them. No name here belongs to a real person.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

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

std::span<const std::string_view> estonian_first_names();
std::span<const std::string_view> estonian_surnames();
std::span<const std::string_view>
russian_first_names();  // in the Latin spelling of Estonian registers
std::span<const std::string_view> russian_surnames();
std::span<const std::string_view> organisations();

std::span<const std::string_view> unit_names();
std::span<const std::string_view> job_titles();
std::span<const std::string_view> kindergartens();
std::span<const std::string_view> other_institutions();
std::span<const OutletSpec> outlets();
std::span<const SystemSpec> systems();

// A topic of local politics in the item's language, and a headline around it.
std::size_t topic_count();
std::string_view topic(std::size_t index, ContentLanguage language);
std::string headline(std::size_t pattern, std::size_t topic_index, ContentLanguage language);
std::size_t headline_pattern_count();

std::span<const std::string_view> document_subjects(std::string_view doc_type);
std::string_view document_title_prefix(std::string_view doc_type);
std::span<const std::string_view> incident_titles(IncidentCategory category);
std::span<const std::string_view> press_release_titles();
std::span<const std::string_view> activity_titles(ActivityChannel channel);

// "Õie Mägi" → "oie.magi": e-mail addresses and user names are ASCII.
std::string ascii_fold(std::string_view text);

}  // namespace raekoda::demo
