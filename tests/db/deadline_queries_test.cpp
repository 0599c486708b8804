// The deadlines view's figures against the same figures counted by straightforward SQL over the
// documents themselves (no generated columns, no indexes relied on) and plain C++.

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "db/dashboard_queries.h"
#include "db/database.h"
#include "db/deadline_queries.h"
#include "db/demo_writer.h"
#include "db/people_queries.h"
#include "support/test_database.h"

using namespace raekoda;
using db::Database;

namespace {

// A Sunday, so that "today" is a day off, as on the weekend the secretary checks from home.
const Date today = *Date::parse_iso("2026-11-22");
constexpr const char* due = "coalesce(extended_due_on, due_on)";

struct Fixture {
  Database db = testing::open_test_database();
  WorkingCalendar calendar;
  DeadlineFigures f;
  Fixture() {
    db::write_demo_data(db, DemoOptions{3, 2, 1, today});
    calendar = db::load_working_calendar(db);
    f = db::load_deadline_figures(db, today, calendar);
  }
  std::int64_t count(const std::string& where, Date a = {}, Date b = {}) {
    return db.query_integer("SELECT count(*) FROM documents WHERE " + where, -1, a, b);
  }
};

}  // namespace

TEST_CASE("overdue and due-soon tiles count the unanswered documents by their due date in force") {
  Fixture x;
  CHECK(x.f.overdue_now > 0);
  CHECK(x.f.overdue_now ==
        x.count("answered_on IS NULL AND " + std::string(due) + " < ?1 AND ?2 = ?2", today, today));
  // Sunday 22.11: two working days on are Monday and Tuesday.
  CHECK(x.f.due_soon_until == *Date::parse_iso("2026-11-24"));
  CHECK(x.f.due_soon == x.count("answered_on IS NULL AND " + std::string(due) + " BETWEEN ? AND ?",
                                today, x.f.due_soon_until));
  REQUIRE(x.f.oldest_overdue_due);
  auto oldest = x.db.prepare(std::string("SELECT min(") + due +
                             ") FROM documents WHERE answered_on IS NULL AND " + due + " < ?");
  oldest.bind(1, today);
  REQUIRE(oldest.step());
  CHECK(x.f.oldest_overdue_due->iso() == oldest.text(0));
  CHECK(x.f.oldest_overdue_days == x.calendar.working_days_between(*x.f.oldest_overdue_due, today));
}

TEST_CASE("answers per month and on time match a count per month") {
  Fixture x;
  REQUIRE(x.f.months.size() == 12);
  CHECK(x.f.months.back() == today.month_start());
  for (std::size_t m = 0; m < 12; ++m) {
    Date first = x.f.months[m];
    Date last = std::min(first.plus_months(1).plus_days(-1), today);
    INFO(first.iso());
    CHECK(x.f.answered_per_month[m] ==
          x.count("due_on IS NOT NULL AND answered_on BETWEEN ? AND ?", first, last));
    CHECK(x.f.on_time_per_month[m] ==
          x.count("due_on IS NOT NULL AND answered_on BETWEEN ? AND ? AND answered_on <= " +
                      std::string(due),
                  first, last));
  }
  CHECK(x.f.answered_this_month == x.f.answered_per_month.back());
  CHECK(x.f.answered_on_time_this_month == x.f.on_time_per_month.back());
}

TEST_CASE("overdue at each week's end matches a count on that day") {
  Fixture x;
  REQUIRE(x.f.weeks.size() == 26);
  for (std::size_t w = 0; w < x.f.weeks.size(); ++w) {
    Date end = std::min(x.f.weeks[w].plus_days(6), today);
    INFO(end.iso());
    CHECK(x.f.overdue_at_week_end[w] ==
          x.count("due_on IS NOT NULL AND " + std::string(due) +
                      " < ?1 AND (answered_on IS NULL OR answered_on > ?1) AND ?2 = ?2",
                  end, end));
  }
  CHECK(x.f.overdue_at_week_end.back() == x.f.overdue_now);
}

