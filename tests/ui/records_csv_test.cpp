#include <catch2/catch.hpp>

#include "core/i18n.h"
#include "ui/drilldown.h"

using namespace raekoda;

TEST_CASE("exported records are UTF-8 with BOM, ';'-separated, readable values", "[no-db]") {
  set_language(Language::et);
  ui::ReferenceLabels labels;
  labels.by_table["people"][7] = "Õie Mägi";
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
  ValidationContext context;
  context.today = *Date::parse_iso("2026-11-20");
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
