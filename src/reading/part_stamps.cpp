#include "reading/part_stamps.h"

#include <algorithm>

namespace raekoda::reading {
namespace {

std::int64_t version_of(const db::TableVersions& versions, std::string_view table) {
  auto found = versions.find(table);
  return found == versions.end() ? 0 : found->second;
}

}  // namespace

PartStamp stamp_of(FigurePart part, const db::TableVersions& current, const ReadContext& context) {
  PartStamp stamp;
  for (std::string_view table : db::tables_read_by(part))
    stamp.tables.emplace(std::string(table), version_of(current, table));
  stamp.tables.emplace("", version_of(current, ""));
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
    if (version_of(current, table) != version) return false;
  return std::none_of(heard.begin(), heard.end(),
                      [&](const std::string& table) { return held.tables.contains(table); });
}

}  // namespace raekoda::reading
