#include <zip.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "export/xlsx_table.h"
#include "import/row_reader.h"
#include "support/temp_dir.h"

using namespace raekoda;
using Kind = exports::SheetColumn::Kind;

namespace {

// One part of the workbook, unpacked.
std::string part(const std::filesystem::path& file, const char* name) {
  int error = 0;
  zip_t* archive = zip_open(file.c_str(), ZIP_RDONLY, &error);
  REQUIRE(archive != nullptr);
  zip_stat_t stat;
  zip_stat_init(&stat);
  REQUIRE(zip_stat(archive, name, 0, &stat) == 0);
  std::string bytes(stat.size, '\0');
  zip_file_t* entry = zip_fopen(archive, name, 0);
  REQUIRE(entry != nullptr);
  CHECK(zip_fread(entry, bytes.data(), bytes.size()) == static_cast<zip_int64_t>(stat.size));
  zip_fclose(entry);
  zip_close(archive);
  return bytes;
}

// The cell's XML element, opening tag to closing, or "" when the sheet has no such cell.
std::string cell(const std::string& sheet, const std::string& reference) {
  std::smatch found;
  std::regex element("<c r=\"" + reference + "\"[^>]*(/>|>.*?</c>)");
  return std::regex_search(sheet, found, element) ? found.str() : "";
}

std::string repeated(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

exports::SheetTable sample() {
  exports::SheetTable table;
  table.title = "Tähtaeg ületatud";
  table.title_line = "Dokumendid · Tähtaeg ületatud · Vastutaja: Õie Mägi";
  table.columns = {
      {"Pealkiri", Kind::text}, {"Päevi", Kind::integer},           {"Tähtaeg", Kind::date},
      {"Vastatud", Kind::date}, {"Registreeritud", Kind::datetime}, {"Summa", Kind::number}};
  table.rows = {
      {"Õunapuu tänav – жалоба жильцов", "42", "2026-11-22", "", "2026-11-22 14:05", "12,5"},
      {repeated("õ", 5000), "x7", "2026-02-30", "", "", ""},
      {"Šveitsi", "-3", "1899-12-31"},  // a short row: the rest blank
  };
  return table;
}

}  // namespace

TEST_CASE("an exported sheet has its title, a bold frozen header with filters, typed cells") {
  testing::TempDir dir;
  std::filesystem::path file = dir / "tabel.xlsx";
  exports::write_xlsx_table(file, sample());
  REQUIRE(std::filesystem::exists(file));
  // Nothing is left beside it.
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                      std::filesystem::directory_iterator()) == 1);

  std::string sheet = part(file, "xl/worksheets/sheet1.xml");
  std::string styles = part(file, "xl/styles.xml");
  std::string workbook = part(file, "xl/workbook.xml");

  CHECK(workbook.find("<sheet name=\"Tähtaeg ületatud\"") != std::string::npos);
  // Title and header: text; the panes frozen under the header; the filter over header and rows.
  CHECK(cell(sheet, "A1").find("Dokumendid · Tähtaeg ületatud · Vastutaja: Õie Mägi") !=
        std::string::npos);
  CHECK(cell(sheet, "B2").find("Päevi") != std::string::npos);
  CHECK(cell(sheet, "F2").find("Summa") != std::string::npos);
  CHECK(std::regex_search(sheet, std::regex("<pane [^>]*ySplit=\"2\"[^>]*state=\"frozen\"")));
  CHECK(sheet.find("<autoFilter ref=\"A2:F5\"/>") != std::string::npos);
  // Bold for rows 1 and 2: their style is a font with <b/>.
  CHECK(styles.find("<b/>") != std::string::npos);

  // Numbers and dates are numbers (no t="..."), text is text.
  CHECK(cell(sheet, "A3").find("t=\"inlineStr\"") != std::string::npos);
  CHECK(cell(sheet, "A3").find("жалоба жильцов") != std::string::npos);
  CHECK(std::regex_search(cell(sheet, "B3"), std::regex("^<c r=\"B3\"( s=\"\\d+\")?><v>42</v>")));
  CHECK(std::regex_search(cell(sheet, "C3"), std::regex("^<c r=\"C3\" s=\"\\d+\"><v>46348</v>")));
  CHECK(cell(sheet, "D3").empty());  // an empty date is blank
  CHECK(std::regex_search(cell(sheet, "E3"), std::regex("<v>46348\\.58680555")));
  CHECK(cell(sheet, "F3").find("<v>12.5</v>") != std::string::npos);
  CHECK(styles.find("formatCode=\"dd.mm.yyyy\"") != std::string::npos);
  CHECK(styles.find("formatCode=\"dd.mm.yyyy hh:mm\"") != std::string::npos);
  // What is not of its column's kind stays as it was typed, as text.
  CHECK(cell(sheet, "B4").find("x7") != std::string::npos);
  CHECK(cell(sheet, "C4").find("2026-02-30") != std::string::npos);
  CHECK(cell(sheet, "B5").find("<v>-3</v>") != std::string::npos);
  CHECK(cell(sheet, "C5").find("1899-12-31") != std::string::npos);
  CHECK(cell(sheet, "D5").empty());

  // Widths by characters, not bytes: the 5000 "õ" cap at 60, "Päevi" and "x7" keep the least.
  CHECK(std::regex_search(sheet, std::regex("<col min=\"1\" max=\"1\" width=\"60\\.")));
  CHECK(std::regex_search(sheet, std::regex("<col min=\"2\" max=\"2\" width=\"8\\.")));
  CHECK(std::regex_search(sheet, std::regex("<col min=\"3\" max=\"3\" width=\"11\\.")));
}

