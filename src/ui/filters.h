#pragma once
// The filters a click on a chart stands for, each with its chip's words: the pieces every area
// view builds its drill-downs from.

#include <string>
#include <vector>

#include "core/enums.h"
#include "core/i18n.h"
#include "core/record_filter.h"

namespace raekoda::ui {

RecordFilter equals(std::string column, std::string value, std::string label);

// A value of a closed list, named as the list names it.
template <class E>
RecordFilter is(std::string column, E value) {
  return equals(std::move(column), std::string(key_of(value)), tr(catalog_key(value)));
}

// Days from `from` to `until`, both included; `chip_key` words them ("Opened {} – {}").
RecordFilter between(std::string column, Date from, Date until, const char* chip_key);

// Exactly these records, by id: what a figure counted that SQL alone cannot say (breaches of a
// working-hour target, days from leaving to revocation).
RecordFilter these(const std::vector<Id>& ids, std::string label);

}  // namespace raekoda::ui
