// A short deterministic fuzz run inside the unit tests: the seeds of the real fuzzers (fuzz/),
// flipped, cut and spliced. Whatever the bytes, a reader ends and throws nothing but ReadError.

#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "import/reader_fixtures.h"
#include "import/row_reader.h"
#include "support/temp_dir.h"

using namespace raekoda::import;

namespace {

// Small limits keep each input fast and reach the limits' code paths.
ReadLimits fuzz_limits() {
  ReadLimits limits;
  limits.max_cell_bytes = 512;
  limits.max_columns = 64;
  limits.max_row_bytes = 4096;
  limits.max_unzipped_bytes = 4 << 20;
  limits.max_shared_string_bytes = 1 << 20;
  return limits;
}

// Reads every row; returns the rows read, or -1 when the file was refused.
long read_everything(std::string bytes) {
  try {
    auto reader = open_rows_in_memory(std::move(bytes), {}, fuzz_limits());
    RawRow row;
    long rows = 0;
    while (reader->next(row)) {
      for (const std::string& cell : row.cells) REQUIRE(cell.size() <= 512);
      REQUIRE(row.cells.size() <= 64);
      ++rows;
    }
    const double progress = reader->progress();
    REQUIRE(progress >= 0.0);
    REQUIRE(progress <= 1.0);
    return rows;
  } catch (const ReadError&) {
    return -1;
  }
}

std::string mutate(const std::string& seed, const std::string& other, std::mt19937& random) {
  std::string bytes = seed;
  auto pick = [&](std::size_t n) {
    return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
  };
  switch (pick(5)) {
    case 0:  // flip bits
      for (std::size_t k = 0, flips = 1 + pick(8); k < flips && !bytes.empty(); ++k)
        bytes[pick(bytes.size())] ^= static_cast<char>(1 << pick(8));
      break;
    case 1:  // cut
      bytes.resize(pick(bytes.size() + 1));
      break;
    case 2: {  // splice another seed's tail into this one
      const std::size_t at = pick(bytes.size() + 1);
      bytes = bytes.substr(0, at) + other.substr(pick(other.size() + 1));
      break;
    }
    case 3: {  // write a byte the parsers care about
      static const char special[] = {'"', ';', ',',  '\t',   '\n',   '\r',  '<',
                                     '>', '&', '\0', '\xFF', '\xFE', '\xEF'};
      for (std::size_t k = 0, writes = 1 + pick(4); k < writes && !bytes.empty(); ++k)
        bytes[pick(bytes.size())] = special[pick(sizeof special)];
      break;
    }
    default: {  // repeat a piece
      const std::size_t at = pick(bytes.size() + 1);
      const std::string piece = bytes.substr(at, pick(64));
      for (std::size_t k = 0, times = 1 + pick(50); k < times; ++k) bytes.insert(at, piece);
      break;
    }
  }
  return bytes;
}

}  // namespace

TEST_CASE("Mutated CSV exports end with rows or a ReadError, never anything else", "[fuzz]") {
  const std::vector<std::string> seeds = raekoda::testing::csv_seeds();
  for (const std::string& seed : seeds) CHECK(read_everything(seed) > 0);
  std::mt19937 random(20261201);
  for (int i = 0; i < 3000; ++i) {
    const std::string& seed = seeds[i % seeds.size()];
    const std::string& other = seeds[(i / seeds.size() + 3) % seeds.size()];
    read_everything(mutate(seed, other, random));
  }
}

TEST_CASE("Mutated workbooks end with rows or a ReadError, never anything else", "[fuzz]") {
  raekoda::testing::TempDir folder;
  const std::vector<std::string> seeds = raekoda::testing::xlsx_seeds(folder.path());
  for (const std::string& seed : seeds) CHECK(read_everything(seed) > 0);
  std::mt19937 random(19041900);
  for (int i = 0; i < 2000; ++i) {
    const std::string& seed = seeds[i % seeds.size()];
    const std::string& other = seeds[(i + 1) % seeds.size()];
    read_everything(mutate(seed, other, random));
  }
}

TEST_CASE("Mutated sheet XML inside a sound zip ends with rows or a ReadError", "[fuzz]") {
  // A mutated zip mostly fails its checksum; mutating the XML before zipping reaches the parser.
  const std::string sheet =
      "<?xml version=\"1.0\"?><worksheet "
      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"inlineStr\"><is><t>Žukova</t>"
      "</is></c><c r=\"D1\" s=\"1\"><v>46096.5</v></c><c r=\"E1\" t=\"b\"><v>1</v></c></row>"
      "<row r=\"3\"><c r=\"AB3\"><v>1.2E+3</v></c><c r=\"B3\" t=\"e\"><v>#N/A</v></c></row>"
      "</sheetData></worksheet>";
  const std::string strings =
      "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
      "main\"><si><r><t>Šum</t></r><r><t>anov</t></r></si></sst>";
  const std::string styles =
      "<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/"
      "spreadsheetml/2006/main\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"dd.mm.yyyy "
      "hh:mm\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs>"
      "</styleSheet>";
  CHECK(read_everything(raekoda::testing::workbook_of(sheet, strings, styles)) == 2);
  std::mt19937 random(1257);
  for (int i = 0; i < 1500; ++i) {
    std::string mutated_sheet = sheet, mutated_strings = strings, mutated_styles = styles;
    switch (i % 3) {
      case 0:
        mutated_sheet = mutate(sheet, strings, random);
        break;
      case 1:
        mutated_strings = mutate(strings, sheet, random);
        break;
      default:
        mutated_styles = mutate(styles, sheet, random);
        break;
    }
    read_everything(raekoda::testing::workbook_of(mutated_sheet, mutated_strings, mutated_styles));
  }
}
