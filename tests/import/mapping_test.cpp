#include <catch2/catch.hpp>

#include <iconv.h>

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/i18n.h"
#include "import/mapping.h"
#include "support/temp_dir.h"

namespace raekoda::assets {
extern const std::string_view import_headers_json;
}  // namespace raekoda::assets

using namespace raekoda;
using namespace raekoda::import;

namespace {

// A header as the test writes it: cells separated by '|', since some header cells hold ',' and ';'.
std::vector<std::string> cells(std::string_view line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t bar = line.find('|', start);
    out.emplace_back(line.substr(start, bar == std::string_view::npos ? bar : bar - start));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

RawRow row(std::size_t line, std::vector<std::string> values) {
  RawRow raw;
  raw.line = line;
  raw.cells = std::move(values);
  return raw;
}

Guess guess_header(std::string_view header) {
  std::vector<RawRow> rows = {row(1, cells(header))};
  return guess_layout(rows, built_in_presets());
}

std::string target_of(const ColumnMapping& mapping, std::size_t column) {
  return column < mapping.targets.size() ? mapping.targets[column] : "";
}

// Bytes in `charset` as UTF-8, the way the reader hands them over after iconv.
std::string decode(std::string bytes, const char* charset) {
  iconv_t converter = iconv_open("UTF-8", charset);
  REQUIRE(converter != reinterpret_cast<iconv_t>(-1));
  std::string out(bytes.size() * 4, '\0');
  char* in = bytes.data();
  std::size_t in_left = bytes.size();
  char* to = out.data();
  std::size_t out_left = out.size();
  std::size_t result = iconv(converter, &in, &in_left, &to, &out_left);
  iconv_close(converter);
  REQUIRE(result != static_cast<std::size_t>(-1));
  out.resize(out.size() - out_left);
  return out;
}

const Preset& built_in(std::string_view name) {
  for (const Preset& preset : built_in_presets())
    if (preset.name == name) return preset;
  FAIL("no built-in preset " << name);
  throw std::logic_error("unreachable");
}

}  // namespace

// [SECTION] Header names

TEST_CASE("header names are compared folded and without the punctuation systems add") {
  CHECK(header_key("Tähtaeg:") == "tahtaeg");
  CHECK(header_key("Pealkiri *") == "pealkiri");
  CHECK(header_key("Reg. nr") == header_key("Reg nr"));
  CHECK(header_key("REG NR") == header_key("reg nr"));
  CHECK(header_key("Saatja / Saaja") == header_key("Saatja/Saaja"));
  CHECK(header_key("Ees- ja perekonnanimi") == "ees ja perekonnanimi");
  ColumnMapping mapping = map_header(ImportKind::documents,
                                     cells("Reg. nr:|Pealkiri *|TÄHTAEG|Vastamise tähtaeg (kpv)"));
  CHECK(mapping.targets == std::vector<std::string>{"reg_number", "title", "due_on", ""});
}

TEST_CASE("every header name in headers.json maps to its own field") {
  auto json = nlohmann::json::parse(assets::import_headers_json);
  int names = 0;
  for (auto& [kind_name, fields] : json.items()) {
    auto kind = kind_from_key(kind_name);
    REQUIRE(kind);
    for (auto& [field, languages] : fields.items()) {
      CHECK(find_target(*kind, field));
      for (auto& [language, list] : languages.items())
        for (auto& name : list) {
          std::vector<std::string> header = {name.get<std::string>()};
          INFO(kind_name << ": " << header[0] << " (" << language << ")");
          CHECK(map_header(*kind, header).targets[0] == field);
          ++names;
        }
    }
  }
  CHECK(names > 400);
}

TEST_CASE("a field's own key is a header name too") {
  ColumnMapping mapping = map_header(ImportKind::documents, cells("reg_number|registered_on"));
  CHECK(mapping.targets == std::vector<std::string>{"reg_number", "registered_on"});
}

TEST_CASE("a personal ID code is never mapped") {
  for (ImportKind kind : all_import_kinds) {
    CHECK(map_header(kind, cells("Isikukood|Личный код")).targets ==
          std::vector<std::string>{"", ""});
    for (const Preset& preset : built_in_presets())
      CHECK(target_of(map_header(kind, cells("Isikukood"), &preset), 0).empty());
  }
}

TEST_CASE("Jira's repeated headers fill a field from their first column only") {
  ColumnMapping mapping = map_header(ImportKind::incidents, cells("Status|Summary|Status|Status"));
  CHECK(mapping.targets == std::vector<std::string>{"status", "title", "", ""});
  Guess guess = guess_header(
      "Summary|Issue key|Issue id|Issue Type|Status|Priority|Resolution|Assignee|Reporter|"
      "Created|Updated|Resolved|Labels|Labels|Labels|Sprint|Sprint|Assignee");
  REQUIRE(guess.preset);
  CHECK(guess.preset->name == "Jira");
  CHECK(guess.mapping.column_of("assignee") == 7u);
  CHECK(target_of(guess.mapping, 17).empty());
  CHECK(guess.score == 7);
}

TEST_CASE("the mapping says which required fields no column fills") {
  ColumnMapping mapping = map_header(ImportKind::documents, cells("Pealkiri|Tähtaeg"));
  CHECK(mapping.missing_required() ==
        std::vector<std::string_view>{"reg_number", "registered_on", "doc_type"});
  CHECK(mapping.column_of("due_on") == 1u);
  CHECK_FALSE(mapping.column_of("reg_number"));
}

// [SECTION] Each system's export is recognised

TEST_CASE("every built-in preset is guessed from its own system's header") {
  struct Case {
    const char* preset;
    ImportKind kind;
    const char* header;
  };
  const Case cases[] = {
      {"Delta", ImportKind::documents,
       "Viit|Reg kpv|Pealkiri|Liik|toimik|Saatja/Saaja|Vastutaja struktuuriüksus|Vastutaja|"
       "Tähtaeg|Vastamise kpv"},
      {"WebDesktop", ImportKind::documents,
       "Reg nr|Registreerimise kpv|Dokumendi liik|Pealkiri|Suund|Saatja|Adressaat|Täitja|"
       "Osakond|Vastamise tähtaeg|Vastamise kpv|Juurdepääsupiirang"},
      {"Amphora", ImportKind::documents,
       "Registreerimisnumber|Registreerimise kuupäev|Dokumendi tüüp|Pealkiri|Korrespondent|"
       "vastutav täitja|Struktuuriüksus|Vastamise tähtaeg|Vastatud|Juurdepääsupiirang"},
      {"GLPI", ImportKind::incidents,
       "ID|Title|Status|Opening date|Priority|Category|Entity|Assigned to|Closing date"},
      {"GLPI", ImportKind::incidents,
       "ID|Pealkiri|Olek|Avamise kuupäev|Prioriteet|Kategooria|Üksus|Määratud|"
       "Lahendamise kuupäev"},
      {"Jira", ImportKind::incidents,
       "Summary|Issue key|Issue id|Issue Type|Status|Priority|Assignee|Created|Resolved|Labels"},
      {"osTicket", ImportKind::incidents,
       "Ticket Number|Subject|From|From Email|Priority|Department|Help Topic|Source|Status|"
       "Create Date|Due Date|Closed Date|Last Updated|Agent Assigned|Team Assigned"},
      {"Zammad", ImportKind::incidents,
       "Number|Title|State|Priority|Group|Owner|Customer|Organization|Created at|Updated at|"
       "Closed at"},
      {"Meltwater", ImportKind::media,
       "Date|Time|Headline|URL|Opening Text|Hit Sentence|Source Name|Source Type|Language|"
       "Reach|Sentiment|Keywords|Country|AVE"},
      {"Facebook", ImportKind::media,
       "Post ID|Page ID|Page name|Title|Description|Duration (sec)|Publish time|Caption type|"
       "Permalink|Is crosspost|Is share|Post type|Languages|Custom labels|"
       "Funded content status|Data comment|Date|Reach|Reactions, Comments and Shares|Reactions|"
       "Comments|Shares"},
      {"Active Directory", ImportKind::accounts,
       "DistinguishedName|Enabled|GivenName|Name|ObjectClass|ObjectGUID|SamAccountName|SID|"
       "Surname|UserPrincipalName|Department|EmailAddress|whenCreated"},
      {"Synology NAS", ImportKind::accounts, "User name|Description|Email|Status"},
      {"State register users", ImportKind::accounts, "Kasutaja|Nimi|Roll|Alates|Kuni"},
      {"HR list", ImportKind::people,
       "Nimi|Struktuuriüksus|Ametikoht|E-post|Tööle asumise kuupäev|Lahkumise kuupäev"},
      {"HR list", ImportKind::people, "ФИО|Отдел|Должность|Эл. почта|Дата приёма|Дата увольнения"},
      {"Communication plan spreadsheet", ImportKind::activities,
       "Tegevus|Kanal|Vastutaja|Kuupäev|Staatus|Sihtrühm|Link|Plaan"},
  };
  for (const Case& each : cases) {
    INFO(each.header);
    Guess guess = guess_header(each.header);
    CHECK(guess.kind == each.kind);
    REQUIRE(guess.preset);
    CHECK(guess.preset->name == each.preset);
    CHECK(guess.header_row == 0);
    CHECK(guess.mapping.missing_required().empty());
  }
}

TEST_CASE("every built-in preset is guessed from a header of all its own names") {
  for (const Preset& preset : built_in_presets()) {
    std::vector<std::string> header;
    for (const auto& [name, field] : preset.columns) header.push_back(name);
    std::vector<RawRow> rows = {row(1, header)};
    Guess guess = guess_layout(rows, built_in_presets());
    INFO(preset.name);
    CHECK(guess.kind == preset.kind);
    REQUIRE(guess.preset);
    CHECK(guess.preset->name == preset.name);
  }
}

TEST_CASE("Delta's columns are mapped to the document fields") {
  Guess guess = guess_header(
      "Viit|Reg kpv|Pealkiri|Liik|toimik|Saatja/Saaja|Vastutaja struktuuriüksus|Vastutaja|"
      "Tähtaeg|Vastamise kpv");
  CHECK(guess.mapping.targets == std::vector<std::string>{"reg_number", "registered_on", "title",
                                                          "doc_type", "", "sender", "unit",
                                                          "responder", "due_on", "answered_on"});
  CHECK(guess.score == 9);
}

TEST_CASE(
    "a Delta header from a Windows-1257 file is recognised, whichever 8-bit charset was "
    "guessed") {
  std::string bytes =
      "Viit|Reg kpv|Pealkiri|Liik|toimik|Saatja/Saaja|Vastutaja struktuuri\xFCksus|Vastutaja|"
      "T\xE4htaeg|Vastamise kpv";
  for (const char* charset : {"WINDOWS-1257", "ISO-8859-1", "ISO-8859-13"}) {
    INFO(charset);
    std::string header = decode(bytes, charset);
    CHECK(header.find("Tähtaeg") != std::string::npos);
    Guess guess = guess_header(header);
    REQUIRE(guess.preset);
    CHECK(guess.preset->name == "Delta");
    CHECK(guess.mapping.column_of("due_on") == 8u);
    CHECK(guess.mapping.column_of("unit") == 6u);
  }
  // A file whose export lost its letters altogether.
  Guess plain = guess_header("Viit|Reg kpv|Pealkiri|Liik|Tahtaeg|Vastutaja struktuuriuksus");
  CHECK(plain.mapping.column_of("due_on") == 4u);
  CHECK(plain.mapping.column_of("unit") == 5u);
}

TEST_CASE("an HR list is people and a register's user list is accounts") {
  CHECK(guess_header("Nimi|Osakond|E-post").kind == ImportKind::people);
  CHECK(guess_header("Kasutaja|Nimi|Roll|Alates|Kuni").kind == ImportKind::accounts);
  CHECK(guess_header("SamAccountName|Name|Enabled|whenCreated|Department").kind ==
        ImportKind::accounts);
  CHECK(guess_header("Date|Headline|Source Name|Reach|Sentiment").kind == ImportKind::media);
}

TEST_CASE("a file of no known system is mapped by the common names, with no preset") {
  Guess guess = guess_header("Dokumendi nr|Kuupäev|Sisu|Liik|Tähtaeg");
  CHECK(guess.kind == ImportKind::documents);
  CHECK(guess.preset == nullptr);
  CHECK(guess.mapping.targets ==
        std::vector<std::string>{"reg_number", "registered_on", "title", "doc_type", "due_on"});
}

// [SECTION] Lines before the header

TEST_CASE("Active Directory's #TYPE line is not the header") {
  std::vector<RawRow> rows = {
      row(1, {"#TYPE Microsoft.ActiveDirectory.Management.ADUser"}),
      row(2, cells("DistinguishedName|Enabled|Name|SamAccountName|whenCreated|Department")),
      row(3, cells("CN=Mari Maasikas,OU=Kantselei|True|Mari Maasikas|mari.maasikas|"
                   "3.11.2026 9:14:00|Kantselei")),
  };
  Guess guess = guess_layout(rows, built_in_presets());
  CHECK(guess.header_row == 1);
  CHECK(guess.kind == ImportKind::accounts);
  REQUIRE(guess.preset);
  CHECK(guess.preset->name == "Active Directory");
  CHECK(guess.mapping.column_of("username") == 3u);
}

TEST_CASE("a sep= line is not the header") {
  std::vector<RawRow> rows = {row(1, {"sep=;"}), row(2, cells("Viit|Reg kpv|Pealkiri|Liik"))};
  Guess guess = guess_layout(rows, built_in_presets());
  CHECK(guess.header_row == 1);
  CHECK(guess.kind == ImportKind::documents);
}

TEST_CASE("a Meltwater report's title and date range are skipped") {
  std::vector<RawRow> rows = {
      row(1, {"Kohtla-Järve linn: meediamonitooring"}),
      row(2, {"Date range: 01.03.2026 - 31.03.2026"}),
      row(3, {}),
      row(4, cells("Date|Headline|URL|Source Name|Source Type|Language|Reach|Sentiment")),
      row(5, cells("12-Mar-2026 09:41AM|Volikogu kinnitas eelarve|https://example.ee/1|"
                   "Põhjarannik|Online News|Estonian|12 345|Positive")),
  };
  Guess guess = guess_layout(rows, built_in_presets());
  CHECK(guess.header_row == 3);
  CHECK(guess.kind == ImportKind::media);
  REQUIRE(guess.preset);
  CHECK(guess.preset->name == "Meltwater");
  CHECK(guess.score == 8);
}

TEST_CASE("rows that look like no header give a score of 0 and no preset") {
  std::vector<RawRow> rows = {row(1, cells("foo|bar")), row(2, cells("1|2"))};
  Guess guess = guess_layout(rows, built_in_presets());
  CHECK(guess.score == 0);
  CHECK(guess.preset == nullptr);
  CHECK(guess.header_row == 0);
  CHECK(guess_layout({}, built_in_presets()).score == 0);
}

// [SECTION] The user's choice

TEST_CASE("a kind the user chose is kept") {
  std::vector<RawRow> rows = {row(1, cells("Nimi|Osakond|E-post"))};
  Guess guess = guess_layout(rows, built_in_presets(), ImportKind::accounts);
  CHECK(guess.kind == ImportKind::accounts);
  CHECK(guess.mapping.targets == std::vector<std::string>{"person", "unit", "email"});
}

TEST_CASE("a preset the user named is used even where it does not fit") {
  std::vector<RawRow> rows = {row(1, cells("Viit|Reg kpv|Pealkiri|Liik|Title"))};
  Guess guess = guess_layout(rows, built_in_presets(), std::nullopt, "glpi");
  REQUIRE(guess.preset);
  CHECK(guess.preset->name == "GLPI");
  CHECK(guess.kind == ImportKind::incidents);
  CHECK(guess.mapping.column_of("title") == 2u);
}

TEST_CASE("a preset's value words and date order come with it") {
  const Preset& glpi = built_in("GLPI");
  ValueRules rules{glpi.slash_dates, &glpi.values};
  const TargetField* status = find_target(ImportKind::incidents, "status");
  CHECK(read_cell(*status, "Processing (assigned)", rules).value == "in_progress");
  const Preset& zammad = built_in("Zammad");
  ValueRules zammad_rules{zammad.slash_dates, &zammad.values};
  CHECK(read_cell(*status, "open", zammad_rules).value == "in_progress");
  CHECK(read_cell(*status, "open", {}).value == "registered");
  CHECK(
      read_cell(*find_target(ImportKind::incidents, "severity"), "2 normal", zammad_rules).value ==
      "normal");
  const Preset& facebook = built_in("Facebook");
  CHECK(facebook.slash_dates == SlashDates::month_first);
  ValueRules facebook_rules{facebook.slash_dates, &facebook.values};
  CHECK(read_cell(*find_target(ImportKind::media, "channel"), "Photos", facebook_rules).value ==
        "facebook");
  CHECK(
      read_cell(*find_target(ImportKind::media, "published_on"), "03/11/2026 09:14", facebook_rules)
          .value == "2026-03-11");
  CHECK(built_in("Meltwater").read.separator == '\t');
}

TEST_CASE("a user's preset is saved and offered again for a file with the same header") {
  testing::TempDir folder;
  std::vector<std::string> header = cells("Dok nr|Reg kpv|Pealkiri|Liik|Märkus");
  Preset mine;
  mine.name = "Kohtla-Järve: WebDesktop / vana";
  mine.kind = ImportKind::documents;
  mine.columns = {{"Dok nr", "reg_number"}, {"Märkus", ""}, {"Liik", "doc_type"}};
  mine.values["doc_type"][fold_name("Pöördumine (KOV)")] = "letter";
  mine.slash_dates = SlashDates::day_first;
  mine.header = header;
  mine.built_in = false;
  save_user_preset(folder.path() / "presets", mine);

  std::vector<std::string> problems;
  std::vector<Preset> presets = load_user_presets(folder.path() / "presets", &problems);
  CHECK(problems.empty());
  REQUIRE(presets.size() == 1);
  CHECK(presets[0].name == mine.name);
  CHECK_FALSE(presets[0].built_in);
  CHECK(presets[0].header == header);

  // The user's presets first, then the built-in ones, as the window passes them.
  for (const Preset& preset : built_in_presets()) presets.push_back(preset);
  std::vector<RawRow> rows = {row(1, {"Kohtla-Järve dokumendid"}), row(2, header)};
  Guess guess = guess_layout(rows, presets);
  REQUIRE(guess.preset);
  CHECK(guess.preset->name == mine.name);
  CHECK(guess.header_row == 1);
  CHECK(guess.mapping.targets ==
        std::vector<std::string>{"reg_number", "registered_on", "title", "doc_type", ""});

  // Another header does not get it.
  std::vector<RawRow> delta = {row(1, cells("Viit|Reg kpv|Pealkiri|Liik|Tähtaeg|Vastamise kpv"))};
  Guess other = guess_layout(delta, presets);
  REQUIRE(other.preset);
  CHECK(other.preset->name == "Delta");
}

TEST_CASE("a preset file that is not a preset is skipped and named") {
  testing::TempDir folder;
  testing::write_file(folder / "broken.json", "{ \"name\": \"x\", ");
  testing::write_file(folder / "wrong.json", R"({"name": "x", "kind": "invoices"})");
  testing::write_file(folder / "notes.txt", "not a preset and not read");
  testing::write_file(folder / "good.json", R"({"name": "Mine", "kind": "people"})");
  std::vector<std::string> problems;
  std::vector<Preset> presets = load_user_presets(folder.path(), &problems);
  REQUIRE(presets.size() == 1);
  CHECK(presets[0].name == "Mine");
  REQUIRE(problems.size() == 2);
  CHECK(load_user_presets(folder / "missing").empty());
}

// [SECTION] Preset JSON

TEST_CASE("malformed preset JSON is refused with a message") {
  const char* bad[] = {
      "",
      "{",
      "[]",
      "42",
      R"({"kind": "documents"})",
      R"({"name": "", "kind": "documents"})",
      R"({"name": 7, "kind": "documents"})",
      R"({"name": "X"})",
      R"({"name": "X", "kind": "invoices"})",
      R"({"name": "X", "kind": 3})",
      R"({"name": "X", "kind": "documents", "columns": []})",
      R"({"name": "X", "kind": "documents", "columns": {"Viit": 1}})",
      R"({"name": "X", "kind": "documents", "columns": {"Viit": "ticket_id"}})",
      R"({"name": "X", "kind": "documents", "values": {"title": {"a": "b"}}})",
      R"({"name": "X", "kind": "documents", "values": {"doc_type": {"Kiri": "mail"}}})",
      R"({"name": "X", "kind": "documents", "values": {"doc_type": ["letter"]}})",
      R"({"name": "X", "kind": "documents", "values": {"nothing": {}}})",
      R"({"name": "X", "kind": "documents", "slash_dates": "sideways"})",
      R"({"name": "X", "kind": "documents", "read": {"separator": "ab"}})",
      R"({"name": "X", "kind": "documents", "read": {"separator": 59}})",
      R"({"name": "X", "kind": "documents", "read": {"charset": "UTF-8"}})",
      R"({"name": "X", "kind": "documents", "read": "UTF-8"})",
      R"({"name": "X", "kind": "documents", "header": "Viit"})",
      R"({"name": "X", "kind": "documents", "header": ["Viit", 2]})",
      R"({"name": "X", "kind": "documents", "colums": {}})",
      "{\"name\": \"X\", \"kind\": \"documents\"} trailing",
  };
  for (const char* json : bad) {
    INFO(json);
    try {
      preset_from_json(json, false);
      FAIL("accepted");
    } catch (const std::runtime_error& error) {
      CHECK(std::string_view(error.what()).size() > 0);
    }
  }
}

TEST_CASE("a minimal preset is a name and a kind") {
  Preset preset = preset_from_json(R"({"name": "Mine", "kind": "media", "comment": "hi"})", false);
  CHECK(preset.name == "Mine");
  CHECK(preset.kind == ImportKind::media);
  CHECK(preset.columns.empty());
  CHECK_FALSE(preset.built_in);
}

TEST_CASE("presets round-trip through JSON") {
  std::vector<Preset> presets = built_in_presets();
  Preset mine;
  mine.name = "Mine";
  mine.kind = ImportKind::incidents;
  mine.columns = {{"Nr", "ticket_id"}, {"Märkus", ""}};
  mine.values["status"]["avatud"] = "registered";
  mine.read.encoding = "WINDOWS-1257";
  mine.read.separator = ';';
  mine.read.sheet = "Piletid";
  mine.header = {"Nr", "Märkus"};
  mine.built_in = false;
  presets.push_back(mine);
  for (const Preset& preset : presets) {
    INFO(preset.name);
    Preset again = preset_from_json(preset_to_json(preset), preset.built_in);
    CHECK(again.name == preset.name);
    CHECK(again.kind == preset.kind);
    CHECK(again.columns == preset.columns);
    CHECK(again.values == preset.values);
    CHECK(again.slash_dates == preset.slash_dates);
    CHECK(again.read.encoding == preset.read.encoding);
    CHECK(again.read.separator == preset.read.separator);
    CHECK(again.read.sheet == preset.read.sheet);
    CHECK(again.header == preset.header);
  }
}

TEST_CASE("the built-in presets are there") {
  for (const char* name :
       {"Delta", "WebDesktop", "Amphora", "GLPI", "Jira", "osTicket", "Zammad", "Meltwater",
        "Facebook", "Active Directory", "HR list", "Communication plan spreadsheet"})
    CHECK(built_in(name).built_in);
}

TEST_CASE("the catalogs name every kind and field, in Estonian and English alike") {
  const Catalog& et = Catalog::embedded(Language::et);
  const Catalog& en = Catalog::embedded(Language::en);
  for (ImportKind kind : all_import_kinds) {
    std::string kind_label = "import.kind." + std::string(kind_key(kind));
    CHECK(et.find(kind_label));
    CHECK(en.find(kind_label));
    for (const TargetField& field : target_fields(kind)) {
      INFO(field_label_key(kind, field.key));
      CHECK(et.find(field_label_key(kind, field.key)));
      CHECK(en.find(field_label_key(kind, field.key)));
    }
  }
  auto placeholders = [](const std::string& text) {
    int count = 0;
    for (std::size_t at = text.find("{}"); at != std::string::npos; at = text.find("{}", at + 2))
      ++count;
    return count;
  };
  for (const auto& [key, text] : et.entries()) {
    if (key.rfind("import.", 0) != 0) continue;
    INFO(key);
    REQUIRE(en.find(key));
    CHECK(placeholders(text) == placeholders(*en.find(key)));
  }
}