TEST_CASE("ageing buckets hold every overdue document once, by working days overdue") {
  Fixture x;
  std::array<std::int64_t, 4> expected{};
  auto open = x.db.prepare(std::string("SELECT ") + due +
                           " FROM documents WHERE answered_on IS NULL AND " + due + " < ?");
  open.bind(1, today);
  while (open.step()) {
    int days = x.calendar.working_days_between(*open.date(0), today);
    expected[days <= 2 ? 0 : days <= 5 ? 1 : days <= 10 ? 2 : 3]++;
  }
  CHECK(x.f.ageing == expected);
  std::int64_t sum = 0;
  for (auto count : x.f.ageing) sum += count;
  CHECK(sum == x.f.overdue_now);
  // The due-date ranges the buckets open tile the past without gaps.
  for (std::size_t b = 0; b + 1 < 4; ++b) {
    REQUIRE(x.f.ageing_due_from[b]);
    CHECK(x.f.ageing_due_until[b + 1] == x.f.ageing_due_from[b]->plus_days(-1));
  }
  CHECK(x.f.ageing_due_until[0] == today.plus_days(-1));
  CHECK_FALSE(x.f.ageing_due_from[3]);
}

TEST_CASE("per responder, unit and type the counts match a GROUP BY over the documents") {
  Fixture x;
  auto overdue_by = [&](const std::string& key_sql, const std::string& join) {
    std::map<std::string, std::int64_t> counts;
    auto s = x.db.prepare("SELECT coalesce(CAST(" + key_sql +
                          " AS text), ''), count(*) FROM documents d " + join +
                          " WHERE d.answered_on IS NULL AND coalesce(d.extended_due_on, "
                          "d.due_on) < ? GROUP BY 1");
    s.bind(1, today);
    while (s.step()) counts[s.text(0)] = s.integer(1);
    return counts;
  };
  auto from_groups = [](const std::vector<DeadlineFigures::Group>& groups) {
    std::map<std::string, std::int64_t> counts;
    for (const auto& g : groups)
      if (g.overdue) counts[g.key] = g.overdue;
    return counts;
  };
  CHECK(from_groups(x.f.responders) == overdue_by("d.responder_id", ""));
  CHECK(from_groups(x.f.units) ==
        overdue_by("p.unit_id", "LEFT JOIN people p ON p.id = d.responder_id"));
  CHECK(from_groups(x.f.types) == overdue_by("d.doc_type", ""));
  // Most overdue first.
  for (std::size_t i = 1; i < x.f.responders.size(); ++i)
    CHECK(x.f.responders[i - 1].overdue >= x.f.responders[i].overdue);

  Date year_ago = today.plus_months(-12).plus_days(1);
  for (const auto& type : x.f.types) {
    INFO(type.key);
    CHECK(type.answered ==
          x.db.query_integer("SELECT count(*) FROM documents WHERE doc_type = ? AND due_on IS NOT "
                             "NULL AND answered_on BETWEEN ? AND ?",
                             -1, type.key, year_ago, today));
    CHECK(type.on_time ==
          x.db.query_integer("SELECT count(*) FROM documents WHERE doc_type = ? AND due_on IS NOT "
                             "NULL AND answered_on BETWEEN ? AND ? AND answered_on <= "
                             "coalesce(extended_due_on, due_on)",
                             -1, type.key, year_ago, today));
  }
}

TEST_CASE("the coming ten working days count what falls due on each, days off moved on") {
  Fixture x;
  REQUIRE(x.f.coming_days.size() == 10);
  CHECK(x.f.coming_days.front() == *Date::parse_iso("2026-11-23"));  // Monday after the Sunday
  for (Date day : x.f.coming_days) CHECK(x.calendar.is_working_day(day));
  std::int64_t sum = 0;
  for (auto count : x.f.due_on_day) sum += count;
  CHECK(sum == x.count("answered_on IS NULL AND " + std::string(due) + " BETWEEN ? AND ?", today,
                       x.f.coming_days.back()));
}

TEST_CASE("the median time to answer is the middle of the last 90 days' answers") {
  Fixture x;
  std::vector<int> days;
  auto s = x.db.prepare(
      "SELECT registered_on, answered_on FROM documents WHERE due_on IS NOT NULL AND answered_on "
      "BETWEEN ? AND ?");
  s.bind_all(today.plus_days(-89), today);
  while (s.step()) days.push_back(x.calendar.working_days_between(*s.date(0), *s.date(1)));
  REQUIRE(days.size() > 10);
  std::sort(days.begin(), days.end());
  std::size_t n = days.size();
  double median = n % 2 ? days[n / 2] : (days[n / 2 - 1] + days[n / 2]) / 2.0;
  CHECK(x.f.answers_for_median == static_cast<std::int64_t>(n));
  REQUIRE(x.f.median_days_to_answer);
  CHECK(*x.f.median_days_to_answer == Approx(median));
}

