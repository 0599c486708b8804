#include "db/database_copy.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "db/database.h"
#include "db/summary_tables.h"

namespace raekoda::db {
namespace {

// Parents first, so that every foreign key finds its row: people need units, documents their
// rule, activities their media item and press release, the audit log and import keys their
// import.
const std::vector<CopiedTable> tables_in_key_order{
    {"units", "id"},
    {"institutions", "id"},
    {"people", "id"},
    {"person_roles", "id"},
    {"role_permissions", "id"},
    {"media_outlets", "id"},
    {"media_items", "id"},
    {"press_releases", "id"},
    {"deadline_rules", "key"},
    {"extra_days_off", "day"},
    {"documents", "id"},
    {"comm_plans", "id"},
    {"comm_activities", "id"},
    {"newspaper_issues", "id"},
    {"incident_targets", "id"},
    {"incidents", "id"},
    {"information_systems", "id"},
    {"backups", "id"},
    {"restore_tests", "id"},
    {"accounts", "id"},
    {"review_campaigns", "id"},
    {"campaign_systems", "campaign_id, system_id"},
    {"review_decisions", "id"},
    {"settings", "id"},
    {"imports", "id"},
    {"import_keys", "table_name, record_id"},
    {"audit_log", "id"},
    {"audit_chain", "id"},
};

// PostgreSQL's cursor reads a moment to the minute, as incidents and backups keep theirs; the
// audit log and the imports keep the second of a save, which a file must get back as it was.
struct MomentColumn {
  std::string_view table;
  std::string_view column;
};
constexpr MomentColumn moments_to_the_second[] = {
    {"audit_log", "changed_at"},
    {"imports", "run_at"},
    {"imports", "undone_at"},
};

std::string read_expression(const Database& source, std::string_view table,
                            const std::string& column) {
  if (source.backend() != Backend::postgresql) return column;
  for (const MomentColumn& moment : moments_to_the_second)
    if (moment.table == table && moment.column == column)
      return "to_char(" + column + ", 'YYYY-MM-DD HH24:MI:SS')";
  return column;
}

// A few hundred rows per INSERT: one round trip to a server each, and well inside SQLite's
// 32 766 parameters and PostgreSQL's 65 535.
constexpr std::size_t rows_per_insert = 250;

std::set<std::string> schema_tables(Database& db) {
  Statement query = db.prepare(
      db.backend() == Backend::postgresql
          ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND "
            "tablename <> 'raekoda_schema'"
          // A file's count of its tables' changes is its own: the target's triggers keep it.
          : "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
            "AND name <> 'table_versions'");
  std::set<std::string> names;
  while (query.step()) names.insert(query.text(0));
  // Counted from the documents, accounts and decisions by the target's own triggers as they
  // arrive.
  for (std::string_view summary : summary_tables) names.erase(std::string(summary));
  return names;
}

// The columns a copy carries, in the table's order: all but those the schema computes.
std::vector<std::string> stored_columns(Database& db, std::string_view table) {
  Statement query =
      db.prepare(db.backend() == Backend::postgresql
                     ? "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                       "current_schema() AND table_name = ? AND is_generated = 'NEVER' "
                       "ORDER BY ordinal_position"
                     : "SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0 ORDER BY cid");
  query.bind(1, table);
  std::vector<std::string> columns;
  while (query.step()) columns.push_back(query.text(0));
  return columns;
}

// A copy that missed a table would lose it silently: both sides must hold exactly the tables
// listed, with the same stored columns.
void check_same_tables(Database& source, Database& target) {
  std::set<std::string> listed;
  for (const CopiedTable& table : tables_in_key_order) listed.emplace(table.table);
  for (Database* db : {&source, &target})
    for (const std::string& name : schema_tables(*db))
      if (!listed.contains(name))
        throw DatabaseError(ErrorKind::other,
                            db->display_name() + ": table " + name + " is not copied");
  for (const CopiedTable& table : tables_in_key_order) {
    std::vector<std::string> from = stored_columns(source, table.table);
    std::vector<std::string> to = stored_columns(target, table.table);
    std::sort(from.begin(), from.end());
    std::sort(to.begin(), to.end());
    if (from.empty() || from != to)
      throw DatabaseError(ErrorKind::other, "table " + std::string(table.table) +
                                                " differs between " + source.display_name() +
                                                " and " + target.display_name());
  }
}

bool has_rows(Database& db, std::string_view table) {
  return db.query_integer(
             "SELECT CASE WHEN EXISTS (SELECT 1 FROM " + std::string(table) + ") THEN 1 ELSE 0 END",
             0) != 0;
}

// What a new database holds by its schema alone, read from one: it cannot fall behind the
// migrations.
const std::set<std::string_view>& tables_with_defaults() {
  static const std::set<std::string_view> tables = [] {
    Database fresh = Database::open_in_memory();
    std::set<std::string_view> found;
    for (const CopiedTable& table : tables_in_key_order)
      if (has_rows(fresh, table.table)) found.insert(table.table);
    return found;
  }();
  return tables;
}

// The source as of one moment, and never written: SQLite's query_only and PostgreSQL's
// read-only transaction refuse any write on the connection while the copy reads.
class ReadOnlySnapshot {
public:
  explicit ReadOnlySnapshot(Database& db) : db_(db) {
    if (db_.backend() == Backend::postgresql)
      db_.exec("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    else
      db_.exec("PRAGMA query_only = ON; BEGIN");
  }
  ~ReadOnlySnapshot() {
    try {
      db_.exec(db_.backend() == Backend::postgresql ? "COMMIT" : "COMMIT; PRAGMA query_only = OFF");
    } catch (const DatabaseError&) {
      // A read transaction has nothing to keep; closing the connection ends it too.
    }
  }
  ReadOnlySnapshot(const ReadOnlySnapshot&) = delete;
  ReadOnlySnapshot& operator=(const ReadOnlySnapshot&) = delete;

private:
  Database& db_;
};

std::string joined(const std::vector<std::string>& parts) {
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : ", ") + part;
  return text;
}

std::string insert_sql(std::string_view table, const std::vector<std::string>& columns,
                       std::size_t rows) {
  std::string row = "(";
  for (std::size_t i = 0; i < columns.size(); ++i) row += i == 0 ? "?" : ", ?";
  row += ")";
  std::string sql = "INSERT INTO " + std::string(table) + " (" + joined(columns) + ") VALUES ";
  sql.reserve(sql.size() + rows * (row.size() + 2));
  for (std::size_t i = 0; i < rows; ++i) sql += (i == 0 ? "" : ", ") + row;
  return sql;
}

// Rows gathered as text, as both backends read and take every value; written a batch at a time.
class BatchedInsert {
public:
  BatchedInsert(Database& target, std::string_view table, const std::vector<std::string>& columns)
      : target_(target),
        table_(table),
        columns_(columns),
        full_(target.prepare(insert_sql(table, columns, rows_per_insert))) {
    values_.reserve(rows_per_insert * columns.size());
  }

