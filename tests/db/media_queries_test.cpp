// The media report's figures against straightforward SQL over the items themselves, and the
// press releases' way to the chair, audited.

#include <catch2/catch.hpp>

#include <map>
#include <numeric>

#include "db/database.h"
#include "db/demo_writer.h"
#include "db/media_queries.h"
#include "db/press_releases.h"
#include "support/test_database.h"

using namespace raekoda;
using db::Database;

namespace {

const Date today = *Date::parse_iso("2026-11-22");

struct Fixture {
  Database db = testing::open_test_database();
  Fixture() { db::write_demo_data(db, DemoOptions{4, 2, 1, today}); }
  std::map<std::string, std::int64_t> tally(const std::string& column, const Period& p) {
    std::map<std::string, std::int64_t> counts;
    auto s = db.prepare("SELECT " + column +
                        ", count(*) FROM media_items WHERE published_on >= ? "
                        "AND published_on <= ? GROUP BY 1");
    s.bind_all(p.from, p.until);
    while (s.step()) counts[s.text(0)] = s.integer(1);
    return counts;
  }
};

template <class E, std::size_t N>
std::map<std::string, std::int64_t> as_map(const std::array<std::int64_t, N>& counts) {
  std::map<std::string, std::int64_t> result;
  for (std::size_t i = 0; i < N; ++i)
    if (counts[i]) result[std::string(key_of(static_cast<E>(i)))] = counts[i];
  return result;
}

}  // namespace

TEST_CASE("tallies by tone, outlet, channel and language match a count of the items") {
  Fixture x;
  for (PeriodKind kind : {PeriodKind::this_week, PeriodKind::this_month, PeriodKind::last_month,
                          PeriodKind::this_quarter}) {
    PeriodChoice choice{kind, {}};
    MediaFigures f = db::load_media_figures(x.db, today, choice);
    INFO(f.period.from.iso() << " " << f.period.until.iso());
    CHECK(as_map<Tone>(f.by_tone) == x.tally("tone", f.period));
    CHECK(as_map<Tone>(f.by_tone_previous) == x.tally("tone", f.previous));
    CHECK(as_map<Channel>(f.by_channel) == x.tally("channel", f.period));
    CHECK(as_map<ContentLanguage>(f.by_language) == x.tally("language", f.period));
    std::map<std::string, std::int64_t> outlets;
    for (const auto& o : f.outlets) outlets[std::to_string(o.id)] = o.items;
    CHECK(outlets == x.tally("outlet_id", f.period));
    std::int64_t subjects = 0;
    for (const auto& s : f.subjects) subjects += s.items;
    CHECK(subjects == f.items());
  }
}

TEST_CASE("share of voice by reach adds up to 100 % over the outlets") {
  Fixture x;
  MediaFigures f = db::load_media_figures(x.db, today, {PeriodKind::this_quarter, {}});
  REQUIRE(f.outlets.size() > 3);
  std::vector<std::int64_t> reach;
  double shares = 0;
  for (const auto& o : f.outlets) {
    reach.push_back(o.reach);
    shares += o.share_of_voice;
    CHECK(o.share_of_voice == Approx(static_cast<double>(o.reach) / f.reach_total));
  }
  CHECK(shares == Approx(1.0));
  CHECK(f.reach_total == std::accumulate(reach.begin(), reach.end(), std::int64_t{0}));
  CHECK(f.reach_total == x.db.query_integer("SELECT sum(reach) FROM media_items WHERE published_on "
                                            "BETWEEN ? AND ?",
                                            -1, f.period.from, f.period.until));
}

// Items the trend should have counted: from its first bucket's first day to the last bucket's
// last day, but not after today.
std::int64_t items_in_trend(Database& db, const MediaFigures& f) {
  Date until = std::min(f.trend_bucket_after(f.trend_buckets.back()).plus_days(-1), today);
  return db.query_integer("SELECT count(*) FROM media_items WHERE published_on BETWEEN ? AND ?", -1,
                          f.trend_buckets.front(), until);
}

std::int64_t counted(const MediaFigures& f) {
  std::int64_t sum = 0;
  for (std::int64_t total : f.trend_totals()) sum += total;
  return sum;
}

