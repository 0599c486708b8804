#pragma once
// The city secretary's page in figures: what is overdue and whose it is, how the on-time share
// develops, and what falls due next. Filled by the database layer, read by the deadlines view.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/records.h"

namespace raekoda {

struct DeadlineFigures {
  Date today;
  double target = 0.95;  // the share the city aims to answer on time (settings)
  std::int64_t settings_version = 0;

  std::int64_t overdue_now = 0;
  std::optional<Date> oldest_overdue_due;  // the earliest due date among them
  int oldest_overdue_days = 0;             // working days that one is overdue
  std::int64_t due_soon = 0;               // due today or within the next 2 working days
  Date due_soon_until;
  std::int64_t answered_this_month = 0;
  std::int64_t answered_on_time_this_month = 0;
  std::optional<double> median_days_to_answer;  // working days, answers of the last 90 days
  // Imported documents whose register due date is not the one the law gives their type: a
  // register set up with the wrong rule.
  std::int64_t law_differences = 0;
  std::int64_t answers_for_median = 0;

  // The last 12 months (first day of each), by the month of the answer.
  std::vector<Date> months;
  std::vector<std::int64_t> answered_per_month;
  std::vector<std::int64_t> on_time_per_month;

  // Open overdue documents at the end of each of the last 26 weeks (Mondays); the current week
  // is counted to today.
  std::vector<Date> weeks;
  std::vector<std::int64_t> overdue_at_week_end;

  // Open overdue documents by working days overdue: 1–2, 3–5, 6–10, more than 10; with the due
  // dates each bucket covers, so that a click opens exactly those. The last has no first day.
  static constexpr std::array<std::array<int, 2>, 4> ageing_buckets = {
      {{1, 2}, {3, 5}, {6, 10}, {11, 0}}};
  std::array<std::int64_t, 4> ageing{};
  std::array<std::optional<Date>, 4> ageing_due_from{};
  std::array<Date, 4> ageing_due_until{};

  // Open documents and answers of the last 12 months, grouped.
  struct Group {
    std::string key;   // responder or unit id, or document type key; empty: nobody assigned
    std::string name;  // shown in charts: staff and units, never requesters
    std::int64_t overdue = 0;
    std::int64_t due_soon = 0;
    std::int64_t answered = 0;  // in the last 12 months
    std::int64_t on_time = 0;
    std::optional<Date> oldest_due;  // of the overdue ones
  };
  std::vector<Group> responders;         // most overdue first, then most due soon
  std::size_t responders_to_remind = 0;  // the first ones, with something overdue or due soon
  std::vector<Group> units;
  std::vector<Group> types;

  // The next ten working days and how many open documents fall due on each. A due date on a
  // day off counts on the next working day, as the law moves it.
  std::vector<Date> coming_days;
  std::vector<std::int64_t> due_on_day;

  // The viewer's own documents, for a person who answers documents (the responder role): what
  // they see first. Open means unanswered with a due date, as a reminder lists them.
  struct Mine {
    bool shown = false;  // the viewer is a person with the responder role
    Id person = 0;
    std::string name;  // for the drill-down's chip
    std::int64_t open = 0;
    std::int64_t overdue = 0;  // of the open ones, due before today
    // Open ones due from today to the last working day of the week: a due date on a day off
    // falls due on the next working day, so the week's Saturday and Sunday belong to the next.
    // On a weekend or a week's last days off, the week is the coming one (next_week).
    std::int64_t due_this_week = 0;
    Date week_until;
    bool next_week = false;
    // Answers of the last 12 months, as the responders' on-time shares count them.
    std::int64_t answered = 0;
    std::int64_t on_time = 0;
  };
  Mine mine;
};

// Share of answers on time, or nullopt when there were none.
inline std::optional<double> on_time_share(std::int64_t answered, std::int64_t on_time) {
  if (answered <= 0) return std::nullopt;
  return static_cast<double>(on_time) / static_cast<double>(answered);
}

}  // namespace raekoda
