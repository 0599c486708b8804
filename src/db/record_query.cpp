#include "db/record_query.h"

#include <stdexcept>

#include "core/text.h"
#include "db/database.h"

namespace raekoda::db {
namespace {

// Columns come from the spec, never from the user: a filter on anything else is a program error.
const FieldSpec& checked_field(const TableSpec& spec, const std::string& column) {
  const FieldSpec* field = spec.field(column);
  if (!field) throw std::invalid_argument("no field " + column + " in " + std::string(spec.table));
  return *field;
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
    std::string column(checked_field(*query.spec, filter.column).column);
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
      case RecordFilter::Kind::is_null:
        where += " AND " + column + " IS NULL";
        break;
      case RecordFilter::Kind::not_null:
        where += " AND " + column + " IS NOT NULL";
        break;
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
  std::string columns = "id, version";
  for (const FieldSpec& field : spec.fields) columns += ", " + std::string(field.column);
  std::string order =
      query.sort_column.empty() ? "id" : std::string(checked_field(spec, query.sort_column).column);
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
    Record record;
    record.id = select.integer(0);
    record.version = select.integer(1);
    int column = 2;
    for (const FieldSpec& field : spec.fields) {
      if (select.is_null(column))
        record.set(field.column, std::nullopt);
      else
        record.set(field.column, select.text(column));
      ++column;
    }
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace raekoda::db
