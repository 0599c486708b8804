#pragma once
// The records behind a chart element: a filter, a search, a sort, a page. Sorting and searching
// happen in SQL so that they are right for 100,000 rows; the table shows one page at a time.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/record_spec.h"

namespace raekoda::db {

class Database;

struct RecordFilter {
  enum class Kind { equals, between, is_null, not_null, before };
  std::string column;
  Kind kind = Kind::equals;
  std::optional<std::string> value;  // equals: the value; between: the first; before: the limit
  std::optional<std::string> until;  // between: the last, inclusive
};

struct RecordQuery {
  const TableSpec* spec = nullptr;
  std::vector<RecordFilter> filters;
  std::string search;       // matched in every text field, case folded for Estonian and Russian
  std::string sort_column;  // a field of the spec, or empty for the id
  bool descending = false;
};

std::int64_t count_records(Database& db, const RecordQuery& query);
std::vector<Record> fetch_records(Database& db, const RecordQuery& query, std::int64_t offset,
                                  std::int64_t limit);

}  // namespace raekoda::db
