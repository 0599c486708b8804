#include "core/dashboard_figures.h"

namespace raekoda {

std::int64_t AreaSummary::Split::total() const {
  std::int64_t sum = 0;
  for (const SplitRow& row : rows) sum += row.count;
  return sum;
}

const AreaSummary* DashboardFigures::area(View view) const {
  for (const AreaSummary& summary : areas)
    if (summary.view == view) return &summary;
  return nullptr;
}

bool DashboardFigures::has(View view) const {
  switch (view) {
    case View::overview:
    case View::gallery:
      return true;
    case View::deadlines:
      return deadlines.has_value();
    case View::media:
      return media.has_value();
    case View::incidents:
      return incidents.has_value();
    case View::access:
      return access.has_value();
    default:
      return area(view) != nullptr;
  }
}

}  // namespace raekoda
