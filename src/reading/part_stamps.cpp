#include "reading/part_stamps.h"

#include <algorithm>

namespace raekoda::reading {

PartStamp stamp_of(FigurePart part, const db::TableVersions& current, const ReadContext& context) {
  PartStamp stamp;
  for (std::string_view table : db::tables_read_by(part))
    stamp.tables.emplace(std::string(table), db::change_count(current, table));
  stamp.tables.emplace("", db::change_count(current, ""));
  stamp.day = context.now.date;
  stamp.language = context.language;
  stamp.viewer = context.viewer;
  stamp.options = context.options;
  return stamp;
}

bool still_current(FigurePart part, const PartStamp& held, const db::TableVersions& current,
                   const ReadContext& context, const std::vector<std::string>& heard) {
  if (held.day != context.now.date || held.language != context.language ||
      held.viewer != context.viewer || db::choice_matters(part, held.options, context.options))
    return false;
  for (const auto& [table, version] : held.tables)
    if (db::change_count(current, table) != version) return false;
  return std::none_of(heard.begin(), heard.end(),
                      [&](const std::string& table) { return held.tables.contains(table); });
}

}  // namespace raekoda::reading
