#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/i18n.h"
#include "core/text.h"
#include "import/values.h"

namespace raekoda::assets {
extern const std::string_view import_values_json;
}  // namespace raekoda::assets

using namespace raekoda;
using namespace raekoda::import;

namespace {

const TargetField& field(ImportKind kind, std::string_view key) {
  const TargetField* found = find_target(kind, key);
  REQUIRE(found != nullptr);
  return *found;
}

std::optional<std::string> day(std::string_view text, SlashDates order = SlashDates::month_first) {
  return parse_date(text, order);
}

std::optional<std::string> moment(std::string_view text,
                                  SlashDates order = SlashDates::month_first) {
  return parse_date_time(text, order);
}

}  // namespace

// [SECTION] Names

TEST_CASE("Žukov and zukov are the same name") {
  CHECK(fold_name("Žukov") == fold_name("zukov"));
  CHECK(fold_name("ŠTŠERBAKOV") == "stserbakov");
  CHECK(fold_name("Õun") == "oun");
  CHECK(fold_name("Tõnu Mägi") == fold_name("TONU MAGI"));
}

TEST_CASE("letters of the neighbours' languages lose their diacritics too") {
  CHECK(fold_letters("Łódź") == "lodz");
  CHECK(fold_letters("Ćwikła") == "cwikla");
  CHECK(fold_letters("Dvořák Čapek") == "dvorak capek");
  CHECK(fold_letters("Straße") == "strasse");
  CHECK(fold_letters("Bērziņš Jonaitė") == "berzins jonaite");
  CHECK(fold_letters("Ägräs Öljy") == "agras oljy");
}

TEST_CASE("a name written with combining marks folds like the precomposed one") {
  CHECK(fold_letters("S\xCC\x8C"
                     "uk") == "suk");  // S + U+030C
  CHECK(fold_letters("Šuk") == "suk");
}

TEST_CASE("Cyrillic folds case and ё is е") {
  CHECK(fold_name("Ёлкин") == "елкин");
  CHECK(fold_name("ФЁДОРОВ") == fold_name("федоров"));
  CHECK(fold_name("Жанна Дарк") == "жанна дарк");
}

TEST_CASE("fold_letters keeps spaces and punctuation, fold_name makes runs of them one space") {
  CHECK(fold_letters("Reg.  kpv_-") == "reg.  kpv_-");
  CHECK(fold_name("  Reg.  kpv ") == "reg. kpv");
  CHECK(fold_name("Saatja_-_saaja") == "saatja saaja");
  CHECK(fold_name("12\xC2\xA0"
                  "345") == "12 345");
  CHECK(fold_name("\xff"
                  "AB") ==
        "\xff"
        "ab");
}

TEST_CASE("fold_case still keeps diacritics") {
  CHECK(fold_case("ŽUKOV") == "žukov");
}

// [SECTION] Dates

TEST_CASE("Estonian dates are read day first, with or without leading zeros") {
  CHECK(day("12.03.2026") == "2026-03-12");
  CHECK(day("3.11.2026") == "2026-11-03");
  CHECK(day("3.1.2026", SlashDates::month_first) == "2026-01-03");
  CHECK(day("12.03.26") == "2026-03-12");
  CHECK(day(" 12.03.2026 ") == "2026-03-12");
}

TEST_CASE("two-digit years before 69 are this century, from 69 the last") {
  CHECK(day("01.09.98") == "1998-09-01");
  CHECK(day("01.09.68") == "2068-09-01");
}

TEST_CASE("ISO dates and times are read as they are") {
  CHECK(day("2026-03-12") == "2026-03-12");
  CHECK(moment("2026-03-12 09:41") == "2026-03-12 09:41");
  CHECK(moment("2026-03-12T09:41") == "2026-03-12 09:41");
  CHECK(moment("2026-03-12T09:41:37") == "2026-03-12 09:41");
  CHECK(moment("2026-03-12T09:41:37.250") == "2026-03-12 09:41");
  CHECK(moment("2026-03-12") == "2026-03-12 00:00");
}

TEST_CASE("a time with an offset is read as Estonian time, winter and summer") {
  CHECK(moment("2026-01-12T07:41:00Z") == "2026-01-12 09:41");
  CHECK(moment("2026-07-12T07:41:00Z") == "2026-07-12 10:41");
  CHECK(moment("2026-07-12T09:41:00+03:00") == "2026-07-12 09:41");
  CHECK(moment("2026-01-12T08:41:00+0100") == "2026-01-12 09:41");
  CHECK(moment("2026-03-12 09:41:00 UTC") == "2026-03-12 11:41");
  // Across midnight and the change to summer time (29.03.2026 at 01:00 UTC).
  CHECK(moment("2026-12-31T23:30:00Z") == "2027-01-01 01:30");
  CHECK(moment("2026-03-29T00:59Z") == "2026-03-29 02:59");
  CHECK(moment("2026-03-29T01:00Z") == "2026-03-29 04:00");
  CHECK(day("2026-03-12T23:30:00Z") == "2026-03-13");
}

