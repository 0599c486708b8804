#include "core/media_figures.h"

#include <numeric>

namespace raekoda {

std::int64_t MediaFigures::items() const {
  return std::accumulate(by_tone.begin(), by_tone.end(), std::int64_t{0});
}

std::int64_t MediaFigures::items_previous() const {
  return std::accumulate(by_tone_previous.begin(), by_tone_previous.end(), std::int64_t{0});
}

TrendStep trend_step_for(int days) {
  // A week and the week before it are 14 days; a month and the month before, up to 62; a
  // quarter and the quarter before it, up to 184: in weeks, 27 bars.
  if (days <= 31) return TrendStep::day;
  if (days <= 190) return TrendStep::week;
  return TrendStep::month;
}

std::vector<std::int64_t> MediaFigures::trend_totals() const {
  std::vector<std::int64_t> totals(trend_buckets.size(), 0);
  for (const auto& tone : trend_by_tone)
    for (std::size_t b = 0; b < totals.size() && b < tone.size(); ++b) totals[b] += tone[b];
  return totals;
}

Date MediaFigures::trend_bucket_after(Date start) const {
  switch (trend_step) {
    case TrendStep::day:
      return start.plus_days(1);
    case TrendStep::week:
      return start.plus_days(7);
    case TrendStep::month:
      return start.plus_months(1);
  }
  return start.plus_days(1);
}

std::vector<double> shares_of(const std::vector<std::int64_t>& values) {
  std::int64_t total = std::accumulate(values.begin(), values.end(), std::int64_t{0});
  std::vector<double> result(values.size(), 0.0);
  if (total <= 0) return result;
  for (std::size_t i = 0; i < values.size(); ++i)
    result[i] = static_cast<double>(values[i]) / static_cast<double>(total);
  return result;
}

}  // namespace raekoda
