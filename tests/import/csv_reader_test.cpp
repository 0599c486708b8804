#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "import/csv_reader.h"
#include "import/reader_fixtures.h"
#include "import/row_reader.h"
#include "support/temp_dir.h"

using namespace raekoda::import;
using raekoda::testing::encoded;
using Cells = std::vector<std::string>;

namespace {

std::vector<RawRow> all_rows(RowReader& reader) {
  std::vector<RawRow> rows;
  RawRow row;
  while (reader.next(row)) rows.push_back(row);
  return rows;
}

std::vector<RawRow> read_csv(std::string bytes, const ReadOptions& options = {},
                             const ReadLimits& limits = {}) {
  auto reader = open_rows_in_memory(std::move(bytes), options, limits);
  REQUIRE(reader->info().format == FileFormat::csv);
  return all_rows(*reader);
}

}  // namespace

// [SECTION] Sniffing

TEST_CASE("The separator is the one that splits the first lines alike", "[csv]") {
  CHECK(sniff_dialect("a;b;c\n1;2;3\n").separator == ';');
  CHECK(sniff_dialect("a,b,c\n1,2,3\n").separator == ',');
  CHECK(sniff_dialect("a\tb\n1\t2\n").separator == '\t');
  CHECK(sniff_dialect("a|b|c\n1|2|3\n").separator == '|');
  CHECK(sniff_dialect("just one column\nanother\n").separator == ';');
}

TEST_CASE("Separators inside quotes do not vote", "[csv]") {
  CHECK(sniff_dialect("\"a;b\",\"c;d\"\n\"1;2\",\"3;4\"\n").separator == ',');
  CHECK(sniff_dialect("\"Tere, linlased!\nHomme, jah\";x\n\"a, b, c\";y\n").separator == ';');
}

TEST_CASE("Decimal commas do not outvote the semicolon of an Estonian Excel file", "[csv]") {
  CHECK(sniff_dialect("Summa;Maks\n1,5;2,75\n10,25;0,5\n").separator == ';');
}

TEST_CASE("A report's preamble lines do not vote on the separator", "[csv]") {
  CHECK(sniff_dialect(
            "Meltwater eksport\nAjavahemik: 1. - 30. nov, 2026\nA\tB\tC\n1\t2\t3\n4\t5\t6\n")
            .separator == '\t');
}

TEST_CASE("A separator at the end of every line is GLPI's, not a column", "[csv]") {
  CHECK(sniff_dialect("\"a\";\"b\";\n\"1\";\"2\";\n").trailing_separator);
  CHECK_FALSE(sniff_dialect("a;b;\n1;2;3\n").trailing_separator);
  CHECK_FALSE(sniff_dialect("a;b\n1;2\n").trailing_separator);
}

TEST_CASE("A sep= line names the separator", "[csv]") {
  CHECK(separator_directive("sep=;") == ';');
  CHECK(separator_directive("SEP=,\r") == ',');
  CHECK(separator_directive("sep=\t") == '\t');
  CHECK_FALSE(separator_directive("sep=;;").has_value());
  CHECK_FALSE(separator_directive("Nimi;Linn").has_value());
}

// [SECTION] The systems' exports

TEST_CASE("GLPI: BOM, every value quoted, semicolons and one after every line", "[csv]") {
  auto reader = open_rows_in_memory(raekoda::testing::glpi_csv());
  CHECK(reader->info().had_bom);
  CHECK(reader->info().encoding == "UTF-8");
  CHECK(reader->info().separator == ';');
  const auto rows = all_rows(*reader);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].cells == Cells{"ID", "Nimi", "Olek", "Avatud", "Tehnik"});
  CHECK(rows[1].cells == Cells{"1042", "Printer ei tööta; paber kinni", "Uus", "03.11.2026 09:15",
                               "Šumanov Toomas"});
  CHECK(rows[2].cells ==
        Cells{"1043", "Võrguühendus \"kaob\"", "Lahendatud", "04.11.2026 14:02", ""});
  CHECK(rows[2].line == 3);
  CHECK_FALSE(rows[1].problem);
}

TEST_CASE("Meltwater: UTF-16LE with BOM, TAB, two preamble lines", "[csv]") {
  auto reader = open_rows_in_memory(raekoda::testing::meltwater_text());
  CHECK(reader->info().encoding == "UTF-16LE");
  CHECK(reader->info().had_bom);
  CHECK(reader->info().separator == '\t');
  const auto rows = all_rows(*reader);
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].cells == Cells{"Meltwater eksport"});
  CHECK(rows[2].line == 3);
  CHECK(rows[2].cells == Cells{"Kuupäev", "Pealkiri", "Väljaanne", "Tonaalsus", "Ulatus"});
  CHECK(rows[4].cells ==
        Cells{"05.11.2026", "Žukova: bussid hilinevad", "Делфи", "negatiivne", "12000"});
}

