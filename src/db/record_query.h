#pragma once
// The records behind a chart element: a filter, a search, a sort, a page. Sorting and searching
// happen in SQL so that they are right for 100,000 rows; the table shows one page at a time.

#include <cstdint>
#include <vector>

#include "core/record_filter.h"

namespace raekoda::db {

class Database;

std::int64_t count_records(Database& db, const RecordQuery& query);
std::vector<Record> fetch_records(Database& db, const RecordQuery& query, std::int64_t offset,
                                  std::int64_t limit);

}  // namespace raekoda::db
