// The media items by day and tone, as triggers keep them beside the items: always what counting
// the items afresh gives, after items are retoned, moved to other days, deleted, added and an
// edit undone; and the counts read from it equal the same counts over the items.

#include <catch2/catch.hpp>

#include <string>

#include "core/random.h"
#include "db/database.h"
#include "db/demo_writer.h"
#include "db/media_queries.h"
#include "db/media_summary.h"
#include "support/test_database.h"

using namespace raekoda;
using db::Database;

namespace {

const Date today = *Date::parse_iso("2026-11-22");

void check_summary_is_a_rebuild(Database& db) {
  std::vector<db::MediaOnDay> kept = db::read_media_summary(db);
  REQUIRE_FALSE(kept.empty());
  db::rebuild_media_summary(db);
  CHECK(db::read_media_summary(db) == kept);
}

// Each tone's items in the buckets from `starts`, counted over the items themselves.
void check_tones_counted_over_items(Database& db, const std::vector<Date>& starts) {
  auto counts = db::items_by_tone(db, starts, today);
  for (std::size_t t = 0; t < Tone_count; ++t)
    for (std::size_t b = 0; b < starts.size(); ++b) {
      Date until = b + 1 < starts.size() ? starts[b + 1].plus_days(-1) : today;
      INFO("tone " << t << ", bucket " << starts[b].iso());
      CHECK(counts[t][b] == db.query_integer("SELECT count(*) FROM media_items WHERE tone = ? "
                                             "AND published_on BETWEEN ? AND ?",
                                             -1, key_of(static_cast<Tone>(t)), starts[b], until));
    }
}

}  // namespace

TEST_CASE("the media summary equals a rebuild after items are retoned, moved, deleted and added") {
  Database db = testing::open_test_database();
  db::write_demo_data(db, DemoOptions{5, 1, 1, today});
  check_summary_is_a_rebuild(db);
  std::vector<db::MediaOnDay> before = db::read_media_summary(db);

  Random random(8);
  std::int64_t last = db.query_integer("SELECT max(id) FROM media_items", 0);
  REQUIRE(last > 100);
  const char* tones[] = {"negative", "neutral", "positive"};
  for (int i = 0; i < 30; ++i)
    db.exec("UPDATE media_items SET tone = '" + std::string(tones[random.between(0, 2)]) +
            "' WHERE id = " + std::to_string(random.between(1, static_cast<int>(last))));
  for (int i = 0; i < 20; ++i)
    db.exec("UPDATE media_items SET published_on = '" +
            today.plus_days(-random.between(0, 60)).iso() +
            "' WHERE id = " + std::to_string(random.between(1, static_cast<int>(last))));
  CHECK(db::read_media_summary(db) != before);
  check_summary_is_a_rebuild(db);

  db.exec(
      "DELETE FROM media_items WHERE id IN (SELECT id FROM media_items ORDER BY id DESC "
      "LIMIT 10)");
  db.exec(
      "INSERT INTO media_items (outlet_id, published_on, channel, language, title, tone, "
      "subject) SELECT outlet_id, '2026-11-21', channel, language, 'Uus lugu', tone, subject "
      "FROM media_items ORDER BY id LIMIT 5");
  check_summary_is_a_rebuild(db);

  std::vector<Date> weeks;
  for (int w = 25; w >= 0; --w) weeks.push_back(today.week_start().plus_days(-7 * w));
  check_tones_counted_over_items(db, weeks);
}