TEST_CASE("the trend follows the period and its comparison, counting every item once") {
  Fixture x;
  // This week beside last week, day by day: 9.11 to 22.11.
  MediaFigures week = db::load_media_figures(x.db, today, {PeriodKind::this_week, {}});
  CHECK(week.trend_step == TrendStep::day);
  REQUIRE(week.trend_buckets.size() == 14);
  CHECK(week.trend_buckets.front() == week.previous.from);
  CHECK(week.trend_buckets.back() == today);
  CHECK(counted(week) == items_in_trend(x.db, week));
  CHECK(counted(week) == week.items() + week.items_previous());

  // This month so far and 1–22 October, in calendar weeks: from the week of 1 October.
  MediaFigures month = db::load_media_figures(x.db, today, {PeriodKind::this_month, {}});
  CHECK(month.trend_step == TrendStep::week);
  CHECK(month.trend_buckets.front() == Date::parse_iso("2026-09-28"));
  CHECK(month.trend_buckets.back() == today.week_start());
  CHECK(counted(month) == items_in_trend(x.db, month));

  // A quarter and the same days of the quarter before: from July, still in weeks.
  MediaFigures quarter = db::load_media_figures(x.db, today, {PeriodKind::this_quarter, {}});
  CHECK(quarter.trend_step == TrendStep::week);
  CHECK(quarter.trend_buckets.front() == Date::parse_iso("2026-07-01")->week_start());
  CHECK(quarter.trend_buckets.size() == 21);
  CHECK(counted(quarter) == items_in_trend(x.db, quarter));

  // Last month and September: its last week is counted whole, into November's first day.
  MediaFigures last = db::load_media_figures(x.db, today, {PeriodKind::last_month, {}});
  CHECK(last.trend_buckets.front() == Date::parse_iso("2026-09-01")->week_start());
  CHECK(last.trend_buckets.back() == Date::parse_iso("2026-10-26"));
  CHECK(counted(last) == items_in_trend(x.db, last));

  // A year and the year before it, month by month.
  MediaFigures year = db::load_media_figures(
      x.db, today, {PeriodKind::custom, {*Date::parse_iso("2025-11-01"), today}});
  CHECK(year.trend_step == TrendStep::month);
  CHECK(year.trend_buckets.front() == year.previous.from.month_start());
  CHECK(year.trend_buckets.back() == today.month_start());
  CHECK(counted(year) == items_in_trend(x.db, year));
  CHECK(counted(year) >= year.items() + year.items_previous());

  // The heatmap counts the top outlets' items week by week, over at least twelve weeks.
  CHECK(week.heatmap_weeks.size() == 12);
  REQUIRE_FALSE(year.heatmap_outlets.empty());
  CHECK(year.heatmap_weeks.size() == 26);
  const auto& top = year.outlets[year.heatmap_outlets[0]];
  Date first = year.heatmap_weeks.front();
  std::int64_t cells = 0;
  for (std::size_t w = 0; w < year.heatmap_weeks.size(); ++w) cells += year.heatmap[w];
  CHECK(cells == x.db.query_integer("SELECT count(*) FROM media_items WHERE outlet_id = ? AND "
                                    "published_on BETWEEN ? AND ?",
                                    -1, top.id, first, today));
}

TEST_CASE("open rebuttals are the misleading items not yet answered, nearest due first") {
  Fixture x;
  MediaFigures f = db::load_media_figures(x.db, today, {});
  CHECK(static_cast<std::int64_t>(f.open_rebuttals.size()) ==
        x.db.query_integer("SELECT count(*) FROM media_items WHERE misleading = 1 AND "
                           "rebuttal_status IN ('needed', 'drafted', 'approved')",
                           -1));
  for (std::size_t i = 1; i < f.open_rebuttals.size(); ++i)
    if (f.open_rebuttals[i].due_on)
      CHECK(f.open_rebuttals[i - 1].due_on <= f.open_rebuttals[i].due_on);
}

TEST_CASE("a press release goes draft → awaiting → approved by the chair, each step audited") {
  Fixture x;
  db::Author author{"kommunikatsioonijuht", "2026-11-22 09:00:00"};
  x.db.exec(
      "INSERT INTO press_releases (id, title, author_id, drafted_on, state) "
      "VALUES (9001, 'Linnavolikogu kinnitas eelarve', 4, '2026-11-20', 'draft')");
  auto version = [&] {
    return x.db.query_integer("SELECT version FROM press_releases WHERE id = 9001", -1);
  };
  auto submitted =
      db::advance_release(x.db, 9001, version(), ReleaseStep::submit, "", today, author);
  REQUIRE(submitted.status == db::SaveStatus::saved);
  CHECK(submitted.current.value("state") == "awaiting_approval");

  db::Author chair{"volikogu.esimees", "2026-11-22 10:00:00"};
  auto approved =
      db::advance_release(x.db, 9001, version(), ReleaseStep::approve, "", today, chair);
  REQUIRE(approved.status == db::SaveStatus::saved);
  CHECK(approved.current.value("state") == "approved");
  CHECK(approved.current.value("approved_on") == "2026-11-22");
  std::int64_t chair_id = x.db.query_integer("SELECT council_chair_id FROM settings", -1);
  CHECK(chair_id > 0);
  CHECK(approved.current.value("approver_id") == std::to_string(chair_id));

  auto audit = x.db.prepare(
      "SELECT changed_by, field, before_value, after_value FROM audit_log "
      "WHERE table_name = 'press_releases' AND record_id = 9001 ORDER BY id");
  std::vector<std::string> rows;
  while (audit.step())
    rows.push_back(audit.text(0) + " " + audit.text(1) + " " + audit.text(2) + "→" + audit.text(3));
  CHECK(rows == std::vector<std::string>{
                    "kommunikatsioonijuht state draft→awaiting_approval",
                    "volikogu.esimees state awaiting_approval→approved",
                    "volikogu.esimees approver_id →" + std::to_string(chair_id),
                    "volikogu.esimees approved_on →2026-11-22",
                });
}

TEST_CASE("the chair sends a release back with a comment, a stale click changes nothing") {
  Fixture x;
  db::Author chair{"volikogu.esimees", "2026-11-22 10:00:00"};
  x.db.exec(
      "INSERT INTO press_releases (id, title, author_id, drafted_on, state) "
      "VALUES (9002, 'Teede remont: liikluspiirangud', 4, '2026-11-20', 'awaiting_approval')");
  std::int64_t shown = x.db.query_integer("SELECT version FROM press_releases WHERE id = 9002", -1);
  auto returned = db::advance_release(x.db, 9002, shown, ReleaseStep::send_back,
                                      "Lisa ümbersõidu kaart", today, chair);
  REQUIRE(returned.status == db::SaveStatus::saved);
  CHECK(returned.current.value("state") == "draft");
  CHECK(returned.current.value("return_comment") == "Lisa ümbersõidu kaart");
  // Approving from the screen as it was before the return: refused, nothing written.
  auto stale = db::advance_release(x.db, 9002, shown, ReleaseStep::approve, "", today, chair);
  CHECK(stale.status == db::SaveStatus::conflict);
  CHECK(x.db.query_integer("SELECT count(*) FROM press_releases WHERE id = 9002 AND state = "
                           "'draft'",
                           -1) == 1);
}
