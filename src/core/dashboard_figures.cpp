#include "core/dashboard_figures.h"

namespace raekoda {

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
    case View::plan:
      return plan.has_value();
  }
  return false;
}

}  // namespace raekoda
