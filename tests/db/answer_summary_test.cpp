// The answers per month, responder and type that triggers keep beside the documents: always what
// counting the documents afresh gives, after any way a document can change, and read back for
// any period as counting its days would; and both summaries built for a database of version 8.

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <tuple>

#include "core/random.h"
#include "core/record_spec.h"
#include "db/answer_summary.h"
#include "db/change_undo.h"
#include "db/database.h"
#include "db/decision_summary.h"
#include "db/demo_writer.h"
#include "db/import_writer.h"
#include "db/record_store.h"
#include "db/schema.h"
#include "support/temp_dir.h"
#include "support/test_database.h"

using namespace raekoda;
using db::AnswerTally;
using db::Database;

namespace {

const Date today = *Date::parse_iso("2026-11-22");
const db::Author secretary{"mari", "2026-11-22 10:15:00"};

// What the triggers kept, against a rebuild from the documents; the table is left rebuilt.
void check_summary_is_a_rebuild(Database& db) {
  std::vector<AnswerTally> kept = db::read_answer_summary(db);
  REQUIRE_FALSE(kept.empty());
  db::rebuild_answer_summary(db);
  std::vector<AnswerTally> rebuilt = db::read_answer_summary(db);
  REQUIRE(kept.size() == rebuilt.size());
  for (std::size_t i = 0; i < kept.size(); ++i) {
    INFO(kept[i].month.iso() << " " << kept[i].responder << " " << kept[i].doc_type);
    CHECK(kept[i] == rebuilt[i]);
  }
}

std::vector<Id> ids_of(Database& db, const std::string& sql) {
  std::vector<Id> ids;
  db::Statement select = db.prepare(sql);
  while (select.step()) ids.push_back(select.integer(0));
  return ids;
}

template <typename T>
const T& pick(Random& random, const std::vector<T>& from) {
  return from[static_cast<std::size_t>(
      random.between(0, static_cast<std::int64_t>(from.size()) - 1))];
}

// One random change of what a document's answer counts by: answered or not and when, the
// extension, the responder, the type. Each keeps the schema's checks.
void change_a_document(Database& db, Random& random, const std::vector<Id>& documents,
                       const std::vector<Id>& people) {
  Id id = pick(random, documents);
  auto original = db::load_record(db, documents_spec(), id);
  if (!original) return;
  Record edited = *original;
  auto registered = Date::parse_iso(original->value("registered_on").value_or(""));
  auto due = Date::parse_iso(original->value("due_on").value_or(""));
  if (!registered) return;
  switch (random.between(0, 3)) {
    case 0:  // answered, on time or late, or the answer taken back
      if (random.chance(0.2))
        edited.set("answered_on", std::nullopt);
      else
        edited.set("answered_on", registered->plus_days(random.between(0, 60)).iso());
      break;
    case 1:  // an extension granted or withdrawn
      if (!due) return;
      if (original->value("extended_due_on")) {
        edited.set("extended_due_on", std::nullopt);
        edited.set("extension_reason", std::nullopt);
      } else {
        edited.set("extended_due_on", due->plus_days(random.between(1, 30)).iso());
        edited.set("extension_reason", "Vajab lisaselgitusi");
      }
      break;
    case 2:  // another responder, or none
      if (random.chance(0.2))
        edited.set("responder_id", std::nullopt);
      else
        edited.set("responder_id", std::to_string(pick(random, people)));
      break;
    default:  // another type of the same direction
      edited.set("doc_type", random.chance(0.5) ? "information_request" : "memorandum");
      break;
  }
  auto saved = db::update_record(db, documents_spec(), *original, edited, secretary);
  CHECK(saved.status != db::SaveStatus::conflict);
}

// An answered request as a register exports it, which the import adds.
Record imported_request(int n) {
  Record record;
  record.set("reg_number", "7-1/2026-9" + std::to_string(n));
  record.set("doc_type", "information_request");
  record.set("direction", "incoming");
  record.set("registered_on", "2026-11-02");
  record.set("title", "Teabenõue");
  record.set("sender", "Jelena Smirnova");
  record.set("access_restricted", "0");
  record.set("due_on", "2026-11-09");
  record.set("answered_on", n % 2 ? "2026-11-06" : "2026-11-12");
  return record;
}

ValidationContext on_today() {
  ValidationContext context;
  context.today = today;
  context.now = DateTime{today, 12 * 60};
  return context;
}

using Groups = std::map<std::tuple<Date, Id, std::string>, std::pair<std::int64_t, std::int64_t>>;

std::vector<AnswerTally> listed(const Groups& groups) {
  std::vector<AnswerTally> rows;
  for (const auto& [key, n] : groups)
    if (n.first != 0 || n.second != 0)
      rows.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), n.first, n.second});
  return rows;
}

// The groups tally_answers hands over, summed, in (month, responder, type) order.
std::vector<AnswerTally> tallied(Database& db, const Period& period) {
  Groups groups;
  db::tally_answers(db, period, [&](const AnswerTally& tally) {
    auto& [answered, on_time] = groups[{tally.month, tally.responder, tally.doc_type}];
    answered += tally.answered;
    on_time += tally.on_time;
  });
  return listed(groups);
}

// The answers of a period counted from the documents alone, in (month, responder, type) order.
std::vector<AnswerTally> counted_afresh(Database& db, const Period& period) {
  Groups groups;
  db::Statement select = db.prepare(
      "SELECT answered_on, coalesce(responder_id, 0), doc_type, "
      "CASE WHEN answered_on <= coalesce(extended_due_on, due_on) THEN 1 ELSE 0 END "
      "FROM documents WHERE due_on IS NOT NULL AND answered_on BETWEEN ? AND ?");
  select.bind_all(period.from, period.until);
  while (select.step()) {
    auto& [answered, on_time] =
        groups[{select.date(0)->month_start(), select.integer(1), select.text(2)}];
    ++answered;
    on_time += select.integer(3);
  }
  return listed(groups);
}

}  // namespace

