#include <string>

#include <catch2/catch.hpp>

#include "import/charset.h"
#include "import/row_reader.h"

using namespace raekoda::import;

namespace {

// The names as Windows-1257 writes them, byte by byte: Š=0xD0, Ž=0xDE, Õ=0xD5, ä=0xE4.
const std::string estonian_1257 =
    "Nimi;Linn\r\n"
    "\xD0umanov;Tallinn\r\n"
    "\xDEukova;Tartu\r\n"
    "\xD5unapuu;P\xE4rnu\r\n"
    "K\xE4\xE4ri\xE4inen;V\xF5ru\r\n";

// Ж=0xC6 у=0xF3 к=0xEA о=0xEE в=0xE2; Щ=0xD9 и=0xE8 н=0xED а=0xE0 in Windows-1251.
const std::string russian_1251 = "\xC6\xF3\xEA\xEE\xE2;\xD9\xF3\xEA\xE8\xED\xE0\r\n";

}  // namespace

TEST_CASE("A byte order mark tells UTF-8, UTF-16LE and UTF-16BE", "[charset]") {
  CHECK(detect_bom("\xEF\xBB\xBFNimi")->encoding == "UTF-8");
  CHECK(detect_bom("\xEF\xBB\xBFNimi")->length == 3);
  CHECK(detect_bom(std::string_view("\xFF\xFEN\0", 4))->encoding == "UTF-16LE");
  CHECK(detect_bom("\xFE\xFF\0N")->encoding == "UTF-16BE");
  CHECK_FALSE(detect_bom("Nimi").has_value());
  CHECK_FALSE(detect_bom("").has_value());
}

TEST_CASE("Pure ASCII and valid UTF-8 are read as UTF-8", "[charset]") {
  CHECK(detect_encoding("Name;City\r\nMari;Tartu\r\n", true) == "UTF-8");
  CHECK(detect_encoding("Nimi;Linn\nŠumanov;Pärnu\nЖуков;Нарва\n", true) == "UTF-8");
}

TEST_CASE("A UTF-8 sample cut inside a character is not called invalid", "[charset]") {
  const std::string text = "Kääriäinen";
  const std::string cut = text.substr(0, 2);  // "K" and the first byte of "ä"
  CHECK(is_valid_utf8(cut, /*complete=*/false));
  CHECK_FALSE(is_valid_utf8(cut, /*complete=*/true));
  CHECK(detect_encoding("Nimi\n" + cut, /*complete=*/false) == "UTF-8");
  // A byte that cannot start or continue a character is invalid wherever it is.
  CHECK_FALSE(is_valid_utf8("K\xE4\xE4ri", false));
  CHECK_FALSE(is_valid_utf8("\xC0\x80", true));      // overlong
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80", true));  // a surrogate
  CHECK(is_valid_utf8("\xF0\x9F\x98\x80", true));    // an emoji
}

TEST_CASE("Estonian names in Windows-1257 are detected and come out right", "[charset]") {
  REQUIRE(detect_encoding(estonian_1257, true) == "WINDOWS-1257");
  const std::string text = to_utf8(estonian_1257, "WINDOWS-1257");
  CHECK(text.find("Šumanov") != std::string::npos);
  CHECK(text.find("Žukova") != std::string::npos);
  CHECK(text.find("Õunapuu") != std::string::npos);
  CHECK(text.find("Kääriäinen") != std::string::npos);
}

TEST_CASE("Estonian text with only õ ä ö ü is read as Windows-1257 where uchardet says Latin-1",
          "[charset]") {
  const std::string text = "\xD5unapuu;K\xE4\xE4ri\xE4inen;P\xE4rnu;V\xF5ru;\xDClle\n";
  CHECK(looks_estonian_windows_1257(text));
  CHECK(detect_encoding(text, true) == "WINDOWS-1257");
}

TEST_CASE("Š and Ž count as Estonian only next to letters", "[charset]") {
  CHECK(looks_estonian_windows_1257("\xD0umanov"));
  CHECK(looks_estonian_windows_1257("Ko\xFE"));
  CHECK_FALSE(looks_estonian_windows_1257("1 \xF0 2"));
  CHECK_FALSE(looks_estonian_windows_1257("Fran\xE7oise"));  // ç: a real Latin-1 letter
  CHECK_FALSE(looks_estonian_windows_1257("plain ASCII"));
}

TEST_CASE("A Latin-1 text with French letters is not taken for Estonian", "[charset]") {
  const std::string french =
      "Nom;Ville\n\xC9lodie Fran\xE7oise;Gen\xE8ve\nJos\xE9 Mu\xF1oz;Par\xEEs\n";
  CHECK(detect_encoding(french, true) != "WINDOWS-1257");
}