TEST_CASE("Active Directory writes the Estonian culture's date and time") {
  CHECK(moment("3.11.2026 9:14:00") == "2026-11-03 09:14");
  CHECK(day("3.11.2026 9:14:00") == "2026-11-03");
}

TEST_CASE("a Facebook publish time is read month first") {
  CHECK(moment("03/11/2026 09:14", SlashDates::month_first) == "2026-03-11 09:14");
  CHECK(moment("03/11/2026 09:14", SlashDates::day_first) == "2026-11-03 09:14");
  CHECK(day("3/1/2026", SlashDates::month_first) == "2026-03-01");
}

TEST_CASE("twelve-hour clock times are read with AM and PM") {
  CHECK(moment("11/3/2026 9:14:00 AM") == "2026-11-03 09:14");
  CHECK(moment("11/3/2026 9:14:00 PM") == "2026-11-03 21:14");
  CHECK(moment("11/3/2026 12:05 AM") == "2026-11-03 00:05");
  CHECK(moment("11/3/2026 12:05 PM") == "2026-11-03 12:05");
  CHECK(moment("11/3/2026 9:14 p.m.") == "2026-11-03 21:14");
  CHECK(moment("12-Mar-2026 09:41AM") == "2026-03-12 09:41");
  CHECK_FALSE(moment("11/3/2026 13:14 PM"));
}

TEST_CASE("a Jira date names its month") {
  CHECK(moment("12/Mar/24 9:41 AM") == "2024-03-12 09:41");
  CHECK(moment("12/Mar/24 9:41 PM") == "2024-03-12 21:41");
  CHECK(moment("1/Dec/25 12:00 AM") == "2025-12-01 00:00");
}

TEST_CASE("month names are read in Estonian, Russian and English, in any case") {
  CHECK(day("12. märts 2026") == "2026-03-12");
  CHECK(day("12 MÄRTS 2026") == "2026-03-12");
  CHECK(day("5/jaan/26") == "2026-01-05");
  CHECK(day("5. veebr 2026") == "2026-02-05");
  CHECK(day("12 марта 2026") == "2026-03-12");
  CHECK(day("1 янв 2026") == "2026-01-01");
  CHECK(day("3 февр. 2026") == "2026-02-03");
  CHECK(day("12 March 2026") == "2026-03-12");
  CHECK(day("Mar 12, 2026") == "2026-03-12");
  CHECK(day("12-sept-2026") == "2026-09-12");
}

TEST_CASE("impossible days are refused with a message") {
  CHECK_FALSE(day("31.02.2026"));
  CHECK_FALSE(day("29.02.2026"));
  CHECK(day("29.02.2028") == "2028-02-29");
  CHECK_FALSE(day("2026-13-01"));
  CHECK_FALSE(day("00.01.2026"));
  CHECK_FALSE(moment("2026-03-12 24:00"));
  CHECK_FALSE(moment("2026-03-12 09:60"));
  CellValue cell = read_cell(field(ImportKind::documents, "due_on"), "31.02.2026", {});
  CHECK_FALSE(cell.value);
  REQUIRE(cell.problem);
  CHECK_FALSE(cell.problem->empty());
}

TEST_CASE("a slash date that exists only day first is refused with its own hint") {
  CHECK_FALSE(day("25/03/2026", SlashDates::month_first));
  CHECK(day("25/03/2026", SlashDates::day_first) == "2026-03-25");
  CellValue month_first =
      read_cell(field(ImportKind::media, "published_on"), "25/03/2026", {SlashDates::month_first});
  CellValue nonsense =
      read_cell(field(ImportKind::media, "published_on"), "45/03/2026", {SlashDates::month_first});
  REQUIRE(month_first.problem);
  REQUIRE(nonsense.problem);
  CHECK(*month_first.problem != *nonsense.problem);
}

TEST_CASE("what is not a date is refused") {
  for (std::string_view text :
       {"", "soon", "12.03", "2026", "12.03.2026x", "12..03.2026", "123.03.2026", "12.03.202",
        "2026-03-12 9", "2026-03-12 09:41 XY", "12/Foo/2026", "12.03/2026", "45728"})
    CHECK_FALSE(day(text));
}

