#include <catch2/catch.hpp>

#include "core/i18n.h"
#include "core/record_spec.h"
#include "core/reminder.h"

using namespace raekoda;

namespace {

Date day(const char* iso) {
  return *Date::parse_iso(iso);
}

ValidationContext on(const char* iso) {
  ValidationContext context;
  context.today = day(iso);
  return context;
}

// An information request registered on Friday 20.02.2026, due Monday 02.03.2026 (24.02 is a
// holiday).
Record information_request() {
  Record r;
  r.id = 7;
  r.set("reg_number", "7-1/2026-0042");
  r.set("doc_type", "information_request");
  r.set("direction", "incoming");
  r.set("registered_on", "2026-02-20");
  r.set("title", "Teabenõue: hankelepingu koopia");
  r.set("sender", "Õie Mägi");
  r.set("due_on", "2026-03-02");
  r.set("access_restricted", "0");
  return r;
}

std::string error_at(const std::vector<FieldError>& errors, std::string_view column) {
  for (const FieldError& e : errors)
    if (e.column == column) return e.message;
  return {};
}

Record extended(Record r, const char* until, const char* reason) {
  r.set("extended_due_on", until);
  r.set("extension_reason", reason);
  return r;
}

}  // namespace

TEST_CASE("an information request may be extended within the first term, to 15 working days") {
  set_language(Language::en);
  Record original = information_request();
  // 15 working days from 20.02 (24.02 a holiday): 16.03.2026.
  auto within = extended(original, "2026-03-16", "Teavet on palju, vaja koguda osakondadest");
  CHECK(validate(documents_spec(), original, within, on("2026-02-27")).empty());

  auto too_long = extended(original, "2026-03-17", "Teavet on palju");
  CHECK(
      error_at(validate(documents_spec(), original, too_long, on("2026-02-27")), "extended_due_on")
          .starts_with("The latest extended due date allowed is 16.03.2026"));

  // Decided after the first term ran out (02.03): too late, the requester was not told in time.
  CHECK(error_at(validate(documents_spec(), original, within, on("2026-03-03")), "extended_due_on")
            .starts_with("An extension must be decided within the first term (until 02.03.2026)"));
  set_language(Language::et);
}

TEST_CASE("an extension needs its reason, and a reason needs the extension") {
  set_language(Language::en);
  Record original = information_request();
  auto no_reason = extended(original, "2026-03-06", "");
  CHECK(error_at(validate(documents_spec(), original, no_reason, on("2026-02-27")),
                 "extension_reason") == "Give the reason for the extension");
  Record reason_only = original;
  reason_only.set("extension_reason", "Vaja koguda osakondadest");
  CHECK(error_at(validate(documents_spec(), original, reason_only, on("2026-02-27")),
                 "extended_due_on") == "A reason for extension needs the extended due date");
  set_language(Language::et);
}

TEST_CASE("a council member's question cannot be extended, an extension saved earlier stands") {
  set_language(Language::en);
  Record question = information_request();
  question.set("doc_type", "council_question");
  question.set("due_on", "2026-03-09");
  auto attempt = extended(question, "2026-03-16", "Küsimus on keeruline");
  CHECK(error_at(validate(documents_spec(), question, attempt, on("2026-03-02")), "extended_due_on")
            .starts_with("This type of document cannot be extended"));

  // An information request extended on time stays valid long after: editing its answer date
  // later does not judge the extension again.
  Record saved = extended(information_request(), "2026-03-13", "Teavet on palju");
  Record answered = saved;
  answered.set("answered_on", "2026-03-12");
  CHECK(validate(documents_spec(), saved, answered, on("2026-11-22")).empty());
  set_language(Language::et);
}

TEST_CASE("an outgoing document has no due date") {
  set_language(Language::en);
  Record letter = information_request();
  letter.set("direction", "outgoing");
  CHECK(error_at(validate(documents_spec(), letter, letter, on("2026-03-02")), "due_on") ==
        "An outgoing document has no due date");
  set_language(Language::et);
}