TEST_CASE("Russian names in Windows-1251 are detected and come out right", "[charset]") {
  REQUIRE(detect_encoding(russian_1251, true) == "WINDOWS-1251");
  CHECK(to_utf8(russian_1251, "WINDOWS-1251") == "Жуков;Щукина\r\n");
}

TEST_CASE("uchardet's names become names iconv opens", "[charset]") {
  CHECK(iconv_name_for("ASCII") == "UTF-8");
  CHECK(iconv_name_for("WINDOWS-1257") == "WINDOWS-1257");
  CHECK(iconv_name_for("windows-1251") == "WINDOWS-1251");
  CHECK(iconv_name_for("MAC-CYRILLIC") == "MAC-CYRILLIC");
  CHECK(iconv_name_for("UTF-16") == "UTF-16LE");
  CHECK(iconv_name_for("").empty());
  CHECK(iconv_name_for("NO-SUCH-CHARSET").empty());
}

TEST_CASE("Conversion piece by piece completes characters cut at a piece's end", "[charset]") {
  const std::string utf16 = std::string("\x60\x01u\0m\0", 6) + std::string("\x16\x04", 2);  // Šum Ж
  Utf8Converter converter("UTF-16LE");
  std::string out;
  for (char byte : utf16) converter.convert(std::string_view(&byte, 1), out, false);
  converter.convert({}, out, true);
  CHECK(out == "ŠumЖ");
  CHECK(converter.replaced() == 0);

  const std::string emoji = std::string("\x3D\xD8\x00\xDE", 4);  // U+1F600 as a surrogate pair
  Utf8Converter pairs("UTF-16LE");
  std::string joined;
  pairs.convert(emoji.substr(0, 3), joined, false);
  pairs.convert(emoji.substr(3), joined, true);
  CHECK(joined == "\xF0\x9F\x98\x80");
}

TEST_CASE("Bytes that are not text in the encoding become U+FFFD", "[charset]") {
  CHECK(to_utf8("a\x98z", "WINDOWS-1251") == "a\xEF\xBF\xBDz");  // 0x98 is unassigned in 1251
  Utf8Converter converter("UTF-16LE");
  std::string out;
  converter.convert(std::string("a\0\x00\xDC"
                                "b\0",
                                6),
                    out, true);  // a lone low surrogate
  CHECK(out ==
        "a\xEF\xBF\xBD"
        "b");
  std::string odd;
  Utf8Converter cut("UTF-16LE");
  cut.convert(std::string("a\0b", 3), odd, true);  // half a code unit at the end
  CHECK(odd == "a\xEF\xBF\xBD");
  CHECK(make_valid_utf8("K\xE4ri") == "K\xEF\xBF\xBDri");
  CHECK(make_valid_utf8("Šumanov") == "Šumanov");
}

TEST_CASE("An encoding iconv does not know is a ReadError", "[charset]") {
  CHECK_THROWS_AS(Utf8Converter("NO-SUCH-CHARSET"), ReadError);
}

TEST_CASE("A cut at a byte limit keeps whole characters", "[charset]") {
  const std::string text = "aŠb";  // a, 0xC5 0xA0, b
  CHECK(utf8_boundary_before(text, 1) == 1);
  CHECK(utf8_boundary_before(text, 2) == 1);
  CHECK(utf8_boundary_before(text, 3) == 3);
  CHECK(utf8_boundary_before(text, 10) == 4);
}

TEST_CASE("UTF-16 without a byte order mark is told by its zero bytes", "[charset]") {
  CHECK(detect_utf16_without_bom(std::string("N\0i\0m\0i\0", 8)) == "UTF-16LE");
  CHECK(detect_utf16_without_bom(std::string("\0N\0i\0m\0i", 8)) == "UTF-16BE");
  CHECK_FALSE(detect_utf16_without_bom("Nimi;Linn\n").has_value());
  CHECK_FALSE(detect_utf16_without_bom(std::string(64, '\0')).has_value());
}

TEST_CASE("Zero and control bytes make a file binary, a stray one does not", "[charset]") {
  CHECK(
      looks_binary(std::string("\x7F"
                               "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
                               16)));
  CHECK(looks_binary(std::string(100, '\0')));
  std::string text(100000, 'a');
  text[5000] = '\0';
  CHECK_FALSE(looks_binary(text));
  CHECK_FALSE(looks_binary("Nimi;Linn\r\n\tMari;Tartu\f\r\n"));
  CHECK_FALSE(looks_binary(""));
}