TEST_CASE("the on-time target comes from the city's settings") {
  Fixture x;
  CHECK(x.f.target == Approx(0.95));
  x.db.exec("UPDATE settings SET on_time_target_percent = 90");
  CHECK(db::load_deadline_figures(x.db, today, x.calendar).target == Approx(0.90));
}

TEST_CASE("a reminder reads the responder's open documents, earliest due first") {
  Fixture x;
  REQUIRE_FALSE(x.f.responders.empty());
  Id responder = std::stoll(x.f.responders.front().key);
  auto items = db::open_documents_of(x.db, responder);
  CHECK(static_cast<std::int64_t>(items.size()) ==
        x.db.query_integer("SELECT count(*) FROM documents WHERE responder_id = ? AND answered_on "
                           "IS NULL AND due_on IS NOT NULL",
                           -1, responder));
  for (std::size_t i = 1; i < items.size(); ++i) CHECK(items[i - 1].due <= items[i].due);
}

namespace {

// A demo responder with open documents and answers, the one with most open ones: their tiles
// then count something.
std::string busiest_responder(Database& db) {
  auto select = db.prepare(
      "SELECT p.login FROM people p JOIN person_roles r ON r.person_id = p.id "
      "WHERE r.role = 'responder' ORDER BY (SELECT count(*) FROM documents d "
      "WHERE d.responder_id = p.id AND d.answered_on IS NULL AND d.due_on IS NOT NULL) DESC, p.id");
  REQUIRE(select.step());
  return select.text(0);
}

}  // namespace

TEST_CASE("a responder's own tiles count their open documents, this week's and their answers") {
  Fixture x;
  x.db.set_viewer(db::find_viewer(x.db, busiest_responder(x.db), today));
  REQUIRE(x.db.viewer().person);
  Id me = *x.db.viewer().person;
  DeadlineFigures f = db::load_deadline_figures(x.db, today, x.calendar);
  const DeadlineFigures::Mine& mine = f.mine;
  REQUIRE(mine.shown);
  CHECK(mine.person == me);
  CHECK(mine.name == x.db.viewer().name);
  auto mine_count = [&](const std::string& where, Date a = today, Date b = today) {
    // The unused parameters are compared last, so that a server reads the used ones as dates.
    return x.db.query_integer("SELECT count(*) FROM documents WHERE responder_id = ?3 AND " +
                                  where + " AND ?1 = ?1 AND ?2 = ?2",
                              -1, a, b, me);
  };
  const std::string open = "answered_on IS NULL AND due_on IS NOT NULL";
  CHECK(mine.open > 0);
  CHECK(mine.open == mine_count(open));
  CHECK(mine.overdue == mine_count(open + " AND " + due + " < ?1"));
  CHECK(mine.overdue <= mine.open);

  // Sunday: this week's working days are over, the coming one's are counted, to its Friday. A
  // due date on its Saturday or Sunday falls due the Monday after, in the week after.
  CHECK(mine.next_week);
  CHECK(mine.week_until == *Date::parse_iso("2026-11-27"));
  Date sunday = *Date::parse_iso("2026-11-29");
  std::int64_t falling_due = 0;
  auto dues = x.db.prepare(std::string("SELECT ") + due +
                           " FROM documents WHERE responder_id = ? AND answered_on IS NULL AND " +
                           due + " >= ?");
  dues.bind_all(me, today);
  while (dues.step())
    if (x.calendar.working_day_on_or_after(*dues.date(0)) <= sunday) ++falling_due;
  CHECK(mine.due_this_week == falling_due);
  CHECK(mine.due_this_week ==
        mine_count(open + " AND " + due + " BETWEEN ?1 AND ?2", today, mine.week_until));

  Date year_ago = today.plus_months(-12).plus_days(1);
  CHECK(mine.answered > 0);
  CHECK(mine.answered ==
        mine_count("due_on IS NOT NULL AND answered_on BETWEEN ?1 AND ?2", year_ago, today));
  CHECK(mine.on_time == mine_count("due_on IS NOT NULL AND answered_on BETWEEN ?1 AND ?2 AND "
                                   "answered_on <= " +
                                       std::string(due),
                                   year_ago, today));
  // The same share the view gives them among all responders.
  auto theirs = std::find_if(f.responders.begin(), f.responders.end(),
                             [&](const auto& g) { return g.key == std::to_string(me); });
  REQUIRE(theirs != f.responders.end());
  CHECK(theirs->answered == mine.answered);
  CHECK(theirs->on_time == mine.on_time);
}

