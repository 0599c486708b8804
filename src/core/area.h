#pragma once
// The five areas of the dashboard and the views that show them.

#include <array>
#include <optional>
#include <string_view>

namespace raekoda {

enum class View { overview, media, deadlines, plan, incidents, access, gallery };

inline constexpr std::array<View, 6> all_views = {View::overview, View::media,     View::deadlines,
                                                  View::plan,     View::incidents, View::access};

// The gallery shows every chart kind on fixed sample data; it is reached from the command line
// (`screenshot --view gallery`), not from the dashboard's top bar.

// The name used on the command line (`--view media`) and as the catalog key suffix.
std::string_view view_key(View view);
std::optional<View> view_from_key(std::string_view key);

}  // namespace raekoda
