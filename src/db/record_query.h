#pragma once
// The records behind a chart element: a filter, a search, a sort, a page. Sorting and searching
// happen in SQL so that they are right for 100,000 rows; the table shows one page at a time.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/record_filter.h"
#include "core/validation_context.h"

namespace raekoda::db {

class Database;

std::int64_t count_records(Database& db, const RecordQuery& query);
// With `by_status`, the rows come in the order of their status column on that context's day
// (db/status_order.h) instead of the query's sort column; the query's direction still holds.
std::vector<Record> fetch_records(Database& db, const RecordQuery& query, std::int64_t offset,
                                  std::int64_t limit, const ValidationContext* by_status = nullptr);
// Where the record `id` stands in that order, counted from 0; nullopt when the query does not
// find it (deleted, or no longer matching the filter). One pass over the rows, no sort.
std::optional<std::int64_t> record_position(Database& db, const RecordQuery& query, Id id,
                                            const ValidationContext* by_status = nullptr);

}  // namespace raekoda::db
