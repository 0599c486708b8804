#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

#include "core/area.h"
#include "core/deadline_rule.h"
#include "core/enums.h"
#include "core/i18n.h"
#include "core/plural.h"
#include "core/record_spec.h"

using namespace raekoda;

namespace {

// Every literal catalog key anywhere in src/: passed to tr() or trf(), or kept in figures for a
// view to translate later.
std::set<std::string> keys_used_in_sources() {
  std::set<std::string> keys;
  std::regex call(
      R"re("((?:app|chart|chip|cli|conflict|editor|error|gallery|history|overview|summary|table|time|topbar|validation|value|view|welcome)(?:\.[a-z0-9_]+)+)")re");
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(RAEKODA_SOURCE_DIR "/src")) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    std::string source = text.str();
    for (std::sregex_iterator it(source.begin(), source.end(), call), end; it != end; ++it)
      keys.insert((*it)[1]);
  }
  return keys;
}

template <class E>
void check_enum_translated(const Catalog& catalog) {
  for (std::size_t i = 0; i < EnumKeys<E>::keys.size(); ++i) {
    std::string key = catalog_key(static_cast<E>(i));
    INFO(key);
    CHECK(catalog.find(key) != nullptr);
  }
}

// The {} a text is filled in by: "{}" in turn, or "{0}", "{1}"... where a language orders its
// words otherwise; either way the same number as the Estonian.
std::vector<std::string> placeholders(const std::string& text) {
  std::vector<std::string> found;
  std::regex hole(R"(\{[0-9]*(:[^}]*)?\})");
  for (std::sregex_iterator it(text.begin(), text.end(), hole), end; it != end; ++it)
    found.push_back(it->str());
  return found;
}

// "status.document.open" for "status.document.open.few": the counted text a form belongs to.
std::optional<std::string> counted_base(const std::string& key) {
  for (std::string_view form : {".one", ".few", ".many", ".other"})
    if (key.size() > form.size() && key.compare(key.size() - form.size(), form.size(), form) == 0)
      return key.substr(0, key.size() - form.size());
  return std::nullopt;
}

}  // namespace

TEST_CASE("every catalog has exactly the Estonian keys, with the same placeholders") {
  const auto& et = Catalog::embedded(Language::et).entries();
  REQUIRE(et.size() > 1000);
  std::set<std::string> counted;  // the texts Estonian counts: "<base>.one" is among its keys
  for (const auto& [key, text] : et)
    if (key.ends_with(".one")) counted.insert(*counted_base(key));
  for (Language language : {Language::ru, Language::en}) {
    const Catalog& catalog = Catalog::embedded(language);
    for (const auto& [key, text] : et) {
      INFO(language_code(language) << ": " << key);
      const std::string* translated = catalog.find(key);
      REQUIRE(translated != nullptr);
      CHECK_FALSE(translated->empty());
      CHECK(placeholders(*translated).size() == placeholders(text).size());
    }
    for (const auto& [key, text] : catalog.entries()) {
      INFO(language_code(language) << ": " << key);
      // Russian counts in more forms than Estonian: "few" and "many" of a counted text are its
      // own; every other key must be one Estonian has.
      auto base = counted_base(key);
      bool extra_form = base && counted.count(*base) && !et.count(key);
      CHECK((et.count(key) == 1 || (language == Language::ru && extra_form)));
      if (extra_form)
        CHECK(placeholders(text).size() == placeholders(et.at(*base + ".other")).size());
    }
  }
  // Every counted text has all of Russian's forms: 1 документ, 2 документа, 5 документов.
  for (const std::string& base : counted)
    for (const char* form : {".one", ".few", ".many", ".other"}) {
      INFO(base << form);
      CHECK(Catalog::embedded(Language::ru).find(base + form) != nullptr);
    }
  for (const auto& [key, text] : et) CHECK_FALSE(text.empty());
}

TEST_CASE("every key the program asks for is in both catalogs") {
  auto used = keys_used_in_sources();
  REQUIRE(used.size() > 80);
  for (Language language : all_languages) {
    for (const std::string& key : used) {
      INFO(std::string(language_code(language)) << ": " << key);
      // A counted text (trn) is found by its forms; "other" is the one every language has.
      const Catalog& catalog = Catalog::embedded(language);
      CHECK((catalog.find(key) != nullptr || catalog.find(key + ".other") != nullptr));
    }
  }
}

TEST_CASE("every value of every list has a name in both languages") {
  for (Language language : all_languages) {
    const Catalog& c = Catalog::embedded(language);
    check_enum_translated<Tone>(c);
    check_enum_translated<Channel>(c);
    check_enum_translated<ContentLanguage>(c);
    check_enum_translated<Subject>(c);
    check_enum_translated<RebuttalStatus>(c);
    check_enum_translated<PressReleaseState>(c);
    check_enum_translated<Direction>(c);
    check_enum_translated<TermUnit>(c);
    check_enum_translated<ActivityChannel>(c);
    check_enum_translated<ActivityStatus>(c);
    check_enum_translated<IncidentCategory>(c);
    check_enum_translated<Severity>(c);
    check_enum_translated<IncidentStatus>(c);
    check_enum_translated<InstitutionKind>(c);
    check_enum_translated<SystemKind>(c);
    check_enum_translated<Privilege>(c);
    check_enum_translated<CampaignState>(c);
    check_enum_translated<ReviewDecision>(c);
    check_enum_translated<BackupResult>(c);
    check_enum_translated<RestoreResult>(c);
    check_enum_translated<Role>(c);
    check_enum_translated<Permission>(c);
  }
}

