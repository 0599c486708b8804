// The media report, clicked as the communications manager and the council chair would.

#include <catch2/catch.hpp>

#include "core/i18n.h"
#include "db/record_store.h"
#include "support/dashboard_session.h"

using namespace raekoda;

using Session = testing::DashboardSession;

namespace {

const MediaFigures& open_media(Session& session) {
  session.click("switcher.media");
  session.frame();
  session.frame();
  REQUIRE(session.figures().media);
  return *session.figures().media;
}

std::int64_t count(Session& session, const std::string& sql, Date from, Date until) {
  return session.controller.database().query_integer(sql, -1, from, until);
}

}  // namespace

TEST_CASE("a stacked segment of coverage by tone opens exactly that week's items of that tone") {
  set_language(Language::et);
  Session session;
  const MediaFigures f = open_media(session);
  std::size_t last = f.trend_buckets.size() - 1;
  // The last week with negative items.
  while (last > 0 && f.trend_by_tone[0][last] == 0) --last;
  REQUIRE(f.trend_by_tone[0][last] > 0);
  auto x = session.bucket_x("plot.media_tone", "media_tone", last);
  REQUIRE(x);
  REQUIRE(session.click_bar_until("plot.media_tone", *x, [](const ui::TableState& table) {
    return table.query.filters.size() == 2 && table.query.filters[1].value == "negative";
  }));
  const ui::TableState& table = *session.ui().table;
  CHECK(table.total == f.trend_by_tone[0][last]);
  Date week = f.trend_buckets[last];
  CHECK(table.total == count(session,
                             "SELECT count(*) FROM media_items WHERE tone = 'negative' AND "
                             "published_on BETWEEN ? AND ?",
                             week, week.plus_days(6)));
  for (const Record& row : table.rows) CHECK(row.value("tone") == "negative");
}

TEST_CASE("picking last month reads its figures and compares them with the month before") {
  set_language(Language::et);
  Session session;
  open_media(session);
  session.click("media.period.last_month");
  session.frame();
  const MediaFigures& f = *session.figures().media;
  CHECK(f.period.from == *Date::parse_iso("2026-10-01"));
  CHECK(f.period.until == *Date::parse_iso("2026-10-31"));
  CHECK(f.previous.from == *Date::parse_iso("2026-09-01"));
  CHECK(f.items() == count(session,
                           "SELECT count(*) FROM media_items WHERE published_on BETWEEN ? "
                           "AND ?",
                           f.period.from, f.period.until));
  // The first tile opens the month's items.
  session.click("tile.media.items");
  session.frame();
  REQUIRE(session.ui().table);
  CHECK(session.ui().table->total == f.items());
}

TEST_CASE("a custom range typed as dd.mm.yyyy is read once both ends are real days") {
  set_language(Language::et);
  Session session;
  open_media(session);
  session.click("media.period.custom");
  session.click("media.period.from");
  session.press(ImGui::GetKeyIndex(ImGuiKey_A), /*ctrl=*/true);
  session.type("30.02.2026");  // no such day: the range stays as it was
  session.frame();
  CHECK(session.figures().media->period.from == *Date::parse_iso("2026-11-01"));
  session.press(ImGui::GetKeyIndex(ImGuiKey_A), /*ctrl=*/true);
  session.type("01.03.2026");
  session.frame();
  const MediaFigures& f = *session.figures().media;
  CHECK(f.period.from == *Date::parse_iso("2026-03-01"));
  CHECK(f.period.until == *Date::parse_iso("2026-11-22"));
  CHECK(f.trend_step == TrendStep::month);
}

TEST_CASE("the chair approves a press release in one click, and sends another back") {
  set_language(Language::et);
  Session session;
  db::Database& db = session.controller.database();
  db.exec(
      "UPDATE press_releases SET state = 'published' WHERE state <> 'published' AND "
      "approved_on IS NOT NULL AND published_on IS NOT NULL");
  db.exec("DELETE FROM press_releases WHERE state <> 'published'");
  db.exec(
      "INSERT INTO press_releases (id, title, author_id, drafted_on, state) VALUES "
      "(9001, 'Volikogu kinnitas eelarve', 4, '2026-11-19', 'awaiting_approval'), "
      "(9002, 'Teede remont: liikluspiirangud', 4, '2026-11-20', 'awaiting_approval')");
  session.controller.refresh();
  const MediaFigures& f = open_media(session);
  REQUIRE(f.awaiting_approval == 2);
  REQUIRE(f.releases.at(0).id == 9001);

  session.click("media.release.0.approve");
  CHECK(session.controller.session().notice == "Pressiteade kinnitatud.");
  CHECK(db.query_integer("SELECT count(*) FROM press_releases WHERE id = 9001 AND state = "
                         "'approved'",
                         -1) == 1);
  CHECK(session.figures().media->awaiting_approval == 1);

  // 9002 is now the first awaiting one.
  session.click("media.release.0.send_back");
  session.click("media.release.comment");
  session.type("Lisa ümbersõidu kaart");
  session.click("media.release.send_back_confirm");
  CHECK(db.query_integer("SELECT count(*) FROM press_releases WHERE id = 9002 AND state = 'draft' "
                         "AND return_comment = 'Lisa ümbersõidu kaart'",
                         -1) == 1);
  auto history = db::record_history(db, press_releases_spec(), 9002);
  REQUIRE_FALSE(history.empty());
  CHECK(history.front().change_id == history.back().change_id);  // one save, several fields
}

TEST_CASE("the chair's review shows on one screen and saves as one picture") {
  set_language(Language::et);
  Session session;
  open_media(session);
  session.click("media.review");
  CHECK(session.ui().media_review);
  session.frame();
  // Everything of the review is on screen: tiles, tone, outlets, rebuttals.
  for (const char* item : {"tile.media.items", "plot.media_tone", "plot.media_outlets"}) {
    INFO(item);
    REQUIRE(session.probe.has(item));
    CHECK(session.probe.items.at(item).max.y <= 1000);
  }
  // The review is drawn again alone for the picture (the window does it after the frame), not
  // cut from the window with its top bar and notice line.
  session.click("media.review.save");
  CHECK(session.ui().save_review_image);
  CHECK(session.ui().image_requests.empty());
}

TEST_CASE("the trend follows the period picked: this week by day, a quarter by week") {
  set_language(Language::et);
  Session session;
  session.click("switcher.media");
  session.frame();
  session.click("media.period.this_week");
  session.frame();
  session.frame();
  const MediaFigures* f = &*session.figures().media;
  REQUIRE(f->choice.kind == PeriodKind::this_week);
  CHECK(f->trend_step == TrendStep::day);
  // This week and the week it is compared with, and nothing before.
  CHECK(f->trend_buckets.size() == 14);
  CHECK(f->trend_buckets.front() == f->previous.from);
  session.click("media.period.this_quarter");
  session.frame();
  session.frame();
  f = &*session.figures().media;
  CHECK(f->trend_step == TrendStep::week);
  CHECK(f->trend_buckets.front() == f->previous.from.week_start());
  CHECK(f->trend_buckets.back() == f->period.until.week_start());
}
