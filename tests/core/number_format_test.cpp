#include <catch2/catch.hpp>

#include "core/number_format.h"

using namespace raekoda;

TEST_CASE("Estonian numbers group thousands with a no-break space and use a decimal comma") {
  CHECK(format_count(0, Language::et) == "0");
  CHECK(format_count(999, Language::et) == "999");
  CHECK(format_count(12345, Language::et) == "12\u00a0345");
  CHECK(format_count(1234567, Language::et) == "1\u00a0234\u00a0567");
  CHECK(format_count(-4500, Language::et) == "−4\u00a0500");
  CHECK(format_decimal(1234.5, 1, Language::et) == "1\u00a0234,5");
  CHECK(format_percent(0.953, 1, Language::et) == "95,3\u00a0%");
}

TEST_CASE("English numbers use a comma for thousands and a point for decimals") {
  CHECK(format_count(12345, Language::en) == "12,345");
  CHECK(format_decimal(1234.5, 1, Language::en) == "1,234.5");
  CHECK(format_percent(0.953, 1, Language::en) == "95.3%");
}

TEST_CASE("Russian numbers are written as Estonian ones: no-break space and decimal comma") {
  CHECK(format_count(1234567, Language::ru) == "1\u00a0234\u00a0567");
  CHECK(format_decimal(1234.5, 1, Language::ru) == "1\u00a0234,5");
  CHECK(format_percent(0.953, 1, Language::ru) == "95,3\u00a0%");
}
