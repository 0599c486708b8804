#include <catch2/catch.hpp>

#include "core/i18n.h"
#include "core/text.h"
#include "ui/records_columns.h"

using namespace raekoda;
using ui::ColumnPlan;

namespace {

// Every character 8 px wide, whatever it is.
float eight_per_letter(std::string_view text) {
  return 8.0f * static_cast<float>(utf8_length(text));
}

const ui::ColumnMeasure measure{eight_per_letter, 16, 12};

const ColumnPlan& plan_of(const std::vector<ColumnPlan>& plans, std::string_view column) {
  for (const ColumnPlan& plan : plans)
    if (plan.field && plan.field->column == column) return plan;
  FAIL("no column " << column);
  return plans.front();
}

}  // namespace

TEST_CASE("a column starts as wide as its type's values, or its header in two lines", "[no-db]") {
  set_language(Language::et);
  ui::ReferenceLabels labels;
  labels.by_table["people"] = {{1, "Kersti Ots"}, {2, "Aleksandra Vinogradova"}};
  labels.document_types = {"letter", "memorandum", "information_request"};
  std::vector<ColumnPlan> plans = plan_columns(
      documents_spec(), labels, {"Vastatud õigeaegselt", "Üle tähtaja 3 tööpäeva"}, measure);
  REQUIRE(plans.size() == documents_spec().fields.size() + 1);
  // The order of the table: the first field, the status, the rest.
  CHECK(plans[0].field->column == "reg_number");
  CHECK(plans[1].field == nullptr);
  // Dates fit dd.mm.yyyy; a wider header takes two lines ("Pikendatud / tähtaeg").
  CHECK(plan_of(plans, "registered_on").width == Approx(8 * 14 + 12));    // "Registreeritud"
  CHECK(plan_of(plans, "due_on").width == Approx(8 * 10));                // "28.12.2026"
  CHECK(plan_of(plans, "extended_due_on").width == Approx(8 * 10 + 12));  // "Pikendatud"
  // Choices, document types and people: their longest name.
  CHECK(plan_of(plans, "direction").width == Approx(8 * 10));  // "Sissetulev", "Väljaminev"
  CHECK(plan_of(plans, "doc_type").width == Approx(8 * utf8_length(tr("doc_type.memorandum"))));
  CHECK(plan_of(plans, "responder_id").width == Approx(8 * 22));  // Aleksandra Vinogradova
  // The status: the longest status at hand.
  CHECK(plans[1].width == Approx(8 * 22));
  // Titles and notes share what is left, from a minimum; the first column never stretches.
  CHECK(plan_of(plans, "title").stretch);
  CHECK(plan_of(plans, "title").width >= 16 * 16);
  CHECK(plan_of(plans, "extension_reason").stretch);
  CHECK_FALSE(plans[0].stretch);
  for (const ColumnPlan& plan : plans) CHECK(plan.width > 0);
}

TEST_CASE("a long list of names is measured only as far as the widest a column starts", "[no-db]") {
  set_language(Language::et);
  ui::ReferenceLabels labels;
  for (Id id = 1; id <= 5000; ++id) labels.by_table["people"][id] = std::string(id % 70, 'x');
  int measured = 0;
  ui::ColumnMeasure counting{[&](std::string_view text) {
                               ++measured;
                               return eight_per_letter(text);
                             },
                             16, 12};
  std::vector<ColumnPlan> plans = plan_columns(incidents_spec(), labels, {}, counting);
  CHECK(plan_of(plans, "assignee_id").width == Approx(16 * 16));
  CHECK(measured < 1000);
}

TEST_CASE("header labels wrap at spaces into two lines, the rest cut in the second", "[no-db]") {
  CHECK(ui::wrap_label("Pikendatud tähtaeg", 80, eight_per_letter) ==
        std::vector<std::string>{"Pikendatud", "tähtaeg"});
  CHECK(ui::wrap_label("Seis", 80, eight_per_letter) == std::vector<std::string>{"Seis"});
  CHECK(ui::wrap_label("Asutusesiseseks kasutamiseks ja muuks", 100, eight_per_letter) ==
        std::vector<std::string>{"Asutusesiseseks", "kasutamiseks ja muuks"});
  CHECK(ui::wrap_label("Pikendatud tähtaeg", 200, eight_per_letter) ==
        std::vector<std::string>{"Pikendatud tähtaeg"});
  CHECK(ui::two_line_width("Pikendatud tähtaeg", eight_per_letter) == Approx(80));
  CHECK(ui::two_line_width("Registreerimisnumber", eight_per_letter) == Approx(160));
  CHECK(ui::two_line_width("Registration number", eight_per_letter) == Approx(96));
}

TEST_CASE("the status column is not named like a status field beside it", "[no-db]") {
  for (Language language : all_languages) {
    set_language(language);
    for (const TableSpec* spec :
         {&documents_spec(), &incidents_spec(), &accounts_spec(), &comm_activities_spec()}) {
      std::vector<ColumnPlan> plans = plan_columns(*spec, {}, {}, measure);
      INFO(spec->table);
      REQUIRE(plans[1].field == nullptr);
      for (const ColumnPlan& plan : plans)
        if (plan.field) CHECK(plan.label != plans[1].label);
    }
  }
}
