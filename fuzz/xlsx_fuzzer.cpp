// libFuzzer entry for workbooks. A mutated zip mostly fails its checksum before any XML is
// parsed, so the first byte of the input says what the rest is:
//   0: a whole .xlsx file;
//   1: the sheet's XML, 2: the shared strings' XML, 3: the styles' XML, each zipped with the
//      other parts of a sound workbook, so the mutations reach the XML handlers. These parts
//      are stored, not deflated: zlib's set-up for each part would cost more than the parse.

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_limits.h"
#include "import/reader_fixtures.h"

namespace {

const std::string main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

const std::string sound_sheet =
    "<?xml version=\"1.0\"?><worksheet xmlns=\"" + main_ns +
    "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"1\">"
    "<v>46096.5</v></c></row></sheetData></worksheet>";
const std::string sound_strings =
    "<?xml version=\"1.0\"?><sst xmlns=\"" + main_ns + "\"><si><t>Šumanov</t></si></sst>";
const std::string sound_styles =
    "<?xml version=\"1.0\"?><styleSheet xmlns=\"" + main_ns +
    "\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"22\"/></cellXfs></styleSheet>";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 4) {
    case 0:
      raekoda::fuzz::read_every_row(rest);
      break;
    case 1:
      raekoda::fuzz::read_every_row(
          raekoda::testing::workbook_of(rest, sound_strings, sound_styles, false, false));
      break;
    case 2:
      raekoda::fuzz::read_every_row(
          raekoda::testing::workbook_of(sound_sheet, rest, sound_styles, false, false));
      break;
    default:
      raekoda::fuzz::read_every_row(
          raekoda::testing::workbook_of(sound_sheet, sound_strings, rest, false, false));
      break;
  }
  return 0;
}