TEST_CASE("a document's due date follows its type and registration day") {
  ValidationContext context = on("2026-03-05");
  Record r;
  r.set("direction", "incoming");
  r.set("doc_type", "information_request");
  r.set("registered_on", "2026-02-20");
  documents_spec().derive(r, "registered_on", context);
  CHECK(r.value("due_on") == "2026-03-02");
  // A memorandum registered on 04.03.2026: 30 days fall on Good Friday, then Easter weekend.
  r.set("doc_type", "memorandum");
  r.set("registered_on", "2026-03-04");
  documents_spec().derive(r, "doc_type", context);
  CHECK(r.value("due_on") == "2026-04-06");
  // Changing the title leaves the due date alone; turning it outgoing clears it.
  r.set("due_on", "2026-04-10");
  documents_spec().derive(r, "title", context);
  CHECK(r.value("due_on") == "2026-04-10");
  r.set("direction", "outgoing");
  documents_spec().derive(r, "direction", context);
  CHECK_FALSE(r.value("due_on"));
}

TEST_CASE("a settings value above its maximum is refused") {
  set_language(Language::en);
  Record settings;
  settings.set("on_time_target_percent", "150");
  CHECK(error_at(validate(settings_spec(), settings, day("2026-11-22")),
                 "on_time_target_percent") == "The largest value allowed is 100");
  settings.set("on_time_target_percent", "90");
  CHECK(validate(settings_spec(), settings, day("2026-11-22")).empty());
  set_language(Language::et);
}

TEST_CASE("a reminder lists overdue documents first, then coming ones, with their due dates") {
  set_language(Language::et);
  WorkingCalendar calendar;
  std::vector<ReminderItem> items = {
      {"7-1/2026-0192", "information_request", "ehitusloa dokumendid", day("2026-11-16")},
      {"7-3/2026-0523", "letter", "üürilepingu pikendamine", day("2026-11-25")},
  };
  std::string text = reminder_text("Tiina Kask", items, day("2026-11-20"), calendar);
  CHECK(text.starts_with("Tere, Tiina Kask!"));
  auto overdue = text.find("Tähtaeg ületatud:");
  auto coming = text.find("Tähtaeg ees:");
  REQUIRE(overdue != std::string::npos);
  REQUIRE(coming != std::string::npos);
  CHECK(overdue < coming);
  CHECK(text.find("- 7-1/2026-0192 Teabenõue: ehitusloa dokumendid — tähtaeg oli 16.11.2026, 4 "
                  "tööpäeva tagasi") != std::string::npos);
  CHECK(text.find("- 7-3/2026-0523 Kiri või avaldus: üürilepingu pikendamine — tähtaeg "
                  "25.11.2026") != std::string::npos);
  CHECK(text.find("Sinu vastata on 2 dokumenti (seis 20.11.2026).") != std::string::npos);
}

TEST_CASE("a document's status says how it stands today and whether it may still be extended") {
  set_language(Language::en);
  Record request = information_request();  // due 02.03.2026, 15 working days end 16.03.2026
  auto status = documents_spec().status;
  REQUIRE(status);
  CHECK(status(request, on("2026-02-23")).text ==
        "4 working days to go · may be extended to 16.03.2026");
  CHECK(status(request, on("2026-02-27")).tone == RecordStatus::Tone::warning);
  // Past the first term an information request can no longer be extended.
  auto late = status(request, on("2026-03-04"));
  CHECK(late.text == "Overdue by 2 working days");
  CHECK(late.tone == RecordStatus::Tone::bad);
  // A letter long overdue: the latest extension is in the past, so none is offered.
  Record letter = request;
  letter.set("doc_type", "letter");
  letter.set("due_on", "2026-03-23");
  CHECK(status(letter, on("2026-11-20")).text.find("extended") == std::string::npos);
  Record answered = request;
  answered.set("answered_on", "2026-03-04");
  CHECK(status(answered, on("2026-11-20")).text == "Answered 2 working days late");
  set_language(Language::et);
}