TEST_CASE("the answers summary equals a rebuild after edits, inserts, deletes, undo and import") {
  Database db = testing::open_test_database();
  db::write_demo_data(db, DemoOptions{11, 1, 1, today});
  check_summary_is_a_rebuild(db);
  std::vector<AnswerTally> before = db::read_answer_summary(db);

  std::vector<Id> documents = ids_of(db, "SELECT id FROM documents WHERE due_on IS NOT NULL");
  std::vector<Id> people = ids_of(db, "SELECT id FROM people");
  REQUIRE(documents.size() > 100);
  Random random(20261204);
  for (int i = 0; i < 200; ++i) change_a_document(db, random, documents, people);
  // The edits moved answers between months, responders and types: a summary the triggers did
  // not keep would differ from the rebuild below.
  CHECK(db::read_answer_summary(db) != before);
  check_summary_is_a_rebuild(db);

  // Undo of the last few saves, each an audited change of its own.
  for (int i = 0; i < 5; ++i) db::undo_last_change(db, secretary);
  check_summary_is_a_rebuild(db);

  // A new answered document, and a deleted one.
  Record added = db::insert_record(db, documents_spec(), imported_request(0), secretary);
  auto answered = ids_of(db,
                         "SELECT id FROM documents WHERE answered_on IS NOT NULL AND due_on "
                         "IS NOT NULL ORDER BY id LIMIT 1");
  REQUIRE(answered.size() == 1);
  auto gone = db::load_record(db, documents_spec(), answered[0]);
  REQUIRE(gone);
  CHECK(db::delete_record(db, documents_spec(), *gone, secretary).status == db::SaveStatus::saved);
  check_summary_is_a_rebuild(db);

  // An import of answered requests, and its undo.
  db::ImportWriter writer(db, {"documents", "register.csv", "", "Delta", secretary}, on_today(),
                          {});
  std::vector<FieldError> errors;
  for (int n = 1; n <= 20; ++n) {
    Record row = imported_request(n);
    std::string reg = *row.value("reg_number");
    writer.write(documents_spec(), {reg, {{"reg_number", reg}}}, row, static_cast<std::size_t>(n),
                 errors);
  }
  writer.commit();
  CHECK(errors.empty());
  check_summary_is_a_rebuild(db);
  Id import_id = db.query_integer("SELECT max(id) FROM imports", 0);
  REQUIRE(import_id > 0);
  db::undo_import(db, import_id, secretary);
  check_summary_is_a_rebuild(db);
}

TEST_CASE("answers of any period read from the summary are those counted from the documents") {
  Database db = testing::open_test_database();
  db::write_demo_data(db, DemoOptions{5, 2, 1, today});
  const std::vector<Period> periods{
      {*Date::parse_iso("2026-11-01"), today},                           // this month to today
      {today.plus_months(-12).plus_days(1), today},                      // the view's year
      {*Date::parse_iso("2026-10-01"), *Date::parse_iso("2026-10-31")},  // one whole month
      {*Date::parse_iso("2026-10-05"), *Date::parse_iso("2026-10-27")},  // inside one month
      {*Date::parse_iso("2026-10-29"), *Date::parse_iso("2026-10-31")},  // a month's last days
      {*Date::parse_iso("2025-02-27"), *Date::parse_iso("2026-03-02")},  // cut at both ends
      {today, today},                                                    // one day
      {*Date::parse_iso("2030-01-01"), *Date::parse_iso("2030-12-31")},  // nothing answered
  };
  for (const Period& period : periods) {
    INFO(period.from.iso() << ".." << period.until.iso());
    CHECK(tallied(db, period) == counted_afresh(db, period));
  }
  CHECK_FALSE(counted_afresh(db, periods[1]).empty());
}

TEST_CASE("a file or server of schema version 8 gets its summaries when it is opened") {
  testing::TempDir dir;
  std::string target = testing::shared_test_target(dir.path().string(), "v8.sqlite");
  std::vector<AnswerTally> expected;
  std::vector<db::CampaignDecisions> decisions;
  {
    Database db = Database::open(target, db::OpenMode::create_if_missing);
    db::write_demo_data(db, DemoOptions{3, 1, 1, today});
    expected = db::read_answer_summary(db);
    REQUIRE_FALSE(expected.empty());
    decisions = db::read_decision_summary(db);
    REQUIRE_FALSE(decisions.empty());
    // Back to version 8, as a file written before the summary was.
    testing::take_away_schema_9(db);
    db.exec(testing::on_postgres() ? "UPDATE raekoda_schema SET version = 8"
                                   : "PRAGMA user_version = 8");
  }
  Database upgraded = Database::open(target, db::OpenMode::existing);
  CHECK(upgraded.schema_version() == db::latest_schema_version());
  CHECK(db::read_answer_summary(upgraded) == expected);
  CHECK(db::read_decision_summary(upgraded) == decisions);
  // And the triggers came with it.
  upgraded.exec(
      "UPDATE documents SET answered_on = NULL WHERE id = (SELECT min(id) FROM "
      "documents WHERE answered_on IS NOT NULL AND due_on IS NOT NULL)");
  CHECK(db::read_answer_summary(upgraded) != expected);
  check_summary_is_a_rebuild(upgraded);
}
