#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "import/reader_fixtures.h"
#include "import/row_reader.h"
#include "import/xlsx_reader.h"
#include "support/temp_dir.h"

using namespace raekoda::import;
using raekoda::testing::workbook_of;
using Cells = std::vector<std::string>;

namespace {

const std::string main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

std::string sheet_of(const std::string& rows) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + main_ns +
         "\"><sheetData>" + rows + "</sheetData></worksheet>";
}

std::vector<RawRow> all_rows(RowReader& reader) {
  std::vector<RawRow> rows;
  RawRow row;
  while (reader.next(row)) rows.push_back(row);
  return rows;
}

std::vector<RawRow> read_xlsx(std::string bytes, const ReadOptions& options = {},
                              const ReadLimits& limits = {}) {
  auto reader = open_rows_in_memory(std::move(bytes), options, limits);
  REQUIRE(reader->info().format == FileFormat::xlsx);
  return all_rows(*reader);
}

// Reads every row, so a damaged part deep in the sheet is reached too.
void read_all(std::string bytes, const ReadLimits& limits = {}) {
  auto reader = open_rows_in_memory(std::move(bytes), {}, limits);
  all_rows(*reader);
}

}  // namespace

// [SECTION] Pure pieces

TEST_CASE("Column letters give the column's index", "[xlsx]") {
  CHECK(column_index("A1") == 0u);
  CHECK(column_index("Z9") == 25u);
  CHECK(column_index("AA1") == 26u);
  CHECK(column_index("AB12") == 27u);
  CHECK(column_index("XFD1048576") == 16383u);
  CHECK_FALSE(column_index("XFE1").has_value());
  CHECK_FALSE(column_index("AAAA1").has_value());
  CHECK_FALSE(column_index("12").has_value());
  CHECK_FALSE(column_index("A1B").has_value());
}

TEST_CASE("Built-in formats 14-22 and 45-47 show dates and times", "[xlsx]") {
  CHECK(builtin_date_format(14) == DateFormat::date);
  CHECK(builtin_date_format(17) == DateFormat::date);
  CHECK(builtin_date_format(18) == DateFormat::time);
  CHECK(builtin_date_format(22) == DateFormat::date_time);
  CHECK(builtin_date_format(46) == DateFormat::time);
  CHECK(builtin_date_format(0) == DateFormat::none);
  CHECK(builtin_date_format(4) == DateFormat::none);
  CHECK(builtin_date_format(49) == DateFormat::none);
}

TEST_CASE("Custom formats with d, m, y are dates, quoted text and colours do not count", "[xlsx]") {
  CHECK(custom_date_format("dd.mm.yyyy") == DateFormat::date);
  CHECK(custom_date_format("d\\.m\\.yyyy") == DateFormat::date);
  CHECK(custom_date_format("[$-425]dd\\.mm\\.yyyy") == DateFormat::date);
  CHECK(custom_date_format("mmm yyyy") == DateFormat::date);
  CHECK(custom_date_format("dd.mm.yyyy hh:mm") == DateFormat::date_time);
  CHECK(custom_date_format("m/d/yy h:mm AM/PM") == DateFormat::date_time);
  CHECK(custom_date_format("hh:mm:ss") == DateFormat::time);
  CHECK(custom_date_format("[h]:mm") == DateFormat::time);
  CHECK(custom_date_format("mm:ss") == DateFormat::time);
  CHECK(custom_date_format("#,##0.00\\ \"€\"") == DateFormat::none);
  CHECK(custom_date_format("0.00\" days\"") == DateFormat::none);
  CHECK(custom_date_format("[Red]#,##0") == DateFormat::none);
  CHECK(custom_date_format("General") == DateFormat::none);
  CHECK(custom_date_format("0.00E+00") == DateFormat::none);
  CHECK(custom_date_format("_-* #,##0\\ _€_-;\\-* #,##0\\ _€_-;_-* \"-\"\\ _€_-;_-@_-") ==
        DateFormat::none);
  CHECK(custom_date_format("\"Kuupäev:\" @") == DateFormat::none);
}

