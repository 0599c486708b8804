#pragma once
// Which records a table shows: the filter a chart element or tile stands for, a search, a sort.
// Plain data: views build it, the database layer turns it into SQL.

#include <optional>
#include <string>
#include <vector>

#include "core/record_spec.h"

namespace raekoda {

struct RecordFilter {
  enum class Kind {
    equals,
    one_of,  // value is a comma-separated list of keys
    between,
    is_null,
    not_null,
    before,
    holder_left_by,      // a person_id whose holder had left by the date in value
    open_on,             // answered_on: not answered by the end of the day in value
    person_in_unit,      // a person_id of someone in the unit whose id is in value
    weekday_hours,       // a date and time on ISO weekday,first hour in value, to the hour in until
    not_reviewed_since,  // an account id with no review decision made on or after value
    differs_from,        // set, as is the column named in value, and the two differ
  };
  std::string column;
  Kind kind = Kind::equals;
  std::optional<std::string> value;  // equals: the value; between: the first; before: the limit
  std::optional<std::string> until;  // between: the last, inclusive
  std::string label;                 // what it means in words, for its chip: "Vastamata"
};

struct RecordQuery {
  const TableSpec* spec = nullptr;
  std::vector<RecordFilter> filters;
  std::string search;       // matched in every text field, case folded for Estonian and Russian
  std::string sort_column;  // a field of the spec, or empty for the id
  bool descending = false;
};

}  // namespace raekoda
