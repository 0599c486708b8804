#include "core/area.h"

namespace raekoda {

std::string_view view_key(View view) {
  switch (view) {
    case View::overview:
      return "overview";
    case View::media:
      return "media";
    case View::deadlines:
      return "deadlines";
    case View::plan:
      return "plan";
    case View::incidents:
      return "incidents";
    case View::access:
      return "access";
    case View::gallery:
      return "gallery";
  }
  return "overview";
}

std::optional<View> view_from_key(std::string_view key) {
  for (View view : all_views)
    if (view_key(view) == key) return view;
  if (key == view_key(View::gallery)) return View::gallery;
  return std::nullopt;
}

}  // namespace raekoda
