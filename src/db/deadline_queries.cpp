#include "db/deadline_queries.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

#include "db/answer_summary.h"
#include "db/database.h"
#include "db/period_queries.h"
#include "db/summary_sql.h"
#include "db/visibility.h"

namespace raekoda::db {

std::vector<DeadlineRule> load_deadline_rules(Database& db) {
  std::vector<DeadlineRule> rules;
  Statement select = db.prepare(
      "SELECT key, amount, unit, max_extension, extension_unit, basis FROM deadline_rules ORDER BY "
      "key");
  while (select.step()) {
    DeadlineRule rule;
    rule.key = select.text(0);
    // A rule written past the schema's CHECKs is bounded as core bounds its term.
    auto bounded = [](std::int64_t days) {
      return static_cast<int>(std::clamp<std::int64_t>(days, 0, longest_term));
    };
    rule.amount = bounded(select.integer(1));
    rule.unit = enum_from_key<TermUnit>(select.text(2)).value_or(TermUnit::calendar_days);
    if (!select.is_null(3)) rule.max_extension = bounded(select.integer(3));
    rule.extension_unit = enum_from_key<TermUnit>(select.text(4)).value_or(rule.unit);
    rule.basis = select.text(5);
    rules.push_back(std::move(rule));
  }
  return rules;
}

namespace {

void load_tiles(Database& db, DeadlineFigures& f, const WorkingCalendar& calendar) {
  Date today = f.today;
  Statement overdue = db.prepare(
      "SELECT count(*), min(effective_due_on) FROM documents "
      "WHERE answered_on IS NULL AND effective_due_on < ?");
  overdue.bind(1, today);
  if (overdue.step()) {
    f.overdue_now = overdue.integer(0);
    f.oldest_overdue_due = overdue.date(1);
    if (f.oldest_overdue_due)
      f.oldest_overdue_days = calendar.working_days_between(*f.oldest_overdue_due, today);
  }
  f.law_differences = db.query_integer(
      "SELECT count(*) FROM documents WHERE law_due_on IS NOT NULL AND due_on <> law_due_on", 0);
  f.due_soon_until = calendar.add_working_days(today, 2);
  f.due_soon = db.query_integer(
      "SELECT count(*) FROM documents "
      "WHERE answered_on IS NULL AND effective_due_on BETWEEN ? AND ?",
      0, today, f.due_soon_until);
  // Working days to answer, for answers of the last 90 days: many documents share their
  // registration and answer days, so each pair is counted once, grouped in the index's order.
  std::vector<std::pair<int, std::int64_t>> days;  // working days, how many answers
  Statement answers = db.prepare(
      "SELECT registered_on, answered_on, count(*) FROM documents "
      "WHERE due_on IS NOT NULL AND answered_on BETWEEN ? AND ? "
      "GROUP BY answered_on, registered_on");
  answers.bind_all(today.plus_days(-89), today);
  while (answers.step()) {
    auto registered = answers.date(0);
    auto answered = answers.date(1);
    if (registered && answered)
      days.emplace_back(calendar.working_days_between(*registered, *answered), answers.integer(2));
  }
  std::sort(days.begin(), days.end());
  for (const auto& [d, count] : days) f.answers_for_median += count;
  if (f.answers_for_median == 0) return;
  // The median of the expanded list: the middle answer, or the mean of the two middle ones.
  auto nth = [&](std::int64_t n) {
    for (const auto& [d, count] : days) {
      if (n < count) return d;
      n -= count;
    }
    return days.back().first;
  };
  std::int64_t mid = f.answers_for_median / 2;
  f.median_days_to_answer = f.answers_for_median % 2 ? nth(mid) : (nth(mid - 1) + nth(mid)) / 2.0;
}

// The answers of the trend's 12 months, this month's among them, and of the year up to today:
// the same, and the days of the month before when the year begins within it. Summed as they
// are read, from the summary's groups of each month, responder and type. The 11 whole months
// before this one are summed apart and kept in `kept` with the versions of those months they
// were summed at: a colleague's save changes this month, which is summed again, and seldom an
// earlier one.
YearAnswers load_answers(Database& db, DeadlineFigures& f, KeptAnswers& kept) {
  f.months = last_months(f.today, 12);
  f.answered_per_month.assign(12, 0);
  f.on_time_per_month.assign(12, 0);
  Date this_month = f.today.month_start();
  Period whole{f.months.front(), this_month.plus_days(-1)};
  // Read before the rows: a commit between the two is summed now and seen as a change next
  // time, never the other way round.
  std::map<std::string, std::int64_t> versions =
      month_versions(db, answer_months_table, whole.from, whole.until);
  if (kept.months != whole || kept.versions != versions) {
    // Summed apart and kept only when whole: a read that fails leaves nothing half summed.
    KeptAnswers summed{whole, std::move(versions), {}, {}};
    tally_answers(db, whole, [&](const AnswerTally& tally) {
      auto& [answered, on_time] = summed.per_month[tally.month];
      answered += tally.answered;
      on_time += tally.on_time;
      summed.year.add(tally);
    });
    kept = std::move(summed);
  }
  for (const auto& [month, counts] : kept.per_month)
    if (auto at = month_index(f.months, month)) {
      f.answered_per_month[*at] += counts.first;
      f.on_time_per_month[*at] += counts.second;
    }
  YearAnswers year = kept.year;
  tally_answers(db, {this_month, f.today}, [&](const AnswerTally& tally) {
    if (auto month = month_index(f.months, tally.month)) {
      f.answered_per_month[*month] += tally.answered;
      f.on_time_per_month[*month] += tally.on_time;
    }
    f.answered_this_month += tally.answered;
    f.answered_on_time_this_month += tally.on_time;
    year.add(tally);
  });
  Date year_start = f.today.plus_months(-12).plus_days(1);
  tally_answers(db, {year_start, f.months.front().plus_days(-1)},
                [&](const AnswerTally& tally) { year.add(tally); });
  return year;
}

void load_trends(Database& db, DeadlineFigures& f) {
  // Overdue at each week's end: a document is overdue from the day after its due date until the
  // day it is answered. The open ones and those answered late since the window began.
  Date first_week = f.today.week_start().plus_days(-7 * 25);
  for (int w = 0; w < 26; ++w) f.weeks.push_back(first_week.plus_days(7 * w));
  f.overdue_at_week_end.assign(26, 0);
  // The open ones' answer is NULL as such, not read: then their index alone answers, where
  // a look into each row took most of the time (5,800 open overdue at ten years' data).
  Statement spans = db.prepare(
      "SELECT effective_due_on, NULL FROM documents "
      "WHERE answered_on IS NULL AND effective_due_on < ?1 "
      "UNION ALL SELECT coalesce(extended_due_on, due_on), answered_on FROM documents "
      "WHERE due_on IS NOT NULL AND answered_on > ?2 "
      "AND answered_on > coalesce(extended_due_on, due_on)");
  spans.bind_all(f.today, first_week.plus_days(6));
  while (spans.step()) {
    auto due = spans.date(0);
    auto answered = spans.date(1);
    if (!due) continue;
    for (std::size_t w = 0; w < f.weeks.size(); ++w) {
      Date week_end = std::min(f.weeks[w].plus_days(6), f.today);
      if (*due < week_end && (!answered || *answered > week_end)) ++f.overdue_at_week_end[w];
    }
  }
}

void load_ageing(Database& db, DeadlineFigures& f, const WorkingCalendar& calendar) {
  // The due dates of each bucket, walking back from yesterday: a document due on `day` is
  // overdue today by the working days in (day, today].
  const auto& buckets = DeadlineFigures::ageing_buckets;
  std::array<bool, 4> seen{};
  int overdue_by = 0;
  for (Date day = f.today.plus_days(-1);; day = day.plus_days(-1)) {
    if (calendar.is_working_day(day.plus_days(1))) ++overdue_by;
    std::size_t b = 0;
    while (b + 1 < buckets.size() && overdue_by > buckets[b][1]) ++b;
    // A due date on the weekend just past is overdue by no working day yet: it joins the first.
    if (!seen[b]) f.ageing_due_until[b] = day;
    seen[b] = true;
    if (b + 1 == buckets.size()) break;  // the last bucket reaches back without end
    f.ageing_due_from[b] = day;
  }
  Statement open = db.prepare(
      "SELECT effective_due_on, count(*) FROM documents "
      "WHERE answered_on IS NULL AND effective_due_on < ? GROUP BY 1");
  open.bind(1, f.today);
  while (open.step()) {
    auto due = open.date(0);
    if (!due) continue;
    for (std::size_t b = 0; b < buckets.size(); ++b)
      if (*due <= f.ageing_due_until[b] && (!f.ageing_due_from[b] || *due >= *f.ageing_due_from[b]))
        f.ageing[b] += open.integer(1);
  }
}

using Group = DeadlineFigures::Group;

void add_counts(Group& into, const Group& counts) {
  into.overdue += counts.overdue;
  into.due_soon += counts.due_soon;
  into.answered += counts.answered;
  into.on_time += counts.on_time;
  if (counts.oldest_due && (!into.oldest_due || *counts.oldest_due < *into.oldest_due))
    into.oldest_due = counts.oldest_due;
}

constexpr std::string_view names_read_from[] = {"people", "units"};

// Every person's name and unit, from `kept` while no person or unit has changed.
const std::unordered_map<Id, KeptNames::Name>& load_names(Database& db, KeptNames& kept) {
  // Read before the rows: a commit between is read now and seen as a change next time.
  std::vector<std::int64_t> versions = change_counts(db.table_versions(), names_read_from);
  if (kept.versions == versions) return kept.names;
  KeptNames read{std::move(versions), {}};
  Statement people = db.prepare(
      "SELECT p.id, p.full_name, p.unit_id, u.name FROM people p JOIN units u ON u.id = p.unit_id");
  while (people.step())
    read.names[people.integer(0)] = {people.text(1), people.text(2), people.text(3)};
  kept = std::move(read);
  return kept.names;
}

void load_groups(Database& db, DeadlineFigures& f, YearAnswers year, KeptNames& kept_names) {
  // Open documents, read through their index and tallied here (summing rows into hash maps is
  // several times quicker than SQLite's GROUP BY, which sorts them first), and the year's
  // answers as the summary counts them.
  constexpr Id nobody = 0;
  std::unordered_map<Id, Group> by_responder = std::move(year.by_responder);
  std::map<std::string, Group> by_type = std::move(year.by_type);
  auto tally = [&](Id responder, const std::string& type, const Group& counts) {
    add_counts(by_responder[responder], counts);
    add_counts(by_type[type], counts);
  };
  // From documents_open alone: its expression named as it is indexed, and as a range (every
  // due date is after year 1), which SQLite reads from the index where IS NOT NULL it does not.
  Statement open = db.prepare(
      "SELECT coalesce(responder_id, 0), doc_type, coalesce(extended_due_on, due_on) "
      "FROM documents WHERE answered_on IS NULL AND "
      "coalesce(extended_due_on, due_on) >= '0001-01-01'");
  while (open.step()) {
    auto due = open.date(2);
    if (!due) continue;
    Group counts;
    if (*due < f.today) {
      counts.overdue = 1;
      counts.oldest_due = due;
    } else if (*due <= f.due_soon_until) {
      counts.due_soon = 1;
    }
    tally(open.integer(0), open.text(1), counts);
  }
  const auto& names = load_names(db, kept_names);

  // Names and units of the responders counted.
  std::unordered_map<std::string, Group> by_unit;
  for (auto& [responder, counts] : by_responder) {
    auto person = names.find(responder);
    bool known = responder != nobody && person != names.end();
    counts.key = responder == nobody ? "" : std::to_string(responder);
    counts.name = known ? person->second.person : "";
    std::string unit_key = known ? person->second.unit_key : "";
    Group& unit = by_unit[unit_key];
    unit.key = unit_key;
    unit.name = known ? person->second.unit : "";
    add_counts(unit, counts);
    f.responders.push_back(counts);
  }
  for (auto& [key, counts] : by_unit) f.units.push_back(counts);
  for (auto& [key, counts] : by_type) {
    counts.key = counts.name = key;
    f.types.push_back(counts);
  }

  auto most_overdue_first = [](const Group& a, const Group& b) {
    if (a.overdue != b.overdue) return a.overdue > b.overdue;
    if (a.due_soon != b.due_soon) return a.due_soon > b.due_soon;
    if (a.name != b.name) return a.name < b.name;
    return a.key < b.key;
  };
  for (auto* groups : {&f.responders, &f.units, &f.types})
    std::sort(groups->begin(), groups->end(), most_overdue_first);
  f.responders_to_remind = static_cast<std::size_t>(
      std::find_if(f.responders.begin(), f.responders.end(),
                   [](const Group& g) { return g.overdue == 0 && g.due_soon == 0; }) -
      f.responders.begin());
}

void load_coming(Database& db, DeadlineFigures& f, const WorkingCalendar& calendar) {
  Date day = calendar.working_day_on_or_after(f.today);
  for (int i = 0; i < 10; ++i, day = calendar.add_working_days(day, 1))
    f.coming_days.push_back(day);
  f.due_on_day.assign(f.coming_days.size(), 0);
  Statement due = db.prepare(
      "SELECT effective_due_on, count(*) FROM documents WHERE answered_on IS NULL "
      "AND effective_due_on BETWEEN ? AND ? GROUP BY 1");
  due.bind_all(f.today, f.coming_days.back());
  while (due.step()) {
    auto when = due.date(0);
    if (!when) continue;
    auto counted = std::find(f.coming_days.begin(), f.coming_days.end(),
                             calendar.working_day_on_or_after(*when));
    if (counted != f.coming_days.end())
      f.due_on_day[static_cast<std::size_t>(counted - f.coming_days.begin())] += due.integer(1);
  }
}

void load_mine(Database& db, DeadlineFigures& f, const WorkingCalendar& calendar,
               const YearAnswers& year) {
  const Viewer& viewer = db.viewer();
  DeadlineFigures::Mine& mine = f.mine;
  mine.shown = viewer.person && viewer.has(Role::responder);
  if (!mine.shown) return;
  mine.person = *viewer.person;
  mine.name = viewer.name;
  Date first_working = calendar.working_day_on_or_after(f.today);
  mine.next_week = first_working.week_start() != f.today.week_start();
  mine.week_until = first_working.week_start().plus_days(6);
  while (!calendar.is_working_day(mine.week_until)) mine.week_until = mine.week_until.plus_days(-1);
  Statement open = db.prepare(
      "SELECT count(*), count(*) FILTER (WHERE effective_due_on < ?1), "
      "count(*) FILTER (WHERE effective_due_on BETWEEN ?1 AND ?2) FROM documents "
      "WHERE responder_id = ?3 AND answered_on IS NULL AND effective_due_on IS NOT NULL");
  open.bind_all(f.today, mine.week_until, mine.person);
  if (open.step()) {
    mine.open = open.integer(0);
    mine.overdue = open.integer(1);
    mine.due_this_week = open.integer(2);
  }
  if (auto answered = year.by_responder.find(mine.person); answered != year.by_responder.end()) {
    mine.answered = answered->second.answered;
    mine.on_time = answered->second.on_time;
  }
}

}  // namespace

void YearAnswers::add(const AnswerTally& tally) {
  for (auto* group : {&by_responder[tally.responder], &by_type[tally.doc_type]}) {
    group->answered += tally.answered;
    group->on_time += tally.on_time;
  }
}

void KeptNames::forget(std::span<const std::string> changed) {
  if (names_any(changed, names_read_from)) *this = {};
}

DeadlineFigures load_deadline_figures(Database& db, Date today, const WorkingCalendar& calendar) {
  KeptDeadlines none;
  return load_deadline_figures(db, today, calendar, none);
}

DeadlineFigures load_deadline_figures(Database& db, Date today, const WorkingCalendar& calendar,
                                      KeptDeadlines& kept) {
  DeadlineFigures f;
  f.today = today;
  Statement settings = db.prepare("SELECT on_time_target_percent, version FROM settings");
  if (settings.step()) {
    f.target = static_cast<double>(settings.integer(0)) / 100.0;
    f.settings_version = settings.integer(1);
  }
  YearAnswers year = load_answers(db, f, kept.answers);
  load_tiles(db, f, calendar);
  load_trends(db, f);
  load_ageing(db, f, calendar);
  load_mine(db, f, calendar, year);
  load_groups(db, f, std::move(year), kept.names);
  load_coming(db, f, calendar);
  return f;
}

std::vector<ReminderItem> open_documents_of(Database& db, Id responder) {
  std::vector<ReminderItem> items;
  // A restricted document's title is left out of a reminder the sender may not read.
  Statement select =
      db.prepare("SELECT reg_number, doc_type, " + visible_column(db, "documents", "title") +
                 ", effective_due_on FROM documents "
                 "WHERE responder_id = ? AND answered_on IS NULL AND "
                 "effective_due_on IS NOT NULL ORDER BY effective_due_on, reg_number");
  select.bind(1, responder);
  while (select.step())
    if (auto due = select.date(3))
      items.push_back({select.text(0), select.text(1), select.text(2), *due});
  return items;
}

}  // namespace raekoda::db