TEST_CASE("Date serials of the 1900 system keep Lotus's leap-year bug", "[xlsx]") {
  CHECK(excel_serial_to_text(1, false, DateFormat::date) == "1900-01-01");
  CHECK(excel_serial_to_text(59, false, DateFormat::date) == "1900-02-28");
  CHECK(excel_serial_to_text(60, false, DateFormat::date) == "1900-02-29");
  CHECK(excel_serial_to_text(61, false, DateFormat::date) == "1900-03-01");
  CHECK(excel_serial_to_text(45000, false, DateFormat::date) == "2023-03-15");
  CHECK(excel_serial_to_text(46096, false, DateFormat::date) == "2026-03-15");
  CHECK(excel_serial_to_text(2958465, false, DateFormat::date) == "9999-12-31");
  CHECK_FALSE(excel_serial_to_text(-1, false, DateFormat::date).has_value());
  CHECK_FALSE(excel_serial_to_text(2958466, false, DateFormat::date).has_value());
}

TEST_CASE("Date serials of the 1904 system count from the 1st of January 1904", "[xlsx]") {
  CHECK(excel_serial_to_text(0, true, DateFormat::date) == "1904-01-01");
  CHECK(excel_serial_to_text(44634, true, DateFormat::date) == "2026-03-15");
  CHECK(excel_serial_to_text(46096 - 1462, true, DateFormat::date) == "2026-03-15");
}

TEST_CASE("A time is written when the format or the fraction has one", "[xlsx]") {
  CHECK(excel_serial_to_text(46096.5, false, DateFormat::date) == "2026-03-15 12:00");
  CHECK(excel_serial_to_text(46096, false, DateFormat::date_time) == "2026-03-15 00:00");
  CHECK(excel_serial_to_text(46096.604166666664, false, DateFormat::date_time) ==
        "2026-03-15 14:30");
  CHECK(excel_serial_to_text(0.75, false, DateFormat::time) == "18:00");
  CHECK(excel_serial_to_text(46096.99999999, false, DateFormat::date) == "2026-03-16");
}

TEST_CASE("Numbers keep their text, whole numbers in E notation are written plainly", "[xlsx]") {
  CHECK(plain_number("1234.5") == "1234.5");
  CHECK(plain_number("12345678901234567890") == "12345678901234567890");
  CHECK(plain_number("1.2E+3") == "1200");
  CHECK(plain_number("1.23456789012E+11") == "123456789012");
  CHECK(plain_number("-4.5E+1") == "-45");
  CHECK(plain_number("3E0") == "3");
  CHECK(plain_number("1.5E+0") == "1.5E+0");
  CHECK(plain_number("1E-3") == "1E-3");
  CHECK(plain_number("1E+300") == "1E+300");
  CHECK(plain_number("0E+0") == "0");
  CHECK(plain_number("abcE5") == "abcE5");
}

// [SECTION] Workbooks written by libxlsxwriter

TEST_CASE("A workbook's first sheet is read by default, with dates, numbers and gaps", "[xlsx]") {
  raekoda::testing::TempDir folder;
  auto reader = open_rows_in_memory(raekoda::testing::xlsxwriter_workbook(folder.path()));
  CHECK(reader->info().format == FileFormat::xlsx);
  CHECK(reader->info().encoding == "UTF-8");
  CHECK(reader->info().sheets == Cells{"Dokumendid", "Meedia"});
  CHECK(reader->info().sheet == "Dokumendid");
  const auto rows = all_rows(*reader);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].line == 1);
  CHECK(rows[0].cells ==
        Cells{"Reg nr", "Adressaat", "Kuupäev", "Saabunud", "Summa", "", "Avalik", "Tähtaeg"});
  CHECK(rows[1].cells == Cells{"7-1/123", "Šumanov, Žukova ja Щукина", "2026-03-15",
                               "2026-11-02 14:30", "1234.5", "", "1", "2026-03-15"});
  CHECK(rows[2].line == 4);  // row 3 is empty
  CHECK(rows[2].cells == Cells{"7-1/124"});
  CHECK(reader->progress() == Approx(1.0));
}

TEST_CASE("A sheet is chosen by its name", "[xlsx]") {
  raekoda::testing::TempDir folder;
  ReadOptions options;
  options.sheet = "Meedia";
  auto reader = open_rows_in_memory(raekoda::testing::xlsxwriter_workbook(folder.path()), options);
  CHECK(reader->info().sheet == "Meedia");
  const auto rows = all_rows(*reader);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].cells == Cells{"Õunapuu avas pargi", "45000"});

  options.sheet = "Puudub";
  CHECK_THROWS_AS(
      open_rows_in_memory(raekoda::testing::xlsxwriter_workbook(folder.path()), options),
      ReadError);
}

TEST_CASE("Inline strings read like shared ones", "[xlsx]") {
  raekoda::testing::TempDir folder;
  const auto rows = read_xlsx(raekoda::testing::xlsxwriter_workbook(folder.path(), true));
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].cells[1] == "Šumanov, Žukova ja Щукина");
  CHECK(rows[1].cells[2] == "2026-03-15");
}

