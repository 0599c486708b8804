#include <catch2/catch.hpp>

#include "core/i18n.h"
#include "core/record_spec.h"

using namespace raekoda;

namespace {

const Date today = *Date::parse_iso("2026-11-22");

Record valid_document() {
  Record r;
  r.set("reg_number", "7-1/2026-0042");
  r.set("doc_type", "information_request");
  r.set("direction", "incoming");
  r.set("registered_on", "2026-11-16");
  r.set("title", "Teabenõue: hankelepingu koopia");
  r.set("sender", "Õie Mägi");
  r.set("due_on", "2026-11-23");
  r.set("access_restricted", "0");
  return r;
}

std::string error_at(const std::vector<FieldError>& errors, std::string_view column) {
  for (const FieldError& e : errors)
    if (e.column == column) return e.message;
  return {};
}

}  // namespace

TEST_CASE("a complete document is valid") {
  set_language(Language::et);
  CHECK(validate(documents_spec(), valid_document(), today).empty());
}

TEST_CASE("an answer before registration is refused at the answer date") {
  set_language(Language::et);
  Record r = valid_document();
  r.set("answered_on", "2026-11-13");
  auto errors = validate(documents_spec(), r, today);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].column == "answered_on");
  CHECK(errors[0].message == "Vastatud enne registreerimist");
}

TEST_CASE("a date in the future is refused where the thing has already happened") {
  set_language(Language::en);
  Record r = valid_document();
  r.set("answered_on", "2026-11-23");
  CHECK(error_at(validate(documents_spec(), r, today), "answered_on") ==
        "This cannot be in the future (today is 22.11.2026)");
  // A due date may well be in the future.
  r.set("answered_on", std::nullopt);
  r.set("due_on", "2027-01-04");
  CHECK(validate(documents_spec(), r, today).empty());
  set_language(Language::et);
}

TEST_CASE("a revoke before a grant is refused") {
  Record r;
  r.set("person_id", "4");
  r.set("system_id", "2");
  r.set("username", "jaan.kask");
  r.set("privilege", "admin");
  r.set("granted_on", "2026-03-02");
  r.set("revoked_on", "2026-03-01");
  auto errors = validate(accounts_spec(), r, today);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].column == "revoked_on");
}

TEST_CASE("empty required fields, overlong and invalid text, impossible dates are each named") {
  set_language(Language::et);
  Record r = valid_document();
  r.set("title", "");
  r.set("sender", std::string(201, 'x'));
  r.set("reg_number", "7-1/\xff");
  r.set("registered_on", "2026-02-30");
  auto errors = validate(documents_spec(), r, today);
  CHECK(error_at(errors, "title") == "Kohustuslik väli");
  CHECK(error_at(errors, "sender") == "Liiga pikk: lubatud 200 märki, sisestatud 201");
  CHECK(error_at(errors, "reg_number") == "Tekstis on vigaseid märke (mitte UTF-8)");
  CHECK_FALSE(error_at(errors, "registered_on").empty());
  CHECK(errors.size() == 4);
}

TEST_CASE("length counts letters, not bytes: 200 Cyrillic letters fit in 200") {
  Record r = valid_document();
  std::string name;
  for (int i = 0; i < 200; ++i) name += "ж";
  r.set("sender", name);
  CHECK(validate(documents_spec(), r, today).empty());
}

TEST_CASE("choices, numbers and times are checked") {
  Record item;
  item.set("outlet_id", "3");
  item.set("published_on", "2026-11-20");
  item.set("title", "Горсовет обсудил бюджет");
  item.set("channel", "online");
  item.set("language", "ru");
  item.set("tone", "angry");
  item.set("subject", "council");
  item.set("rebuttal_status", "not_needed");
  item.set("reach", "-5");
  auto errors = validate(media_items_spec(), item, today);
  CHECK_FALSE(error_at(errors, "tone").empty());
  CHECK_FALSE(error_at(errors, "reach").empty());
  CHECK(errors.size() == 2);

  Record incident;
  incident.set("title", "VPN ei ühendu");
  incident.set("opened_at", "2026-11-20 16:30");
  incident.set("resolved_at", "2026-11-20 16:00");
  incident.set("status", "resolved");
  incident.set("category", "network");
  incident.set("severity", "high");
  incident.set("institution_id", "1");
  auto incident_errors = validate(incidents_spec(), incident, today);
  REQUIRE(incident_errors.size() == 1);
  CHECK(incident_errors[0].column == "resolved_at");
}

TEST_CASE("changed columns are listed in the form's order") {
  Record before = valid_document();
  Record after = before;
  after.set("answered_on", "2026-11-20");
  after.set("title", "Teabenõue: lepingu koopia");
  auto changed = changed_columns(documents_spec(), before, after);
  REQUIRE(changed.size() == 2);
  CHECK(changed[0] == "title");
  CHECK(changed[1] == "answered_on");
}
