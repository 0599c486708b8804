// The access view's figures against direct counts, on hand-made cases and on demo data; the
// campaign steps and their audit rows.

#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "core/collation.h"
#include "core/i18n.h"
#include "core/roles.h"
#include "db/access_queries.h"
#include "db/dashboard_queries.h"
#include "db/database.h"
#include "db/demo_writer.h"
#include "db/record_store.h"
#include "support/test_database.h"

using namespace raekoda;
using db::Database;

namespace {

const Date today = *Date::parse_iso("2026-11-22");
const db::Author it_lead{"it.juht", "2026-11-22 10:00:00"};

std::int64_t count(Database& db, const std::string& sql) {
  return db.query_integer(sql, -1);
}

// A small city: one unit, two systems, people who left at different times.
Database small_city() {
  Database db = testing::open_test_database();
  db.exec(R"sql(
    INSERT INTO units (id, name) VALUES (1, 'Linnakantselei');
    INSERT INTO information_systems (id, name, kind) VALUES (1, 'E-post', 'email'),
                                                           (2, 'Dokumendihaldus', 'document_management');
    INSERT INTO people (id, full_name, unit_id, joined_on, left_on) VALUES
      (1, 'Jäänud Töötaja', 1, '2020-01-06', NULL),
      (2, 'Lahkus Eile', 1, '2020-01-06', '2026-11-21'),
      (3, 'Lahkub Täna', 1, '2020-01-06', '2026-11-22'),
      (4, 'Lahkub Homme', 1, '2020-01-06', '2026-11-23'),
      (5, 'Tuli Tagasi', 1, '2026-09-01', NULL);
    INSERT INTO accounts (id, person_id, system_id, username, privilege, granted_on, revoked_on) VALUES
      (1, 1, 1, 'jaanud', 'user', '2020-01-06', NULL),
      (2, 2, 1, 'eile', 'user', '2020-01-06', NULL),
      (3, 2, 2, 'eile', 'admin', '2020-01-06', '2026-11-21'),
      (4, 3, 1, 'tana', 'user', '2020-01-06', NULL),
      (5, 4, 1, 'homme', 'user', '2020-01-06', NULL),
      (6, 5, 1, 'tagasi', 'user', '2026-09-01', NULL),
      (7, 5, 2, 'tagasi', 'read', '2026-09-01', NULL);
  )sql");
  return db;
}

}  // namespace

TEST_CASE("leavers' active accounts are found exactly: left yesterday and today, not tomorrow") {
  Database db = small_city();
  AccessFigures f = db::load_access_figures(db, today, 0);
  std::vector<std::string> found;
  for (const auto& a : f.leaver_accounts) found.push_back(a.person + "/" + a.username);
  // The one who left yesterday first: the longest gone. Revoked accounts and the one who leaves
  // tomorrow are not counted; the one who came back (a new employment, no leaving day) neither.
  REQUIRE(found == std::vector<std::string>{"Lahkus Eile/eile", "Lahkub Täna/tana"});
  CHECK(f.leaver_accounts[0].days_since_left == 1);
  CHECK(f.leaver_accounts[1].days_since_left == 0);
  // The overview counts the same.
  CHECK(db::load_dashboard_figures(db, DateTime{today, 600}).overview.leaver_accounts_active == 2);
  // A day later, the one who left on the 23rd joins them.
  CHECK(db::load_access_figures(db, today.plus_days(1), 0).leaver_accounts.size() == 3);
}

TEST_CASE("a campaign takes in exactly the active accounts of the systems in scope, pending") {
  Database db = small_city();
  CampaignPlan plan{"Ülevaatus", Id{1}, false, {2}, today.plus_days(30)};
  db::StartedCampaign started = db::start_campaign(db, plan, today, it_lead);
  // Dokumendihaldus: account 3 was revoked yesterday; only 7 is active.
  CHECK(started.accounts == 1);
  auto taken_in = db.prepare(
      "SELECT account_id FROM review_decisions WHERE campaign_id = ? ORDER BY account_id");
  taken_in.bind(1, started.id);
  std::vector<Id> accounts;
  while (taken_in.step()) accounts.push_back(taken_in.integer(0));
  CHECK(accounts == std::vector<Id>{7});
  CHECK(count(db, "SELECT count(*) FROM review_decisions WHERE decision <> 'pending'") == 0);
  CHECK(count(db, "SELECT count(*) FROM campaign_systems WHERE system_id = 2") == 1);

  CampaignPlan all{"Kõik", Id{1}, true, {}, today.plus_days(30)};
  db::StartedCampaign everything = db::start_campaign(db, all, today, it_lead);
  CHECK(everything.accounts == count(db, "SELECT count(*) FROM accounts WHERE revoked_on IS NULL"));
  // The campaign itself is an audited insert.
  auto history = db::record_history(db, review_campaigns_spec(), everything.id);
  REQUIRE_FALSE(history.empty());
  CHECK(history.front().action == "insert");
  CHECK(history.front().changed_by == "it.juht");
}

