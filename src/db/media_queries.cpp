#include "db/media_queries.h"

#include <algorithm>
#include <map>

#include "db/database.h"
#include "db/key_list.h"

namespace raekoda::db {
namespace {

void count_tones(Database& db, const Period& period, std::array<std::int64_t, Tone_count>& into) {
  Statement select = db.prepare(
      "SELECT tone, sum(items) FROM media_by_day WHERE published_on BETWEEN ? AND ? GROUP BY 1");
  select.bind_all(period.from, period.until);
  while (select.step())
    if (auto tone = enum_from_key<Tone>(select.text(0)))
      into[static_cast<std::size_t>(*tone)] = select.integer(1);
}

void load_rebuttals(Database& db, MediaFigures& f) {
  Statement select = db.prepare(
      "SELECT m.id, m.title, o.name, m.published_on, m.rebuttal_status, m.rebuttal_due_on, "
      "m.version FROM media_items m JOIN media_outlets o ON o.id = m.outlet_id "
      "WHERE m.misleading = 1 AND m.rebuttal_status IN ('needed', 'drafted', 'approved') "
      "ORDER BY m.rebuttal_due_on IS NULL, m.rebuttal_due_on, m.published_on, m.id");
  while (select.step())
    f.open_rebuttals.push_back(
        {select.integer(0), select.text(1), select.text(2), select.date(3).value_or(Date{}),
         enum_from_key<RebuttalStatus>(select.text(4)).value_or(RebuttalStatus::needed),
         select.date(5), select.integer(6)});
}

// The trend over the period and the one it is compared with, in whole calendar buckets: the
// first starts on or before the comparison's first day, the last holds the period's last day.
void load_trend(Database& db, MediaFigures& f) {
  Date until = f.period.until;
  f.trend_from = std::min(f.previous.from, f.period.from);
  f.trend_step = trend_step_for(f.trend_from.days_until(until) + 1);
  Date first = f.trend_step == TrendStep::month  ? f.trend_from.month_start()
               : f.trend_step == TrendStep::week ? f.trend_from.week_start()
                                                 : f.trend_from;
  for (Date b = first; b <= until; b = f.trend_bucket_after(b)) f.trend_buckets.push_back(b);
  // Each bucket whole (a week of last month runs into this one), but nothing after today.
  Date counted_until =
      std::min(f.trend_bucket_after(f.trend_buckets.back()).plus_days(-1), f.today);
  f.trend_by_tone = items_by_tone(db, f.trend_buckets, counted_until);
}

void load_outlets(Database& db, MediaFigures& f) {
  std::map<Id, MediaFigures::Outlet> outlets;
  Statement names = db.prepare("SELECT id, name, language FROM media_outlets");
  while (names.step())
    outlets[names.integer(0)] = {
        names.integer(0), names.text(1),
        enum_from_key<ContentLanguage>(names.text(2)).value_or(ContentLanguage::other), 0, 0};
  Statement counts = db.prepare(
      "SELECT outlet_id, count(*), sum(reach) FROM media_items "
      "WHERE published_on BETWEEN ? AND ? GROUP BY 1");
  counts.bind_all(f.period.from, f.period.until);
  while (counts.step()) {
    auto found = outlets.find(counts.integer(0));
    if (found == outlets.end()) continue;
    found->second.items = counts.integer(1);
    found->second.reach = counts.integer(2);
    f.reach_total += found->second.reach;
  }
  for (auto& [id, outlet] : outlets)
    if (outlet.items > 0) f.outlets.push_back(std::move(outlet));
  std::stable_sort(f.outlets.begin(), f.outlets.end(),
                   [](const auto& a, const auto& b) { return a.items > b.items; });
  std::vector<std::int64_t> reach;
  for (const auto& outlet : f.outlets) reach.push_back(outlet.reach);
  std::vector<double> shares = shares_of(reach);
  for (std::size_t i = 0; i < f.outlets.size(); ++i) f.outlets[i].share_of_voice = shares[i];
}

void load_splits(Database& db, MediaFigures& f) {
  Statement select = db.prepare(
      "SELECT channel, language, count(*) FROM media_items "
      "WHERE published_on BETWEEN ? AND ? GROUP BY 1, 2");
  select.bind_all(f.period.from, f.period.until);
  while (select.step()) {
    if (auto channel = enum_from_key<Channel>(select.text(0)))
      f.by_channel[static_cast<std::size_t>(*channel)] += select.integer(2);
    if (auto language = enum_from_key<ContentLanguage>(select.text(1)))
      f.by_language[static_cast<std::size_t>(*language)] += select.integer(2);
  }
  Statement subjects = db.prepare(
      "SELECT subject, CASE WHEN subject = 'topic' THEN coalesce(topic, '') ELSE '' END, count(*) "
      "FROM media_items WHERE published_on BETWEEN ? AND ? GROUP BY 1, 2 ORDER BY 3 DESC, 2");
  subjects.bind_all(f.period.from, f.period.until);
  while (subjects.step())
    if (auto subject = enum_from_key<Subject>(subjects.text(0)))
      f.subjects.push_back({*subject, subjects.text(1), subjects.integer(2)});
}

void load_heatmap(Database& db, MediaFigures& f) {
  constexpr std::size_t outlets = 10;
  constexpr int weeks = 26;
  Date last = f.period.until.week_start();
  Date earliest = std::min(f.trend_from, f.period.until.plus_days(-7 * 12 + 1)).week_start();
  Date first = std::max(earliest, last.plus_days(-7 * (weeks - 1)));
  for (Date w = first; w <= last; w = w.plus_days(7)) f.heatmap_weeks.push_back(w);
  for (std::size_t i = 0; i < f.outlets.size() && i < outlets; ++i) f.heatmap_outlets.push_back(i);
  f.heatmap.assign(f.heatmap_outlets.size() * f.heatmap_weeks.size(), 0);
  if (f.heatmap_outlets.empty()) return;
  std::map<Id, std::size_t> row_of;
  for (std::size_t row = 0; row < f.heatmap_outlets.size(); ++row)
    row_of[f.outlets[f.heatmap_outlets[row]].id] = row;
  // By day from the index, summed into weeks here (see load_trend).
  Statement select = db.prepare(
      "SELECT published_on, outlet_id, count(*) FROM media_items "
      "WHERE published_on BETWEEN ? AND ? GROUP BY 1, 2");
  select.bind_all(first, f.period.until);
  while (select.step()) {
    auto day = select.date(0);
    auto row = row_of.find(select.integer(1));
    if (!day || row == row_of.end() || *day < first) continue;
    auto column = static_cast<std::size_t>(first.days_until(*day) / 7);
    if (column < f.heatmap_weeks.size())
      f.heatmap[row->second * f.heatmap_weeks.size() + column] += select.integer(2);
  }
}

void load_releases(Database& db, MediaFigures& f) {
  // The states before publication named, so that SQLite reads them from press_releases_state
  // rather than every release ever published.
  Statement select = db.prepare(
      "SELECT r.id, r.version, r.title, coalesce(p.full_name, ''), r.drafted_on, r.state, "
      "r.return_comment FROM press_releases r LEFT JOIN people p ON p.id = r.author_id "
      "WHERE r.state IN (" +
      keys_other_than(PressReleaseState::published) +
      ") ORDER BY r.state <> 'awaiting_approval', r.state <> 'draft', r.drafted_on, r.id "
      "LIMIT 200");
  while (select.step()) {
    MediaFigures::Release release{
        select.integer(0),
        select.integer(1),
        select.text(2),
        select.text(3),
        select.date(4).value_or(Date{}),
        enum_from_key<PressReleaseState>(select.text(5)).value_or(PressReleaseState::draft),
        select.text(6)};
    f.releases.push_back(std::move(release));
  }
  Statement awaiting = db.prepare(
      "SELECT count(*), min(drafted_on) FROM press_releases WHERE state = 'awaiting_approval'");
  if (awaiting.step()) {
    f.awaiting_approval = awaiting.integer(0);
    f.oldest_awaiting = awaiting.date(1);
  }
}

}  // namespace

std::array<std::vector<std::int64_t>, Tone_count> items_by_tone(Database& db,
                                                                const std::vector<Date>& starts,
                                                                Date until) {
  std::array<std::vector<std::int64_t>, Tone_count> counts;
  for (auto& tone : counts) tone.assign(starts.size(), 0);
  if (starts.empty()) return counts;
  // From the summary: a row a day and tone, not every item of the window.
  Statement select = db.prepare(
      "SELECT published_on, tone, items FROM media_by_day WHERE published_on BETWEEN ? AND ?");
  select.bind_all(starts.front(), until);
  while (select.step()) {
    auto day = select.date(0);
    auto tone = enum_from_key<Tone>(select.text(1));
    if (!day || !tone) continue;
    // The bucket a day falls in: the last one that starts on or before it.
    auto after = std::upper_bound(starts.begin(), starts.end(), *day);
    if (after == starts.begin()) continue;
    counts[static_cast<std::size_t>(*tone)][static_cast<std::size_t>(after - starts.begin() - 1)] +=
        select.integer(2);
  }
  return counts;
}

MediaFigures load_media_figures(Database& db, Date today, const PeriodChoice& choice) {
  MediaFigures f;
  f.today = today;
  f.choice = choice;
  f.period = current_period(choice, today);
  f.previous = previous_period(choice, f.period);
  count_tones(db, f.period, f.by_tone);
  count_tones(db, f.previous, f.by_tone_previous);
  load_rebuttals(db, f);
  load_trend(db, f);
  load_outlets(db, f);
  load_splits(db, f);
  load_heatmap(db, f);
  load_releases(db, f);
  return f;
}

}  // namespace raekoda::db