TEST_CASE("every view, document type, month and quarter has a name in both languages") {
  for (Language language : all_languages) {
    const Catalog& c = Catalog::embedded(language);
    for (View view : all_views) CHECK(c.find("view." + std::string(view_key(view))) != nullptr);
    for (const DeadlineRule& rule : default_deadline_rules())
      CHECK(c.find("doc_type." + rule.key) != nullptr);
  }
}

TEST_CASE("every editable field has a label in both languages") {
  for (Language language : all_languages)
    for (std::string_view table :
         {"documents", "media_items", "incidents", "accounts", "comm_activities", "people",
          "person_roles", "role_permissions"}) {
      const TableSpec* spec = find_table_spec(table);
      REQUIRE(spec);
      for (const FieldSpec& field : spec->fields) {
        INFO(field_label_key(*spec, field));
        CHECK(Catalog::embedded(language).find(field_label_key(*spec, field)) != nullptr);
      }
    }
}

TEST_CASE("tr follows the chosen language and shows a missing key as itself") {
  set_language(Language::en);
  CHECK(std::string(tr("view.deadlines")) == "Deadlines");
  set_language(Language::ru);
  CHECK(std::string(tr("doc_type.information_request")) == "Запрос на информацию");
  set_language(Language::et);
  CHECK(std::string(tr("view.deadlines")) == "Tähtajad");
  CHECK(std::string(tr("no.such.key")) == "no.such.key");
  CHECK(trf("welcome.database", "linn.sqlite") == "Andmebaas: linn.sqlite");
}

TEST_CASE("a catalog that is not an object of strings is refused") {
  CHECK_THROWS(Catalog::from_json("[1, 2]"));
  CHECK_THROWS(Catalog::from_json(R"({"a": 1})"));
  CHECK_THROWS(Catalog::from_json("{not json"));
  CHECK(Catalog::from_json(R"({"a": "b"})").find("a") != nullptr);
}

TEST_CASE("each language chooses its plural forms by CLDR's rules") {
  const std::int64_t counts[] = {0, 1, 2, 5, 11, 21, 22, 25, 101, 111};
  const std::map<Language, std::vector<std::string_view>> expected = {
      {Language::et,
       {"other", "one", "other", "other", "other", "other", "other", "other", "other", "other"}},
      {Language::en,
       {"other", "one", "other", "other", "other", "other", "other", "other", "other", "other"}},
      {Language::ru, {"many", "one", "few", "many", "many", "one", "few", "many", "one", "many"}},
  };
  for (const auto& [language, categories] : expected)
    for (std::size_t i = 0; i < std::size(counts); ++i) {
      INFO(language_code(language) << " " << counts[i]);
      CHECK(plural_category(counts[i], language) == categories[i]);
    }
  set_language(Language::ru);
  CHECK(trn("table.heading", 1, "Документы", "1") == "Документы: 1 запись");
  CHECK(trn("table.heading", 2, "Документы", "2") == "Документы: 2 записи");
  CHECK(trn("table.heading", 5, "Документы", "5") == "Документы: 5 записей");
  CHECK(trn("table.heading", 21, "Документы", "21") == "Документы: 21 запись");
  CHECK(trn("table.heading", 111, "Документы", "111") == "Документы: 111 записей");
  set_language(Language::et);
}

TEST_CASE("a count takes its language's plural form") {
  CHECK(plural_category(1, Language::et) == "one");
  CHECK(plural_category(0, Language::et) == "other");
  CHECK(plural_category(21, Language::et) == "other");
  CHECK(plural_category(1, Language::en) == "one");
  CHECK(plural_category(2, Language::en) == "other");
  set_language(Language::et);
  CHECK(trn("table.heading", 1, "Dokumendid", "1") == "Dokumendid: 1 kirje");
  CHECK(trn("table.heading", 5, "Dokumendid", "5") == "Dokumendid: 5 kirjet");
  set_language(Language::en);
  CHECK(trn("table.heading", 1, "Documents", "1") == "Documents: 1 record");
  CHECK(trn("table.heading", 0, "Documents", "0") == "Documents: 0 records");
  set_language(Language::et);
}

TEST_CASE("every counted text has its 'other' form wherever it has another") {
  for (Language language : all_languages)
    for (const auto& [key, text] : Catalog::embedded(language).entries())
      for (std::string_view form : {".one", ".few", ".many"})
        if (key.size() > form.size() &&
            key.compare(key.size() - form.size(), form.size(), form) == 0) {
          std::string other = key.substr(0, key.size() - form.size()) + ".other";
          INFO(key);
          CHECK(Catalog::embedded(language).find(other) != nullptr);
        }
}
