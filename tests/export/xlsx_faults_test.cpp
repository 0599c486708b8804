// The workbook under faults: a full disk, and cells that a spreadsheet would run as formulas.
#include <zip.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/file_size_limit.h"
#include "core/i18n.h"
#include "export/xlsx_table.h"
#include "import/row_reader.h"
#include "support/temp_dir.h"

using namespace raekoda;
using Kind = exports::SheetColumn::Kind;

namespace {

std::string sheet_xml(const std::filesystem::path& file) {
  int error = 0;
  zip_t* archive = zip_open(file.c_str(), ZIP_RDONLY, &error);
  REQUIRE(archive != nullptr);
  const char* name = "xl/worksheets/sheet1.xml";
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

std::string cell(const std::string& sheet, const std::string& reference) {
  std::smatch found;
  std::regex element("<c r=\"" + reference + "\"[^>]*(/>|>.*?</c>)");
  return std::regex_search(sheet, found, element) ? found.str() : "";
}

exports::SheetTable many_rows() {
  exports::SheetTable table;
  table.title_line = "Dokumendid";
  table.columns = {{"Pealkiri", Kind::text}, {"Päevi", Kind::integer}};
  for (int i = 0; i < 5000; ++i)
    table.rows.push_back({"Teabenõue number " + std::to_string(i * 7919), std::to_string(i)});
  return table;
}

}  // namespace

TEST_CASE("a workbook onto a full disk is refused and the earlier workbook stays as it was") {
  set_language(Language::et);
  testing::TempDir dir;
  std::filesystem::path file = dir / "tabel.xlsx";
  exports::write_xlsx_table(file, many_rows());
  std::string earlier = testing::read_file(file);
  REQUIRE(earlier.size() > 16384);

  exports::SheetTable changed = many_rows();
  changed.rows[0][0] = "muudetud";
  bool refused = false;
  {
    testing::FileSizeLimit full(8192);
    try {
      exports::write_xlsx_table(file, changed);
    } catch (const std::runtime_error& problem) {
      refused = true;
      INFO(problem.what());
      CHECK(std::string(problem.what()) == tr("file.error.incomplete"));
    }
  }
  CHECK(refused);
  CHECK(testing::read_file(file) == earlier);
  CHECK(testing::names_in(dir.path()) == std::vector<std::string>{"tabel.xlsx"});
}

TEST_CASE("cells that a spreadsheet would run as formulas are written as text") {
  testing::TempDir dir;
  std::filesystem::path file = dir / "saatjad.xlsx";
  exports::SheetTable table;
  table.title_line = "=HYPERLINK(\"http://example.com\";\"pealkiri\")";
  table.columns = {{"Saatja", Kind::text}, {"Summa", Kind::number}, {"Päevi", Kind::integer}};
  table.rows = {
      {"=HYPERLINK(\"http://example.com\";\"Mari\")", "-3,5", "-5"},
      {"+372 5123 4567", "=1+2", "@SUM(A1)"},
      {"-2+3", "", ""},
  };
  exports::write_xlsx_table(file, table);
  std::string sheet = sheet_xml(file);
  INFO(sheet);
  // No formula anywhere in the sheet: every such cell is an inline string.
  CHECK(sheet.find("<f>") == std::string::npos);
  CHECK(sheet.find("<f ") == std::string::npos);
  for (const char* text_cell : {"A1", "A3", "A4", "B4", "C4", "A5"})
    CHECK(cell(sheet, text_cell).find("t=\"inlineStr\"") != std::string::npos);
  CHECK(cell(sheet, "A3").find("=HYPERLINK(") != std::string::npos);
  CHECK(cell(sheet, "B4").find("=1+2") != std::string::npos);
  // A negative number in a number column stays a number a spreadsheet can sum.
  CHECK(std::regex_search(cell(sheet, "B3"), std::regex("^<c r=\"B3\"( s=\"\\d+\")?><v>-3.5</v>")));
  CHECK(std::regex_search(cell(sheet, "C3"), std::regex("^<c r=\"C3\"( s=\"\\d+\")?><v>-5</v>")));

  // Read back, the text is what the user typed: no apostrophe is added in a workbook.
  auto reader = import::open_rows(file);
  std::vector<import::RawRow> rows;
  import::RawRow row;
  while (reader->next(row)) rows.push_back(row);
  REQUIRE(rows.size() == 5);
  CHECK(rows[2].cells.at(0) == "=HYPERLINK(\"http://example.com\";\"Mari\")");
  CHECK(rows[3].cells.at(0) == "+372 5123 4567");
}