TEST_CASE("a responder's week runs to its last working day") {
  Fixture x;
  x.db.set_viewer(db::find_viewer(x.db, busiest_responder(x.db), today));
  // A Wednesday: this week, to Friday.
  auto wednesday = db::load_deadline_figures(x.db, *Date::parse_iso("2026-11-25"), x.calendar);
  CHECK_FALSE(wednesday.mine.next_week);
  CHECK(wednesday.mine.week_until == *Date::parse_iso("2026-11-27"));
  // Christmas Eve and Christmas Day, Thursday and Friday, are days off: the week ends on
  // Wednesday 23.12.
  auto christmas = db::load_deadline_figures(x.db, *Date::parse_iso("2026-12-22"), x.calendar);
  CHECK_FALSE(christmas.mine.next_week);
  CHECK(christmas.mine.week_until == *Date::parse_iso("2026-12-23"));
}

TEST_CASE("nobody at the keyboard, or one who answers no documents, has no tiles of their own") {
  Fixture x;
  CHECK_FALSE(x.f.mine.shown);  // the data layer's tests run as no person
  x.db.set_viewer(db::find_viewer(x.db, "nobody.at.all", today));
  REQUIRE_FALSE(x.db.viewer().person);
  CHECK_FALSE(db::load_deadline_figures(x.db, today, x.calendar).mine.shown);

  auto select = x.db.prepare(
      "SELECT p.login FROM people p WHERE p.login IS NOT NULL AND EXISTS (SELECT 1 FROM "
      "person_roles r WHERE r.person_id = p.id) AND NOT EXISTS (SELECT 1 FROM person_roles r "
      "WHERE r.person_id = p.id AND r.role = 'responder') ORDER BY p.id");
  REQUIRE(select.step());
  x.db.set_viewer(db::find_viewer(x.db, select.text(0), today));
  REQUIRE(x.db.viewer().person);
  auto f = db::load_deadline_figures(x.db, today, x.calendar);
  CHECK_FALSE(f.mine.shown);
  CHECK(f.mine.open == 0);
  CHECK(f.mine.answered == 0);
}

namespace {

// The figures the year's answers make, as one tuple per group, to hold a kept read against a
// fresh one.
std::vector<std::tuple<std::string, std::int64_t, std::int64_t>> answers_of(
    const std::vector<DeadlineFigures::Group>& groups) {
  std::vector<std::tuple<std::string, std::int64_t, std::int64_t>> rows;
  for (const auto& g : groups) rows.emplace_back(g.key, g.answered, g.on_time);
  std::sort(rows.begin(), rows.end());
  return rows;
}

void check_same_answers(const DeadlineFigures& kept, const DeadlineFigures& fresh) {
  CHECK(kept.answered_per_month == fresh.answered_per_month);
  CHECK(kept.on_time_per_month == fresh.on_time_per_month);
  CHECK(kept.answered_this_month == fresh.answered_this_month);
  CHECK(kept.answered_on_time_this_month == fresh.answered_on_time_this_month);
  CHECK(answers_of(kept.responders) == answers_of(fresh.responders));
  CHECK(answers_of(kept.types) == answers_of(fresh.types));
}

}  // namespace

