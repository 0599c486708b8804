#include "db/record_store.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>

#include <nlohmann/json.hpp>

#include "db/audit_chain.h"
#include "db/database.h"
#include "db/visibility.h"

namespace raekoda::db {
namespace {

std::string column_list(const TableSpec& spec) {
  std::string columns;
  for (const FieldSpec& field : spec.fields) {
    if (!columns.empty()) columns += ", ";
    columns += field.column;
  }
  return columns;
}

void write_audit(AuditAppender& chain, std::int64_t change_id, const Author& author,
                 std::string_view action, const TableSpec& spec, Id id, std::string_view field,
                 const std::optional<std::string>& before, const std::optional<std::string>& after,
                 std::optional<std::int64_t> undoes = std::nullopt) {
  AuditRow row = chain.row_by(author);
  row.change_id = change_id;
  row.action = action;
  row.table_name = spec.table;
  row.record_id = id;
  row.field = std::string(field);
  row.before_value = before;
  row.after_value = after;
  row.undoes_change_id = undoes;
  chain.append(std::move(row));
}

// Sets `columns` of row `id` to the values in `record`, if its version is still `version`.
bool write_columns(Database& db, const TableSpec& spec, Id id, std::int64_t version,
                   const std::vector<std::string>& columns, const Record& record) {
  std::string sql = "UPDATE " + std::string(spec.table) + " SET ";
  for (const std::string& column : columns) sql += column + " = ?, ";
  // The row comes back only when its version still matched, on either backend.
  sql += "version = version + 1 WHERE id = ? AND version = ? RETURNING id";
  Statement update = db.prepare(sql);
  int index = 0;
  for (const std::string& column : columns) update.bind(++index, record.value(column));
  update.bind(++index, id);
  update.bind(++index, version);
  bool written = update.step();
  update.reset();
  return written;
}

// What the viewer may not read of a record (db/visibility.h) stays hidden in its history: a
// sender's earlier names as initials, a restricted document's titles as restricted.
void hide_in_history(Database& db, const TableSpec& spec, Id id, std::vector<AuditEntry>& entries) {
  for (const FieldSpec& field : spec.fields) {
    if (!masked_column(db, spec.table, field.column)) continue;
    if (withheld_by_server(db, spec.table, field.column)) {
      // The server lets the role read none of it, not even to compare.
      for (AuditEntry& entry : entries)
        if (entry.field == field.column) entry.before = entry.after = std::nullopt;
      continue;
    }
    Statement probe = db.prepare("SELECT " + visible_column(db, spec.table, field.column) + ", " +
                                 std::string(field.column) + " FROM " + std::string(spec.table) +
                                 " WHERE id = ?");
    probe.bind(1, id);
    if (!probe.step()) continue;
    std::optional<std::string> shown, stored;
    if (!probe.is_null(0)) shown = probe.text(0);
    if (!probe.is_null(1)) stored = probe.text(1);
    if (shown == stored) continue;  // this record is the viewer's own to read
    bool as_initials = shown && stored && *shown == initials(*stored);
    auto hide = [&](std::optional<std::string>& value) {
      if (value) value = as_initials ? initials(*value) : shown.value_or(std::string());
    };
    for (AuditEntry& entry : entries)
      if (entry.field == field.column) {
        hide(entry.before);
        hide(entry.after);
      }
  }
}

}  // namespace

Author current_author() {
  std::string user;
  if (const passwd* entry = getpwuid(geteuid()); entry && entry->pw_name)
    user = entry->pw_name;
  else if (const char* name = std::getenv("USER"); name && *name)
    user = name;
  else
    user = "uid " + std::to_string(geteuid());
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &local);
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return {user, stamp, static_cast<int>(local.tm_gmtoff / 60), host};
}

std::string record_columns(const TableSpec& spec) {
  return "id, version, " + column_list(spec);
}

std::string record_columns(Database& db, const TableSpec& spec) {
  std::string columns = "id, version";
  for (const FieldSpec& field : spec.fields) {
    std::string shown = visible_column(db, spec.table, field.column);
    columns += ", " + (shown == field.column ? shown : shown + " AS " + std::string(field.column));
  }
  return columns;
}

