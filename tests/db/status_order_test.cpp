#include <catch2/catch.hpp>

#include <set>
#include <tuple>

#include "core/access_review.h"
#include "core/document_status.h"
#include "core/incident_checks.h"
#include "core/plan_checks.h"
#include "core/working_hours.h"
#include "db/dashboard_queries.h"
#include "db/database.h"
#include "db/demo_writer.h"
#include "db/record_query.h"
#include "db/status_order.h"
#include "support/test_database.h"

using namespace raekoda;
using db::Database;
using db::Statement;

namespace {

const Date demo_today = *Date::parse_iso("2026-11-22");

// A year of demo data ending on 22.11.2026, and the rules it is counted by at noon that day.
struct Demo {
  Database db = testing::open_test_database();
  ValidationContext context;
  Demo() {
    db::write_demo_data(db, DemoOptions{1, 1, 1, demo_today});
    context = db::load_validation_context(db, DateTime{demo_today, 12 * 60});
  }
};

std::optional<Date> day(const Record& record, std::string_view column) {
  const auto& value = record.value(column);
  return value ? Date::parse_iso(*value) : std::nullopt;
}

// How pressing each record is by core's own counting (document_status(), the incident's due
// moment, the holder's departure), as the user reads the status: smaller first.
using Pressing = std::tuple<int, double>;

Pressing document_pressing(const Record& r, const ValidationContext& context) {
  DocumentDates dates{*day(r, "registered_on"), day(r, "due_on"), day(r, "extended_due_on"),
                      day(r, "answered_on")};
  DocumentStatus status = document_status(dates, context.today, context.calendar);
  switch (status.state) {
    case DocumentState::overdue:
      return {0, -status.working_days};
    case DocumentState::due_soon:
    case DocumentState::open_on_time:
      return {1, status.working_days};
    case DocumentState::answered_late:
      return {2, -status.working_days};
    case DocumentState::answered_on_time:
      return {3, 0};
    case DocumentState::no_deadline:
      break;
  }
  return {9, 0};
}

Pressing incident_pressing(const Record& r, const ValidationContext& context) {
  auto due = incident_due(r, context);
  if (!due) return {9, 0};
  auto resolved = DateTime::parse_iso(r.value("resolved_at").value_or(""));
  if (resolved) {
    if (*resolved <= *due) return {3, 0};
    return {2, -working_minutes_between(*due, *resolved, context.calendar)};
  }
  if (context.now > *due) return {0, -working_minutes_between(*due, context.now, context.calendar)};
  return {1, working_minutes_between(context.now, *due, context.calendar)};
}

Pressing account_pressing(const Record& r, const ValidationContext& context) {
  if (auto revoked = day(r, "revoked_on")) return {2, revoked->days().time_since_epoch().count()};
  auto left = context.left_on.find(std::stoll(*r.value("person_id")));
  if (left != context.left_on.end() && left->second <= context.today)
    return {0, -left->second.days_until(context.today)};
  return {1, 0};
}

Pressing activity_pressing(const Record& r, const ValidationContext& context) {
  std::string status = r.value("status").value_or("");
  Date first = *day(r, "planned_on");
  Date last = day(r, "planned_until").value_or(first);
  if (status == "cancelled") return {6, 0};
  if (status == "postponed") return {3, 0};
  if (status == "done") {
    auto done = day(r, "done_on");
    if (done && *done > last) return {4, -last.days_until(*done)};
    return {5, 0};
  }
  if (last < context.today) return {0, -last.days_until(context.today)};
  if (first > context.today) return {2, context.today.days_until(first)};
  return {1, context.today.days_until(last)};
}

template <class Pressed>
void check_sorted_as_read(Demo& demo, const TableSpec& spec, Pressed pressed, bool descending) {
  RecordQuery query{&spec, {}, "", "", descending};
  std::int64_t total = db::count_records(demo.db, query);
  REQUIRE(total > 50);
  std::vector<Record> rows = db::fetch_records(demo.db, query, 0, total, &demo.context);
  REQUIRE(static_cast<std::int64_t>(rows.size()) == total);
  std::set<int> ranks;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    Pressing before = pressed(rows[i - 1], demo.context);
    Pressing after = pressed(rows[i], demo.context);
    ranks.insert(std::get<0>(after));
    INFO(spec.table << " rows " << rows[i - 1].id << ", " << rows[i].id);
    // Rows without a status come last in either direction.
    if (std::get<0>(before) == 9 || std::get<0>(after) == 9)
      CHECK(std::get<0>(before) <= std::get<0>(after));
    else if (descending)
      CHECK(before >= after);
    else
      CHECK(before <= after);
  }
  CHECK(ranks.size() >= 2);  // the demo data holds more than one kind of status
}

}  // namespace