// [SECTION] Numbers

TEST_CASE("a reach is read with grouped thousands") {
  CHECK(parse_count("12345") == 12345);
  CHECK(parse_count("12 345") == 12345);
  CHECK(parse_count("12\xC2\xA0"
                    "345") == 12345);  // no-break space
  CHECK(parse_count("12\xE2\x80\xAF"
                    "345") == 12345);  // U+202F, as Estonian number formatting writes
  CHECK(parse_count("1 234 567") == 1234567);
  CHECK(parse_count("12 345,0") == 12345);
  CHECK(parse_count("12345.00") == 12345);
  CHECK(parse_count("1,234,567") == 1234567);
  CHECK(parse_count("1.234.567") == 1234567);
  CHECK(parse_count("1,234") == 1234);
  CHECK(parse_count("1.234.567,00") == 1234567);
  CHECK(parse_count("1,234,567.00") == 1234567);
  CHECK(parse_count("0") == 0);
  CHECK(parse_count("+7") == 7);
}

TEST_CASE("a reach that is not a whole number of zero or more is a problem") {
  for (std::string_view text : {"12,5", "12.5", "-5", "abc", "12 34", "1,23,4", "1.234,5",
                                "99999999999999999999", "12,", "", "1 234.567,0,0"})
    CHECK_FALSE(parse_count(text));
  CellValue cell = read_cell(field(ImportKind::media, "reach"), "12,5", {});
  CHECK_FALSE(cell.value);
  CHECK(cell.problem);
  CHECK(read_cell(field(ImportKind::media, "reach"), "12 345", {}).value == "12345");
}

// [SECTION] Yes and no

TEST_CASE("yes and no are read in Estonian, English and Russian") {
  for (std::string_view yes : {"jah", "JAH", "tõene", "Tõene", "yes", "Y", "true", "TRUE", "True",
                               "1", "enabled", "Enabled", "да", "Да"})
    CHECK(parse_flag(yes) == true);
  for (std::string_view no : {"ei", "EI", "väär", "no", "N", "false", "FALSE", "False", "0",
                              "disabled", "Disabled", "нет", "НЕТ"})
    CHECK(parse_flag(no) == false);
  CHECK_FALSE(parse_flag("maybe"));
  CHECK(read_cell(field(ImportKind::accounts, "enabled"), "TRUE", {}).value == "1");
  CHECK(read_cell(field(ImportKind::accounts, "enabled"), "Ei", {}).value == "0");
  CHECK(read_cell(field(ImportKind::accounts, "enabled"), "sometimes", {}).problem);
}

TEST_CASE("a document's access restriction is read as yes or no") {
  CHECK(parse_flag("AK") == true);
  CHECK(parse_flag("Asutusesiseseks kasutamiseks") == true);
  CHECK(parse_flag("Avalik") == false);
}

// [SECTION] Closed lists

TEST_CASE("a list's value is read by its key and by its names in the catalogs") {
  CHECK(parse_choice("tone", "negative") == "negative");
  CHECK(parse_choice("tone", "Negatiivne") == "negative");
  CHECK(parse_choice("tone", "NEGATIVE") == "negative");
  CHECK(parse_choice("incident_status", "Töös") == "in_progress");
  CHECK(parse_choice("incident_status", "toos") == "in_progress");
  CHECK(parse_choice("doc_type", "Teabenõue") == "information_request");
  CHECK(parse_choice("doc_type", "information_request") == "information_request");
  CHECK(parse_choice("doc_type", "Letter or application") == "letter");
  CHECK(parse_choice("severity", "Kriitiline") == "critical");
}

TEST_CASE("a monitoring service's tones are read, Not rated as neutral") {
  CHECK(parse_choice("tone", "Positive") == "positive");
  CHECK(parse_choice("tone", "Not rated") == "neutral");
  CHECK(parse_choice("tone", "Not Rated") == "neutral");
  CHECK(parse_choice("tone", "positiivne") == "positive");
  CHECK(parse_choice("tone", "neutraalne") == "neutral");
  CHECK(parse_choice("tone", "позитивный") == "positive");
  CHECK(parse_choice("tone", "Негативный") == "negative");
  CHECK(parse_choice("tone", "нейтральный") == "neutral");
}

