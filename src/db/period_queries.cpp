#include "db/period_queries.h"

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "core/dashboard_figures.h"
#include "db/answer_summary.h"
#include "db/database.h"

namespace raekoda::db {
namespace {

// The spans a query returns as (from, until) dates; `from_shift` days are added to `from`, so
// that "overdue after its due date" starts the day after it.
std::vector<DaySpan> read_spans(Statement& select, int from_shift = 0) {
  std::vector<DaySpan> spans;
  while (select.step()) {
    auto from = select.date(0);
    if (from) spans.push_back({from->plus_days(from_shift), select.date(1)});
  }
  return spans;
}

// The tables StatesOn's figure `i` is counted from.
std::span<const std::string_view> tables_of_state(std::size_t i) {
  static constexpr std::string_view documents[] = {"documents"};
  static constexpr std::string_view activities[] = {"comm_activities"};
  static constexpr std::string_view incidents[] = {"incidents"};
  static constexpr std::string_view accounts[] = {"accounts", "people"};
  static constexpr std::array<std::span<const std::string_view>, 4> tables = {documents, activities,
                                                                              incidents, accounts};
  return tables[i];
}

}  // namespace

void KeptStates::forget(std::span<const std::string> changed) {
  for (std::size_t i = 0; i < versions.size(); ++i)
    if (names_any(changed, tables_of_state(i))) versions[i].clear();
}

StatesOn count_states_on(Database& db, const std::vector<Date>& days) {
  KeptStates none;
  return count_states_on(db, days, none);
}

// Every query reads only the rows that can count on one of the days: those begun before the
// last and not ended before the first, through the indexes on open and on answered, resolved or
// revoked rows.
StatesOn count_states_on(Database& db, const std::vector<Date>& days, KeptStates& kept) {
  StatesOn states;
  if (days.empty()) return states;
  Date first = days.front();
  Date last = days.back();
  // Read before the rows: a commit between is counted now and seen as a change next time.
  TableVersions all = db.table_versions();
  KeptStates next{days, {}, {}};
  for (std::size_t i = 0; i < next.versions.size(); ++i)
    next.versions[i] = change_counts(all, tables_of_state(i));
  // The figure kept, or else counted by `count`.
  auto figure = [&](std::size_t i, std::vector<std::int64_t> StatesOn::*member, auto count) {
    if (kept.days == days && kept.versions[i] == next.versions[i])
      states.*member = kept.states.*member;
    else
      states.*member = count();
  };

  // Overdue from the day after the (extended) due date until answered. An extension granted
  // later counts from the start: the database keeps the due date, not when it moved. The
  // answered ones spelled out, so that their index covers the query: those answered late only,
  // as one answered by its due date is never overdue. The unanswered ones due before the first
  // day are overdue on every day, and only counted: they are the backlog of the whole history.
  figure(0, &StatesOn::overdue_documents, [&] {
    std::int64_t overdue_throughout = db.query_integer(
        "SELECT count(*) FROM documents WHERE answered_on IS NULL AND effective_due_on < ?", 0,
        first);
    Statement documents = db.prepare(
        "SELECT effective_due_on, NULL FROM documents "
        "WHERE answered_on IS NULL AND effective_due_on >= ? AND effective_due_on < ? "
        "UNION ALL SELECT coalesce(extended_due_on, due_on), answered_on FROM documents "
        "WHERE due_on IS NOT NULL AND answered_on > coalesce(extended_due_on, due_on) "
        "AND answered_on > ? AND coalesce(extended_due_on, due_on) < ?");
    documents.bind_all(first, last, first, last);
    std::vector<std::int64_t> counts = count_holding_on(days, read_spans(documents, 1));
    for (std::int64_t& count : counts) count += overdue_throughout;
    return counts;
  });

  // Late from the day after the planned end until done; postponed and cancelled ones are not
  // counted on any day, as the tiles do not count them today, nor those done by their last day.
  // The ones not done from comm_activities_late (its condition repeated, so that SQLite takes
  // it), and those done late since the first day from comm_activities_done_late: not every
  // activity done late in the whole history.
  figure(1, &StatesOn::late_activities, [&] {
    Statement activities = db.prepare(
        "SELECT ends_on, NULL FROM comm_activities WHERE (done_on IS NULL OR done_on > ends_on) "
        "AND status IN ('planned', 'in_progress') AND done_on IS NULL AND ends_on < ? "
        "UNION ALL SELECT ends_on, done_on FROM comm_activities "
        "WHERE done_on > ends_on AND done_on > ? AND ends_on < ?");
    activities.bind_all(last, first, last);
    return count_holding_on(days, read_spans(activities, 1));
  });

  // Open from the day it was registered until the day it was resolved: those resolved since the
  // first day's week began, read from incidents_resolved alone, and the open ones, read from
  // their own small index (severity > '', always true, makes SQLite take it rather than the
  // history-long range of opened_at). One opened after the last day counts on none of them.
  figure(2, &StatesOn::open_incidents, [&] {
    Statement incidents = db.prepare(
        "SELECT day_of(opened_at), NULL FROM incidents "
        "WHERE resolved_at IS NULL AND severity > '' "
        "UNION ALL SELECT day_of(opened_at), day_of(resolved_at) FROM incidents "
        "WHERE resolved_at IS NOT NULL AND resolved_at >= ? AND opened_at < ?");
    incidents.bind_all(first.week_start(), last.plus_days(1).iso());
    return count_holding_on(days, read_spans(incidents));
  });

  // A leaver's account is active from the later of leaving and granting until revoked.
  figure(3, &StatesOn::leaver_accounts, [&] {
    Statement accounts = db.prepare(
        "SELECT greatest(a.granted_on, p.left_on), a.revoked_on FROM accounts a "
        "JOIN people p ON p.id = a.person_id "
        "WHERE p.left_on IS NOT NULL AND p.left_on <= ? AND a.granted_on <= ? "
        "AND (a.revoked_on IS NULL OR a.revoked_on > ?)");
    accounts.bind_all(last, last, first);
    return count_holding_on(days, read_spans(accounts));
  });
  next.states = states;
  kept = std::move(next);
  return states;
}

namespace {

// The two counts `sql` gives over the period's first and last day.
std::pair<std::int64_t, std::int64_t> two_counts(Database& db, const char* sql,
                                                 const Period& period) {
  Statement select = db.prepare(sql);
  select.bind_all(period.from, period.until);
  if (!select.step()) return {0, 0};
  return {select.integer(0), select.integer(1)};
}

}  // namespace

AnswerCounts count_answers(Database& db, const Period& period) {
  AnswerCounts counts;
  tally_answers(db, period, [&](const AnswerTally& tally) {
    counts.answered += tally.answered;
    counts.on_time += tally.on_time;
  });
  return counts;
}

ActivityCounts count_activities_due(Database& db, const Period& period) {
  auto [due, on_time] =
      two_counts(db,
                 "SELECT count(*), count(*) FILTER (WHERE status = 'done' AND done_on <= ends_on) "
                 "FROM comm_activities WHERE ends_on BETWEEN ? AND ? AND status <> 'cancelled'",
                 period);
  return {due, on_time};
}

PeriodFlows count_period_flows(Database& db, const Period& period) {
  PeriodFlows flows;
  std::string from = period.from.iso();
  std::string after = period.until.plus_days(1).iso();
  flows.incidents_opened = db.query_integer(
      "SELECT count(*) FROM incidents WHERE opened_at >= ? AND opened_at < ?", 0, from, after);
  flows.security_incidents_opened = db.query_integer(
      "SELECT count(*) FROM incidents WHERE is_security = 1 AND opened_at >= ? AND opened_at < ?",
      0, from, after);
  flows.incidents_resolved = db.query_integer(
      "SELECT count(*) FROM incidents WHERE resolved_at >= ? AND resolved_at < ?", 0, from, after);
  flows.accounts_granted =
      db.query_integer("SELECT count(*) FROM accounts WHERE granted_on BETWEEN ? AND ?", 0,
                       period.from, period.until);
  flows.accounts_revoked =
      db.query_integer("SELECT count(*) FROM accounts WHERE revoked_on BETWEEN ? AND ?", 0,
                       period.from, period.until);
  flows.review_decisions =
      db.query_integer("SELECT count(*) FROM review_decisions WHERE decided_on BETWEEN ? AND ?", 0,
                       period.from, period.until);
  return flows;
}

std::string load_city_name(Database& db) {
  Statement select = db.prepare("SELECT city_name FROM settings WHERE id = 1");
  return select.step() ? select.text(0) : std::string();
}

}  // namespace raekoda::db