TEST_CASE("A workbook file on disk is read by its content", "[xlsx]") {
  raekoda::testing::TempDir folder;
  const std::string bytes = raekoda::testing::xlsxwriter_workbook(folder.path());
  raekoda::testing::write_file(folder / "named-like-text.csv", bytes);
  auto reader = open_rows(folder / "named-like-text.csv");
  CHECK(reader->info().format == FileFormat::xlsx);
  CHECK(all_rows(*reader).size() == 3);
}

// [SECTION] Workbooks written by hand

TEST_CASE("A date1904 workbook counts its dates from 1904", "[xlsx]") {
  const auto rows = read_xlsx(raekoda::testing::workbook_1904());
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].cells == Cells{"Kuupäev"});
  CHECK(rows[1].cells == Cells{"2026-03-15", "1904-01-01 12:00"});
}

TEST_CASE("Rich text runs are joined, phonetic guides, errors and trailing empty cells left out",
          "[xlsx]") {
  const std::string strings =
      "<?xml version=\"1.0\"?><sst xmlns=\"" + main_ns +
      "\"><si><r><rPr><b/></rPr><t>Šum</t></r><r><t xml:space=\"preserve\">anov </t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh></si><si><t>Щукина</t></si></sst>";
  const auto rows = read_xlsx(workbook_of(
      sheet_of("<row r=\"2\"><c r=\"B2\" t=\"s\"><v>0</v></c><c r=\"D2\" t=\"s\"><v>1</v></c>"
               "<c r=\"E2\" t=\"e\"><v>#N/A</v></c><c r=\"F2\" t=\"str\"><f>B2</f><v>valem</v></c>"
               "<c r=\"G2\"><v>1.2E+3</v></c><c r=\"H2\" t=\"b\"><v>0</v></c>"
               "<c r=\"I2\" s=\"0\"/><c r=\"J2\" t=\"d\"><v>2026-03-15T14:30:00</v></c>"
               "<c r=\"K2\" s=\"0\"/></row>"),
      strings));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].line == 2);
  CHECK(rows[0].cells ==
        Cells{"", "Šumanov ", "", "Щукина", "", "valem", "1200", "0", "", "2026-03-15 14:30"});
}

TEST_CASE("Cells without references follow one another", "[xlsx]") {
  const auto rows = read_xlsx(workbook_of(sheet_of(
      "<row><c t=\"inlineStr\"><is><t>a</t></is></c><c t=\"inlineStr\"><is><t>b</t></is></c>"
      "</row><row><c><v>1</v></c></row>")));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].cells == Cells{"a", "b"});
  CHECK(rows[1].line == 2);
}

TEST_CASE("A long number id is not turned into a double", "[xlsx]") {
  const auto rows = read_xlsx(workbook_of(sheet_of(
      "<row r=\"1\"><c r=\"A1\"><v>12345678901234567890</v></c><c r=\"B1\"><v>0.1</v></c></row>")));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].cells == Cells{"12345678901234567890", "0.1"});
}

TEST_CASE("A format with quoted d or y is not a date", "[xlsx]") {
  const std::string styles =
      "<?xml version=\"1.0\"?><styleSheet xmlns=\"" + main_ns +
      "\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"0&quot; days&quot;\"/></numFmts>"
      "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>";
  const auto rows = read_xlsx(
      workbook_of(sheet_of("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>45</v></c></row>"), "", styles));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].cells == Cells{"45"});
}

// [SECTION] Damaged and hostile workbooks

TEST_CASE("A workbook cut in half is a ReadError, not a crash", "[xlsx]") {
  raekoda::testing::TempDir folder;
  const std::string bytes = raekoda::testing::xlsxwriter_workbook(folder.path());
  CHECK_THROWS_AS(read_all(bytes.substr(0, bytes.size() / 2)), ReadError);
  raekoda::testing::write_file(folder / "poolik.xlsx", bytes.substr(0, bytes.size() / 2));
  CHECK_THROWS_AS(open_rows(folder / "poolik.xlsx"), ReadError);
}

TEST_CASE("A zip without a workbook is a ReadError", "[xlsx]") {
  CHECK_THROWS_AS(read_all(raekoda::testing::zip_of({{"readme.txt", "hello"}})), ReadError);
}

