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

}  // namespace raekoda
