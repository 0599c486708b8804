#include "db/record_query.h"

#include <algorithm>
#include <stdexcept>

#include "core/text.h"
#include "db/database.h"
#include "db/record_store.h"

namespace raekoda::db {
namespace {

// Columns come from the spec, never from the user: a filter on anything else is a program error.
std::string checked_column(const TableSpec& spec, const std::string& column) {
  if (column == "id" || spec.field(column)) return column;
  for (std::string_view derived : spec.derived_columns)
    if (derived == column) return column;
  throw std::invalid_argument("no field " + column + " in " + std::string(spec.table));
}

std::string like_pattern(const std::string& search) {
  std::string pattern = "%";
  for (char c : fold_case(search)) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern + "%";
}

// The WHERE clause and its parameters, in order.
std::string where_clause(const RecordQuery& query,
                         std::vector<std::optional<std::string>>& parameters) {
  std::string where = " WHERE 1";
  for (const RecordFilter& filter : query.filters) {
    std::string column = checked_column(*query.spec, filter.column);
    switch (filter.kind) {
      case RecordFilter::Kind::equals:
        where += " AND " + column + " = ?";
        parameters.push_back(filter.value);
        break;
      case RecordFilter::Kind::between:
        where += " AND " + column + " >= ? AND " + column + " <= ?";
        parameters.push_back(filter.value);
        // A date-and-time column holds the whole last day.
        parameters.push_back(filter.until ? std::optional<std::string>(*filter.until + "\xff")
                                          : std::nullopt);
        break;
      case RecordFilter::Kind::one_of: {
        std::string keys = filter.value.value_or("");
        std::string list;
        for (std::size_t start = 0; start <= keys.size();) {
          std::size_t comma = std::min(keys.find(',', start), keys.size());
          list += list.empty() ? "?" : ", ?";
          parameters.push_back(keys.substr(start, comma - start));
          start = comma + 1;
        }
        where += " AND " + column + " IN (" + list + ")";
        break;
      }
      case RecordFilter::Kind::holder_left_by:
        where += " AND " + column + " IN (SELECT id FROM people WHERE left_on <= ?)";
        parameters.push_back(filter.value);
        break;
      case RecordFilter::Kind::person_in_unit:
        where += " AND " + column + " IN (SELECT id FROM people WHERE unit_id = ?)";
        parameters.push_back(filter.value);
        break;
      case RecordFilter::Kind::weekday_hours: {
        // value "weekday,hour": ISO weekday (Monday 1) and the first hour; until: the last hour.
        std::string value = filter.value.value_or("");
        auto comma = value.find(',');
        where += " AND (CAST(strftime('%w', " + column +
                 ") AS INTEGER) + 6) % 7 + 1 = CAST(? AS INTEGER) AND CAST(substr(" + column +
                 ", 12, 2) AS INTEGER) BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)";
        parameters.push_back(value.substr(0, comma));
        parameters.push_back(comma == std::string::npos ? "" : value.substr(comma + 1));
        parameters.push_back(filter.until);
        break;
      }
      case RecordFilter::Kind::not_reviewed_since:
        where += " AND " + column +
                 " NOT IN (SELECT account_id FROM review_decisions WHERE decided_on >= ?)";
        parameters.push_back(filter.value);
        break;
      case RecordFilter::Kind::open_on:
        where += " AND (" + column + " IS NULL OR " + column + " > ?)";
        parameters.push_back(filter.value);
        break;
      case RecordFilter::Kind::is_null:
        where += " AND " + column + " IS NULL";
        break;
      case RecordFilter::Kind::not_null:
        where += " AND " + column + " IS NOT NULL";
        break;
      case RecordFilter::Kind::differs_from: {
        std::string other = checked_column(*query.spec, filter.value.value_or(""));
        where += " AND " + column + " IS NOT NULL AND " + other + " IS NOT NULL AND " + column +
                 " <> " + other;
        break;
      }
      case RecordFilter::Kind::before:
        where += " AND " + column + " < ?";
        parameters.push_back(filter.value);
        break;
    }
  }
  if (!query.search.empty()) {
    std::string any;
    for (const FieldSpec& field : query.spec->fields) {
      if (field.type != FieldType::text && field.type != FieldType::notes) continue;
      any += any.empty() ? "" : " OR ";
      any += "fold(" + std::string(field.column) + ") LIKE ? ESCAPE '\\'";
      parameters.push_back(like_pattern(query.search));
    }
    if (!any.empty()) where += " AND (" + any + ")";
  }
  return where;
}

}  // namespace

std::int64_t count_records(Database& db, const RecordQuery& query) {
  std::vector<std::optional<std::string>> parameters;
  std::string sql =
      "SELECT count(*) FROM " + std::string(query.spec->table) + where_clause(query, parameters);
  Statement select = db.prepare(sql);
  for (std::size_t i = 0; i < parameters.size(); ++i)
    select.bind(static_cast<int>(i) + 1, parameters[i]);
  return select.step() ? select.integer(0) : 0;
}

std::vector<Record> fetch_records(Database& db, const RecordQuery& query, std::int64_t offset,
                                  std::int64_t limit) {
  const TableSpec& spec = *query.spec;
  std::vector<std::optional<std::string>> parameters;
  std::string columns = record_columns(spec);
  std::string order = query.sort_column.empty() ? "id" : checked_column(spec, query.sort_column);
  std::string direction = query.descending ? " DESC" : " ASC";
  // Empty values last in either direction; the id keeps the order stable between pages.
  std::string sql = "SELECT " + columns + " FROM " + std::string(spec.table) +
                    where_clause(query, parameters) + " ORDER BY " + order + " IS NULL, " + order +
                    direction + ", id" + direction + " LIMIT ? OFFSET ?";
  Statement select = db.prepare(sql);
  int index = 0;
  for (const auto& parameter : parameters) select.bind(++index, parameter);
  select.bind(++index, limit);
  select.bind(++index, offset);
  std::vector<Record> records;
  while (select.step()) {
    Record record = read_record(select, spec);
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace raekoda::db