  void add(const Statement& row) {
    for (int column = 0; column < static_cast<int>(columns_.size()); ++column)
      values_.push_back(row.is_null(column) ? std::nullopt
                                            : std::optional<std::string>(row.text(column)));
    if (values_.size() == rows_per_insert * columns_.size()) flush();
  }

  void flush() {
    if (values_.empty()) return;
    std::size_t rows = values_.size() / columns_.size();
    if (rows == rows_per_insert) {
      write(full_);
    } else {
      Statement rest = target_.prepare(insert_sql(table_, columns_, rows));
      write(rest);
    }
    values_.clear();
  }

private:
  void write(Statement& insert) {
    int parameter = 0;
    for (const std::optional<std::string>& value : values_) insert.bind(++parameter, value);
    insert.run();
  }

  Database& target_;
  std::string_view table_;
  const std::vector<std::string>& columns_;
  Statement full_;
  std::vector<std::optional<std::string>> values_;
};

std::int64_t copy_rows(Database& source, Database& target, const CopiedTable& table) {
  std::vector<std::string> columns = stored_columns(source, table.table);
  std::vector<std::string> read;
  for (const std::string& column : columns)
    read.push_back(read_expression(source, table.table, column));
  Statement select = source.prepare("SELECT " + joined(read) + " FROM " + std::string(table.table) +
                                    " ORDER BY " + std::string(table.key));
  BatchedInsert insert(target, table.table, columns);
  std::int64_t rows = 0;
  while (select.step()) {
    insert.add(select);
    ++rows;
  }
  insert.flush();
  return rows;
}

}  // namespace

const std::vector<CopiedTable>& copied_tables() {
  return tables_in_key_order;
}

std::int64_t CopyReport::rows() const {
  std::int64_t total = 0;
  for (const Table& table : tables) total += table.rows;
  return total;
}

bool holds_only_schema_defaults(Database& db) {
  const std::set<std::string_view>& defaults = tables_with_defaults();
  return std::none_of(tables_in_key_order.begin(), tables_in_key_order.end(),
                      [&](const CopiedTable& table) {
                        return !defaults.contains(table.table) && has_rows(db, table.table);
                      });
}

CopyReport copy_database(Database& source, Database& target) {
  if (source.schema_version() != target.schema_version())
    throw DatabaseError(ErrorKind::other, source.display_name() + " and " + target.display_name() +
                                              " hold different versions of the schema");
  check_same_tables(source, target);

  Transaction transaction(target);
  // Checked inside the write transaction: no colleague's save can slip in between.
  if (!holds_only_schema_defaults(target))
    throw DatabaseError(ErrorKind::not_empty, target.display_name());
  ReadOnlySnapshot snapshot(source);
  // The source's rules, targets and settings take the place of the new database's defaults.
  for (auto table = tables_in_key_order.rbegin(); table != tables_in_key_order.rend(); ++table)
    if (tables_with_defaults().contains(table->table))
      target.exec("DELETE FROM " + std::string(table->table));

  CopyReport report;
  for (const CopiedTable& table : tables_in_key_order)
    report.tables.push_back({table.table, copy_rows(source, target, table)});
  transaction.commit();
  return report;
}

}  // namespace raekoda::db