TEST_CASE("a plan that cannot start says why") {
  set_language(Language::en);
  CampaignPlan plan;
  plan.all_systems = false;
  plan.due_on = today.plus_days(-1);
  auto problems = plan_problems(plan, today);
  CHECK(problems.size() == 4);
  CHECK(std::find(problems.begin(), problems.end(),
                  "The due date cannot be before today (22.11.2026)") != problems.end());
  plan = {"Kevad", Id{2}, true, {}, today};
  CHECK(plan_problems(plan, today).empty());
  CHECK(default_campaign_name(today) == "Access review autumn 2026");
  set_language(Language::et);
}

TEST_CASE("a revoke decision and the account's revocation are audited, each once") {
  Database db = small_city();
  db::StartedCampaign started =
      db::start_campaign(db, {"Ülevaatus", Id{1}, true, {}, today.plus_days(30)}, today, it_lead);
  Id decision = db.query_integer(
      "SELECT id FROM review_decisions WHERE account_id = 2 AND campaign_id = ?", 0, started.id);
  auto version = db.query_integer("SELECT version FROM review_decisions WHERE id = ?", 0, decision);
  auto result = db::decide(db, decision, version, ReviewDecision::revoke, "Töötaja on lahkunud",
                           today, it_lead);
  REQUIRE(result.status == db::SaveStatus::saved);
  CHECK(result.current.value("decided_by_id") == "1");  // the campaign's reviewer
  CHECK(result.current.value("decided_on") == "2026-11-22");
  auto history = db::record_history(db, review_decisions_spec(), decision);
  std::map<std::string, std::pair<std::string, std::string>> fields;
  for (const auto& entry : history)
    fields[entry.field] = {entry.before.value_or(""), entry.after.value_or("")};
  CHECK(fields["decision"] == std::pair<std::string, std::string>{"pending", "revoke"});
  CHECK(fields["reason"].second == "Töötaja on lahkunud");
  CHECK(fields.count("decided_on") == 1);

  // Not yet carried out: it stays in view.
  AccessFigures f = db::load_access_figures(db, today, 0);
  REQUIRE(f.revokes_not_done.size() == 1);
  CHECK(f.revokes_not_done[0].account == 2);
  auto revoked = db::revoke_account(db, 2, f.revokes_not_done[0].account_version, today, it_lead);
  REQUIRE(revoked.status == db::SaveStatus::saved);
  CHECK(db::load_access_figures(db, today, 0).revokes_not_done.empty());
  auto account_history = db::record_history(db, accounts_spec(), 2);
  REQUIRE(account_history.size() == 1);
  CHECK(account_history[0].field == "revoked_on");
  CHECK(account_history[0].after == "2026-11-22");
  // The same click again, from the screen as it was: refused, nothing written twice.
  CHECK(db::revoke_account(db, 2, f.revokes_not_done[0].account_version, today, it_lead).status ==
        db::SaveStatus::conflict);
}

