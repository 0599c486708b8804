#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <vector>

#include "core/i18n.h"
#include "core/number_format.h"
#include "core/plural.h"
#include "import/row_reader.h"
#include "support/dashboard_session.h"
#include "ui/drilldown.h"

using namespace raekoda;
TEST_CASE("the title line is the table's title, its chips and its search", "[no-db]") {
  set_language(Language::et);
  ui::TableState table;
  table.title = "Tähtaeg ületatud";
  table.query.filters.push_back({"answered_on", RecordFilter::Kind::is_null, {}, {}, "Vastamata"});
  table.query.filters.push_back(
      {"responder_id", RecordFilter::Kind::equals, "7", {}, "Vastutaja: Mari Maasikas"});
  CHECK(ui::table_title_line(table) == "Tähtaeg ületatud · Vastamata · Vastutaja: Mari Maasikas");
  table.query.search = "õun";
  CHECK(ui::table_title_line(table) ==
        "Tähtaeg ületatud · Vastamata · Vastutaja: Mari Maasikas · Otsing: õun");
}

TEST_CASE("the table's Excel button writes every row of the table as a workbook") {
  set_language(Language::et);
  testing::DashboardSession session;
  setenv("XDG_DOCUMENTS_DIR", session.dir.path().c_str(), 1);
  session.click("tile.deadlines");
  REQUIRE(session.ui().table);
  std::int64_t total = session.ui().table->total;
  REQUIRE(total > 0);
  std::string title_line = ui::table_title_line(*session.ui().table);
  session.click("records.export_xlsx");
  unsetenv("XDG_DOCUMENTS_DIR");

  std::vector<std::filesystem::path> workbooks;
  for (const auto& entry : std::filesystem::directory_iterator(session.dir.path()))
    if (entry.path().extension() == ".xlsx") workbooks.push_back(entry.path());
  REQUIRE(workbooks.size() == 1);
  CHECK(session.controller.session().notice ==
        trn("table.exported", total, format_count(total), workbooks[0].string()));

  auto reader = raekoda::import::open_rows(workbooks[0]);
  std::vector<raekoda::import::RawRow> rows;
  raekoda::import::RawRow row;
  while (reader->next(row)) rows.push_back(row);
  REQUIRE(rows.size() == static_cast<std::size_t>(total) + 2);
  CHECK(rows[0].cells.at(0) == title_line);
  CHECK(rows[1].cells.at(0) == "Registreerimisnumber");
  CHECK(rows[1].cells.at(1) == "Seis");
  // Registered on: a date cell, which the reader gives back as the database stores it.
  CHECK(Date::parse_iso(rows[2].cells.at(4)).has_value());
}

TEST_CASE("an Excel export that cannot be written says so and leaves nothing") {
  set_language(Language::et);
  testing::DashboardSession session;
  std::filesystem::path missing = session.dir / "puudub";
  setenv("XDG_DOCUMENTS_DIR", missing.c_str(), 1);
  session.click("tile.deadlines");
  REQUIRE(session.ui().table);
  ui::Actions actions;
  actions.export_xlsx = true;
  session.controller.carry_out(actions);
  unsetenv("XDG_DOCUMENTS_DIR");
  const std::string& notice = session.controller.session().notice;
  CHECK(notice.rfind("Faili " + missing.string(), 0) == 0);
  // Why, in the user's language: the folder is not there.
  CHECK(notice.find(trf("export.error.no_folder", missing.string())) != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(missing));
}
