#include <catch2/catch.hpp>

#include "core/text.h"

using namespace raekoda;

TEST_CASE("Estonian letters fold to lower case, which SQLite's lower() does not") {
  CHECK(fold_case("ÕUNAPUU") == "õunapuu");
  CHECK(fold_case("ÄÖÜ ŠŽ Õ") == "äöü šž õ");
  CHECK(fold_case("Tõnu Mägi") == "tõnu mägi");
  CHECK(fold_case("Ą Ę Ł Ń") == "ą ę ł ń");
}

TEST_CASE("Cyrillic letters fold to lower case, Ё included") {
  CHECK(fold_case("ЖАЛОБА") == "жалоба");
  CHECK(fold_case("Горсовет Кохтла-Ярве") == "горсовет кохтла-ярве");
  CHECK(fold_case("ЁЛКА") == "ёлка");
}

TEST_CASE("other characters and broken bytes are kept as they are") {
  CHECK(fold_case("7-1/2026-0042 · €") == "7-1/2026-0042 · €");
  CHECK(fold_case("\xff"
                  "AB") ==
        "\xff"
        "ab");
  CHECK(fold_case("×") == "×");
}

TEST_CASE("well-formed UTF-8 is told from invalid bytes") {
  CHECK(is_valid_utf8("Põhjarannik — Северное побережье"));
  CHECK(is_valid_utf8(""));
  CHECK_FALSE(is_valid_utf8("\xC3"));               // cut short
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));           // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));       // a surrogate
  CHECK_FALSE(is_valid_utf8("Tallinn \xE9 2026"));  // Latin-1, not UTF-8
  CHECK(utf8_length("õun") == 3);
  CHECK(utf8_length("Жук") == 3);
}

TEST_CASE("fold_letters drops the diacritics of Estonian letters, for searching") {
  CHECK(fold_letters("Žukov") == "zukov");
  CHECK(fold_letters("Õun") == "oun");
  CHECK(fold_letters("ÕÄÖÜ ŠŽ õäöü šž") == "oaou sz oaou sz");
  CHECK(fold_letters("Жёлтый") == "желтый");
}
