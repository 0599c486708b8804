// What the Report… dialog's choices mean: the month it starts on, the months and quarters it
// offers, the period each choice asks for and the file it goes to.

#include <catch2/catch.hpp>

#include "core/i18n.h"
#include "ui/report_choice.h"

using namespace raekoda;
using namespace raekoda::ui;

namespace {

Date day(const char* iso) {
  return *Date::parse_iso(iso);
}

}  // namespace

TEST_CASE("the dialog starts on today's month, or the month before in a month's first days") {
  CHECK(default_report_month(day("2026-11-22")) == day("2026-11-01"));
  CHECK(default_report_month(day("2026-11-06")) == day("2026-11-01"));
  CHECK(default_report_month(day("2026-11-05")) == day("2026-10-01"));
  CHECK(default_report_month(day("2026-11-01")) == day("2026-10-01"));
  // Over New Year: December's report is made in the first days of January.
  CHECK(default_report_month(day("2027-01-03")) == day("2026-12-01"));
  CHECK(default_report_quarter(day("2027-01-03")) == day("2026-10-01"));
  CHECK(default_report_quarter(day("2026-10-04")) == day("2026-07-01"));
  CHECK(default_report_quarter(day("2026-11-22")) == day("2026-10-01"));
}

TEST_CASE("24 months and 8 quarters are offered, newest first") {
  auto months = report_months(day("2026-11-22"));
  REQUIRE(months.size() == 24);
  CHECK(months.front() == day("2026-11-01"));
  CHECK(months[1] == day("2026-10-01"));
  CHECK(months.back() == day("2024-12-01"));
  auto quarters = report_quarters(day("2026-11-22"));
  REQUIRE(quarters.size() == 8);
  CHECK(quarters.front() == day("2026-10-01"));
  CHECK(quarters.back() == day("2025-01-01"));
}

TEST_CASE("each kind of choice asks for its period") {
  Date today = day("2026-11-22");
  ReportChoice choice = default_report_choice(today);
  CHECK(choice.range_text == std::array<std::string, 2>{"01.11.2026", "22.11.2026"});
  CHECK(chosen_report_period(choice, today).period == Period{day("2026-11-01"), day("2026-11-30")});
  choice.month = day("2026-02-01");
  CHECK(chosen_report_period(choice, today).period == Period{day("2026-02-01"), day("2026-02-28")});
  choice.kind = ReportKind::quarter;
  CHECK(chosen_report_period(choice, today).period == Period{day("2026-10-01"), day("2026-12-31")});
  choice.kind = ReportKind::range;
  CHECK(chosen_report_period(choice, today).period == Period{day("2026-11-01"), day("2026-11-22")});
  choice.range_text = {"3.9.2026", "15.10.2026"};
  CHECK(chosen_report_period(choice, today).period == Period{day("2026-09-03"), day("2026-10-15")});
}

TEST_CASE("a range that is no period says why") {
  Date today = day("2026-11-22");
  ReportChoice choice = default_report_choice(today);
  choice.kind = ReportKind::range;
  auto problem = [&](const char* from, const char* until) {
    choice.range_text = {from, until};
    ChosenPeriod chosen = chosen_report_period(choice, today);
    CHECK_FALSE(chosen.period);
    return std::string(chosen.problem ? chosen.problem : "");
  };
  CHECK(problem("31.02.2026", "22.11.2026") == "report.range.bad_from");
  CHECK(problem("", "22.11.2026") == "report.range.bad_from");
  CHECK(problem("01.11.2026", "2026-11-22") == "report.range.bad_until");
  CHECK(problem("22.11.2026", "01.11.2026") == "report.range.reversed");
  CHECK(problem("23.11.2026", "30.11.2026") == "report.range.future");
  // A range that begins today is a report of today so far.
  choice.range_text = {"22.11.2026", "30.11.2026"};
  CHECK(chosen_report_period(choice, today).period);
}

TEST_CASE("the areas are those ticked, in the report's order") {
  ReportChoice choice;
  CHECK(chosen_report_areas(choice).size() == 5);
  choice.areas = {false, true, false, true, false};
  CHECK(chosen_report_areas(choice) == std::vector<View>{View::deadlines, View::incidents});
  choice.areas = {};
  CHECK(chosen_report_areas(choice).empty());
}

TEST_CASE("the file is named in ASCII in each language, by a period the CLI reads back") {
  Period month{day("2026-11-01"), day("2026-11-30")};
  Period quarter{day("2026-10-01"), day("2026-12-31")};
  Period range{day("2026-11-01"), day("2026-11-22")};
  CHECK(report_file_name(month, Language::et) == "raekoda-aruanne-2026-11.pdf");
  CHECK(report_file_name(quarter, Language::en) == "raekoda-report-2026-Q4.pdf");
  CHECK(report_file_name(range, Language::ru) == "raekoda-otchet-2026-11-01..2026-11-22.pdf");
  // A range that is a whole month or quarter is named as one.
  CHECK(report_period_tag({day("2026-02-01"), day("2026-02-28")}) == "2026-02");
  CHECK(report_period_tag({day("2026-02-01"), day("2026-02-27")}) == "2026-02-01..2026-02-27");
  CHECK(report_period_tag({day("2026-11-01"), day("2027-01-31")}) == "2026-11-01..2027-01-31");
  for (const Period& period : {month, quarter, range})
    CHECK(parse_report_period(report_period_tag(period)) == period);
}

TEST_CASE("months and quarters are named in the current language") {
  set_language(Language::en);
  CHECK(report_month_label(day("2026-11-01")) == "November 2026");
  CHECK(report_quarter_label(day("2026-10-01")) == "Q4 2026");
  set_language(Language::et);
  CHECK(report_month_label(day("2026-11-01")) == "november 2026");
}