TEST_CASE("Facebook: captions over several lines inside quotes and 19-digit ids", "[csv]") {
  auto reader = open_rows_in_memory(raekoda::testing::facebook_csv());
  CHECK(reader->info().separator == ',');
  const auto rows = all_rows(*reader);
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].cells[0] == "1234567890123456789");
  CHECK(rows[1].cells[3] == "Tere, linlased!\nHomme on park suletud.\nVabandame.");
  CHECK(rows[1].cells[4] == "1520");
  CHECK(rows[1].line == 2);
  CHECK(rows[2].line == 5);  // the caption took lines 2 to 4
  CHECK(rows[2].cells[3] == "Lühike \"tsitaat\"");
}

TEST_CASE("Active Directory Export-Csv: the #TYPE line is a row of its own", "[csv]") {
  for (const std::string& file :
       {raekoda::testing::ad_export_csv(), raekoda::testing::ad_export_culture_csv()}) {
    auto reader = open_rows_in_memory(file);
    CHECK(reader->info().encoding == "UTF-8");
    CHECK_FALSE(reader->info().had_bom);
    const auto rows = all_rows(*reader);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].cells.size() == 1);
    CHECK(rows[0].cells[0].starts_with("#TYPE Selected.Microsoft"));
    CHECK(rows[1].cells == Cells{"Name", "SamAccountName", "Enabled", "LastLogonDate"});
    CHECK(rows[1].line == 2);
    CHECK(rows[3].cells == Cells{"Jaan Kask", "jkask", "False", ""});
  }
  CHECK(open_rows_in_memory(raekoda::testing::ad_export_csv())->info().separator == ',');
  CHECK(open_rows_in_memory(raekoda::testing::ad_export_culture_csv())->info().separator == ';');
}

TEST_CASE("A Windows-1257 file whose first 100 KB are ASCII is still read as Windows-1257",
          "[csv]") {
  std::string text = "Reg nr;Adressaat\r\n";
  for (int i = 0; text.size() < 100000; ++i) text += "7-1/" + std::to_string(i) + ";Tamm\r\n";
  text += "7-1/x;\xD0umanov\r\n";
  auto reader = open_rows_in_memory(text);
  CHECK(reader->info().encoding == "WINDOWS-1257");
  const auto rows = all_rows(*reader);
  CHECK(rows.back().cells == Cells{"7-1/x", "Šumanov"});
  CHECK_FALSE(rows.back().problem);
}

TEST_CASE("A Delta-like file in Windows-1257 keeps š, ž, õ and ä", "[csv]") {
  auto reader = open_rows_in_memory(raekoda::testing::delta_1257_csv());
  CHECK(reader->info().encoding == "WINDOWS-1257");
  const auto rows = all_rows(*reader);
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].cells[1] == "Kuupäev");
  CHECK(rows[1].cells[2] == "Šumanov");
  CHECK(rows[2].cells[2] == "Žukova");
  CHECK(rows[3].cells[2] == "Õunapuu");
  CHECK(rows[4].cells[2] == "Kääriäinen");
}

TEST_CASE("A file in Windows-1251 comes out in Cyrillic", "[csv]") {
  auto reader = open_rows_in_memory(raekoda::testing::russian_1251_csv());
  CHECK(reader->info().encoding == "WINDOWS-1251");
  const auto rows = all_rows(*reader);
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].cells == Cells{"Жуков", "Иван"});
  CHECK(rows[2].cells == Cells{"Щукина", "Ольга"});
}

TEST_CASE("A UTF-16BE file with BOM", "[csv]") {
  auto reader = open_rows_in_memory(raekoda::testing::utf16be_csv());
  CHECK(reader->info().encoding == "UTF-16BE");
  const auto rows = all_rows(*reader);
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].cells == Cells{"Šumanov", "Tallinn"});
  CHECK(rows[2].cells == Cells{"Жуков", "Нарва"});
}

TEST_CASE("UTF-16LE without a BOM is still read", "[csv]") {
  const auto rows = read_csv(encoded("Nimi;Linn\r\nŠumanov;Tallinn\r\n", "UTF-16LE"));
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].cells == Cells{"Šumanov", "Tallinn"});
}