TEST_CASE("A zip bomb is refused by the unpacked-size limit", "[xlsx]") {
  const std::string bomb =
      sheet_of("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + std::string(4 << 20, ' '));
  ReadLimits limits;
  limits.max_unzipped_bytes = 1 << 20;
  CHECK_THROWS_AS(read_all(workbook_of(bomb), limits), ReadError);
  CHECK_NOTHROW(read_all(workbook_of(bomb)));
}

TEST_CASE("A part that packs too well is refused even within the size limit", "[xlsx]") {
  const std::string zeros = sheet_of(std::string(40 << 20, ' '));
  CHECK_THROWS_AS(read_all(workbook_of(zeros)), ReadError);
}

TEST_CASE("A zip whose headers lie about the unpacked size is refused", "[xlsx]") {
  const std::string sheet =
      sheet_of("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + std::string(2 << 20, ' '));
  std::string bytes = workbook_of(sheet);
  // Write a small uncompressed size into every header of the sheet's entry: the central
  // directory (offset 24 from its signature) and the local header (offset 22).
  const std::string name = "xl/worksheets/sheet1.xml";
  for (std::size_t at = bytes.find(name); at != std::string::npos; at = bytes.find(name, at + 1)) {
    const std::size_t local = bytes.rfind("PK\x03\x04", at);
    const std::size_t central = bytes.rfind("PK\x01\x02", at);
    if (central != std::string::npos && at - central == 46) {
      bytes[central + 24] = 100, bytes[central + 25] = 0, bytes[central + 26] = 0,
                      bytes[central + 27] = 0;
    } else if (local != std::string::npos && at - local == 30) {
      bytes[local + 22] = 100, bytes[local + 23] = 0, bytes[local + 24] = 0, bytes[local + 25] = 0;
    }
  }
  CHECK_THROWS_AS(read_all(bytes), ReadError);
}

TEST_CASE("A DOCTYPE with entities is refused", "[xlsx]") {
  const std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
      "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
      "<worksheet xmlns=\"" +
      main_ns +
      "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol2;</t></is></c></row>"
      "</sheetData></worksheet>";
  CHECK_THROWS_AS(read_all(workbook_of(laughs)), ReadError);
  const std::string external =
      "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
      "<sst xmlns=\"" +
      main_ns + "\"><si><t>&x;</t></si></sst>";
  CHECK_THROWS_AS(read_all(workbook_of(
                      sheet_of("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"), external)),
                  ReadError);
}

TEST_CASE("Broken XML in the sheet is a ReadError", "[xlsx]") {
  CHECK_THROWS_AS(read_all(workbook_of(sheet_of("<row r=\"1\"><c r=\"A1\"><v>1</c></row>"))),
                  ReadError);
}

TEST_CASE("A cell over the limit makes a problem row and the next row is still read", "[xlsx]") {
  ReadLimits limits;
  limits.max_cell_bytes = 1000;
  const auto rows = read_xlsx(
      workbook_of(
          sheet_of("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + std::string(5000, 'x') +
                   "</t></is></c></row>"
                   "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>ok</t></is></c></row>")),
      {}, limits);
  REQUIRE(rows.size() == 2);
  REQUIRE(rows[0].problem);
  CHECK(rows[0].cells[0].size() == 1000);
  CHECK_FALSE(rows[1].problem);
  CHECK(rows[1].cells == Cells{"ok"});
}

TEST_CASE("A cell beyond the column limit makes a problem row", "[xlsx]") {
  ReadLimits limits;
  limits.max_columns = 10;
  const auto rows = read_xlsx(
      workbook_of(sheet_of("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"Z1\"><v>2</v></c></row>"
                           "<row r=\"2\"><c r=\"J2\"><v>3</v></c></row>")),
      {}, limits);
  REQUIRE(rows.size() == 2);
  REQUIRE(rows[0].problem);
  CHECK(rows[0].cells == Cells{"1"});
  CHECK_FALSE(rows[1].problem);
  CHECK(rows[1].cells.size() == 10);
}

TEST_CASE("Shared strings beyond their limit are a ReadError", "[xlsx]") {
  std::string strings = "<?xml version=\"1.0\"?><sst xmlns=\"" + main_ns + "\">";
  for (int i = 0; i < 2000; ++i) strings += "<si><t>" + std::string(100, 'a') + "</t></si>";
  strings += "</sst>";
  ReadLimits limits;
  limits.max_shared_string_bytes = 100000;
  CHECK_THROWS_AS(
      read_all(
          workbook_of(sheet_of("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"), strings),
          limits),
      ReadError);
}
