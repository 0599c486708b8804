#include "import/reader_fixtures.h"

#include <cerrno>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>

#include <iconv.h>
#include <xlsxwriter.h>
#include <zip.h>

namespace raekoda::testing {

std::string encoded(std::string_view utf8, const char* encoding) {
  iconv_t descriptor = iconv_open(encoding, "UTF-8");
  if (descriptor == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("no such encoding");
  std::string out(utf8.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size(), out_left = out.size();
  char* write = out.data();
  const std::size_t result = iconv(descriptor, &in, &in_left, &write, &out_left);
  iconv_close(descriptor);
  if (result == static_cast<std::size_t>(-1)) throw std::runtime_error("not encodable");
  out.resize(out.size() - out_left);
  return out;
}

// [SECTION] CSV

std::string glpi_csv() {
  return "\xEF\xBB\xBF"
         "\"ID\";\"Nimi\";\"Olek\";\"Avatud\";\"Tehnik\";\r\n"
         "\"1042\";\"Printer ei tööta; paber kinni\";\"Uus\";\"03.11.2026 09:15\";\"Šumanov "
         "Toomas\";\r\n"
         "\"1043\";\"Võrguühendus \"\"kaob\"\"\";\"Lahendatud\";\"04.11.2026 14:02\";\"\";\r\n";
}

std::string meltwater_text() {
  const std::string text =
      "Meltwater eksport\r\n"
      "Ajavahemik: 01.11.2026 - 30.11.2026\r\n"
      "Kuupäev\tPealkiri\tVäljaanne\tTonaalsus\tUlatus\r\n"
      "02.11.2026\tLinnavalitsus avas uue pargi\tEesti Päevaleht\tpositiivne\t45000\r\n"
      "05.11.2026\tŽukova: bussid hilinevad\tДелфи\tnegatiivne\t12000\r\n";
  return "\xFF\xFE" + encoded(text, "UTF-16LE");
}

std::string facebook_csv() {
  return "\xEF\xBB\xBF"
         "Post ID,Page name,Publish time,Description,Reach\n"
         "1234567890123456789,Linnavalitsus,2026-11-02 10:00,\"Tere, linlased!\n"
         "Homme on park suletud.\n"
         "Vabandame.\",1520\n"
         "1234567890123456790,Linnavalitsus,2026-11-03 12:30,\"Lühike \"\"tsitaat\"\"\",880\n";
}

std::string ad_export_csv() {
  return "#TYPE Selected.Microsoft.ActiveDirectory.Management.ADUser\r\n"
         "\"Name\",\"SamAccountName\",\"Enabled\",\"LastLogonDate\"\r\n"
         "\"Mari Tamm\",\"mtamm\",\"True\",\"11/02/2026 08:14:00\"\r\n"
         "\"Jaan Kask\",\"jkask\",\"False\",\"\"\r\n";
}

std::string ad_export_culture_csv() {
  return "#TYPE Selected.Microsoft.ActiveDirectory.Management.ADUser\r\n"
         "\"Name\";\"SamAccountName\";\"Enabled\";\"LastLogonDate\"\r\n"
         "\"Mari Tamm\";\"mtamm\";\"True\";\"02.11.2026 8:14:00\"\r\n"
         "\"Jaan Kask\";\"jkask\";\"False\";\"\"\r\n";
}

std::string delta_1257_csv() {
  return encoded(
      "Reg nr;Kuupäev;Adressaat;Pealkiri\r\n"
      "7-1/123;02.11.2026;Šumanov;Ettepanek\r\n"
      "7-1/124;03.11.2026;Žukova;Taotlus\r\n"
      "7-1/125;04.11.2026;Õunapuu;Märgukiri\r\n"
      "7-1/126;05.11.2026;Kääriäinen;Selgitustaotlus\r\n",
      "WINDOWS-1257");
}

std::string russian_1251_csv() {
  return encoded(
      "Фамилия;Имя\r\n"
      "Жуков;Иван\r\n"
      "Щукина;Ольга\r\n",
      "WINDOWS-1251");
}

std::string utf16be_csv() {
  return "\xFE\xFF" + encoded("Nimi;Linn\nŠumanov;Tallinn\nЖуков;Нарва\n", "UTF-16BE");
}

std::string sep_line_csv() {
  return "sep=,\r\nNimi,Summa\r\nÕunapuu,\"1 200,50\"\r\n";
}

std::string cr_only_csv() {
  return "Nimi;Linn\rMari;Tartu\r\rJaan;Pärnu\r";
}

std::vector<std::string> csv_seeds() {
  return {glpi_csv(),         meltwater_text(),        facebook_csv(),
          ad_export_csv(),    ad_export_culture_csv(), delta_1257_csv(),
          russian_1251_csv(), utf16be_csv(),           sep_line_csv(),
          cr_only_csv()};
}

// [SECTION] XLSX

std::string zip_of(const std::vector<std::pair<std::string, std::string>>& parts, bool compress) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) throw std::runtime_error("zip buffer");
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error("zip open");
  for (const auto& [name, data] : parts) {
    zip_source_t* part = zip_source_buffer(archive, data.data(), data.size(), 0);
    const zip_int64_t index = zip_file_add(archive, name.c_str(), part, ZIP_FL_OVERWRITE);
    if (index < 0) throw std::runtime_error("zip add");
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                             compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip close");
  std::string bytes;
  if (zip_source_open(buffer) == 0) {
    zip_source_seek(buffer, 0, SEEK_END);
    const zip_int64_t size = zip_source_tell(buffer);
    zip_source_seek(buffer, 0, SEEK_SET);
    bytes.resize(static_cast<std::size_t>(size));
    zip_source_read(buffer, bytes.data(), bytes.size());
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

std::string workbook_of(const std::string& sheet_xml, const std::string& shared_strings_xml,
                        const std::string& styles_xml, bool date1904, bool compress) {
  const std::string ns = "http://schemas.openxmlformats.org/";
  std::string relationships =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<Relationships xmlns=\"" +
      ns +
      "package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"" +
      ns +
      "officeDocument/2006/relationships/worksheet\" "
      "Target=\"worksheets/sheet1.xml\"/>";
  if (!shared_strings_xml.empty())
    relationships += "<Relationship Id=\"rId2\" Type=\"" + ns +
                     "officeDocument/2006/relationships/sharedStrings\" "
                     "Target=\"sharedStrings.xml\"/>";
  if (!styles_xml.empty())
    relationships += "<Relationship Id=\"rId3\" Type=\"" + ns +
                     "officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>";
  relationships += "</Relationships>";
  std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
       "xmlns=\"" +
           ns + "package/2006/content-types\"/>"},
      {"_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + ns +
                          "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + ns +
                          "officeDocument/2006/relationships/officeDocument\" "
                          "Target=\"xl/workbook.xml\"/></Relationships>"},
      {"xl/workbook.xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + ns +
           "spreadsheetml/2006/main\" xmlns:r=\"" + ns +
           "officeDocument/2006/relationships\"><workbookPr" + (date1904 ? " date1904=\"1\"" : "") +
           "/><sheets><sheet name=\"Leht1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels", relationships},
      {"xl/worksheets/sheet1.xml", sheet_xml}};
  if (!shared_strings_xml.empty()) parts.emplace_back("xl/sharedStrings.xml", shared_strings_xml);
  if (!styles_xml.empty()) parts.emplace_back("xl/styles.xml", styles_xml);
  return zip_of(parts, compress);
}

std::string xlsxwriter_workbook(const std::filesystem::path& folder, bool inline_strings) {
  const std::filesystem::path file =
      folder / (inline_strings ? "kirjad_inline.xlsx" : "kirjad.xlsx");
  lxw_workbook_options options = {};
  options.constant_memory = inline_strings ? LXW_TRUE : LXW_FALSE;
  const std::string tmpdir = folder.string();
  options.tmpdir = const_cast<char*>(tmpdir.c_str());
  lxw_workbook* workbook = workbook_new_opt(file.c_str(), &options);
  lxw_format* date = workbook_add_format(workbook);
  format_set_num_format(date, "dd.mm.yyyy");
  lxw_format* date_time = workbook_add_format(workbook);
  format_set_num_format(date_time, "dd.mm.yyyy hh:mm");
  lxw_format* builtin_date = workbook_add_format(workbook);
  format_set_num_format_index(builtin_date, 14);
  lxw_format* money = workbook_add_format(workbook);
  format_set_num_format(money, "#,##0.00\\ \"€\"");

  lxw_worksheet* documents = workbook_add_worksheet(workbook, "Dokumendid");
  const char* header[] = {"Reg nr", "Adressaat", "Kuupäev", "Saabunud",
                          "Summa",  "",          "Avalik",  "Tähtaeg"};
  for (lxw_col_t column = 0; column < 8; ++column)
    if (*header[column]) worksheet_write_string(documents, 0, column, header[column], nullptr);
  worksheet_write_string(documents, 1, 0, "7-1/123", nullptr);
  worksheet_write_string(documents, 1, 1, "Šumanov, Žukova ja Щукина", nullptr);
  lxw_datetime day = {2026, 3, 15, 0, 0, 0};
  worksheet_write_datetime(documents, 1, 2, &day, date);
  lxw_datetime moment = {2026, 11, 2, 14, 30, 0};
  worksheet_write_datetime(documents, 1, 3, &moment, date_time);
  worksheet_write_number(documents, 1, 4, 1234.5, money);
  // column F (5) left empty: a gap
  worksheet_write_boolean(documents, 1, 6, 1, nullptr);
  worksheet_write_number(documents, 1, 7, 46096, builtin_date);
  // row 3 left empty; row 4 has one cell
  worksheet_write_string(documents, 3, 0, "7-1/124", nullptr);

  lxw_worksheet* media = workbook_add_worksheet(workbook, "Meedia");
  worksheet_write_string(media, 0, 0, "Pealkiri", nullptr);
  worksheet_write_string(media, 1, 0, "Õunapuu avas pargi", nullptr);
  worksheet_write_number(media, 1, 1, 45000, nullptr);
  if (workbook_close(workbook) != LXW_NO_ERROR) throw std::runtime_error("xlsxwriter failed");

  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string workbook_1904() {
  const std::string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const std::string styles =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + main +
      "\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"d\\.m\\.yyyy\"/></numFmts>"
      "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\" applyNumberFormat=\"1\"/>"
      "<xf numFmtId=\"22\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>";
  // 44634 days after 1904-01-01 is 2026-03-15.
  const std::string sheet =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + main +
      "\"><sheetData>"
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Kuupäev</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>44634</v></c><c r=\"B2\" s=\"2\"><v>0.5</v></c></row>"
      "</sheetData></worksheet>";
  return workbook_of(sheet, "", styles, true);
}

std::vector<std::string> xlsx_seeds(const std::filesystem::path& folder) {
  const std::string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const std::string rich =
      "<?xml version=\"1.0\"?><sst xmlns=\"" + main +
      "\"><si><r><rPr><b/></rPr><t>Šum</t></r><r><t xml:space=\"preserve\">anov </t></r>"
      "<rPh><t>ignored</t></rPh></si><si><t>Жуков</t></si></sst>";
  const std::string sheet = "<?xml version=\"1.0\"?><worksheet xmlns=\"" + main +
                            "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
                            "<c r=\"C1\" t=\"s\"><v>1</v></c><c r=\"D1\" t=\"e\"><v>#N/A</v></c>"
                            "<c r=\"E1\" t=\"str\"><f>A1</f><v>x</v></c>"
                            "<c r=\"F1\"><v>1.2E+3</v></c></row></sheetData></worksheet>";
  return {xlsxwriter_workbook(folder), xlsxwriter_workbook(folder, true), workbook_1904(),
          workbook_of(sheet, rich)};
}

}  // namespace raekoda::testing