TEST_CASE(
    "a reader's kept months of answers are used again until one of them changes, and then "
    "summed again") {
  Fixture x;
  db::KeptDeadlines kept;
  check_same_answers(db::load_deadline_figures(x.db, today, x.calendar, kept), x.f);
  REQUIRE(kept.answers.months.until == today.month_start().plus_days(-1));
  REQUIRE_FALSE(kept.answers.per_month.empty());

  // Kept sums are what the next read shows while no earlier month changes: a mark put into
  // them shows. A save in this month leaves them kept.
  Date marked = kept.answers.per_month.begin()->first;
  kept.answers.per_month.begin()->second.first += 1000;
  x.db.exec(
      "UPDATE documents SET answered_on = '2026-11-20' WHERE id = (SELECT min(id) FROM documents "
      "WHERE due_on IS NOT NULL AND answered_on IS NULL AND registered_on <= '2026-11-20')");
  DeadlineFigures after_this_month = db::load_deadline_figures(x.db, today, x.calendar, kept);
  DeadlineFigures fresh = db::load_deadline_figures(x.db, today, x.calendar);
  CHECK(after_this_month.answered_this_month == fresh.answered_this_month);
  CHECK(after_this_month.answered_this_month == x.f.answered_this_month + 1);
  auto at = month_index(fresh.months, marked);
  REQUIRE(at);
  CHECK(after_this_month.answered_per_month[*at] == fresh.answered_per_month[*at] + 1000);

  // An answer moved within an earlier month to another responder changes no month's sum, but
  // does change the month's rows: they are summed again, the mark gone.
  x.db.exec(
      "UPDATE documents SET responder_id = (SELECT max(id) FROM people) WHERE id = (SELECT "
      "min(id) FROM documents WHERE due_on IS NOT NULL AND answered_on BETWEEN '2026-06-01' AND "
      "'2026-06-30' AND coalesce(responder_id, 0) <> (SELECT max(id) FROM people))");
  fresh = db::load_deadline_figures(x.db, today, x.calendar);
  DeadlineFigures after_june = db::load_deadline_figures(x.db, today, x.calendar, kept);
  check_same_answers(after_june, fresh);
  CHECK(answers_of(fresh.responders) != answers_of(x.f.responders));

  // And on another day, with other whole months.
  Date later = *Date::parse_iso("2027-01-05");
  check_same_answers(db::load_deadline_figures(x.db, later, x.calendar, kept),
                     db::load_deadline_figures(x.db, later, x.calendar));
}

TEST_CASE("the responders' names are read again only when a person or a unit changes") {
  Fixture x;
  db::KeptDeadlines kept;
  db::load_deadline_figures(x.db, today, x.calendar, kept);
  auto named = [](const DeadlineFigures& f, const std::string& key) {
    for (const auto& g : f.responders)
      if (g.key == key) return g.name;
    return std::string("(none)");
  };
  DeadlineFigures f = db::load_deadline_figures(x.db, today, x.calendar, kept);
  auto first_named = std::find_if(f.responders.begin(), f.responders.end(),
                                  [](const auto& g) { return !g.key.empty(); });
  REQUIRE(first_named != f.responders.end());
  std::string key = first_named->key;
  Id responder = std::stoll(key);

  // A mark put into the kept names shows while nobody changes; a save of a document keeps it.
  kept.names.names[responder].person = "Märgitud Nimi";
  x.db.exec(
      "UPDATE documents SET version = version + 1 WHERE id = (SELECT min(id) FROM documents)");
  CHECK(named(db::load_deadline_figures(x.db, today, x.calendar, kept), key) == "Märgitud Nimi");

  // A person renamed, or a unit: both are read again, as from nothing.
  x.db.prepare("UPDATE people SET full_name = 'Uus Nimi', version = version + 1 WHERE id = ?")
      .bind(1, responder)
      .run();
  DeadlineFigures renamed = db::load_deadline_figures(x.db, today, x.calendar, kept);
  CHECK(named(renamed, key) == "Uus Nimi");
  CHECK(answers_of(renamed.responders) ==
        answers_of(db::load_deadline_figures(x.db, today, x.calendar).responders));
  x.db.exec(
      "UPDATE units SET name = 'Ümbernimetatud osakond', version = version + 1 WHERE id = "
      "(SELECT unit_id FROM people WHERE id = " +
      std::to_string(responder) + ")");
  DeadlineFigures moved = db::load_deadline_figures(x.db, today, x.calendar, kept);
  CHECK(std::any_of(moved.units.begin(), moved.units.end(),
                    [](const auto& g) { return g.name == "Ümbernimetatud osakond"; }));
}
