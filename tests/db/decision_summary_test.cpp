// Each review campaign's decisions by kind, as triggers keep them beside the decisions: always
// what counting the decisions afresh gives, after a campaign is started, decided, undone and
// deleted.

#include <catch2/catch.hpp>

#include "core/random.h"
#include "db/access_queries.h"
#include "db/database.h"
#include "db/decision_summary.h"
#include "db/demo_writer.h"
#include "db/record_store.h"
#include "support/test_database.h"

using namespace raekoda;
using db::CampaignDecisions;
using db::Database;

namespace {

const Date today = *Date::parse_iso("2026-11-22");
const db::Author it_lead{"tiit", "2026-11-22 10:15:00"};

// What the triggers kept, against a rebuild from the decisions; the table is left rebuilt.
void check_summary_is_a_rebuild(Database& db) {
  std::vector<CampaignDecisions> kept = db::read_decision_summary(db);
  REQUIRE_FALSE(kept.empty());
  db::rebuild_decision_summary(db);
  CHECK(db::read_decision_summary(db) == kept);
}

}  // namespace

TEST_CASE(
    "the decisions summary equals a rebuild after a campaign is started, decided, undone "
    "and deleted") {
  Database db = testing::open_test_database();
  db::write_demo_data(db, DemoOptions{7, 1, 1, today});
  check_summary_is_a_rebuild(db);
  std::vector<CampaignDecisions> before = db::read_decision_summary(db);

  db::StartedCampaign started = db::start_campaign(
      db, {"Ülevaatus 2027", Id{1}, true, {}, today.plus_days(30)}, today, it_lead);
  REQUIRE(started.accounts > 10);
  CHECK(db::read_decision_summary(db) != before);
  check_summary_is_a_rebuild(db);

  // Decisions of every kind, then some changed again and undone.
  db::Statement pending =
      db.prepare("SELECT id, version FROM review_decisions WHERE campaign_id = ? ORDER BY id");
  pending.bind(1, started.id);
  std::vector<std::pair<Id, std::int64_t>> decisions;
  while (pending.step()) decisions.emplace_back(pending.integer(0), pending.integer(1));
  Random random(4);
  const ReviewDecision kinds[] = {ReviewDecision::keep, ReviewDecision::revoke,
                                  ReviewDecision::reduce};
  for (std::size_t i = 0; i < 40 && i < decisions.size(); ++i) {
    auto [id, version] = decisions[i];
    ReviewDecision what = kinds[random.between(0, 2)];
    auto saved = db::decide(db, id, version, what,
                            what == ReviewDecision::keep ? "" : "Ei vaja enam", today, it_lead);
    CHECK(saved.status == db::SaveStatus::saved);
  }
  check_summary_is_a_rebuild(db);
  for (int i = 0; i < 5; ++i) db::undo_last_change(db, it_lead);
  check_summary_is_a_rebuild(db);

  // A campaign deleted takes its decisions, and the summary its counts.
  db.exec("DELETE FROM review_campaigns WHERE id = " + std::to_string(started.id));
  CHECK(db::read_decision_summary(db) == before);
  check_summary_is_a_rebuild(db);
}
