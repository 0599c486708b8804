// A campaign's decisions by day and decider, and each account's last review, as triggers keep
// them beside the accounts and decisions: always what counting afresh gives, after decisions
// are made on several days, undone, moved, accounts granted and revoked, and a campaign deleted;
// and the figures read from them equal the same figures counted over the decisions.

#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "core/random.h"
#include "db/access_queries.h"
#include "db/answer_summary.h"
#include "db/change_undo.h"
#include "db/database.h"
#include "db/demo_writer.h"
#include "db/media_summary.h"
#include "db/record_store.h"
#include "db/review_summary.h"
#include "db/schema.h"
#include "db/summary_sql.h"
#include "support/temp_dir.h"
#include "support/test_database.h"

using namespace raekoda;
using db::Database;

namespace {

const Date today = *Date::parse_iso("2026-11-22");
const db::Author it_lead{"tiit", "2026-11-22 10:15:00"};

// What the triggers kept, against a rebuild from the accounts and decisions; the tables are
// left rebuilt.
void check_summary_is_a_rebuild(Database& db) {
  std::vector<db::DecisionsOnDay> days = db::read_decisions_by_day(db);
  std::vector<db::AccountReview> accounts = db::read_account_reviews(db);
  REQUIRE_FALSE(accounts.empty());
  db::rebuild_review_summary(db);
  CHECK(db::read_decisions_by_day(db) == days);
  CHECK(db::read_account_reviews(db) == accounts);
}

// The count the access view shows, made the long way over the decisions.
std::int64_t not_reviewed_counted(Database& db, Date on) {
  return db.query_integer(
      "SELECT count(*) FROM accounts a WHERE a.revoked_on IS NULL AND NOT EXISTS "
      "(SELECT 1 FROM review_decisions d WHERE d.account_id = a.id AND d.decided_on >= ?)",
      -1, on.plus_months(-12));
}

// Each decider's decisions in the burn-up, against the decisions themselves.
void check_burnup(Database& db, Date on) {
  AccessFigures f = db::load_access_figures(db, on, 0);
  REQUIRE(f.current);
  const auto& c = f.campaigns[*f.current];
  REQUIRE_FALSE(f.burnup_days.empty());
  for (const auto& person : f.burnup) {
    INFO("decided by " << person.person);
    CHECK(person.cumulative.back() ==
          db.query_integer("SELECT count(*) FROM review_decisions WHERE campaign_id = ? AND "
                           "coalesce(decided_by_id, 0) = ? AND decided_on IS NOT NULL",
                           -1, c.id, person.person));
  }
  CHECK(f.not_reviewed_12m == not_reviewed_counted(db, on));
}

}  // namespace

