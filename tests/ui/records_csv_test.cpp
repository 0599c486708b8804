#include <catch2/catch.hpp>

#include "core/i18n.h"
#include "ui/drilldown.h"

using namespace raekoda;
using Kind = exports::SheetColumn::Kind;

namespace {

// A restricted information request answered by Õie Mägi, as a drill-down table holds it.
Record sample_document() {
  Record r;
  r.id = 1;
  r.set("reg_number", "7-1/2026-0042");
  r.set("doc_type", "information_request");
  r.set("direction", "incoming");
  r.set("registered_on", "2026-11-16");
  r.set("title", "Teabenõue; koopia \"lepingust\"");
  r.set("responder_id", "7");
  r.set("access_restricted", "1");
  r.set("due_on", "2026-11-23");
  return r;
}

ui::ReferenceLabels sample_labels() {
  ui::ReferenceLabels labels;
  labels.by_table["people"][7] = "Õie Mägi";
  return labels;
}

ValidationContext on_20_november() {
  ValidationContext context;
  context.today = *Date::parse_iso("2026-11-20");
  return context;
}

}  // namespace

TEST_CASE("exported records are UTF-8 with BOM, semicolon-separated, readable values", "[no-db]") {
  set_language(Language::et);
  ui::ReferenceLabels labels = sample_labels();
  Record r = sample_document();
  ValidationContext context = on_20_november();
  std::string csv = ui::records_csv(documents_spec(), {r}, labels, context);
  CHECK(csv.rfind("\xEF\xBB\xBF"
                  "Registreerimisnumber;Seis;Dokumendi liik;Suund;Registreeritud;",
                  0) == 0);
  // The status, as the table shows it, comes second.
  std::string status = documents_spec().status(r, context).text;
  REQUIRE_FALSE(status.empty());
  CHECK(csv.find("7-1/2026-0042;" + status +
                 ";Teabenõue;Sissetulev;16.11.2026;\"Teabenõue; "
                 "koopia \"\"lepingust\"\"\";;Õie Mägi;") != std::string::npos);
  CHECK(csv.find(";jah\r\n") != std::string::npos);
}

TEST_CASE("records without a status export no status column", "[no-db]") {
  set_language(Language::et);
  Record item;
  item.set("title", "Volikogu istung");
  std::string csv = ui::records_csv(media_items_spec(), {item}, {}, ValidationContext{});
  CHECK(csv.find("Seis") == std::string::npos);
  CHECK(csv.find("Volikogu istung") != std::string::npos);
}

TEST_CASE("a records sheet has the CSV's columns, dates and numbers as stored", "[no-db]") {
  set_language(Language::et);
  ui::ReferenceLabels labels = sample_labels();
  Record r = sample_document();
  ValidationContext context = on_20_november();
  exports::SheetTable sheet =
      ui::records_sheet(documents_spec(), {r}, labels, context, "Dokumendid · Vastamata");
  CHECK(sheet.title_line == "Dokumendid · Vastamata");
  REQUIRE(sheet.columns.size() >= 5);
  CHECK(sheet.columns[0].name == "Registreerimisnumber");
  CHECK(sheet.columns[1].name == "Seis");
  CHECK(sheet.columns[4].name == "Registreeritud");
  CHECK(sheet.columns[4].kind == Kind::date);
  REQUIRE(sheet.rows.size() == 1);
  const auto& row = sheet.rows[0];
  REQUIRE(row.size() == sheet.columns.size());
  CHECK(row[1] == documents_spec().status(r, context).text);
  CHECK(row[2] == "Teabenõue");   // a choice by name
  CHECK(row[4] == "2026-11-16");  // a date as stored, for the writer to make a date of
  // The same header as the CSV's.
  std::string csv = ui::records_csv(documents_spec(), {r}, labels, context);
  std::string header;
  for (const auto& column : sheet.columns) header += (header.empty() ? "" : ";") + column.name;
  CHECK(csv.rfind("\xEF\xBB\xBF" + header + "\r\n", 0) == 0);
  for (std::size_t c = 0; c < sheet.columns.size(); ++c)
    if (sheet.columns[c].name == "Vastutaja") CHECK(row[c] == "Õie Mägi");
}