TEST_CASE("document types are read by their Estonian, Russian and English names") {
  CHECK(parse_choice("doc_type", "Märgukiri") == "memorandum");
  CHECK(parse_choice("doc_type", "Selgitustaotlus") == "memorandum");
  CHECK(parse_choice("doc_type", "Järelepärimine") == "council_question");
  CHECK(parse_choice("doc_type", "Kiri") == "letter");
  CHECK(parse_choice("doc_type", "Avaldus") == "letter");
  CHECK(parse_choice("doc_type", "Meediapäring") == "media_inquiry");
  CHECK(parse_choice("doc_type", "teabenoue") == "information_request");
  CHECK(parse_choice("doc_type", "Запрос информации") == "information_request");
  CHECK(parse_choice("doc_type", "Заявление") == "letter");
  CHECK(parse_choice("doc_type", "Media inquiry") == "media_inquiry");
  CHECK(parse_choice("doc_type", "Request for explanation") == "memorandum");
}

TEST_CASE("helpdesk statuses and priorities are read in each system's words") {
  CHECK(parse_choice("incident_status", "New") == "registered");
  CHECK(parse_choice("incident_status", "Processing (assigned)") == "in_progress");
  CHECK(parse_choice("incident_status", "Processing (planned)") == "in_progress");
  CHECK(parse_choice("incident_status", "Pending") == "waiting");
  CHECK(parse_choice("incident_status", "Solved") == "resolved");
  CHECK(parse_choice("incident_status", "Closed") == "resolved");
  CHECK(parse_choice("incident_status", "Uus") == "registered");
  CHECK(parse_choice("incident_status", "Lahendatud") == "resolved");
  CHECK(parse_choice("incident_status", "To Do") == "registered");
  CHECK(parse_choice("incident_status", "In Progress") == "in_progress");
  CHECK(parse_choice("incident_status", "Done") == "resolved");
  CHECK(parse_choice("incident_status", "pending reminder") == "waiting");
  CHECK(parse_choice("incident_status", "В работе") == "in_progress");
  CHECK(parse_choice("severity", "Very high") == "critical");
  CHECK(parse_choice("severity", "Major") == "critical");
  CHECK(parse_choice("severity", "High") == "high");
  CHECK(parse_choice("severity", "Medium") == "normal");
  CHECK(parse_choice("severity", "Low") == "low");
  CHECK(parse_choice("severity", "Very low") == "low");
  CHECK(parse_choice("severity", "Highest") == "critical");
  CHECK(parse_choice("severity", "Lowest") == "low");
}

TEST_CASE("a preset's own words are tried before the common ones") {
  // Jira's old "Major" is one step below the top; GLPI's is the top.
  ValueMap jira = {{fold_name("Major"), "high"}};
  CHECK(parse_choice("severity", "Major") == "critical");
  CHECK(parse_choice("severity", "MAJOR", &jira) == "high");
  CHECK(parse_choice("severity", "Low", &jira) == "low");
  std::map<std::string, ValueMap, std::less<>> values = {{"severity", jira}};
  ValueRules rules{SlashDates::month_first, &values};
  CHECK(read_cell(field(ImportKind::incidents, "severity"), "Major", rules).value == "high");
}

TEST_CASE("a category path is read by its most specific part that names a value") {
  CHECK(parse_choice("incident_category", "Riistvara > Printer") == "hardware");
  CHECK(parse_choice("incident_category", "Report a Problem / Access Issue") == "account_access");
  CHECK(parse_choice("incident_category", "Võrk > Kontor 2") == "network");
}

TEST_CASE("media types, languages, privileges and plan values are read by their usual names") {
  CHECK(parse_choice("channel", "Online news") == "online");
  CHECK(parse_choice("channel", "Print") == "print");
  CHECK(parse_choice("channel", "TV") == "tv");
  CHECK(parse_choice("channel", "Radio") == "radio");
  CHECK(parse_choice("channel", "Social") == "other");
  CHECK(parse_choice("channel", "Facebook") == "facebook");
  CHECK(parse_choice("channel", "Blog") == "online");
  CHECK(parse_choice("content_language", "Estonian") == "et");
  CHECK(parse_choice("content_language", "eesti") == "et");
  CHECK(parse_choice("content_language", "est") == "et");
  CHECK(parse_choice("content_language", "эстонский") == "et");
  CHECK(parse_choice("content_language", "Russian") == "ru");
  CHECK(parse_choice("content_language", "vene") == "ru");
  CHECK(parse_choice("content_language", "rus") == "ru");
  CHECK(parse_choice("content_language", "Русский") == "ru");
  CHECK(parse_choice("privilege", "Administrator") == "admin");
  CHECK(parse_choice("privilege", "Domain Admins") == "admin");
  CHECK(parse_choice("privilege", "read only") == "read");
  CHECK(parse_choice("privilege", "read-only") == "read");
  CHECK(parse_choice("privilege", "lugemine") == "read");
  CHECK(parse_choice("privilege", "kasutaja") == "user");
  CHECK(parse_choice("activity_channel", "Pressiteade") == "press_release");
  CHECK(parse_choice("activity_channel", "Пресс-релиз") == "press_release");
  CHECK(parse_choice("activity_status", "Tehtud") == "done");
  CHECK(parse_choice("activity_status", "Cancelled") == "cancelled");
  CHECK(parse_choice("activity_status", "Отложено") == "postponed");
  CHECK(parse_choice("direction", "Sissetulev") == "incoming");
  CHECK(parse_choice("direction", "Исходящий") == "outgoing");
}