Record read_record(const Statement& row, const TableSpec& spec) {
  Record record;
  record.id = row.integer(0);
  record.version = row.integer(1);
  int column = 2;
  for (const FieldSpec& field : spec.fields) {
    if (row.is_null(column))
      record.set(field.column, std::nullopt);
    else
      record.set(field.column, row.text(column));
    ++column;
  }
  return record;
}

std::optional<Record> load_record(Database& db, const TableSpec& spec, Id id) {
  Statement select = db.prepare("SELECT " + record_columns(db, spec) + " FROM " +
                                std::string(spec.table) + " WHERE id = ?");
  select.bind(1, id);
  if (!select.step()) return std::nullopt;
  return read_record(select, spec);
}

SaveResult update_record(Database& db, const TableSpec& spec, const Record& original,
                         const Record& edited, const Author& author) {
  SaveResult result;
  std::vector<std::string> columns = changed_columns(spec, original, edited);
  if (columns.empty()) {
    result.current = original;
    return result;
  }
  Transaction transaction(db);
  AuditAppender chain(db);
  if (!write_columns(db, spec, original.id, original.version, columns, edited)) {
    auto current = load_record(db, spec, original.id);
    result.status = current ? SaveStatus::conflict : SaveStatus::missing;
    if (current) result.current = *current;
    return result;  // the transaction rolls back: nothing was written
  }
  result.change_id = chain.next_change_id();
  for (const std::string& column : columns)
    write_audit(chain, result.change_id, author, "update", spec, original.id, column,
                original.value(column), edited.value(column));
  chain.flush();
  result.current = *load_record(db, spec, original.id);
  transaction.commit();
  result.status = SaveStatus::saved;
  return result;
}

Record insert_record(Database& db, const TableSpec& spec, const Record& record,
                     const Author& author) {
  Transaction transaction(db);
  Record saved = insert_record_within(db, spec, record, author);
  transaction.commit();
  return saved;
}

Record insert_record_within(Database& db, const TableSpec& spec, const Record& record,
                            const Author& author) {
  AuditAppender chain(db);
  std::string placeholders;
  for (std::size_t i = 0; i < spec.fields.size(); ++i) placeholders += i ? ", ?" : "?";
  Statement insert = db.prepare("INSERT INTO " + std::string(spec.table) + " (" +
                                column_list(spec) + ") VALUES (" + placeholders + ")");
  int index = 0;
  for (const FieldSpec& field : spec.fields) insert.bind(++index, record.value(field.column));
  insert.run();
  Id id = db.last_insert_id();
  std::int64_t change_id = chain.next_change_id();
  for (const FieldSpec& field : spec.fields)
    if (record.value(field.column))
      write_audit(chain, change_id, author, "insert", spec, id, field.column, std::nullopt,
                  record.value(field.column));
  chain.flush();
  return *load_record(db, spec, id);
}

SaveResult delete_record(Database& db, const TableSpec& spec, const Record& original,
                         const Author& author) {
  SaveResult result;
  Transaction transaction(db);
  AuditAppender chain(db);
  auto current = load_record(db, spec, original.id);
  if (!current) {
    result.status = SaveStatus::missing;
    return result;
  }
  if (current->version != original.version) {
    result.status = SaveStatus::conflict;
    result.current = *current;
    return result;
  }
  Statement remove =
      db.prepare("DELETE FROM " + std::string(spec.table) + " WHERE id = ? AND version = ?");
  remove.bind_all(original.id, original.version);
  remove.run();
  result.change_id = chain.next_change_id();
  for (const FieldSpec& field : spec.fields)
    if (current->value(field.column))
      write_audit(chain, result.change_id, author, "delete", spec, original.id, field.column,
                  current->value(field.column), std::nullopt);
  chain.flush();
  transaction.commit();
  result.status = SaveStatus::saved;
  return result;
}