TEST_CASE("campaign progress and burn-up match a direct count of decisions") {
  Database db = testing::open_test_database();
  db::write_demo_data(db, DemoOptions{7, 2, 1, today});
  AccessFigures f = db::load_access_figures(db, today, 0);
  REQUIRE(f.current);
  const auto& c = f.campaigns[*f.current];
  CHECK(c.state == CampaignState::open);
  std::string id = std::to_string(c.id);
  CHECK(c.total() == count(db, "SELECT count(*) FROM review_decisions WHERE campaign_id = " + id));
  CHECK(c.decided() == count(db, "SELECT count(*) FROM review_decisions WHERE campaign_id = " + id +
                                     " AND decision <> 'pending'"));
  REQUIRE(static_cast<std::int64_t>(f.decisions.size()) == c.total());
  REQUIRE_FALSE(f.decisions.empty());
  CHECK(f.decisions.front().decision == ReviewDecision::pending);
  // Pending first, then by holder and system as Estonian sorts them.
  for (std::size_t i = 1; i < f.decisions.size(); ++i) {
    const auto& a = f.decisions[i - 1];
    const auto& b = f.decisions[i];
    bool a_pending = a.decision == ReviewDecision::pending;
    bool b_pending = b.decision == ReviewDecision::pending;
    INFO(a.person << " / " << a.system << " before " << b.person << " / " << b.system);
    REQUIRE(a_pending >= b_pending);
    if (a_pending != b_pending) continue;
    int person = collate(a.person, b.person, Language::et);
    REQUIRE(person <= 0);
    if (person == 0) REQUIRE(collate(a.system, b.system, Language::et) <= 0);
  }
  // Each day's cumulative decisions, summed over the people who decided.
  for (std::size_t d = 0; d < f.burnup_days.size(); ++d) {
    std::int64_t sum = 0;
    for (const auto& person : f.burnup) sum += person.cumulative[d];
    CHECK(sum == db.query_integer("SELECT count(*) FROM review_decisions WHERE campaign_id = ? "
                                  "AND decided_on <= ?",
                                  -1, c.id, f.burnup_days[d]));
  }
  CHECK(f.burnup.size() > 1);  // system owners decide on their systems' accounts
}

TEST_CASE("days from leaving to revocation match a direct computation") {
  Database db = testing::open_test_database();
  db::write_demo_data(db, DemoOptions{7, 2, 1, today});
  AccessFigures f = db::load_access_figures(db, today, 0);
  std::array<std::int64_t, AccessFigures::delay_buckets> expected{};
  auto s = db.prepare(
      "SELECT days_between(p.left_on, a.revoked_on) FROM accounts a JOIN people p ON "
      "p.id = a.person_id WHERE p.left_on BETWEEN ? AND ? AND a.granted_on <= p.left_on");
  s.bind_all(f.months.front(), today);
  while (s.step())
    ++expected[revoke_delay_bucket(
        s.is_null(0) ? std::nullopt : std::optional<int>(static_cast<int>(s.integer(0))))];
  CHECK(f.revoke_delay == expected);
  for (std::size_t b = 0; b < expected.size(); ++b)
    CHECK(static_cast<std::int64_t>(f.revoke_delay_accounts[b].size()) == expected[b]);
  CHECK(expected[0] > 0);
}

TEST_CASE("the registers and portals table shows each person's highest privilege per system") {
  Database db = small_city();
  AccessFigures f = db::load_access_figures(db, today, 1);
  REQUIRE(f.matrix_unit == 1);
  // Everyone still employed, and leavers who still hold an account.
  std::vector<std::string> expected = {"Jäänud Töötaja", "Lahkub Homme", "Lahkub Täna",
                                       "Lahkus Eile", "Tuli Tagasi"};
  CHECK(f.matrix_people == expected);
  auto cell = [&](const std::string& person, const std::string& system) {
    std::size_t r =
        std::find(f.matrix_people.begin(), f.matrix_people.end(), person) - f.matrix_people.begin();
    std::size_t c = std::find(f.matrix_systems.begin(), f.matrix_systems.end(), system) -
                    f.matrix_systems.begin();
    return f.matrix_cells[r * f.matrix_systems.size() + c];
  };
  CHECK(cell("Tuli Tagasi", "Dokumendihaldus") == static_cast<int>(Privilege::read));
  CHECK(cell("Lahkus Eile", "Dokumendihaldus") == -1);  // revoked
  CHECK(cell("Lahkus Eile", "E-post") == static_cast<int>(Privilege::user));
  CHECK(f.matrix_left[std::find(f.matrix_people.begin(), f.matrix_people.end(), "Lahkus Eile") -
                      f.matrix_people.begin()]);
}

