#include <catch2/catch.hpp>

#include "core/document_status.h"

using namespace raekoda;

namespace {

Date day(const char* iso) {
  return *Date::parse_iso(iso);
}

const DeadlineRule& rule(std::string_view key) {
  static const auto rules = default_deadline_rules();
  for (const auto& r : rules)
    if (r.key == key) return r;
  throw std::logic_error("no rule");
}

// An information request registered on Friday 20.02.2026, due Monday 02.03.2026.
DocumentDates request() {
  return {day("2026-02-20"), day("2026-03-02"), std::nullopt, std::nullopt};
}

}  // namespace

TEST_CASE("an open document is on time, then due soon, then overdue by working days") {
  WorkingCalendar calendar;
  auto doc = request();
  auto early = document_status(doc, day("2026-02-23"), calendar);
  CHECK(early.state == DocumentState::open_on_time);
  CHECK(early.working_days == 4);  // 25, 26, 27 Feb and 2 Mar (24 Feb is a holiday)
  CHECK(document_status(doc, day("2026-02-26"), calendar).state == DocumentState::due_soon);
  CHECK(document_status(doc, day("2026-03-02"), calendar).state == DocumentState::due_soon);
  auto late = document_status(doc, day("2026-03-06"), calendar);
  CHECK(late.state == DocumentState::overdue);
  CHECK(late.working_days == 4);
  // Over a weekend the count does not grow.
  CHECK(document_status(doc, day("2026-03-08"), calendar).working_days == 4);
}

TEST_CASE("an answer counts from the day it was given, on time or late by working days") {
  WorkingCalendar calendar;
  auto doc = request();
  doc.answered = day("2026-03-04");
  CHECK(document_status(doc, day("2026-03-03"), calendar).state ==
        DocumentState::overdue);  // not yet answered then
  auto answered = document_status(doc, day("2026-03-10"), calendar);
  CHECK(answered.state == DocumentState::answered_late);
  CHECK(answered.working_days == 2);
  doc.answered = day("2026-03-02");
  CHECK(document_status(doc, day("2026-03-10"), calendar).state == DocumentState::answered_on_time);
}

TEST_CASE("an extended deadline replaces the first one") {
  WorkingCalendar calendar;
  auto doc = request();
  doc.extended_due = day("2026-03-13");
  CHECK(document_status(doc, day("2026-03-06"), calendar).state == DocumentState::open_on_time);
  doc.answered = day("2026-03-12");
  CHECK(document_status(doc, day("2026-03-20"), calendar).state == DocumentState::answered_on_time);
}

TEST_CASE("a document without a deadline has no status") {
  WorkingCalendar calendar;
  DocumentDates outgoing{day("2026-02-20"), std::nullopt, std::nullopt, std::nullopt};
  CHECK(document_status(outgoing, day("2026-03-20"), calendar).state == DocumentState::no_deadline);
}

TEST_CASE("an information request may be extended to 15 working days, only within the first 5") {
  WorkingCalendar calendar;
  auto doc = request();
  // 15 working days from 20.02.2026: 24.02 is off, so the 15th is Monday 16.03.
  CHECK(latest_extended_due(rule("information_request"), doc.registered, calendar) ==
        day("2026-03-16"));
  CHECK(check_extension(rule("information_request"), doc, day("2026-03-16"), day("2026-02-25"),
                        calendar) == ExtensionProblem::none);
  CHECK(check_extension(rule("information_request"), doc, day("2026-03-17"), day("2026-02-25"),
                        calendar) == ExtensionProblem::too_long);
  CHECK(check_extension(rule("information_request"), doc, day("2026-03-10"), day("2026-03-03"),
                        calendar) == ExtensionProblem::too_late);
  CHECK(check_extension(rule("information_request"), doc, day("2026-03-02"), day("2026-02-25"),
                        calendar) == ExtensionProblem::not_later);
}

TEST_CASE("a council member's question cannot be extended, a memorandum up to two months") {
  WorkingCalendar calendar;
  DocumentDates question{day("2026-03-02"), day("2026-03-16"), std::nullopt, std::nullopt};
  CHECK(check_extension(rule("council_question"), question, day("2026-03-20"), day("2026-03-03"),
                        calendar) == ExtensionProblem::not_allowed);
  DocumentDates memorandum{day("2026-03-04"), day("2026-04-06"), std::nullopt, std::nullopt};
  // 60 days from 04.03.2026 is Sunday 03.05.2026, moved to Monday 04.05.
  CHECK(latest_extended_due(rule("memorandum"), memorandum.registered, calendar) ==
        day("2026-05-04"));
  CHECK(check_extension(rule("memorandum"), memorandum, day("2026-05-04"), day("2026-04-20"),
                        calendar) == ExtensionProblem::none);
  CHECK(check_extension(rule("memorandum"), memorandum, day("2026-05-05"), day("2026-04-20"),
                        calendar) == ExtensionProblem::too_long);
}

TEST_CASE(
    "a rule written past the schema's limits is bounded to ten years, never before "
    "registration") {
  WorkingCalendar calendar;
  Date registered = day("2026-02-20");
  DeadlineRule working{
      "forced", 2147483647, TermUnit::working_days, 2147483647, TermUnit::calendar_days, ""};
  Date due = due_date(working, registered, calendar);
  CHECK(due == calendar.add_working_days(registered, longest_term));
  DeadlineRule calendar_days = working;
  calendar_days.unit = TermUnit::calendar_days;
  Date far = due_date(calendar_days, registered, calendar);
  CHECK(far > registered);
  CHECK(registered.days_until(far) >= longest_term);
  CHECK(registered.days_until(far) <= longest_term + 7);  // moved to a working day at most
  auto extended = latest_extended_due(working, registered, calendar);
  REQUIRE(extended);
  CHECK(*extended == far);
  DeadlineRule negative = calendar_days;
  negative.amount = -2147483647;
  CHECK(due_date(negative, registered, calendar) == calendar.working_day_on_or_after(registered));
}