TEST_CASE("the project's own reader reads an exported sheet back: rows, dates, long text") {
  testing::TempDir dir;
  std::filesystem::path file = dir / "tabel.xlsx";
  exports::write_xlsx_table(file, sample());
  auto reader = raekoda::import::open_rows(file);
  std::vector<raekoda::import::RawRow> rows;
  raekoda::import::RawRow row;
  while (reader->next(row)) rows.push_back(row);
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].cells.at(0) == "Dokumendid · Tähtaeg ületatud · Vastutaja: Õie Mägi");
  CHECK(rows[1].cells == std::vector<std::string>{"Pealkiri", "Päevi", "Tähtaeg", "Vastatud",
                                                  "Registreeritud", "Summa"});
  // The reader gives dates back as Raekoda stores them: the cells are dates to a spreadsheet.
  CHECK(rows[2].cells == std::vector<std::string>{"Õunapuu tänav – жалоба жильцов", "42",
                                                  "2026-11-22", "", "2026-11-22 14:05", "12.5"});
  CHECK(rows[3].cells.at(0) == repeated("õ", 5000));
  CHECK(rows[3].cells.at(1) == "x7");
}

TEST_CASE("a very long text is shortened to what a cell holds, not refused") {
  testing::TempDir dir;
  exports::SheetTable table;
  table.title_line = "Pikk";
  table.columns = {{"Märkused", Kind::text}};
  table.rows = {{repeated("ж", 40000)}};
  exports::write_xlsx_table(dir / "pikk.xlsx", table);
  auto reader = raekoda::import::open_rows(dir / "pikk.xlsx");
  raekoda::import::RawRow row;
  REQUIRE(reader->next(row));
  REQUIRE(reader->next(row));
  REQUIRE(reader->next(row));
  CHECK(row.cells.at(0) == repeated("ж", 32766) + "…");
}

TEST_CASE("an export into a folder that does not exist says so and writes nothing") {
  testing::TempDir dir;
  std::filesystem::path file = dir / "puudub" / "tabel.xlsx";
  CHECK_THROWS_WITH(exports::write_xlsx_table(file, sample()),
                    trf("export.error.no_folder", (dir / "puudub").string()));
  CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("an export that cannot be put in place leaves no half-written file") {
  testing::TempDir dir;
  // The name is taken by a folder with something in it: the finished workbook cannot replace it.
  std::filesystem::create_directory(dir / "tabel.xlsx");
  testing::write_file(dir / "tabel.xlsx" / "sees.txt", "x");
  CHECK_THROWS_AS(exports::write_xlsx_table(dir / "tabel.xlsx", sample()), std::runtime_error);
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    names.push_back(entry.path().filename().string());
  CHECK(names == std::vector<std::string>{"tabel.xlsx"});
}

TEST_CASE("sheet names keep to what Excel allows") {
  CHECK(exports::sheet_name("Dokumendid: [tähtaeg] ületatud?") == "Dokumendid tähtaeg ületatud");
  CHECK(exports::sheet_name("a/b\\c*d") == "abcd");
  CHECK(exports::sheet_name("'Vastamata'") == "Vastamata");
  CHECK(exports::sheet_name("") == "Sheet1");
  CHECK(exports::sheet_name("[]:*?") == "Sheet1");
  // 31 characters, not bytes.
  CHECK(exports::sheet_name(repeated("ж", 40)) == repeated("ж", 31));
}

TEST_CASE("column widths fit their longest text within bounds") {
  CHECK(exports::column_width(0) == 8);
  CHECK(exports::column_width(20) == 21);
  CHECK(exports::column_width(5000) == 60);
}
