#include "db/plan_queries.h"

#include <algorithm>
#include <array>
#include <map>
#include <string>

#include "core/i18n.h"
#include "core/plan_copy.h"
#include "db/database.h"
#include "db/key_list.h"
#include "db/period_queries.h"

namespace raekoda::db {
namespace {

void load_plans(Database& db, PlanFigures& f, Id plan) {
  Statement select = db.prepare(
      "SELECT c.id, c.name, coalesce(p.full_name, ''), c.starts_on, c.ends_on FROM comm_plans c "
      "LEFT JOIN people p ON p.id = c.owner_id ORDER BY c.starts_on DESC, c.id DESC");
  while (select.step())
    f.plans.push_back({select.integer(0), select.text(1), select.text(2),
                       select.date(3).value_or(f.today), select.date(4).value_or(f.today)});
  for (std::size_t i = 0; i < f.plans.size(); ++i)
    if (f.plans[i].id == plan) f.chosen = i;
  // Otherwise the plan running today, longest first (the year's plan before a campaign's).
  for (std::size_t i = 0; i < f.plans.size() && !f.chosen; ++i)
    if (f.plans[i].starts_on <= f.today && f.plans[i].ends_on >= f.today) f.chosen = i;
  if (!f.chosen && !f.plans.empty()) f.chosen = 0;
  if (f.chosen && plan == 0) {
    for (std::size_t i = 0; i < f.plans.size(); ++i) {
      const auto& p = f.plans[i];
      const auto& best = f.plans[*f.chosen];
      if (p.starts_on <= f.today && p.ends_on >= f.today &&
          p.starts_on.days_until(p.ends_on) > best.starts_on.days_until(best.ends_on))
        f.chosen = i;
    }
  }
}

void load_next_issue_contents(Database& db, PlanFigures& f) {
  const PlanFigures::Issue& next = *f.next_issue;
  Statement before =
      db.prepare("SELECT max(publication_on) FROM newspaper_issues WHERE publication_on < ?");
  before.bind(1, next.publication_on);
  if (before.step())
    if (auto previous = before.date(0)) f.next_issue_from = previous->plus_days(1);
  f.next_issue_activities = db.query_integer(
      "SELECT count(*) FROM comm_activities WHERE channel = 'newspaper' AND status <> 'cancelled' "
      "AND planned_on BETWEEN ? AND ?",
      0, f.next_issue_from.value_or(Date{}), next.publication_on);
}

void load_tiles(Database& db, PlanFigures& f) {
  // A quarter's first day counts nothing due yet: today is not over.
  if (f.today > f.today.quarter_start()) {
    ActivityCounts quarter =
        count_activities_due(db, {f.today.quarter_start(), f.today.plus_days(-1)});
    f.quarter_due = quarter.due;
    f.quarter_on_time = quarter.on_time;
  }
  if (f.chosen) {
    Statement late = db.prepare(
        "SELECT count(*), min(ends_on) FROM comm_activities "
        "WHERE plan_id = ? AND status IN ('planned', 'in_progress') AND ends_on < ?");
    late.bind_all(f.plans[*f.chosen].id, f.today);
    if (late.step()) {
      f.late_now = late.integer(0);
      f.oldest_late = late.date(1);
    }
  }
  f.next_14_days = db.query_integer(
      "SELECT count(*) FROM comm_activities WHERE status IN ('planned', 'in_progress') "
      "AND planned_on BETWEEN ? AND ?",
      0, f.today, f.today.plus_days(13));
  // The next issue the staff still write for: its copy deadline is today or later.
  Statement issue = db.prepare(
      "SELECT title, copy_deadline_on, publication_on FROM newspaper_issues "
      "WHERE copy_deadline_on >= ? ORDER BY copy_deadline_on LIMIT 1");
  issue.bind(1, f.today);
  if (issue.step())
    f.next_issue = PlanFigures::Issue{issue.text(0), issue.date(1).value_or(f.today),
                                      issue.date(2).value_or(f.today)};
  if (f.next_issue) load_next_issue_contents(db, f);
}

void load_burnup(Database& db, PlanFigures& f) {
  if (!f.chosen) return;
  const auto& plan = f.plans[*f.chosen];
  for (Date w = plan.starts_on.week_start(); w <= plan.ends_on; w = w.plus_days(7))
    f.weeks.push_back(w);
  f.planned_cumulative.assign(f.weeks.size(), 0);
  f.done_cumulative.assign(f.weeks.size(), 0);
  auto week_of = [&](Date day) {
    auto at = std::upper_bound(f.weeks.begin(), f.weeks.end(), day);
    return static_cast<std::size_t>(std::max<std::ptrdiff_t>(at - f.weeks.begin() - 1, 0));
  };
  std::vector<std::int64_t> planned(f.weeks.size(), 0);
  std::vector<std::int64_t> done(f.weeks.size(), 0);
  // From comm_activities_plan_status alone: the statuses named, not every row of the plan read.
  Statement select =
      db.prepare("SELECT ends_on, done_on FROM comm_activities WHERE plan_id = ? AND status IN (" +
                 keys_other_than(ActivityStatus::cancelled) + ")");
  select.bind(1, plan.id);
  while (select.step()) {
    ++f.plan_activities;
    if (auto ends = select.date(0)) ++planned[week_of(*ends)];
    if (auto finished = select.date(1)) ++done[week_of(*finished)];
  }
  std::int64_t p = 0;
  std::int64_t d = 0;
  for (std::size_t w = 0; w < f.weeks.size(); ++w) {
    p += planned[w];
    d += done[w];
    f.planned_cumulative[w] = p;
    f.done_cumulative[w] = d;
  }
}

void load_done_per_month(Database& db, PlanFigures& f) {
  f.months = last_months(f.today, 12);
  Date first = f.months.front();
  for (auto& counts : f.done_per_month) counts.assign(12, 0);
  // By day, in the order of the index of done activities, summed into months here. An activity
  // has done_on exactly when it is done (a CHECK), so the day alone picks the done ones.
  Statement select = db.prepare(
      "SELECT done_on, channel, count(*) FROM comm_activities "
      "WHERE done_on BETWEEN ? AND ? GROUP BY 1, 2");
  select.bind_all(first, f.today);
  while (select.step()) {
    auto day = select.date(0);
    auto channel = enum_from_key<ActivityChannel>(select.text(1));
    if (!day || !channel) continue;
    if (auto m = month_index(f.months, *day))
      f.done_per_month[static_cast<std::size_t>(*channel)][*m] += select.integer(2);
  }
}

void load_late_by_owner(Database& db, PlanFigures& f) {
  if (!f.chosen) return;
  Statement select = db.prepare(
      "SELECT a.owner_id, coalesce(p.full_name, ''), count(*) FROM comm_activities a "
      "LEFT JOIN people p ON p.id = a.owner_id WHERE a.plan_id = ? "
      "AND a.status IN ('planned', 'in_progress') AND a.ends_on < ? GROUP BY a.owner_id, "
      "p.full_name "
      "ORDER BY 3 DESC, 2");
  select.bind_all(f.plans[*f.chosen].id, f.today);
  while (select.step())
    f.late_by_owner.push_back({select.integer(0), select.text(1), select.integer(2)});
}

void load_coming(Database& db, PlanFigures& f) {
  f.window_from = f.today.week_start();
  f.window_to = f.window_from.plus_days(8 * 7 - 1);
  Statement select = db.prepare(
      "SELECT id, title, status, planned_on, ends_on, version FROM comm_activities "
      "WHERE planned_on <= ?2 AND ends_on >= ?1 AND status <> 'cancelled' "
      "ORDER BY planned_on, ends_on, id");
  select.bind_all(f.window_from, f.window_to);
  // Ten texts for the thousands of activities in the window: each status, on time and late.
  std::array<std::array<std::string, ActivityStatus_count>, 2> status_texts;
  for (std::size_t i = 0; i < ActivityStatus_count; ++i) {
    const char* status = tr(catalog_key(static_cast<ActivityStatus>(i)));
    status_texts[0][i] = status;
    status_texts[1][i] = trf("plan.late_status", status);
  }
  while (select.step()) {
    PlanFigures::Activity a;
    a.id = select.integer(0);
    a.title = select.text(1);
    a.status = enum_from_key<ActivityStatus>(select.text(2)).value_or(ActivityStatus::planned);
    a.starts_on = select.date(3).value_or(f.today);
    a.ends_on = select.date(4).value_or(a.starts_on);
    a.version = select.integer(5);
    a.late = (a.status == ActivityStatus::planned || a.status == ActivityStatus::in_progress) &&
             a.ends_on < f.today;
    a.status_text = status_texts[a.late][static_cast<std::size_t>(a.status)];
    f.coming.push_back(std::move(a));
  }
  Statement issues = db.prepare(
      "SELECT title, copy_deadline_on, publication_on FROM newspaper_issues "
      "WHERE publication_on >= ? AND copy_deadline_on <= ? ORDER BY publication_on");
  issues.bind_all(f.window_from, f.window_to);
  while (issues.step())
    f.issues_in_window.push_back(
        {issues.text(0), issues.date(1).value_or(f.today), issues.date(2).value_or(f.today)});
}

}  // namespace

PlanFigures load_plan_figures(Database& db, Date today, Id plan) {
  PlanFigures f;
  f.today = today;
  load_plans(db, f, plan);
  load_tiles(db, f);
  load_burnup(db, f);
  load_done_per_month(db, f);
  load_late_by_owner(db, f);
  load_coming(db, f);
  return f;
}

MoveResult move_activity(Database& db, Id activity, std::int64_t version, int days, Date today,
                         const Author& author) {
  const TableSpec& spec = comm_activities_spec();
  MoveResult result;
  auto current = load_record(db, spec, activity);
  if (!current) {
    result.save.status = SaveStatus::missing;
    return result;
  }
  // Dragged as it was shown: a colleague's change since is not moved over.
  if (current->version != version) {
    result.save = {SaveStatus::conflict, *current, 0};
    return result;
  }
  Record moved = *current;
  for (const char* column : {"planned_on", "planned_until"})
    if (const auto& value = current->value(column))
      if (auto day = Date::parse_iso(*value)) moved.set(column, day->plus_days(days).iso());
  ValidationContext context;
  context.today = today;
  // The same rules as a save from the editor: a move that breaks one is not written.
  if (auto errors = validate(spec, *current, moved, context); !errors.empty()) {
    result.problem = errors.front().message;
    result.save.current = *current;
    return result;
  }
  result.save = update_record(db, spec, *current, moved, author);
  return result;
}

Id copy_plan(Database& db, Id plan, const Author& author) {
  const TableSpec& plans = comm_plans_spec();
  const TableSpec& activities = comm_activities_spec();
  auto original = load_record(db, plans, plan);
  if (!original) throw DatabaseError(ErrorKind::other, "no plan " + std::to_string(plan));
  Date starts = *Date::parse_iso(original->value("starts_on").value_or(""));
  Date ends = *Date::parse_iso(original->value("ends_on").value_or(""));
  PeriodShift shift = next_period(starts, ends);
  Transaction transaction(db);
  Record copy = *original;
  copy.id = 0;
  copy.set("name",
           next_plan_name(original->value("name").value_or(""), starts, shift.apply(starts)));
  copy.set("starts_on", shift.apply(starts).iso());
  copy.set("ends_on", shift.apply(ends).iso());
  Id copied = insert_record_within(db, plans, copy, author).id;
  // Cancelled activities were dropped from the plan and stay out of the copy.
  Statement select = db.prepare("SELECT " + record_columns(activities) +
                                " FROM comm_activities WHERE plan_id = ? AND status <> 'cancelled' "
                                "ORDER BY planned_on, id");
  select.bind(1, plan);
  std::vector<Record> rows;
  while (select.step()) rows.push_back(read_record(select, activities));
  for (Record activity : rows) {
    activity.id = 0;
    activity.set("plan_id", std::to_string(copied));
    for (const char* column : {"planned_on", "planned_until"})
      if (const auto& value = activity.value(column))
        if (auto day = Date::parse_iso(*value)) activity.set(column, shift.apply(*day).iso());
    // Planned again: nothing of the new period is done or published yet.
    activity.set("status", std::string(key_of(ActivityStatus::planned)));
    activity.set("done_on", std::nullopt);
    activity.set("link", std::nullopt);
    insert_record_within(db, activities, activity, author);
  }
  transaction.commit();
  return copied;
}

}  // namespace raekoda::db
