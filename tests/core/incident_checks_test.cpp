#include <catch2/catch.hpp>

#include "core/i18n.h"
#include "core/record_spec.h"
#include "core/statistics.h"

using namespace raekoda;

namespace {

ValidationContext at(const char* now) {
  ValidationContext context;
  context.now = *DateTime::parse_iso(now);
  context.today = context.now.date;
  return context;
}

Record incident(const char* opened, const char* severity) {
  Record r;
  r.set("title", "VPN ei ühendu");
  r.set("opened_at", opened);
  r.set("status", "registered");
  r.set("category", "network");
  r.set("severity", severity);
  r.set("is_security", "0");
  r.set("institution_id", "1");
  r.set("root_cause", "");
  return r;
}

}  // namespace

TEST_CASE("an incident's status counts its target in working time") {
  set_language(Language::en);
  auto status = incidents_spec().status;
  REQUIRE(status);
  // High: one working day. Opened Friday 16:30, due Monday 16:30.
  Record high = incident("2026-11-20 16:30", "high");
  CHECK(status(high, at("2026-11-21 12:00")).text == "Due 23.11.2026 16:30");
  auto late = status(high, at("2026-11-24 10:00"));
  CHECK(late.text == "Over target by 2.5 h");
  CHECK(late.tone == RecordStatus::Tone::bad);
  high.set("resolved_at", "2026-11-23 15:00");
  high.set("status", "resolved");
  CHECK(status(high, at("2026-11-24 10:00")).text == "Resolved within target");
  high.set("is_security", "1");
  CHECK(status(high, at("2026-11-24 10:00")).text == "Security incident · Resolved within target");
  set_language(Language::et);
}

TEST_CASE("resolving sets the time to now, reopening clears it, security marks itself") {
  ValidationContext context = at("2026-11-23 14:05");
  Record r = incident("2026-11-23 09:00", "normal");
  r.set("status", "resolved");
  incidents_spec().derive(r, "status", context);
  CHECK(r.value("resolved_at") == "2026-11-23 14:05");
  CHECK(validate(incidents_spec(), r, r, context).empty());
  r.set("status", "in_progress");
  incidents_spec().derive(r, "status", context);
  CHECK_FALSE(r.value("resolved_at"));
  r.set("resolved_at", "2026-11-23 13:00");
  incidents_spec().derive(r, "resolved_at", context);
  CHECK(r.value("status") == "resolved");
  r.set("category", "security");
  incidents_spec().derive(r, "category", context);
  CHECK(r.value("is_security") == "1");
}

TEST_CASE("a resolved incident needs its time, and a security category its flag") {
  set_language(Language::en);
  ValidationContext context = at("2026-11-23 14:05");
  Record r = incident("2026-11-23 09:00", "normal");
  r.set("status", "resolved");
  auto errors = validate(incidents_spec(), r, r, context);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "A resolved incident needs its resolution time");
  r = incident("2026-11-23 09:00", "normal");
  r.set("category", "security");
  errors = validate(incidents_spec(), r, r, context);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].column == "is_security");
  set_language(Language::et);
}

TEST_CASE("the median and the 90th percentile are values that occurred, by nearest rank") {
  CHECK_FALSE(nearest_rank({}, 0.5));
  CHECK(*nearest_rank({7}, 0.9) == 7);
  CHECK(*nearest_rank({5, 1, 4, 2, 3}, 0.5) == 3);
  CHECK(*nearest_rank({1, 2, 3, 4}, 0.5) == 2);
  std::vector<double> hundred;
  for (int i = 100; i >= 1; --i) hundred.push_back(i);
  CHECK(*nearest_rank(hundred, 0.9) == 90);
  CHECK(*nearest_rank(hundred, 1.0) == 100);
}
