#pragma once
// What each part of the figures on screen was read at, and whether it still shows what a read
// now would: the same tables unchanged, the same day, language, person and choices.

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "db/connection.h"
#include "db/figure_parts.h"

namespace raekoda::reading {

using db::FigurePart;

// What a read is for: the moment figures are counted at, the choices on screen, the language its
// words and orders are in, and which person's view (a number the controller changes whenever the
// person at the keyboard does).
struct ReadContext {
  DateTime now;
  AreaOptions options;
  Language language = Language::et;
  std::uint64_t viewer = 0;
};

struct PartStamp {
  db::TableVersions tables;  // the versions of the part's tables, and of the connection ("")
  Date day;
  Language language = Language::et;
  std::uint64_t viewer = 0;
  AreaOptions options;
};
using PartStamps = std::map<FigurePart, PartStamp>;

PartStamp stamp_of(FigurePart part, const db::TableVersions& current, const ReadContext& context);

// True when `held` shows what reading `part` in `context` would, given the tables' `current`
// versions and the tables a server's notices named meanwhile (`heard`).
bool still_current(FigurePart part, const PartStamp& held, const db::TableVersions& current,
                   const ReadContext& context, const std::vector<std::string>& heard = {});

}  // namespace raekoda::reading