TEST_CASE("Excel's sep= line is honoured and dropped, and counts as line 1", "[csv]") {
  auto reader = open_rows_in_memory(raekoda::testing::sep_line_csv());
  CHECK(reader->info().separator == ',');
  const auto rows = all_rows(*reader);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].cells == Cells{"Nimi", "Summa"});
  CHECK(rows[0].line == 2);
  CHECK(rows[1].cells == Cells{"Õunapuu", "1 200,50"});
}

TEST_CASE("CR-only line ends, with an empty line skipped but counted", "[csv]") {
  const auto rows = read_csv(raekoda::testing::cr_only_csv());
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].cells == Cells{"Mari", "Tartu"});
  CHECK(rows[2].cells == Cells{"Jaan", "Pärnu"});
  CHECK(rows[2].line == 4);
}

// [SECTION] Quotes, lines, spaces

TEST_CASE("Quotes hold separators, doubled quotes and line ends", "[csv]") {
  const auto rows =
      read_csv("a;b;c\r\n\"x;y\";\"he said \"\"hi\"\"\";\"two\r\nlines\"\r\nnext;1;2\r\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].cells == Cells{"x;y", "he said \"hi\"", "two\nlines"});
  CHECK(rows[2].line == 4);
}

TEST_CASE("Spaces around unquoted cells are kept for the mapping to trim", "[csv]") {
  const auto rows = read_csv("a;b\n  Mari ; Tartu\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].cells == Cells{"  Mari ", " Tartu"});
}

TEST_CASE("Spaces outside a quoted cell are layout", "[csv]") {
  const auto rows = read_csv("a, b\n\"Mari\" , \"Tartu, Eesti\"\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].cells == Cells{"Mari", "Tartu, Eesti"});
}

TEST_CASE("Empty lines are skipped and the line numbers still count them", "[csv]") {
  const auto rows = read_csv("a;b\n\n\r\n1;2\n;\n3;4");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].line == 4);
  CHECK(rows[2].line == 6);
  CHECK(rows[2].cells == Cells{"3", "4"});
}

TEST_CASE("A quote inside an unquoted cell is a character", "[csv]") {
  const auto rows = read_csv("Ekraan;Hind\n24\" monitor;150\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].cells == Cells{"24\" monitor", "150"});
}

TEST_CASE("A header only is one row", "[csv]") {
  const auto rows = read_csv("Nimi;Linn;Kuupäev\r\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].cells == Cells{"Nimi", "Linn", "Kuupäev"});
}

TEST_CASE("The user's choice of encoding and separator wins", "[csv]") {
  ReadOptions options;
  options.encoding = "WINDOWS-1257";
  options.separator = ',';
  auto reader = open_rows_in_memory("a;b,c\n\xD0u;1,2\n", options);
  CHECK(reader->info().separator == ',');
  CHECK(reader->info().encoding == "WINDOWS-1257");
  const auto rows = all_rows(*reader);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].cells == Cells{"Šu;1", "2"});
}

TEST_CASE("Characters cut between the pieces read are put together", "[csv]") {
  std::string text = "Nimi;Linn\r\n";
  for (int i = 0; i < 6000; ++i) text += "Šumanov;Žukova Õunapuu\r\n";
  for (const char* encoding : {"UTF-16LE", "WINDOWS-1257", "UTF-8"}) {
    auto reader = open_rows_in_memory(encoded(text, encoding));
    const auto rows = all_rows(*reader);
    REQUIRE(rows.size() == 6001);
    CHECK(rows.back().cells == Cells{"Šumanov", "Žukova Õunapuu"});
    CHECK(rows.back().line == 6001);
    for (const RawRow& row : rows) REQUIRE_FALSE(row.problem);
    CHECK(reader->progress() == Approx(1.0));
  }
}

// [SECTION] Damaged and hostile files

TEST_CASE("10 MB in one cell makes a problem row and the next row is still read", "[csv]") {
  std::string text = "a;b\n1;" + std::string(10 << 20, 'x') + "\n2;kaks\n";
  ReadLimits limits;
  const auto rows = read_csv(std::move(text), {}, limits);
  REQUIRE(rows.size() == 3);
  REQUIRE(rows[1].problem);
  CHECK(rows[1].cells[1].size() == limits.max_cell_bytes);
  CHECK_FALSE(rows[2].problem);
  CHECK(rows[2].cells == Cells{"2", "kaks"});
  CHECK(rows[2].line == 3);
}

