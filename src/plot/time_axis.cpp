#include "plot/time_axis.h"

#include <algorithm>
#include <array>
#include <optional>

#include <fmt/format.h>

#include "core/i18n.h"

namespace raekoda::plot {
namespace {

// From finest to coarsest; the first that fits is used.
constexpr std::array<TimeStep, 10> ladder = {{
    {TimeUnit::day, 1},
    {TimeUnit::day, 2},
    {TimeUnit::week, 1},
    {TimeUnit::week, 2},
    {TimeUnit::month, 1},
    {TimeUnit::quarter, 1},
    {TimeUnit::year, 1},
    {TimeUnit::year, 2},
    {TimeUnit::year, 5},
    {TimeUnit::year, 10},
}};

int months_in(TimeStep step) {
  switch (step.unit) {
    case TimeUnit::month:
      return step.count;
    case TimeUnit::quarter:
      return 3 * step.count;
    case TimeUnit::year:
      return 12 * step.count;
    default:
      return 0;
  }
}

TimeUnit context_unit(TimeUnit unit) {
  return unit == TimeUnit::day || unit == TimeUnit::week ? TimeUnit::month : TimeUnit::year;
}

// Ticks of `step` inside [first, last].
std::vector<Date> tick_dates(Date first, Date last, TimeStep step) {
  std::vector<Date> dates;
  Date date = floor_to(first, step);
  if (date < first) date = advance(date, step);
  for (; date <= last; date = advance(date, step)) dates.push_back(date);
  return dates;
}

bool fits(const std::vector<TimeTick>& ticks, Date first, Date last, float width,
          const MeasureText& measure, float gap) {
  for (std::size_t i = 0; i + 1 < ticks.size(); ++i) {
    float space = day_offset(first, last, width, ticks[i + 1].date) -
                  day_offset(first, last, width, ticks[i].date);
    if (measure(ticks[i].label) + gap > space) return false;
  }
  return true;
}

// A context label's shorter form, for the axis' right edge: "dets 2026" for "detsember 2026".
std::string short_context_label(Date date, TimeUnit unit) {
  if (unit == TimeUnit::year) return std::to_string(date.year());
  return fmt::format("{} {}", tr("month.short." + std::to_string(date.month())), date.year());
}

// Keeps every label inside [0, width]: one that would run past the right edge takes its shorter
// form if it has one, and moves back until it ends there, unless it would then crowd the label
// before it; then it is left out. Only the last label or two can reach the edge, as
// the ticks stand a label's width apart.
void keep_labels_inside(std::vector<TimeTick>& ticks, Date first, Date last, float width,
                        const MeasureText& measure, float gap,
                        const std::function<std::string(Date)>& shorter = {}) {
  std::optional<float> previous_right;
  for (TimeTick& tick : ticks) {
    float at = day_offset(first, last, width, std::max(tick.date, first));
    float left = at + label_pad;
    if (shorter && left + measure(tick.label) > width) tick.label = shorter(tick.date);
    float label_width = measure(tick.label);
    if (left + label_width > width) {
      left = width - label_width;
      bool crowds = previous_right && left < *previous_right + gap;
      if (crowds || left < 0) {
        tick.label.clear();
        continue;
      }
    }
    tick.label_offset = left - at;
    previous_right = left + label_width;
  }
}

}  // namespace

Date floor_to(Date date, TimeStep step) {
  switch (step.unit) {
    case TimeUnit::day:
      return date;
    case TimeUnit::week:
      return date.week_start();
    case TimeUnit::month:
      return date.month_start();
    case TimeUnit::quarter:
      return date.quarter_start();
    case TimeUnit::year: {
      int year = date.year() - (date.year() % step.count + step.count) % step.count;
      return *Date::from_ymd(year, 1, 1);
    }
  }
  return date;
}

Date advance(Date date, TimeStep step) {
  switch (step.unit) {
    case TimeUnit::day:
      return date.plus_days(step.count);
    case TimeUnit::week:
      return date.plus_days(7 * step.count);
    default:
      return date.plus_months(months_in(step));
  }
}

std::string time_label(Date date, TimeUnit unit) {
  switch (unit) {
    case TimeUnit::day:
      return fmt::format("{:02}.{:02}", date.day(), date.month());
    case TimeUnit::week:
      return trf("time.week", iso_week(date).week);
    case TimeUnit::month:
      return tr("month.short." + std::to_string(date.month()));
    case TimeUnit::quarter:
      return tr("time.quarter." + std::to_string((date.month() - 1) / 3 + 1));
    case TimeUnit::year:
      return std::to_string(date.year());
  }
  return {};
}

std::string context_label(Date date, TimeUnit unit) {
  if (unit == TimeUnit::year) return std::to_string(date.year());
  return fmt::format("{} {}", tr("month.long." + std::to_string(date.month())), date.year());
}

std::string bucket_label(Date start, TimeUnit unit) {
  switch (unit) {
    case TimeUnit::day:
      return start.display();
    case TimeUnit::week:
      return fmt::format("{} {}", trf("time.week", iso_week(start).week), iso_week(start).year);
    case TimeUnit::month:
      return context_label(start, TimeUnit::month);
    case TimeUnit::quarter:
      return fmt::format("{} {}", time_label(start, unit), start.year());
    case TimeUnit::year:
      return std::to_string(start.year());
  }
  return start.display();
}

float day_offset(Date first, Date last, float width, Date day) {
  float days = static_cast<float>(first.days_until(last) + 1);
  return width * static_cast<float>(first.days_until(day)) / days;
}

TimeAxisPlan plan_time_axis(Date first, Date last, float width, const MeasureText& measure,
                            float gap) {
  if (last < first) std::swap(first, last);
  TimeAxisPlan plan;
  float days = static_cast<float>(first.days_until(last) + 1);
  for (TimeStep step : ladder) {
    // A step whose ticks would stand closer than a short label needs is not worth labelling;
    // skipping it unlabelled keeps a ten-year daily axis from formatting 3,650 labels a frame.
    float shortest_step_days = step.unit == TimeUnit::day ? 1.0f
                               : step.unit == TimeUnit::week
                                   ? 7.0f
                                   : 28.0f * static_cast<float>(months_in(step));
    if (step.unit == TimeUnit::day || step.unit == TimeUnit::week)
      shortest_step_days *= static_cast<float>(step.count);
    if (step != ladder.back() && width / days * shortest_step_days < measure("00") + gap) continue;
    std::vector<TimeTick> ticks;
    for (Date date : tick_dates(first, last, step))
      ticks.push_back({date, time_label(date, step.unit)});
    plan.step = step;
    plan.ticks = std::move(ticks);
    if (fits(plan.ticks, first, last, width, measure, gap)) break;
  }
  if (plan.step.unit != TimeUnit::year) {
    TimeUnit unit = context_unit(plan.step.unit);
    TimeStep context_step{unit, 1};
    // The first context label names the period the axis starts in, even mid-month.
    std::vector<Date> starts = tick_dates(first, last, context_step);
    if (starts.empty() || starts.front() != first) starts.insert(starts.begin(), first);
    for (Date date : starts) {
      TimeTick tick{date, context_label(date, unit)};
      if (!plan.context.empty()) {
        float space = day_offset(first, last, width, date) -
                      day_offset(first, last, width, plan.context.back().date);
        // A context label that would run into the next one gives way to it.
        if (measure(plan.context.back().label) + gap > space) plan.context.pop_back();
      }
      plan.context.push_back(std::move(tick));
    }
    // The first label names the period the axis starts in: it stays, even squeezed.
    bool alone = plan.context.size() == 1;
    keep_labels_inside(plan.context, first, last, width, measure, gap,
                       [unit](Date date) { return short_context_label(date, unit); });
    if (alone && plan.context.front().label.empty()) {
      plan.context.front().label = context_label(plan.context.front().date, unit);
      plan.context.front().label_offset = label_pad;
    }
    std::erase_if(plan.context, [](const TimeTick& tick) { return tick.label.empty(); });
  }
  keep_labels_inside(plan.ticks, first, last, width, measure, gap);
  return plan;
}

}  // namespace raekoda::plot
