#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "core/working_calendar.h"
#include "support/test_database.h"
#include "db/dashboard_queries.h"
#include "db/database.h"
#include "db/demo_writer.h"

using namespace raekoda;
using db::Database;

namespace {

const Date today = *Date::parse_iso("2026-11-22");

// Keeps the generated records so the figures can be counted again in plain C++.
class Records final : public DemoSink {
public:
  std::vector<Person> people;
  std::vector<MediaItem> media;
  std::vector<Document> documents;
  std::vector<CommActivity> activities;
  std::vector<Incident> incidents;
  std::vector<Account> accounts;

  void add(const Unit&) override {}
  void add(const Institution&) override {}
  void add(const Person& p) override { people.push_back(p); }
  void add(const MediaOutlet&) override {}
  void add(const MediaItem& m) override { media.push_back(m); }
  void add(const PressRelease&) override {}
  void add(const Document& d) override { documents.push_back(d); }
  void add(const CommPlan&) override {}
  void add(const CommActivity& a) override { activities.push_back(a); }
  void add(const NewspaperIssue&) override {}
  void add(const Incident& i) override { incidents.push_back(i); }
  void add(const InformationSystem&) override {}
  void add(const Backup&) override {}
  void add(const RestoreTest&) override {}
  void add(const Account& a) override { accounts.push_back(a); }
  void add(const ReviewCampaign&) override {}
  void add(const AccessDecision&) override {}
};

template <class T, class F>
std::int64_t count_if(const std::vector<T>& items, F predicate) {
  return static_cast<std::int64_t>(std::count_if(items.begin(), items.end(), predicate));
}

}  // namespace

TEST_CASE("the overview's figures match a count of the records themselves") {
  DemoOptions options{5, 2, 1, today};
  Records records;
  generate_demo_data(options, records);
  Database db = testing::open_test_database();
  db::write_demo_data(db, options);
  DashboardFigures figures = db::load_dashboard_figures(db, DateTime{today, 23 * 60 + 59});
  const OverviewFigures& f = figures.overview;
  WorkingCalendar calendar;

  CHECK_FALSE(figures.database_empty);
  Date from = today.plus_days(-29);
  CHECK(f.media_items_30d == count_if(records.media, [&](const MediaItem& m) {
          return m.published_on >= from && m.published_on <= today;
        }));
  CHECK(f.media_items_prev_30d == count_if(records.media, [&](const MediaItem& m) {
          return m.published_on >= from.plus_days(-30) && m.published_on < from;
        }));
  CHECK(f.media_negative_30d == count_if(records.media, [&](const MediaItem& m) {
          return m.published_on >= from && m.tone == Tone::negative;
        }));

  auto effective_due = [](const Document& d) {
    return d.extended_due_on ? d.extended_due_on : d.due_on;
  };
  CHECK(f.documents_overdue == count_if(records.documents, [&](const Document& d) {
          return !d.answered_on && effective_due(d) && *effective_due(d) < today;
        }));
  Date soon = calendar.add_working_days(today, 2);
  CHECK(f.documents_due_soon == count_if(records.documents, [&](const Document& d) {
          return !d.answered_on && effective_due(d) && *effective_due(d) >= today &&
                 *effective_due(d) <= soon;
        }));
  CHECK(f.documents_overdue > 0);

  auto open_activity = [](const CommActivity& a) {
    return a.status == ActivityStatus::planned || a.status == ActivityStatus::in_progress;
  };
  CHECK(f.activities_late == count_if(records.activities, [&](const CommActivity& a) {
          return open_activity(a) && a.planned_until.value_or(a.planned_on) < today;
        }));
  CHECK(f.activities_next_14d == count_if(records.activities, [&](const CommActivity& a) {
          return open_activity(a) && a.planned_on >= today && a.planned_on <= today.plus_days(13);
        }));

  CHECK(f.incidents_open ==
        count_if(records.incidents, [](const Incident& i) { return !i.resolved_at; }));
  CHECK(f.security_incidents_quarter == count_if(records.incidents, [&](const Incident& i) {
          return i.is_security && i.opened_at.date >= today.quarter_start();
        }));

  std::map<Id, Person> people;
  for (const Person& p : records.people) people[p.id] = p;
  CHECK(f.leaver_accounts_active == count_if(records.accounts, [&](const Account& a) {
          const Person& p = people.at(a.person_id);
          return !a.revoked_on && p.left_on && *p.left_on <= today;
        }));
  CHECK(f.leaver_accounts_active > 0);
  CHECK(f.accounts_active ==
        count_if(records.accounts, [](const Account& a) { return !a.revoked_on; }));
}

