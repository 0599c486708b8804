#include "db/change_undo.h"

#include <string>
#include <vector>

#include "db/audit_chain.h"
#include "db/database.h"

namespace raekoda::db {
namespace {

struct FieldChange {
  std::string column;
  std::optional<std::string> before, after;
};

struct SavedChange {
  std::string table;
  Id record = 0;
  std::vector<FieldChange> fields;
};

// The fields an edit of one record wrote; imports and inserts are undone elsewhere.
std::optional<SavedChange> read_change(Database& db, std::int64_t change_id) {
  Statement select = db.prepare(
      "SELECT table_name, record_id, field, before_value, after_value FROM audit_log "
      "WHERE change_id = ? AND action = 'update' AND field IS NOT NULL ORDER BY id");
  select.bind(1, change_id);
  std::optional<SavedChange> change;
  while (select.step()) {
    if (!change) change = SavedChange{select.text(0), select.integer(1), {}};
    FieldChange field{select.text(2), std::nullopt, std::nullopt};
    if (!select.is_null(3)) field.before = select.text(3);
    if (!select.is_null(4)) field.after = select.text(4);
    change->fields.push_back(std::move(field));
  }
  return change;
}

bool already_undone(Database& db, std::int64_t change_id) {
  return db.query_integer("SELECT count(*) FROM audit_log WHERE undoes_change_id = ?", 0,
                          change_id) > 0;
}

}  // namespace

SaveResult undo_change(Database& db, std::int64_t change_id, const Author& author) {
  SaveResult result;
  Transaction transaction(db);
  AuditAppender chain(db);
  std::optional<SavedChange> change = read_change(db, change_id);
  const TableSpec* spec = change ? find_table_spec(change->table) : nullptr;
  if (!change || !spec) return result;
  std::optional<Record> current = load_record(db, *spec, change->record);
  if (!current) {
    result.status = SaveStatus::missing;
    return result;
  }
  result.current = *current;
  if (already_undone(db, change_id)) {
    result.status = SaveStatus::conflict;
    return result;
  }
  for (const FieldChange& field : change->fields)
    if (current->value(field.column) != field.after) {
      result.status = SaveStatus::conflict;  // a colleague's edit since is not overrun
      return result;
    }

  std::string sql = "UPDATE " + std::string(spec->table) + " SET ";
  for (const FieldChange& field : change->fields) sql += field.column + " = ?, ";
  sql += "version = version + 1 WHERE id = ? AND version = ?";
  Statement update = db.prepare(sql);
  int index = 0;
  for (const FieldChange& field : change->fields) update.bind(++index, field.before);
  update.bind(++index, current->id);
  update.bind(++index, current->version);
  update.run();

  result.change_id = chain.next_change_id();
  for (const FieldChange& field : change->fields) {
    AuditRow row = chain.row_by(author);
    row.change_id = result.change_id;
    row.action = "undo";
    row.table_name = spec->table;
    row.record_id = current->id;
    row.field = field.column;
    row.before_value = field.after;
    row.after_value = field.before;
    row.undoes_change_id = change_id;
    chain.append(std::move(row));
  }
  chain.flush();
  result.current = *load_record(db, *spec, current->id);
  transaction.commit();
  result.status = SaveStatus::saved;
  return result;
}

}  // namespace raekoda::db
