#pragma once
// Exports as the city's systems write them, made up by the tests (invented names, never real
// people): the readers' tests and the fuzzers' seeds both start from these bytes.

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace raekoda::testing {

// `utf8` in another encoding, by iconv ("WINDOWS-1257", "UTF-16LE"...).
std::string encoded(std::string_view utf8, const char* encoding);

// [SECTION] CSV
std::string glpi_csv();                // UTF-8 BOM, every value quoted, ';', a ';' after every line
std::string meltwater_text();          // UTF-16LE with BOM, TAB, two preamble lines
std::string facebook_csv();            // UTF-8 BOM, ',', captions over several lines, 19-digit ids
std::string ad_export_csv();           // PowerShell Export-Csv: "#TYPE ..." line, ','
std::string ad_export_culture_csv();   // Export-Csv -UseCulture under Estonian Windows: ';'
std::string delta_1257_csv();          // Windows-1257, ';', CRLF
std::string russian_1251_csv();        // Windows-1251
std::string utf16be_csv();             // UTF-16BE with BOM, ';'
std::string sep_line_csv();            // Excel's "sep=," first line
std::string cr_only_csv();             // old Mac line ends
std::vector<std::string> csv_seeds();  // all of the above

// [SECTION] XLSX
// A zip of the given parts, deflated (or stored), in memory.
std::string zip_of(const std::vector<std::pair<std::string, std::string>>& parts,
                   bool compress = true);
// The smallest workbook around one sheet's XML: [Content_Types], rels, workbook with one sheet
// "Leht1", and the given sharedStrings and styles (left out when empty).
std::string workbook_of(const std::string& sheet_xml, const std::string& shared_strings_xml = "",
                        const std::string& styles_xml = "", bool date1904 = false,
                        bool compress = true);
// Written by libxlsxwriter into `folder`: sheet "Dokumendid" (header; a row with a shared string
// with š ž and Cyrillic, a date, a date with time, a number, a gap, a boolean) and sheet
// "Meedia". With `inline_strings`, libxlsxwriter's constant-memory mode writes inline strings.
std::string xlsxwriter_workbook(const std::filesystem::path& folder, bool inline_strings = false);
std::string workbook_1904();
std::vector<std::string> xlsx_seeds(const std::filesystem::path& folder);

}  // namespace raekoda::testing