TEST_CASE("every area's figures are read with the overview") {
  Database db = testing::open_test_database();
  db::write_demo_data(db, DemoOptions{1, 1, 1, today});
  DashboardFigures figures = db::load_dashboard_figures(db, DateTime{today, 23 * 60 + 59});
  for (View view : all_views) {
    INFO(view_key(view));
    CHECK(figures.has(view));
  }
  CHECK(figures.access->active_accounts == figures.overview.accounts_active);
  CHECK(figures.deadlines->overdue_now == figures.overview.documents_overdue);
  CHECK(figures.plan->late_now == figures.overview.activities_late);
  CHECK(static_cast<std::int64_t>(figures.incidents->open.size()) ==
        figures.overview.incidents_open);
  // Only the views asked for are read.
  std::array<View, 1> only = {View::media};
  DashboardFigures some = db::load_dashboard_figures(db, DateTime{today, 600}, only);
  CHECK(some.has(View::media));
  CHECK_FALSE(some.has(View::deadlines));
  // The trends under the overview's tiles are the overview's own figures, read only for it.
  CHECK_FALSE(some.has(View::overview));
  CHECK(some.overview.trend_weeks.empty());
  std::array<View, 1> overview = {View::overview};
  CHECK(db::load_dashboard_figures(db, DateTime{today, 600}, overview).has(View::overview));
}

TEST_CASE("an empty database gives zeros and says it is empty") {
  Database db = testing::open_test_database();
  DashboardFigures figures = db::load_dashboard_figures(db, DateTime{today, 23 * 60 + 59});
  CHECK(figures.database_empty);
  CHECK(figures.overview.documents_overdue == 0);
  CHECK(figures.plan->plans.empty());
  CHECK(figures.incidents->open.empty());
  CHECK(figures.access->leaver_accounts.empty());
}

TEST_CASE("each tile's trend counts its figure at every week's end, as the records say") {
  DemoOptions options{5, 2, 1, today};
  Records records;
  generate_demo_data(options, records);
  Database db = testing::open_test_database();
  db::write_demo_data(db, options);
  const OverviewFigures f = db::load_dashboard_figures(db, DateTime{today, 23 * 60 + 59}).overview;

  REQUIRE(f.trend_weeks.size() == static_cast<std::size_t>(overview_trend_weeks));
  CHECK(f.trend_weeks.back() == today.week_start());
  std::vector<Date> days = week_end_days(f.trend_weeks, today);
  CHECK(days.back() == today);
  CHECK(days.front() == f.trend_weeks.front().plus_days(6));

  std::map<Id, Person> people;
  for (const Person& p : records.people) people[p.id] = p;
  for (std::size_t w = 0; w < days.size(); ++w) {
    Date day = days[w];
    INFO(day.iso());
    CHECK(f.media_items_per_week[w] == count_if(records.media, [&](const MediaItem& m) {
            return m.published_on >= f.trend_weeks[w] && m.published_on <= day;
          }));
    CHECK(f.overdue_at_week_end[w] == count_if(records.documents, [&](const Document& d) {
            auto due = d.extended_due_on ? d.extended_due_on : d.due_on;
            return due && *due < day && (!d.answered_on || *d.answered_on > day);
          }));
    CHECK(f.late_at_week_end[w] == count_if(records.activities, [&](const CommActivity& a) {
            bool counted = a.status == ActivityStatus::planned ||
                           a.status == ActivityStatus::in_progress ||
                           a.status == ActivityStatus::done;
            return counted && a.planned_until.value_or(a.planned_on) < day &&
                   (!a.done_on || *a.done_on > day);
          }));
    CHECK(f.open_incidents_at_week_end[w] == count_if(records.incidents, [&](const Incident& i) {
            return i.opened_at.date <= day && (!i.resolved_at || i.resolved_at->date > day);
          }));
    CHECK(f.leaver_accounts_at_week_end[w] == count_if(records.accounts, [&](const Account& a) {
            const Person& p = people.at(a.person_id);
            return p.left_on && *p.left_on <= day && a.granted_on <= day &&
                   (!a.revoked_on || *a.revoked_on > day);
          }));
  }
  // The last week ends today: its figures are the tiles'.
  CHECK(f.overdue_at_week_end.back() == f.documents_overdue);
  CHECK(f.late_at_week_end.back() == f.activities_late);
  CHECK(f.open_incidents_at_week_end.back() == f.incidents_open);
  CHECK(f.leaver_accounts_at_week_end.back() == f.leaver_accounts_active);
  // Not a flat line: the weeks differ.
  CHECK(std::set<std::int64_t>(f.overdue_at_week_end.begin(), f.overdue_at_week_end.end()).size() >
        1);
}

TEST_CASE("a span holds from its first day until the day it ends") {
  Date monday = *Date::parse_iso("2026-11-16");
  std::vector<Date> days = {monday, monday.plus_days(1), monday.plus_days(2)};
  std::vector<DaySpan> spans = {{monday.plus_days(1), monday.plus_days(2)},   // one day only
                                {monday, std::nullopt},                       // still holds
                                {monday.plus_days(2), monday.plus_days(2)}};  // never
  CHECK(count_holding_on(days, spans) == std::vector<std::int64_t>{1, 2, 1});
  CHECK(week_end_days({monday, monday.plus_days(7)}, monday.plus_days(9)) ==
        std::vector<Date>{monday.plus_days(6), monday.plus_days(9)});
}
