#include "db/access_queries.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/collation.h"
#include "core/statistics.h"
#include "db/database.h"
#include "db/visibility.h"

namespace raekoda::db {
namespace {

// A date column is never '' on PostgreSQL, so an absent one is made empty here, not in SQL.
std::string text_or_empty(const Statement& row, int column) {
  return row.is_null(column) ? std::string() : row.text(column);
}

std::optional<Id> optional_id(const Statement& row, int column) {
  return row.is_null(column) ? std::nullopt : std::optional<Id>(row.integer(column));
}

// The holder of an account in a query that joins people as `p` and information_systems as `s`,
// as the viewer may see them: by name to those who review people and to the system's owner.
std::string account_holder(Database& db) {
  return visible_employee(db, "p.full_name", "s.owner_id");
}

// An order by the holder as shown, then the system, as the user's language sorts them: a name
// hidden from the viewer orders nothing.
// The account's user name beside such a holder.
std::string account_username(Database& db) {
  return visible_username(db, "a.username", "s.owner_id");
}

std::string holder_then_system(Database& db, const std::string& person) {
  return db.collated("(" + person + ")") + ", " + db.collated("s.name");
}

void load_leavers(Database& db, AccessFigures& f) {
  std::string person = account_holder(db);
  Statement select =
      db.prepare("SELECT a.id, a.version, " + person + ", s.name, " + account_username(db) +
                 ", a.privilege, p.left_on, s.owner_id "
                 "FROM accounts a JOIN people p ON p.id = a.person_id "
                 "JOIN information_systems s ON s.id = a.system_id "
                 "WHERE a.revoked_on IS NULL AND p.left_on IS NOT NULL AND p.left_on <= ? "
                 "ORDER BY p.left_on, " +
                 holder_then_system(db, person));
  select.bind(1, f.today);
  while (select.step()) {
    Date left = select.date(6).value_or(f.today);
    f.leaver_accounts.push_back({select.integer(0), select.integer(1), select.text(2),
                                 select.text(3), select.text(4),
                                 enum_from_key<Privilege>(select.text(5)).value_or(Privilege::user),
                                 left, left.days_until(f.today), optional_id(select, 7)});
  }
  f.active_accounts = db.query_integer("SELECT count(*) FROM accounts WHERE revoked_on IS NULL", 0);
  f.admin_accounts = db.query_integer(
      "SELECT count(*) FROM accounts WHERE revoked_on IS NULL AND privilege = 'admin'", 0);
}

void load_not_reviewed(Database& db, AccessFigures& f) {
  // From the summary's index of active accounts by their last review, as two ranges: only what
  // it counts, not a probe into the decisions for each active account (an OR of the two scans
  // the whole index).
  f.not_reviewed_12m = db.query_integer(
      "SELECT (SELECT count(*) FROM account_reviews WHERE active = 1 AND last_reviewed_on IS "
      "NULL) + (SELECT count(*) FROM account_reviews WHERE active = 1 AND last_reviewed_on < ?)",
      0, f.today.plus_months(-12));
}

void load_campaigns(Database& db, AccessFigures& f) {
  Statement select = db.prepare(
      "SELECT c.id, c.version, c.name, c.reviewer_id, coalesce(p.full_name, ''), "
      "c.starts_on, c.due_on, c.state, c.closed_on FROM review_campaigns c "
      "LEFT JOIN people p ON p.id = c.reviewer_id ORDER BY c.starts_on DESC, c.id DESC");
  while (select.step()) {
    AccessFigures::Campaign c;
    c.id = select.integer(0);
    c.version = select.integer(1);
    c.name = select.text(2);
    c.reviewer = select.integer(3);
    c.reviewer_name = select.text(4);
    c.starts_on = select.date(5).value_or(f.today);
    c.due_on = select.date(6).value_or(f.today);
    c.state = enum_from_key<CampaignState>(select.text(7)).value_or(CampaignState::planned);
    c.closed_on = select.date(8);
    f.campaigns.push_back(std::move(c));
  }
  // From the summary: a few rows per campaign, not every decision ever made.
  Statement counts =
      db.prepare("SELECT campaign_id, decision, decisions FROM decisions_by_campaign");
  while (counts.step())
    for (auto& c : f.campaigns)
      if (c.id == counts.integer(0))
        if (auto d = enum_from_key<ReviewDecision>(counts.text(1)))
          c.decisions[static_cast<std::size_t>(*d)] = counts.integer(2);
  for (std::size_t i = 0; i < f.campaigns.size(); ++i)
    if (f.campaigns[i].state == CampaignState::open) {
      f.current = i;
      break;
    }
  if (!f.current && !f.campaigns.empty()) f.current = 0;
}

// Pending first, then by holder as shown and by system, as the user's language sorts them. A
// campaign has tens of thousands of decisions over a few thousand names: sorted here by each
// name's rank, it costs a few milliseconds where the database's collated sort took hundreds.
void sort_pending_first(std::vector<AccessFigures::Decision>& decisions) {
  std::vector<std::string_view> people;
  std::vector<std::string_view> systems;
  people.reserve(decisions.size());
  systems.reserve(decisions.size());
  for (const auto& d : decisions) {
    people.push_back(d.person);
    systems.push_back(d.system);
  }
  std::vector<std::size_t> person_rank = collation_ranks(people);
  std::vector<std::size_t> system_rank = collation_ranks(systems);
  std::vector<std::size_t> order(decisions.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto key = [&](std::size_t i) {
    return std::tuple(decisions[i].decision != ReviewDecision::pending, person_rank[i],
                      system_rank[i], decisions[i].id);
  };
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
  std::vector<AccessFigures::Decision> sorted;
  sorted.reserve(decisions.size());
  for (std::size_t i : order) sorted.push_back(std::move(decisions[i]));
  decisions = std::move(sorted);
}

void load_burnup(Database& db, AccessFigures& f) {
  if (!f.current) return;
  const auto& c = f.campaigns[*f.current];
  // Burn-up: from the start to the due date, or to the day it closed or today if later.
  Date last = std::max(c.due_on, c.closed_on.value_or(std::min(f.today, c.due_on)));
  for (Date d = c.starts_on; d <= last; d = d.plus_days(1)) f.burnup_days.push_back(d);
  Statement daily = db.prepare(
      "SELECT g.decided_by_id, coalesce(p.full_name, ''), g.decided_on, g.decisions "
      "FROM decisions_by_day g LEFT JOIN people p ON p.id = g.decided_by_id "
      "WHERE g.campaign_id = ? ORDER BY 1, 3");
  daily.bind(1, c.id);
  std::map<Id, AccessFigures::Burnup> by_person;
  while (daily.step()) {
    auto& series = by_person[daily.integer(0)];
    if (series.cumulative.empty()) {
      series.person = daily.integer(0);
      series.name = daily.text(1);
      series.cumulative.assign(f.burnup_days.size(), 0);
    }
    auto day = daily.date(2);
    if (!day || f.burnup_days.empty()) continue;
    auto from = static_cast<std::size_t>(
        std::clamp(c.starts_on.days_until(*day), 0, static_cast<int>(f.burnup_days.size()) - 1));
    for (std::size_t i = from; i < f.burnup_days.size(); ++i)
      series.cumulative[i] += daily.integer(3);
  }
  for (auto& [person, series] : by_person) f.burnup.push_back(std::move(series));
  std::sort(f.burnup.begin(), f.burnup.end(),
            [](const auto& a, const auto& b) { return a.cumulative.back() > b.cumulative.back(); });
}

// The campaign's decisions as the view lists them; bound as (today, campaign[, more]).
Statement select_decisions(Database& db, std::string_view and_where = {}) {
  return db.prepare(
      "SELECT d.id, d.version, a.id, " + account_holder(db) + ", s.name, " + account_username(db) +
      ", a.privilege, d.decision, "
      "CASE WHEN p.left_on <= ? THEN 1 ELSE 0 END, s.owner_id FROM review_decisions d "
      "JOIN accounts a ON a.id = d.account_id JOIN people p ON p.id = a.person_id "
      "JOIN information_systems s ON s.id = a.system_id WHERE d.campaign_id = ?" +
      std::string(and_where));
}

AccessFigures::Decision decision_of(const Statement& row) {
  return {row.integer(0),
          row.integer(1),
          row.integer(2),
          row.text(3),
          row.text(4),
          row.text(5),
          enum_from_key<Privilege>(row.text(6)).value_or(Privilege::user),
          enum_from_key<ReviewDecision>(row.text(7)).value_or(ReviewDecision::pending),
          row.integer(8) == 1,
          optional_id(row, 9)};
}

void load_decisions(Database& db, AccessFigures& f) {
  Statement decisions = select_decisions(db);
  decisions.bind_all(f.today, f.campaigns[*f.current].id);
  while (decisions.step()) f.decisions.push_back(decision_of(decisions));
  sort_pending_first(f.decisions);
}

// sort_pending_first's order, compared directly: for the few decisions placed among kept ones.
bool listed_before(const AccessFigures::Decision& a, const AccessFigures::Decision& b) {
  bool a_done = a.decision != ReviewDecision::pending;
  bool b_done = b.decision != ReviewDecision::pending;
  if (a_done != b_done) return b_done;
  if (int c = collate(a.person, b.person)) return c < 0;
  if (int c = collate(a.system, b.system)) return c < 0;
  return a.id < b.id;
}

// More decisions moved than this are read as the whole campaign: one query beats many lookups.
constexpr std::size_t most_read_one_by_one = 500;

// The campaign's decisions from those `kept` listed at `kept_versions`: the ones whose version
// moved, and the new ones, are read one by one and put in their places; the removed ones go.
// False when too many moved, and nothing is changed.
bool renew_decisions(Database& db, AccessFigures& f, std::vector<AccessFigures::Decision>& kept,
                     const std::vector<std::pair<Id, std::int64_t>>& kept_versions,
                     const std::vector<std::pair<Id, std::int64_t>>& versions) {
  std::vector<Id> moved;  // new, or at another version
  std::vector<Id> gone;   // removed, or at another version
  auto k = kept_versions.begin();
  for (const auto& [id, version] : versions) {
    while (k != kept_versions.end() && k->first < id) gone.push_back((k++)->first);
    if (k != kept_versions.end() && k->first == id) {
      if (k->second != version) {
        moved.push_back(id);
        gone.push_back(id);
      }
      ++k;
    } else {
      moved.push_back(id);
    }
  }
  for (; k != kept_versions.end(); ++k) gone.push_back(k->first);
  if (moved.size() > most_read_one_by_one) return false;

  std::sort(gone.begin(), gone.end());
  std::erase_if(kept,
                [&](const auto& d) { return std::binary_search(gone.begin(), gone.end(), d.id); });
  std::vector<AccessFigures::Decision> fresh;
  Statement one = select_decisions(db, " AND d.id = ?");
  for (Id id : moved) {
    one.bind_all(f.today, f.campaigns[*f.current].id, id);
    if (one.step()) fresh.push_back(decision_of(one));
    one.reset();
  }
  std::sort(fresh.begin(), fresh.end(), listed_before);
  f.decisions.reserve(kept.size() + fresh.size());
  auto next = kept.begin();
  for (auto& d : fresh) {
    auto place = std::upper_bound(next, kept.end(), d, listed_before);
    std::move(next, place, std::back_inserter(f.decisions));
    f.decisions.push_back(std::move(d));
    next = place;
  }
  std::move(next, kept.end(), std::back_inserter(f.decisions));
  return true;
}

// The campaign's decisions' ids and versions, by id: what tells the kept ones that moved.
std::vector<std::pair<Id, std::int64_t>> decision_versions(Database& db, Id campaign) {
  std::vector<std::pair<Id, std::int64_t>> versions;
  Statement select =
      db.prepare("SELECT id, version FROM review_decisions WHERE campaign_id = ? ORDER BY id");
  select.bind(1, campaign);
  while (select.step()) versions.emplace_back(select.integer(0), select.integer(1));
  return versions;
}

void load_undone_revokes(Database& db, AccessFigures& f) {
  Statement select = db.prepare(
      "SELECT d.id, a.id, a.version, " + account_holder(db) + ", s.name, " + account_username(db) +
      ", d.decided_on, c.name, s.owner_id "
      "FROM review_decisions d JOIN accounts a ON a.id = d.account_id "
      "JOIN people p ON p.id = a.person_id JOIN information_systems s ON s.id = a.system_id "
      "JOIN review_campaigns c ON c.id = d.campaign_id "
      "WHERE d.decision = 'revoke' AND a.revoked_on IS NULL ORDER BY d.decided_on, d.id");
  while (select.step())
    f.revokes_not_done.push_back(
        {select.integer(0), select.integer(1), select.integer(2), select.text(3), select.text(4),
         select.text(5), select.date(6).value_or(f.today), select.text(7), optional_id(select, 8)});
}

void load_systems(Database& db, AccessFigures& f) {
  Statement systems = db.prepare(
      "SELECT s.id, s.name, coalesce(p.full_name, '') FROM information_systems s "
      "LEFT JOIN people p ON p.id = s.owner_id ORDER BY s.id");
  std::map<Id, std::size_t> at;
  while (systems.step()) {
    at[systems.integer(0)] = f.systems.size();
    f.systems.push_back({systems.integer(0), systems.text(1), systems.text(2), {}});
  }
  // Counted apart from the names, from the active accounts' own index alone.
  Statement counts = db.prepare(
      "SELECT system_id, privilege, count(*) FROM accounts WHERE revoked_on IS NULL "
      "GROUP BY 1, 2");
  while (counts.step()) {
    auto system = at.find(counts.integer(0));
    auto privilege = enum_from_key<Privilege>(counts.text(1));
    if (system != at.end() && privilege)
      f.systems[system->second].by_privilege[static_cast<std::size_t>(*privilege)] =
          counts.integer(2);
  }
  auto total = [](const AccessFigures::SystemRow& s) {
    return s.by_privilege[0] + s.by_privilege[1] + s.by_privilege[2];
  };
  std::stable_sort(f.systems.begin(), f.systems.end(),
                   [&](const auto& a, const auto& b) { return total(a) > total(b); });
}

void load_months(Database& db, AccessFigures& f) {
  f.months = last_months(f.today, 12);
  Date first = f.months.front();
  // From leaving to revocation, for every account of someone who left in the last 12 months.
  std::vector<std::vector<double>> delays(12);
  Statement leavers = db.prepare(
      "SELECT p.left_on, a.revoked_on, a.id FROM accounts a JOIN people p ON p.id = a.person_id "
      "WHERE p.left_on BETWEEN ? AND ? AND a.granted_on <= p.left_on");
  leavers.bind_all(first, f.today);
  while (leavers.step()) {
    auto left = leavers.date(0);
    if (!left) continue;
    auto revoked = leavers.date(1);
    std::optional<int> days;
    if (revoked) days = left->days_until(*revoked);
    std::size_t bucket = revoke_delay_bucket(days);
    ++f.revoke_delay[bucket];
    f.revoke_delay_accounts[bucket].push_back(leavers.integer(2));
    if (days)
      if (auto m = month_index(f.months, *left)) delays[*m].push_back(std::max(*days, 0));
  }
  for (auto& month : delays) f.median_delay_per_month.push_back(nearest_rank(month, 0.5));

  f.grants_per_month.assign(12, 0);
  f.revocations_per_month.assign(12, 0);
  auto monthly = [&](const char* column, std::vector<std::int64_t>& into) {
    Statement select = db.prepare(std::string("SELECT month_of(") + column +
                                  ") || '-01', count(*) FROM accounts WHERE " + column +
                                  " BETWEEN ? AND ? GROUP BY 1");
    select.bind_all(first, f.today);
    while (select.step())
      if (auto month = select.date(0))
        if (auto m = month_index(f.months, *month)) into[*m] = select.integer(1);
  };
  monthly("granted_on", f.grants_per_month);
  monthly("revoked_on", f.revocations_per_month);
}

void load_matrix(Database& db, AccessFigures& f, Id unit) {
  Statement units = db.prepare(
      "SELECT u.id, u.name, count(p.id) FROM units u LEFT JOIN people p ON p.unit_id = u.id "
      "AND (p.left_on IS NULL OR p.left_on > ?) GROUP BY u.id ORDER BY " +
      db.collated("u.name"));
  units.bind(1, f.today);
  std::int64_t largest = -1;
  Id biggest = 0;
  while (units.step()) {
    f.units.push_back({units.integer(0), units.text(1)});
    if (units.integer(2) > largest) {
      largest = units.integer(2);
      biggest = units.integer(0);
    }
  }
  f.matrix_unit = unit;
  if (std::none_of(f.units.begin(), f.units.end(), [&](const auto& u) { return u.id == unit; }))
    f.matrix_unit = biggest;
  for (const auto& system : f.systems) {
    f.matrix_system_ids.push_back(system.id);
    f.matrix_systems.push_back(system.name);
  }
  // The unit's people now, and those who left but still hold an account. A row spans all
  // systems: its name shows to the owner of any system the person holds an active account in.
  std::string person = visible_account_holder(db, "p.full_name", "p.id");
  Statement people =
      db.prepare("SELECT p.id, " + person +
                 ", CASE WHEN p.left_on <= ?1 THEN 1 ELSE 0 END FROM people p "
                 "WHERE p.unit_id = ?2 AND (p.left_on IS NULL OR p.left_on > ?1 OR EXISTS "
                 "(SELECT 1 FROM accounts a WHERE a.person_id = p.id AND a.revoked_on IS NULL)) "
                 "ORDER BY " +
                 db.collated("(" + person + ")"));
  people.bind_all(f.today, f.matrix_unit);
  std::map<Id, std::size_t> row_of;
  while (people.step()) {
    row_of[people.integer(0)] = f.matrix_people.size();
    f.matrix_person_ids.push_back(people.integer(0));
    f.matrix_people.push_back(people.text(1));
    f.matrix_left.push_back(people.integer(2) == 1);
  }
  std::map<Id, std::size_t> column_of;
  for (std::size_t c = 0; c < f.matrix_system_ids.size(); ++c)
    column_of[f.matrix_system_ids[c]] = c;
  f.matrix_cells.assign(f.matrix_people.size() * f.matrix_systems.size(), -1);
  Statement held = db.prepare(
      "SELECT a.person_id, a.system_id, a.privilege FROM accounts a JOIN people p ON "
      "p.id = a.person_id WHERE p.unit_id = ? AND a.revoked_on IS NULL");
  held.bind(1, f.matrix_unit);
  while (held.step()) {
    auto row = row_of.find(held.integer(0));
    auto column = column_of.find(held.integer(1));
    auto privilege = enum_from_key<Privilege>(held.text(2));
    if (row == row_of.end() || column == column_of.end() || !privilege) continue;
    int& cell = f.matrix_cells[row->second * f.matrix_systems.size() + column->second];
    cell = std::max(cell, static_cast<int>(*privilege));
  }
}

// What the kept access figures but the decisions are read from.
constexpr std::string_view kept_by[] = {"accounts", "people", "information_systems", "units"};

Id campaign_reviewer(Database& db, Id decision) {
  return db.query_integer(
      "SELECT c.reviewer_id FROM review_decisions d JOIN review_campaigns c ON c.id = "
      "d.campaign_id WHERE d.id = ?",
      0, decision);
}

}  // namespace

void KeptAccess::forget(std::span<const std::string> changed) {
  if (names_any(changed, kept_by)) *this = {};
}

AccessFigures load_access_figures(Database& db, Date today, Id unit) {
  KeptAccess none;
  return load_access_figures(db, today, unit, none);
}

AccessFigures load_access_figures(Database& db, Date today, Id unit, KeptAccess& kept) {
  // Read before the figures: a commit between is read now and seen as a change next time.
  std::vector<std::int64_t> versions = change_counts(db.table_versions(), kept_by);
  // A read that fails keeps nothing.
  KeptAccess was = std::move(kept);
  kept = {};
  // The window may switch the language meanwhile: an order sorted in two is not kept.
  Language language = current_language();
  bool same = was.figures && was.figures->today == today && was.viewer == db.viewer() &&
              was.language == language && was.versions == versions;

  AccessFigures f;
  f.today = today;
  if (same) {
    AccessFigures& old = *was.figures;
    f.leaver_accounts = std::move(old.leaver_accounts);
    f.active_accounts = old.active_accounts;
    f.admin_accounts = old.admin_accounts;
    f.systems = std::move(old.systems);
    f.revoke_delay = old.revoke_delay;
    f.revoke_delay_accounts = std::move(old.revoke_delay_accounts);
    f.months = std::move(old.months);
    f.median_delay_per_month = std::move(old.median_delay_per_month);
    f.grants_per_month = std::move(old.grants_per_month);
    f.revocations_per_month = std::move(old.revocations_per_month);
  } else {
    load_leavers(db, f);
    load_systems(db, f);
    load_months(db, f);
  }
  load_not_reviewed(db, f);
  load_campaigns(db, f);
  load_burnup(db, f);
  std::vector<std::pair<Id, std::int64_t>> current_versions;
  if (f.current) {
    Id campaign = f.campaigns[*f.current].id;
    bool renewed = false;
    if (same && was.campaign == campaign) {
      current_versions = decision_versions(db, campaign);
      renewed =
          renew_decisions(db, f, was.figures->decisions, was.decision_versions, current_versions);
    }
    if (!renewed) {
      load_decisions(db, f);
      // As listed: a decision whose account is gone is not, and the next renewal looks it up
      // once more, alone.
      current_versions.clear();
      for (const auto& d : f.decisions) current_versions.emplace_back(d.id, d.version);
      std::sort(current_versions.begin(), current_versions.end());
    }
  }
  load_undone_revokes(db, f);
  if (same && was.unit == unit) {
    AccessFigures& old = *was.figures;
    f.units = std::move(old.units);
    f.matrix_unit = old.matrix_unit;
    f.matrix_people = std::move(old.matrix_people);
    f.matrix_person_ids = std::move(old.matrix_person_ids);
    f.matrix_left = std::move(old.matrix_left);
    f.matrix_systems = std::move(old.matrix_systems);
    f.matrix_system_ids = std::move(old.matrix_system_ids);
    f.matrix_cells = std::move(old.matrix_cells);
  } else {
    load_matrix(db, f, unit);
  }
  if (current_language() == language)
    kept = {f,
            db.viewer(),
            language,
            unit,
            versions,
            f.current ? f.campaigns[*f.current].id : 0,
            std::move(current_versions)};
  return f;
}

StartedCampaign start_campaign(Database& db, const CampaignPlan& plan, Date today,
                               const Author& author) {
  Transaction transaction(db);
  Record campaign;
  campaign.set("name", plan.name);
  campaign.set("reviewer_id",
               plan.reviewer ? std::optional(std::to_string(*plan.reviewer)) : std::nullopt);
  campaign.set("all_systems", plan.all_systems ? "1" : "0");
  campaign.set("starts_on", today.iso());
  campaign.set("due_on", plan.due_on ? std::optional(plan.due_on->iso()) : std::nullopt);
  campaign.set("state", std::string(key_of(CampaignState::open)));
  StartedCampaign started;
  started.id = insert_record_within(db, review_campaigns_spec(), campaign, author).id;
  Statement scope =
      db.prepare("INSERT INTO campaign_systems (campaign_id, system_id) VALUES (?, ?)");
  if (!plan.all_systems)
    for (Id system : plan.systems) scope.bind_all(started.id, system).run();
  // Every account active today on a system in scope, pending.
  Statement decisions = db.prepare(
      "INSERT INTO review_decisions (campaign_id, account_id) "
      "SELECT CAST(?1 AS bigint), a.id FROM accounts a "
      "WHERE a.granted_on <= ?2 AND (a.revoked_on IS NULL OR a.revoked_on > ?2) AND "
      "(?3 = 1 OR a.system_id IN (SELECT system_id FROM campaign_systems WHERE campaign_id = ?1))");
  decisions.bind_all(started.id, today, plan.all_systems ? 1 : 0);
  decisions.run();
  // The campaign is new: every decision it has is one just taken in.
  started.accounts = db.query_integer("SELECT count(*) FROM review_decisions WHERE campaign_id = ?",
                                      0, started.id);
  transaction.commit();
  return started;
}

SaveResult close_campaign(Database& db, Id campaign, std::int64_t version, Date today,
                          const Author& author) {
  const TableSpec& spec = review_campaigns_spec();
  auto current = load_record(db, spec, campaign);
  if (!current) return {SaveStatus::missing, {}, 0};
  if (current->version != version) return {SaveStatus::conflict, *current, 0};
  Record next = *current;
  next.set("state", std::string(key_of(CampaignState::closed)));
  next.set("closed_on", today.iso());
  return update_record(db, spec, *current, next, author);
}

SaveResult decide(Database& db, Id decision, std::int64_t version, ReviewDecision what,
                  const std::string& reason, Date today, const Author& author) {
  const TableSpec& spec = review_decisions_spec();
  auto current = load_record(db, spec, decision);
  if (!current) return {SaveStatus::missing, {}, 0};
  if (current->version != version) return {SaveStatus::conflict, *current, 0};
  Id reviewer = campaign_reviewer(db, decision);
  Record next =
      decided(*current, what, reviewer > 0 ? std::optional<Id>(reviewer) : std::nullopt, today);
  if (!reason.empty()) next.set("reason", reason);
  return update_record(db, spec, *current, next, author);
}

SaveResult revoke_account(Database& db, Id account, std::int64_t version, Date today,
                          const Author& author) {
  const TableSpec& spec = accounts_spec();
  auto current = load_record(db, spec, account);
  if (!current) return {SaveStatus::missing, {}, 0};
  if (current->version != version || current->value("revoked_on"))
    return {SaveStatus::conflict, *current, 0};
  Record next = *current;
  next.set("revoked_on", today.iso());
  return update_record(db, spec, *current, next, author);
}

std::vector<EvidenceRow> campaign_evidence(Database& db, Id campaign) {
  std::vector<EvidenceRow> rows;
  std::string person = account_holder(db);
  Statement select =
      db.prepare("SELECT " + person + ", u.name, s.name, " + account_username(db) +
                 ", a.privilege, d.decision, "
                 "coalesce(r.full_name, ''), d.decided_on, d.reason, a.revoked_on "
                 "FROM review_decisions d JOIN accounts a ON a.id = d.account_id "
                 "JOIN people p ON p.id = a.person_id JOIN units u ON u.id = p.unit_id "
                 "JOIN information_systems s ON s.id = a.system_id "
                 "LEFT JOIN people r ON r.id = d.decided_by_id WHERE d.campaign_id = ? "
                 "ORDER BY " +
                 holder_then_system(db, person) + ", a.username");
  select.bind(1, campaign);
  while (select.step())
    rows.push_back({select.text(0), select.text(1), select.text(2), select.text(3), select.text(4),
                    select.text(5), select.text(6), text_or_empty(select, 7),
                    text_or_empty(select, 8), text_or_empty(select, 9)});
  return rows;
}

std::optional<Id> owner_of_account(Database& db, Id account) {
  Id owner = db.query_integer(
      "SELECT s.owner_id FROM accounts a JOIN information_systems s ON s.id = a.system_id "
      "WHERE a.id = ?",
      0, account);
  return owner ? std::optional<Id>(owner) : std::nullopt;
}

std::optional<Id> owner_of_decision(Database& db, Id decision) {
  Id owner = db.query_integer(
      "SELECT s.owner_id FROM review_decisions d JOIN accounts a ON a.id = d.account_id "
      "JOIN information_systems s ON s.id = a.system_id WHERE d.id = ?",
      0, decision);
  return owner ? std::optional<Id>(owner) : std::nullopt;
}

}  // namespace raekoda::db