namespace {

// A viewer who may not read the employees of access reviews by name: the viewer role, which has
// no review_people, and `person` at the keyboard (nobody when none).
Viewer reader(std::optional<Id> person = std::nullopt) {
  Viewer viewer;
  viewer.person = person;
  viewer.roles = {Role::viewer};
  return viewer;
}

// "A. B." and "A. B.-C." forms: each word an initial and a dot, words apart by one space.
bool initials_only(const std::string& shown) {
  if (shown.empty() || shown.back() != '.') return false;
  std::size_t start = 0;
  while (start < shown.size()) {
    std::size_t end = shown.find(' ', start);
    std::string word = shown.substr(start, end == std::string::npos ? end : end - start);
    // One letter (one UTF-8 character) and a dot.
    auto lead = static_cast<unsigned char>(word.empty() ? 0 : word[0]);
    std::size_t letter = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
    if (word.size() != letter + 1 || word.back() != '.') return false;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return true;
}

// What each employee is shown as, by the row's id, with the system the row is in.
struct Shown {
  std::string person;
  std::string system;
  std::string username;
};

std::map<Id, Shown> leavers_by_account(const AccessFigures& f) {
  std::map<Id, Shown> shown;
  for (const auto& a : f.leaver_accounts) shown[a.account] = {a.person, a.system, a.username};
  return shown;
}

std::map<Id, Shown> decisions_by_id(const AccessFigures& f) {
  std::map<Id, Shown> shown;
  for (const auto& d : f.decisions) shown[d.id] = {d.person, d.system, d.username};
  return shown;
}

}  // namespace

TEST_CASE("access reviews show employees as initials to a viewer without review_people",
          "[access_people]") {
  Database db = testing::open_test_database();
  db::write_demo_data(db, DemoOptions{7, 2, 1, today});
  AccessFigures whole = db::load_access_figures(db, today, 0);
  REQUIRE(whole.current);
  Id campaign = whole.campaigns[*whole.current].id;
  auto whole_evidence = db::campaign_evidence(db, campaign);

  db.set_viewer(reader());
  REQUIRE_FALSE(db.viewer().may(Permission::review_people));
  AccessFigures f = db::load_access_figures(db, today, whole.matrix_unit);

  auto expect_initials = [](const std::map<Id, Shown>& full, const std::map<Id, Shown>& shown) {
    REQUIRE_FALSE(full.empty());
    REQUIRE(shown.size() == full.size());
    for (const auto& [id, row] : full) {
      INFO(row.person << " in " << row.system);
      REQUIRE(shown.count(id) == 1);
      const std::string& seen = shown.at(id).person;
      CHECK(seen != row.person);
      CHECK(seen == initials(row.person));
      CHECK(initials_only(seen));
      // The user name would give the name away: its first letter only.
      CHECK(shown.at(id).username == row.username.substr(0, 1) + "…");
    }
  };
  expect_initials(leavers_by_account(whole), leavers_by_account(f));
  expect_initials(decisions_by_id(whole), decisions_by_id(f));

  // The rest of what names an account's holder: undone revocations, the evidence, the table.
  for (const auto& r : f.revokes_not_done) CHECK(initials_only(r.person));
  auto evidence = db::campaign_evidence(db, campaign);
  REQUIRE(evidence.size() == whole_evidence.size());
  for (const auto& row : evidence) {
    INFO(row.person);
    CHECK(initials_only(row.person));
    CHECK(row.username.ends_with("…"));
    CHECK(row.decided_by.find('.') == std::string::npos);  // the reviewer's name stays whole
  }
  REQUIRE_FALSE(f.matrix_people.empty());
  for (const auto& name : f.matrix_people) CHECK(initials_only(name));

  // The order is that of what is shown, so that it does not give the hidden names away.
  for (std::size_t i = 1; i < f.decisions.size(); ++i) {
    const auto& a = f.decisions[i - 1];
    const auto& b = f.decisions[i];
    bool a_pending = a.decision == ReviewDecision::pending;
    bool b_pending = b.decision == ReviewDecision::pending;
    if (a_pending != b_pending) continue;
    INFO(a.person << " before " << b.person);
    CHECK_FALSE(collates_before(b.person, a.person));
  }
  for (std::size_t i = 1; i < f.leaver_accounts.size(); ++i) {
    const auto& a = f.leaver_accounts[i - 1];
    const auto& b = f.leaver_accounts[i];
    if (a.left_on != b.left_on) continue;
    INFO(a.person << " before " << b.person);
    CHECK_FALSE(collates_before(b.person, a.person));
  }
  for (std::size_t i = 1; i < f.matrix_people.size(); ++i)
    CHECK_FALSE(collates_before(f.matrix_people[i], f.matrix_people[i - 1]));

  // Full rights again: every name whole.
  db.set_viewer(unrestricted_viewer());
  AccessFigures again = db::load_access_figures(db, today, 0);
  for (const auto& [id, row] : leavers_by_account(again))
    CHECK(row.person == leavers_by_account(whole).at(id).person);
  for (const auto& d : again.decisions) CHECK_FALSE(initials_only(d.person));
  CHECK(db::campaign_evidence(db, campaign).front().person == whole_evidence.front().person);
}

TEST_CASE("a system's owner sees its reviewed employees by name and other systems' as initials",
          "[access_people]") {
  Database db = testing::open_test_database();
  db::write_demo_data(db, DemoOptions{7, 2, 1, today});
  AccessFigures whole = db::load_access_figures(db, today, 0);
  REQUIRE(whole.current);
  Id campaign = whole.campaigns[*whole.current].id;
  // An owner of some systems, not all, with accounts in the current campaign and leavers'
  // accounts still active in their systems.
  auto owners = db.prepare(
      "SELECT s.owner_id FROM information_systems s JOIN accounts a ON a.system_id = s.id "
      "JOIN people p ON p.id = a.person_id WHERE a.revoked_on IS NULL AND p.left_on <= ? AND "
      "EXISTS (SELECT 1 FROM review_decisions d JOIN accounts da ON da.id = d.account_id JOIN "
      "information_systems ds ON ds.id = da.system_id WHERE d.campaign_id = ? AND ds.owner_id = "
      "s.owner_id) AND EXISTS (SELECT 1 FROM information_systems o WHERE o.owner_id IS NULL OR "
      "o.owner_id <> s.owner_id) GROUP BY s.owner_id ORDER BY count(*) DESC, s.owner_id");
  owners.bind_all(today, campaign);
  REQUIRE(owners.step());
  Id owner = owners.integer(0);
  std::set<std::string> owned;
  auto systems = db.prepare("SELECT name FROM information_systems WHERE owner_id = ?");
  systems.bind(1, owner);
  while (systems.step()) owned.insert(systems.text(0));
  REQUIRE_FALSE(owned.empty());

  db.set_viewer(reader(owner));
  AccessFigures f = db::load_access_figures(db, today, 0);
  auto expect = [&](const std::map<Id, Shown>& full, const std::map<Id, Shown>& shown) {
    REQUIRE(shown.size() == full.size());
    std::size_t named = 0, hidden = 0;
    for (const auto& [id, row] : full) {
      INFO(row.person << " in " << row.system << ", the viewer is person " << owner);
      const std::string& seen = shown.at(id).person;
      if (owned.count(row.system) == 1) {
        CHECK(seen == row.person);
        CHECK(shown.at(id).username == row.username);
        ++named;
      } else {
        CHECK(seen == initials(row.person));
        CHECK(seen != row.person);
        CHECK(shown.at(id).username == row.username.substr(0, 1) + "…");
        ++hidden;
      }
    }
    return std::pair{named, hidden};
  };
  auto [named, hidden] = expect(decisions_by_id(whole), decisions_by_id(f));
  CHECK(named > 0);
  CHECK(hidden > 0);
  auto [leavers_named, leavers_hidden] = expect(leavers_by_account(whole), leavers_by_account(f));
  CHECK(leavers_named + leavers_hidden == whole.leaver_accounts.size());
  CHECK(leavers_named > 0);

  // The evidence likewise, row by row in the same way.
  for (const auto& row : db::campaign_evidence(db, campaign)) {
    INFO(row.person << " in " << row.system);
    CHECK(initials_only(row.person) == (owned.count(row.system) == 0));
  }

  // Nobody at the keyboard: initials throughout, the owner's systems too.
  db.set_viewer(reader());
  for (const auto& d : db::load_access_figures(db, today, 0).decisions)
    CHECK(initials_only(d.person));
}

TEST_CASE("the people × systems table names those with an active account in the viewer's system",
          "[access_people]") {
  Database db = small_city();
  db.exec("UPDATE information_systems SET owner_id = 1 WHERE id = 2");  // Dokumendihaldus
  db.set_viewer(reader(Id{1}));
  AccessFigures f = db::load_access_figures(db, today, 1);
  // Tuli Tagasi reads Dokumendihaldus; Lahkus Eile's account there was revoked yesterday.
  std::vector<std::string> expected = {"J. T.", "L. E.", "L. H.", "L. T.", "Tuli Tagasi"};
  CHECK(f.matrix_people == expected);
  // Their E-post accounts are not the viewer's to see by name.
  std::vector<std::string> leavers;
  for (const auto& a : f.leaver_accounts) leavers.push_back(a.person + "/" + a.username);
  CHECK(leavers == std::vector<std::string>{"L. E./e…", "L. T./t…"});
  // Nobody at the keyboard: initials only.
  db.set_viewer(reader());
  CHECK(db::load_access_figures(db, today, 1).matrix_people ==
        std::vector<std::string>{"J. T.", "L. E.", "L. H.", "L. T.", "T. T."});
}