std::string audit_values(const Record& record) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [column, value] : record.values)
    object[column] = value ? nlohmann::json(*value) : nlohmann::json();
  return object.dump();
}

std::vector<std::pair<std::string, std::optional<std::string>>> audited_values(
    std::string_view text) {
  std::vector<std::pair<std::string, std::optional<std::string>>> values;
  auto object = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!object.is_object()) return values;
  for (auto& [column, value] : object.items())
    values.emplace_back(column, value.is_string()
                                    ? std::optional<std::string>(value.get<std::string>())
                                    : std::nullopt);
  return values;
}

std::vector<AuditEntry> record_history(Database& db, const TableSpec& spec, Id id) {
  std::vector<AuditEntry> entries;
  Statement select = db.prepare(
      "SELECT change_id, changed_at, changed_by, action, coalesce(field, ''), before_value, "
      "after_value, utc_offset_minutes "
      "FROM audit_log WHERE table_name = ? AND record_id = ? ORDER BY change_id DESC, id");
  select.bind_all(spec.table, id);
  while (select.step()) {
    std::optional<std::int64_t> offset;
    if (!select.is_null(7)) offset = select.integer(7);
    AuditEntry entry{select.integer(0),
                     local_changed_at(select.text(1), offset),
                     select.text(2),
                     select.text(3),
                     select.text(4),
                     {},
                     {}};
    if (entry.field.empty() && !select.is_null(6)) {
      // A record added whole by an import: shown field by field, in the editor's order.
      auto values = audited_values(select.text(6));
      for (const FieldSpec& field : spec.fields)
        for (auto& [column, value] : values)
          if (column == field.column && value) {
            AuditEntry one = entry;
            one.field = column;
            one.after = value;
            entries.push_back(std::move(one));
          }
      continue;
    }
    if (!select.is_null(5)) entry.before = select.text(5);
    if (!select.is_null(6)) entry.after = select.text(6);
    entries.push_back(std::move(entry));
  }
  hide_in_history(db, spec, id, entries);
  return entries;
}

UndoResult undo_last_change(Database& db, const Author& author) {
  UndoResult result;
  Transaction transaction(db);
  AuditAppender chain(db);
  Statement last = db.prepare(
      "SELECT change_id, table_name, record_id FROM audit_log a WHERE changed_by = ? AND host = ? "
      "AND action = 'update' AND import_id IS NULL "
      "AND NOT EXISTS (SELECT 1 FROM audit_log u WHERE u.undoes_change_id = a.change_id) "
      "ORDER BY change_id DESC LIMIT 1");
  last.bind_all(author.user, author.host);
  if (!last.step()) return result;
  std::int64_t change_id = last.integer(0);
  result.table = last.text(1);
  result.record_id = last.integer(2);
  const TableSpec* spec = find_table_spec(result.table);
  auto current = spec ? load_record(db, *spec, result.record_id) : std::nullopt;
  if (!current) {
    result.status = SaveStatus::missing;
    return result;
  }
  // The fields must still hold what that save wrote; otherwise someone has changed them since.
  Record restored = *current;
  Statement fields =
      db.prepare("SELECT field, before_value, after_value FROM audit_log WHERE change_id = ?");
  fields.bind(1, change_id);
  std::vector<std::string> columns;
  while (fields.step()) {
    std::string column = fields.text(0);
    std::optional<std::string> before, after;
    if (!fields.is_null(1)) before = fields.text(1);
    if (!fields.is_null(2)) after = fields.text(2);
    if (current->value(column) != after) {
      result.status = SaveStatus::conflict;
      return result;
    }
    restored.set(column, before);
    columns.push_back(column);
  }
  write_columns(db, *spec, current->id, current->version, columns, restored);
  std::int64_t undo_id = chain.next_change_id();
  for (const std::string& column : columns)
    write_audit(chain, undo_id, author, "undo", *spec, current->id, column, current->value(column),
                restored.value(column), change_id);
  chain.flush();
  transaction.commit();
  result.status = SaveStatus::saved;
  return result;
}

}  // namespace raekoda::db
