#include "db/record_query.h"

#include <algorithm>
#include <stdexcept>

#include "core/text.h"
#include "db/database.h"
#include "db/record_store.h"
#include "db/status_order.h"
#include "db/visibility.h"

namespace raekoda::db {
namespace {

// Columns come from the spec, never from the user: a filter on anything else is a program error.
std::string checked_column(const TableSpec& spec, const std::string& column) {
  if (column == "id" || spec.field(column)) return column;
  for (std::string_view derived : spec.derived_columns)
    if (derived == column) return column;
  throw std::invalid_argument("no field " + column + " in " + std::string(spec.table));
}

// The day after `day` ('YYYY-MM-DD'): the end of a range that holds all of `day`.
std::optional<std::string> day_after(const std::optional<std::string>& day) {
  if (!day) return std::nullopt;
  std::optional<Date> parsed = Date::parse_iso(*day);
  if (!parsed) throw std::invalid_argument("no date: " + *day);
  return parsed->plus_days(1).iso();
}

bool withheld(Database& db, const RecordQuery& query, std::string_view column) {
  return withheld_by_server(db, query.spec->table, column);
}

// The column as the viewer sees it (db/visibility.h): a search finds, and a sort orders, only
// what is shown.
std::string shown(Database& db, const RecordQuery& query, std::string_view column) {
  return visible_column(db, query.spec->table, column);
}

// The WHERE clause and its parameters, in order. A search does not look into what the server
// withholds from the user's role.
std::string where_clause(Database& db, const RecordQuery& query,
                         std::vector<std::optional<std::string>>& parameters) {
  std::string where = " WHERE 1=1";
  for (const RecordFilter& filter : query.filters) {
    std::string column = checked_column(*query.spec, filter.column);
    switch (filter.kind) {
      case RecordFilter::Kind::equals:
        where += " AND " + column + " = ?";
        parameters.push_back(filter.value);
        break;
      case RecordFilter::Kind::between:
        // Before the next day, so that a date-and-time column holds the whole last day.
        where += " AND " + column + " >= ? AND " + column + " < ?";
        parameters.push_back(filter.value);
        parameters.push_back(day_after(filter.until));
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
        where += " AND iso_weekday(" + column + ") = CAST(? AS INTEGER) AND hour_of(" + column +
                 ") BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)";
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
    std::string folded = fold_letters(query.search);
    std::string any;
    for (const FieldSpec& field : query.spec->fields) {
      if (field.type != FieldType::text && field.type != FieldType::notes) continue;
      if (withheld(db, query, field.column)) continue;
      any += any.empty() ? "" : " OR ";
      // Folded as the SQL function folds the column: "zukov" finds "Žukov", "oun" "Õun".
      any += "folded_contains(" + shown(db, query, field.column) + ", ?) = 1";
      parameters.push_back(folded);
    }
    if (!any.empty()) where += " AND (" + any + ")";
  }
  return where;
}

// The keys rows are ordered by, compared in turn; the first says the row has no value (it comes
// last either way), the id keeps the order stable between pages. Each key is compared in the
// query's direction, so a key that goes the other way is turned round in `keys`.
struct Ordering {
  std::vector<std::string> keys;
  std::vector<std::string> order_by;
  bool descending = false;
  bool nullable_keys = false;  // a column's own key is NULL where the first key says so
};

Ordering ordering(Database& db, const RecordQuery& query, const ValidationContext* by_status) {
  Ordering result;
  result.descending = query.descending;
  std::string direction = query.descending ? " DESC" : " ASC";
  std::optional<StatusOrder> status =
      by_status ? status_order(db, *query.spec, *by_status) : std::nullopt;
  if (status) {
    result.keys = status->keys;
    result.order_by.push_back(status->keys.front());
    for (std::size_t i = 1; i < status->keys.size(); ++i)
      result.order_by.push_back(status->keys[i] + direction);
  } else {
    // A column withheld from the user's role sorts nothing: the rows keep their id order.
    std::string column = query.sort_column.empty() || withheld(db, query, query.sort_column)
                             ? "id"
                             : checked_column(*query.spec, query.sort_column);
    // Names and titles go in the order of the user's language: Šmidt after Saar, Õun near the
    // end in Estonian.
    const FieldSpec* field = query.spec->field(column);
    std::string key = column == "id" ? column : shown(db, query, column);
    if (field && (field->type == FieldType::text || field->type == FieldType::notes))
      key = db.collated("(" + key + ")");
    result.keys = {"(" + column + " IS NULL)", key};
    result.nullable_keys = true;
    result.order_by = {column + " IS NULL", key + direction};
  }
  // Ties go by id, ascending either way: the rows are read in id order, so that the sort for
  // one page keeps the first rows it meets and rarely replaces them.
  result.keys.push_back(query.descending ? "(-id)" : "id");
  result.order_by.push_back("id");
  return result;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : ", ") + part;
  return text;
}

// Rows whose `keys` come before those of record `its` by `comparison`, the first key that
// differs deciding; `its(key)` reads a key of that record. Keys that are never NULL compare as
// row values, each evaluated once. Otherwise both rows may lack a value (a NULL key), which
// counts as equal, so the comparison is spelt out key by key.
template <class Its>
std::string keys_before(const Ordering& order, const std::vector<std::string>& keys,
                        const std::string& comparison, Its its) {
  if (!order.nullable_keys) return "(" + joined(keys) + ")" + comparison + its(joined(keys));
  std::string condition = keys.back() + comparison + its(keys.back());
  for (std::size_t i = keys.size() - 1; i-- > 0;)
    condition = keys[i] + comparison + its(keys[i]) + " OR (" + keys[i] + " IS NOT DISTINCT FROM " +
                its(keys[i]) + " AND (" + condition + "))";
  return condition;
}

void bind_all(Statement& statement, const std::vector<std::optional<std::string>>& parameters) {
  int index = 0;
  for (const auto& parameter : parameters) statement.bind(++index, parameter);
}

}  // namespace

std::int64_t count_records(Database& db, const RecordQuery& query) {
  std::vector<std::optional<std::string>> parameters;
  std::string sql = "SELECT count(*) FROM " + std::string(query.spec->table) +
                    where_clause(db, query, parameters);
  Statement select = db.prepare(sql);
  bind_all(select, parameters);
  return select.step() ? select.integer(0) : 0;
}

std::vector<Record> fetch_records(Database& db, const RecordQuery& query, std::int64_t offset,
                                  std::int64_t limit, const ValidationContext* by_status) {
  const TableSpec& spec = *query.spec;
  std::vector<std::optional<std::string>> parameters;
  Ordering order = ordering(db, query, by_status);
  const std::string table(spec.table);
  // The page is found by its ids alone, then its rows are read: sorting a page far down a
  // million rows then keeps an id per row rather than the whole row.
  std::string order_by = " ORDER BY " + joined(order.order_by);
  std::string sql = "SELECT " + record_columns(db, spec) + " FROM (SELECT id AS page_id FROM " +
                    table + where_clause(db, query, parameters) + order_by +
                    " LIMIT ? OFFSET ?) AS page JOIN " + table + " ON id = page_id" + order_by;
  Statement select = db.prepare(sql);
  bind_all(select, parameters);
  int index = static_cast<int>(parameters.size());
  select.bind(++index, limit);
  select.bind(++index, offset);
  std::vector<Record> records;
  while (select.step()) records.push_back(read_record(select, spec));
  return records;
}

std::optional<std::int64_t> record_position(Database& db, const RecordQuery& query, Id id,
                                            const ValidationContext* by_status) {
  const std::string table(query.spec->table);
  std::vector<std::optional<std::string>> parameters;
  std::string where = where_clause(db, query, parameters);
  Statement found = db.prepare("SELECT count(*) FROM " + table + where + " AND id = ?");
  bind_all(found, parameters);
  found.bind(static_cast<int>(parameters.size()) + 1, id);
  if (!found.step() || found.integer(0) == 0) return std::nullopt;

  // The rows before it: those whose keys compare below its keys, in the table's direction. The
  // "no value" key stays ascending when the rest is descending, so it is turned round.
  Ordering order = ordering(db, query, by_status);
  std::vector<std::string> keys = order.keys;
  if (order.descending) keys.front() = "(NOT " + keys.front() + ")";
  // Each subquery reads record `id`, the parameter after the filter's.
  std::string id_parameter = "?" + std::to_string(parameters.size() + 1);
  auto its = [&](const std::string& key) {
    return "(SELECT " + key + " FROM " + table + " WHERE id = " + id_parameter + ")";
  };
  std::string sql = "SELECT count(*) FROM " + table + where + " AND (" +
                    keys_before(order, keys, order.descending ? " > " : " < ", its) + ")";
  Statement before = db.prepare(sql);
  bind_all(before, parameters);
  before.bind(static_cast<int>(parameters.size()) + 1, id);
  return before.step() ? std::optional<std::int64_t>(before.integer(0)) : std::nullopt;
}

}  // namespace raekoda::db