TEST_CASE("sorted by status, the rows come as core counts them: most pressing first") {
  Demo demo;
  for (bool descending : {false, true}) {
    check_sorted_as_read(demo, documents_spec(), document_pressing, descending);
    check_sorted_as_read(demo, incidents_spec(), incident_pressing, descending);
    check_sorted_as_read(demo, accounts_spec(), account_pressing, descending);
    check_sorted_as_read(demo, comm_activities_spec(), activity_pressing, descending);
  }
}

TEST_CASE("sorted by status, the first page is the most overdue document") {
  Demo demo;
  RecordQuery open{&documents_spec(),
                   {{"answered_on", RecordFilter::Kind::is_null, {}, {}, "open"}},
                   "",
                   "effective_due_on",
                   false};
  auto first = db::fetch_records(demo.db, open, 0, 1, &demo.context);
  REQUIRE(first.size() == 1);
  RecordStatus status = documents_spec().status(first[0], demo.context);
  CHECK(status.tone == RecordStatus::Tone::bad);
  // The same rows by the due date: the oldest due date is the most overdue.
  auto by_due = db::fetch_records(demo.db, open, 0, 1);
  CHECK(status.text == documents_spec().status(by_due[0], demo.context).text);
}

TEST_CASE("every table whose records have a status can be sorted by it") {
  Database db = testing::open_test_database();
  ValidationContext context;
  context.today = demo_today;
  for (const TableSpec* spec :
       {&documents_spec(), &media_items_spec(), &incidents_spec(), &accounts_spec(),
        &comm_activities_spec(), &people_spec(), &press_releases_spec(), &review_decisions_spec(),
        &review_campaigns_spec(), &comm_plans_spec(), &newspaper_issues_spec(),
        &restore_tests_spec(), &incident_targets_spec(), &settings_spec()}) {
    INFO(spec->table);
    CHECK(db::status_order(db, *spec, context).has_value() == (spec->status != nullptr));
  }
}

TEST_CASE("working time in SQL counts as the working calendar does") {
  Database db = testing::open_test_database();
  WorkingCalendar calendar({*Date::parse_iso("2026-12-23")});  // an extra day off
  db::register_working_time(db, calendar);
  const std::string fn = db::working_time_prefix(db);
  auto days_between = [&](const char* from, const char* to) {
    return db.query_integer(
        "SELECT " + fn + "working_days_through(?) - " + fn + "working_days_through(?)", -1, to,
        from);
  };
  // Christmas week: 23.12 (the city's own), 24.–26.12 and the weekend are days off.
  CHECK(days_between("2026-12-22", "2026-12-28") ==
        calendar.working_days_between(*Date::parse_iso("2026-12-22"),
                                      *Date::parse_iso("2026-12-28")));
  CHECK(days_between("2026-12-22", "2026-12-28") == 1);
  // Easter 2027 and the years outside the table the counts are looked up in.
  for (auto [from, to] :
       {std::pair{"2027-03-24", "2027-04-02"}, std::pair{"1985-06-01", "1991-02-01"},
        std::pair{"2098-12-01", "2101-01-15"}})
    CHECK(days_between(from, to) ==
          calendar.working_days_between(*Date::parse_iso(from), *Date::parse_iso(to)));
  auto minutes = [&](const char* from, const char* to) {
    return db.query_integer("SELECT " + fn + "working_minute(?) - " + fn + "working_minute(?)", -1,
                            to, from);
  };
  for (auto [from, to] : {std::pair{"2026-11-20 16:30", "2026-11-23 09:15"},
                          std::pair{"2026-11-21 10:00", "2026-11-23 07:00"},
                          std::pair{"2026-12-22 18:00", "2026-12-28 17:00"}})
    CHECK(minutes(from, to) ==
          working_minutes_between(*DateTime::parse_iso(from), *DateTime::parse_iso(to), calendar));
  // A due moment's count is the opening's count plus the target; a moment after it in the same
  // count (the evening after a due time of 17:00) compares as later.
  DateTime opened = *DateTime::parse_iso("2026-11-20 16:30");
  for (int target : {30, 60, 540, 1620}) {
    DateTime due = add_working_minutes(opened, target, calendar);
    INFO(target << " minutes: due " << due.iso());
    CHECK(db.query_integer("SELECT " + fn + "working_minute(?) - " + fn + "working_minute(?)", -1,
                           due.iso(), opened.iso()) == target);
    for (int later : {0, 1, 60, 600}) {
      DateTime moment = due;
      moment.minute_of_day += later;
      if (moment.minute_of_day >= 24 * 60) continue;
      CHECK(db.query_integer("SELECT CASE WHEN " + fn + "working_moment(?) > " + fn +
                                 "working_minute(?) THEN 1 ELSE 0 END",
                             -1, moment.iso(), due.iso()) == (moment > due ? 1 : 0));
    }
  }
  CHECK(db.query_integer("SELECT CASE WHEN " + fn +
                             "working_days_through('not a date') IS NULL THEN 1 ELSE 0 END",
                         0) == 1);
}