TEST_CASE("5,000 columns make a problem row holding the first columns", "[csv]") {
  std::string wide;
  for (int i = 0; i < 5000; ++i) wide += "v;";
  wide += "v\n";
  const auto rows = read_csv("a;b\n" + wide + "1;2\n");
  REQUIRE(rows.size() == 3);
  REQUIRE(rows[1].problem);
  CHECK(rows[1].cells.size() == ReadLimits{}.max_columns);
  CHECK_FALSE(rows[2].problem);
}

TEST_CASE("A quote never closed is a problem row at the end of the file", "[csv]") {
  const auto rows = read_csv("a;b\n1;\"never closed\n2;3\n4;5\n");
  REQUIRE(rows.size() == 2);
  REQUIRE(rows[1].problem);
  CHECK(rows[1].line == 2);
  CHECK(rows[1].cells[1].starts_with("never closed\n2;3"));
}

TEST_CASE("A quote never closed stops at the row limit and reading goes on", "[csv]") {
  std::string text = "a;b\n1;\"never closed\n";
  for (int i = 0; i < 200; ++i) text += "filler line " + std::to_string(i) + "\n";
  text += "\"last\";\"row\"\n";
  ReadLimits limits;
  limits.max_row_bytes = 100;
  const auto rows = read_csv(text, {}, limits);
  REQUIRE(rows.size() >= 3);
  REQUIRE(rows[1].problem);
  CHECK(rows[1].line == 2);
  CHECK(rows.back().cells == Cells{"last", "row"});
}

TEST_CASE("A row not in UTF-8 in a UTF-8 file is marked and shown with U+FFFD", "[csv]") {
  const auto rows =
      read_csv("Nimi;Linn\nŠumanov;Pärnu\nK\xE4\xE4ri\xE4inen;V\xF5ru\nŽukova;Tartu\n");
  REQUIRE(rows.size() == 4);
  CHECK_FALSE(rows[1].problem);
  REQUIRE(rows[2].problem);
  CHECK(rows[2].cells[0] == "K\xEF\xBF\xBD\xEF\xBF\xBDri\xEF\xBF\xBDinen");
  CHECK_FALSE(rows[3].problem);
  CHECK(rows[3].cells[0] == "Žukova");
}

TEST_CASE("A stray zero byte marks its row and does not stop the file", "[csv]") {
  std::string text = "a;b\n";
  for (int i = 0; i < 2000; ++i) text += "rida;" + std::to_string(i) + "\n";
  text += std::string("x\0y;z\n", 6);
  text += "viimane;1\n";
  const auto rows = read_csv(text);
  REQUIRE(rows.size() == 2003);
  CHECK(rows[2001].problem);
  CHECK(rows[2001].cells[0] == "x\xEF\xBF\xBDy");
  CHECK(rows[2002].cells == Cells{"viimane", "1"});
}

TEST_CASE("Random binary is not a text table", "[csv]") {
  std::string bytes(4096, '\0');
  std::uint32_t state = 12345;
  for (char& byte : bytes) {
    state = state * 1103515245u + 12345u;
    byte = static_cast<char>(state >> 24);
  }
  bytes[0] = 'X';  // not a zip
  CHECK_THROWS_AS(open_rows_in_memory(bytes), ReadError);
  CHECK_THROWS_AS(open_rows_in_memory(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12)),
                  ReadError);  // an old .xls
}

TEST_CASE("An empty file is a ReadError", "[csv]") {
  CHECK_THROWS_AS(open_rows_in_memory(""), ReadError);
  CHECK_THROWS_AS(open_rows_in_memory("\xEF\xBB\xBF"), ReadError);
  raekoda::testing::TempDir folder;
  raekoda::testing::write_file(folder / "tuhi.csv", "");
  CHECK_THROWS_AS(open_rows(folder / "tuhi.csv"), ReadError);
}

TEST_CASE("A missing file or a folder is a ReadError", "[csv]") {
  raekoda::testing::TempDir folder;
  CHECK_THROWS_AS(open_rows(folder / "puudub.csv"), ReadError);
  CHECK_THROWS_AS(open_rows(folder.path()), ReadError);
}

TEST_CASE("A CSV file on disk is read like the same bytes in memory", "[csv]") {
  raekoda::testing::TempDir folder;
  raekoda::testing::write_file(folder / "delta.csv", raekoda::testing::delta_1257_csv());
  auto reader = open_rows(folder / "delta.csv");
  CHECK(reader->info().encoding == "WINDOWS-1257");
  const auto rows = all_rows(*reader);
  REQUIRE(rows.size() == 5);
  CHECK(rows[2].cells[2] == "Žukova");
  CHECK(reader->progress() == Approx(1.0));
}