TEST_CASE(
    "the review summaries equal a rebuild after decisions on several days, undo, moves, grants, "
    "revocations and a deleted campaign") {
  Database db = testing::open_test_database();
  db::write_demo_data(db, DemoOptions{7, 1, 1, today});
  check_summary_is_a_rebuild(db);
  std::vector<db::DecisionsOnDay> before = db::read_decisions_by_day(db);

  db::StartedCampaign started = db::start_campaign(
      db, {"Ülevaatus 2027", Id{1}, true, {}, today.plus_days(30)}, today, it_lead);
  REQUIRE(started.accounts > 10);
  check_summary_is_a_rebuild(db);

  db::Statement pending =
      db.prepare("SELECT id, version FROM review_decisions WHERE campaign_id = ? ORDER BY id");
  pending.bind(1, started.id);
  std::vector<std::pair<Id, std::int64_t>> decisions;
  while (pending.step()) decisions.emplace_back(pending.integer(0), pending.integer(1));
  Random random(11);
  const ReviewDecision kinds[] = {ReviewDecision::keep, ReviewDecision::revoke,
                                  ReviewDecision::reduce};
  for (std::size_t i = 0; i < 40 && i < decisions.size(); ++i) {
    auto [id, version] = decisions[i];
    ReviewDecision what = kinds[random.between(0, 2)];
    Date day = today.plus_days(random.between(0, 4));
    auto saved = db::decide(db, id, version, what,
                            what == ReviewDecision::keep ? "" : "Ei vaja enam", day, it_lead);
    CHECK(saved.status == db::SaveStatus::saved);
  }
  CHECK(db::read_decisions_by_day(db) != before);
  check_summary_is_a_rebuild(db);
  check_burnup(db, today.plus_days(4));
  for (int i = 0; i < 5; ++i) db::undo_last_change(db, it_lead);
  check_summary_is_a_rebuild(db);

  // A decision moved to another day and to nobody, as a fix in the sqlite3 shell would.
  db.exec(
      "UPDATE review_decisions SET decided_on = '2026-11-30', decided_by_id = NULL WHERE id = "
      "(SELECT min(id) FROM review_decisions WHERE decided_on IS NOT NULL AND campaign_id = " +
      std::to_string(started.id) + ")");
  check_summary_is_a_rebuild(db);
  check_burnup(db, today.plus_days(8));

  // An account granted, one revoked, one of a decision-less kind deleted.
  db.exec(
      "INSERT INTO accounts (person_id, system_id, username, privilege, granted_on) "
      "SELECT person_id, system_id, 'uus.kasutaja', 'user', '2026-11-20' FROM accounts "
      "WHERE id = (SELECT min(id) FROM accounts)");
  db.exec(
      "UPDATE accounts SET revoked_on = '2026-11-22' WHERE id = (SELECT min(account_id) FROM "
      "review_decisions WHERE decided_on IS NOT NULL)");
  check_summary_is_a_rebuild(db);
  CHECK(db::load_access_figures(db, today, 0).not_reviewed_12m == not_reviewed_counted(db, today));
  db.exec("DELETE FROM accounts WHERE username = 'uus.kasutaja'");
  check_summary_is_a_rebuild(db);

  // A campaign deleted takes its decisions, and the summaries their days and reviews.
  std::vector<db::AccountReview> reviewed = db::read_account_reviews(db);
  db.exec("DELETE FROM review_campaigns WHERE id = " + std::to_string(started.id));
  CHECK(db::read_decisions_by_day(db) == before);
  CHECK(db::read_account_reviews(db) != reviewed);
  check_summary_is_a_rebuild(db);
  CHECK(db::load_access_figures(db, today, 0).not_reviewed_12m == not_reviewed_counted(db, today));
}

TEST_CASE(
    "a database of schema version 9 gets the review and media summaries with what they count, "
    "and the answer months' counts of changes") {
  testing::TempDir dir;
  std::string target = testing::shared_test_target(dir.path().string(), "v9.sqlite");
  std::vector<db::DecisionsOnDay> days;
  std::vector<db::AccountReview> accounts;
  std::vector<db::MediaOnDay> media;
  {
    Database db = Database::open(target, db::OpenMode::create_if_missing);
    db::write_demo_data(db, DemoOptions{3, 1, 1, today});
    days = db::read_decisions_by_day(db);
    REQUIRE_FALSE(days.empty());
    accounts = db::read_account_reviews(db);
    media = db::read_media_summary(db);
    REQUIRE_FALSE(media.empty());
    testing::take_away_schema_10(db);
    db.exec(testing::on_postgres() ? "UPDATE raekoda_schema SET version = 9"
                                   : "PRAGMA user_version = 9");
  }
  Database upgraded = Database::open(target, db::OpenMode::existing);
  CHECK(upgraded.schema_version() == db::latest_schema_version());
  CHECK(db::read_decisions_by_day(upgraded) == days);
  CHECK(db::read_account_reviews(upgraded) == accounts);
  CHECK(db::read_media_summary(upgraded) == media);
  // And the triggers came with it.
  upgraded.exec(
      "UPDATE accounts SET revoked_on = granted_on WHERE id = (SELECT min(id) FROM "
      "accounts WHERE revoked_on IS NULL)");
  CHECK(db::read_account_reviews(upgraded) != accounts);
  check_summary_is_a_rebuild(upgraded);

  auto versions = [&] {
    return db::month_versions(upgraded, db::answer_months_table, *Date::parse_iso("2000-01-01"),
                              *Date::parse_iso("2030-12-31"));
  };
  std::map<std::string, std::int64_t> months = versions();
  upgraded.exec(
      "UPDATE documents SET answered_on = NULL WHERE id = (SELECT min(id) FROM documents WHERE "
      "answered_on IS NOT NULL AND due_on IS NOT NULL)");
  CHECK(versions() != months);
}
