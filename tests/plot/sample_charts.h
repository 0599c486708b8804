#pragma once
// Chart data the plot tests share: three weeks of coverage by tone.

#include "core/date.h"
#include "plot/time_chart.h"

namespace raekoda::testing {

inline Date day(const char* iso) {
  return *Date::parse_iso(iso);
}

// Weeks 45 to 47 of 2026, negative, neutral and positive items stacked.
inline plot::TimeSeriesData weeks_by_tone() {
  plot::TimeSeriesData data;
  data.bucket_unit = plot::TimeUnit::week;
  data.buckets = {day("2026-11-02"), day("2026-11-09"), day("2026-11-16")};
  data.end = day("2026-11-23");
  data.series = {{"Negatiivne", {3, 7, 1}, std::nullopt},
                 {"Neutraalne", {10, 12, 9}, std::nullopt},
                 {"Positiivne", {4, 2, 5}, std::nullopt}};
  return data;
}

}  // namespace raekoda::testing