TEST_CASE(
    "working time in SQL agrees with the calendar on every day, back to 1900 and up to 2199") {
  Database db = testing::open_test_database();
  WorkingCalendar calendar({*Date::parse_iso("2026-12-23"), *Date::parse_iso("1900-06-05")});
  db::register_working_time(db, calendar);
  const std::string fn = db::working_time_prefix(db);
  Statement day_after =
      db.prepare("SELECT " + fn + "working_days_through(?) - " + fn + "working_days_through(?), " +
                 fn + "working_minute(?) - " + fn + "working_minute(?)");
  for (auto [first, last] :
       {std::pair{"1900-01-01", "1900-07-01"}, std::pair{"2026-01-01", "2027-01-10"},
        std::pair{"2199-12-01", "2199-12-31"}}) {
    for (Date day = *Date::parse_iso(first); day <= *Date::parse_iso(last);
         day = day.plus_days(1)) {
      INFO(day.iso());
      DateTime noon{day, 12 * 60}, evening_before{day.plus_days(-1), 20 * 60};
      day_after.bind_all(day.iso(), day.plus_days(-1).iso(), noon.iso(), evening_before.iso());
      REQUIRE(day_after.step());
      CHECK(day_after.integer(0) == (calendar.is_working_day(day) ? 1 : 0));
      CHECK(day_after.integer(1) == working_minutes_between(evening_before, noon, calendar));
      day_after.reset();
    }
  }
}

TEST_CASE("a connection given another calendar counts by it from then on") {
  Database db = testing::open_test_database();
  const std::string fn = db::working_time_prefix(db);
  auto working_days = [&] {
    return db.query_integer("SELECT " + fn + "working_days_through('2026-12-31') - " + fn +
                                "working_days_through('2026-12-20')",
                            -1);
  };
  db::register_working_time(db, WorkingCalendar{});
  CHECK(working_days() == 7);  // 21.–23. and 28.–31.12: 24.–27.12 are days off
  db::register_working_time(db, WorkingCalendar({*Date::parse_iso("2026-12-23")}));
  CHECK(working_days() == 6);
  db::register_working_time(db, WorkingCalendar{});
  CHECK(working_days() == 7);
}

TEST_CASE("a record's position is where the sorted pages put it") {
  Demo demo;
  for (bool by_status : {false, true})
    for (bool descending : {false, true})
      for (const char* column : {"due_on", "title", "answered_on"}) {
        RecordQuery query{&documents_spec(), {}, "", column, descending};
        const ValidationContext* status = by_status ? &demo.context : nullptr;
        std::int64_t total = db::count_records(demo.db, query);
        std::vector<Record> rows = db::fetch_records(demo.db, query, 0, total, status);
        for (std::size_t i : {std::size_t{0}, rows.size() / 3, rows.size() / 2, rows.size() - 1}) {
          INFO(column << (descending ? " descending" : "") << (by_status ? " by status" : "")
                      << ", row " << i);
          CHECK(db::record_position(demo.db, query, rows[i].id, status) ==
                static_cast<std::int64_t>(i));
        }
      }
  RecordQuery answered{&documents_spec(),
                       {{"answered_on", RecordFilter::Kind::not_null, {}, {}, "answered"}},
                       "",
                       "",
                       false};
  auto open = db::fetch_records(demo.db,
                                {&documents_spec(),
                                 {{"answered_on", RecordFilter::Kind::is_null, {}, {}, "open"}},
                                 "",
                                 "",
                                 false},
                                0, 1);
  REQUIRE(open.size() == 1);
  CHECK_FALSE(db::record_position(demo.db, answered, open[0].id));  // not in that table
}