TEST_CASE("an unknown value is a problem, not a guess") {
  CHECK_FALSE(parse_choice("tone", "sarcastic"));
  CHECK_FALSE(parse_choice("no_such_list", "positive"));
  CellValue cell = read_cell(field(ImportKind::media, "tone"), "sarcastic", {});
  CHECK_FALSE(cell.value);
  CHECK(cell.problem);
}

TEST_CASE("every synonym in values.json names its own value") {
  auto json = nlohmann::json::parse(assets::import_values_json);
  int names = 0;
  for (auto& [list, keys] : json.items()) {
    CHECK_FALSE(choice_keys(list).empty());
    for (auto& [key, languages] : keys.items())
      for (auto& [language, words] : languages.items())
        for (auto& word : words) {
          INFO(list << ": " << word.get<std::string>() << " (" << language << ")");
          CHECK(parse_choice(list, word.get<std::string>()) == key);
          ++names;
        }
  }
  CHECK(names > 300);
}

TEST_CASE("every list value has a name in the Estonian and English catalogs") {
  for (std::string_view list :
       {"tone", "channel", "content_language", "subject", "direction", "activity_channel",
        "activity_status", "incident_category", "severity", "incident_status", "privilege"})
    for (const std::string& key : choice_keys(list))
      for (Language language : all_languages) {
        INFO(list << "." << key);
        CHECK(Catalog::embedded(language).find("enum." + std::string(list) + "." + key));
      }
  for (const std::string& key : choice_keys("doc_type"))
    CHECK(Catalog::embedded(Language::et).find("doc_type." + key));
  CHECK(choice_keys("doc_type").size() == 5);
  CHECK(is_choice_key("doc_type", "council_question"));
  CHECK_FALSE(is_choice_key("doc_type", "council"));
}

// [SECTION] Cells

TEST_CASE("an empty cell is nothing, not a problem") {
  for (const TargetField& target : target_fields(ImportKind::documents)) {
    CellValue cell = read_cell(target, "  \xC2\xA0", {});
    CHECK_FALSE(cell.value);
    CHECK_FALSE(cell.problem);
  }
}

TEST_CASE("a 19-digit id stays text, exactly") {
  CellValue cell = read_cell(field(ImportKind::incidents, "ticket_id"), "1234567890123456789", {});
  CHECK(cell.value == "1234567890123456789");
  CHECK(read_cell(field(ImportKind::incidents, "ticket_id"), "123456789012345_9876543210987654", {})
            .value == "123456789012345_9876543210987654");
}

TEST_CASE("text is one trimmed line, notes keep their lines") {
  CHECK(read_cell(field(ImportKind::documents, "title"), "  Teabenõue\r\n  koolide  kohta ", {})
            .value == "Teabenõue koolide kohta");
  CHECK(read_cell(field(ImportKind::documents, "responder"), "Mari\xC2\xA0Maasikas", {}).value ==
        "Mari Maasikas");
  CHECK(read_cell(field(ImportKind::incidents, "root_cause"), "Esimene rida\r\nTeine rida\r", {})
            .value == "Esimene rida\nTeine rida");
}

TEST_CASE("dates are stored as ISO days and minutes") {
  CHECK(read_cell(field(ImportKind::documents, "registered_on"), "3.11.2026 9:14:00", {}).value ==
        "2026-11-03");
  CHECK(read_cell(field(ImportKind::incidents, "opened_at"), "12.03.2026", {}).value ==
        "2026-03-12 00:00");
  CHECK(read_cell(field(ImportKind::incidents, "opened_at"), "2026-03-12 09:41", {}).value ==
        "2026-03-12 09:41");
}

TEST_CASE("a problem names a huge cell without copying all of it") {
  std::string huge(100000, 'x');
  CellValue cell = read_cell(field(ImportKind::media, "reach"), huge, {});
  REQUIRE(cell.problem);
  CHECK(cell.problem->size() < 1000);
}
