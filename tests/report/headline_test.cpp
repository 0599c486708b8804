#include <catch2/catch.hpp>

#include "core/i18n.h"
#include "report/report_figures.h"

using namespace raekoda;
using namespace raekoda::report;

TEST_CASE("a headline's change says how many and by how much, a share's in points", "[no-db]") {
  set_language(Language::et);
  Headline count{"", 46, 40, false, -1, ""};
  CHECK(headline_change(count) == "+6 (▲ 15\u00a0%)");
  Headline fell{"", 30, 40, false, -1, ""};
  CHECK(headline_change(fell) == "−10 (▼ 25\u00a0%)");
  Headline same{"", 40, 40, false, -1, ""};
  CHECK(headline_change(same) == "0");
  Headline from_nothing{"", 3, 0, false, -1, ""};
  CHECK(headline_change(from_nothing) == "+3");
  Headline share{"", 0.912, 0.88, true, 1, ""};
  CHECK(headline_change(share) == "+3,2 pp");
  CHECK(headline_value(share, share.value) == "91,2\u00a0%");
  Headline unknown{"", 12, std::nullopt, false, -1, ""};
  CHECK(headline_change(unknown) == "–");
}
