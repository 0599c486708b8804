#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

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

}  // namespace

TEST_CASE("the Estonian and English catalogs hold the same keys") {
  const auto& et = Catalog::embedded(Language::et).entries();
  const auto& en = Catalog::embedded(Language::en).entries();
  REQUIRE(et.size() > 100);
  for (const auto& [key, text] : et) {
    INFO(key);
    CHECK(en.count(key) == 1);
    CHECK_FALSE(text.empty());
  }
  CHECK(et.size() == en.size());
}

TEST_CASE("every key the program asks for is in both catalogs") {
  auto used = keys_used_in_sources();
  REQUIRE(used.size() > 80);
  for (Language language : {Language::et, Language::en}) {
    for (const std::string& key : used) {
      INFO(std::string(language_code(language)) << ": " << key);
      // A counted text (trn) is found by its forms; "other" is the one every language has.
      const Catalog& catalog = Catalog::embedded(language);
      CHECK((catalog.find(key) != nullptr || catalog.find(key + ".other") != nullptr));
    }
  }
}

TEST_CASE("every value of every list has a name in both languages") {
  for (Language language : {Language::et, Language::en}) {
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
  }
}

TEST_CASE("every view, document type, month and quarter has a name in both languages") {
  for (Language language : {Language::et, Language::en}) {
    const Catalog& c = Catalog::embedded(language);
    for (View view : all_views) CHECK(c.find("view." + std::string(view_key(view))) != nullptr);
    for (const DeadlineRule& rule : default_deadline_rules())
      CHECK(c.find("doc_type." + rule.key) != nullptr);
  }
}

TEST_CASE("every editable field has a label in both languages") {
  for (Language language : {Language::et, Language::en})
    for (std::string_view table :
         {"documents", "media_items", "incidents", "accounts", "comm_activities"}) {
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
  for (Language language : {Language::et, Language::en})
    for (const auto& [key, text] : Catalog::embedded(language).entries())
      for (std::string_view form : {".one", ".few", ".many"})
        if (key.size() > form.size() &&
            key.compare(key.size() - form.size(), form.size(), form) == 0) {
          std::string other = key.substr(0, key.size() - form.size()) + ".other";
          INFO(key);
          CHECK(Catalog::embedded(language).find(other) != nullptr);
        }
}
