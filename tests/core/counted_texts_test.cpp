// Texts that count something say "1 day" and "3 days", "1 tööpäev" and "3 tööpäeva".

#include <catch2/catch.hpp>

#include "core/document_checks.h"
#include "core/i18n.h"
#include "core/plan_checks.h"
#include "core/plural.h"
#include "core/record_spec.h"

using namespace raekoda;

namespace {

ValidationContext on(const char* iso) {
  ValidationContext context;
  context.today = *Date::parse_iso(iso);
  return context;
}

// An information request due on Monday 02.03.2026.
Record document_due_2_march() {
  Record r;
  r.id = 7;
  r.set("doc_type", "information_request");
  r.set("direction", "incoming");
  r.set("registered_on", "2026-02-20");
  r.set("due_on", "2026-03-02");
  return r;
}

Record activity_planned_on(const char* iso) {
  Record r;
  r.id = 3;
  r.set("planned_on", iso);
  r.set("status", "planned");
  return r;
}

std::string status_in(Language language, const Record& record, const char* today) {
  set_language(language);
  return document_status_of(record, on(today)).text;
}

}  // namespace

TEST_CASE("every counted text of the core and the command line has both plural forms") {
  for (const char* key :
       {"status.document.open", "status.document.due_soon", "status.document.overdue",
        "status.document.answered_late", "status.activity.done_late", "status.activity.late",
        "status.activity.starts_in", "status.activity.ends_in", "status.account.holder_left",
        "cli.demo.written", "deadlines.coming.tooltip", "overview.trend.deadlines_tip"}) {
    for (Language language : all_languages) {
      INFO(key << " " << language_code(language));
      const Catalog& catalog = Catalog::embedded(language);
      CHECK(catalog.find(std::string(key) + ".one"));
      CHECK(catalog.find(std::string(key) + ".other"));
      CHECK_FALSE(catalog.find(key));
    }
  }
}

TEST_CASE("a document's status counts one working day and several alike") {
  Record document = document_due_2_march();
  CHECK(status_in(Language::en, document, "2026-03-03") == "Overdue by 1 working day");
  CHECK(status_in(Language::et, document, "2026-03-03") == "Üle tähtaja 1 tööpäev");
  CHECK(status_in(Language::en, document, "2026-03-05") == "Overdue by 3 working days");
  CHECK(status_in(Language::et, document, "2026-03-05") == "Üle tähtaja 3 tööpäeva");
  document.set("answered_on", "2026-03-03");
  CHECK(status_in(Language::en, document, "2026-03-10") == "Answered 1 working day late");
  CHECK(status_in(Language::et, document, "2026-03-10") == "Vastatud 1 tööpäev hiljem");
}

TEST_CASE("an activity's status counts one day and several alike") {
  set_language(Language::en);
  CHECK(activity_status_of(activity_planned_on("2026-03-02"), on("2026-03-03")).text ==
        "Late by 1 day");
  CHECK(activity_status_of(activity_planned_on("2026-03-02"), on("2026-03-04")).text ==
        "Late by 2 days");
  CHECK(activity_status_of(activity_planned_on("2026-03-04"), on("2026-03-03")).text ==
        "Starts in 1 day");
  set_language(Language::et);
  CHECK(activity_status_of(activity_planned_on("2026-03-04"), on("2026-03-03")).text ==
        "Algab 1 päeva pärast");
}
