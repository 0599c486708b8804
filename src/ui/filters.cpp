#include "ui/filters.h"

namespace raekoda::ui {

RecordFilter equals(std::string column, std::string value, std::string label) {
  return {std::move(column), RecordFilter::Kind::equals, std::move(value), std::nullopt,
          std::move(label)};
}

RecordFilter between(std::string column, Date from, Date until, const char* chip_key) {
  return {std::move(column), RecordFilter::Kind::between, from.iso(), until.iso(),
          trf(chip_key, from.display(), until.display())};
}

RecordFilter these(const std::vector<Id>& ids, std::string label) {
  std::string list;
  for (Id id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
  if (list.empty()) list = "0";  // no row has id 0: an empty list opens an empty table
  return {"id", RecordFilter::Kind::one_of, list, std::nullopt, std::move(label)};
}

}  // namespace raekoda::ui
