#include "db/import_writer.h"

#include <algorithm>
#include <memory>

#include "core/text.h"
#include "db/database.h"

namespace raekoda::db {
namespace {

// A person an account list or a register names whose unit the file does not say.
constexpr std::string_view unassigned_unit = "Määramata";
constexpr std::string_view home_institution_name = "Linnavalitsus";

bool is_field(const TableSpec& spec, std::string_view column) {
  return spec.field(column) != nullptr;
}

std::string join_columns(const std::vector<std::string>& columns, std::string_view separator) {
  std::string joined;
  for (const std::string& column : columns) {
    if (!joined.empty()) joined += separator;
    joined += column;
  }
  return joined;
}

std::optional<std::string> optional_text(const Statement& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return row.text(column);
}

}  // namespace

std::string folded_name(std::string_view name) {
  std::string folded = fold_letters(name);
  std::string out;
  out.reserve(folded.size());
  bool space = false;
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

ImportWriter::ImportWriter(Database& db, ImportSource source, ValidationContext context,
                           ConflictChoice choice)
    : db_(db),
      source_(std::move(source)),
      context_(std::move(context)),
      choice_(std::move(choice)) {
  // A writer that throws here is never constructed: the transaction rolls itself back.
  auto transaction = std::make_unique<Transaction>(db_);
  change_id_ = next_change_id(db_);
  Statement insert = db_.prepare(
      "INSERT INTO imports (kind, file_name, system_name, preset, run_by, run_at, change_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  insert.bind_all(source_.kind, source_.file_name, source_.system_name, source_.preset,
                  source_.author.user, source_.author.at, change_id_);
  insert.run();
  import_id_ = db_.last_insert_id();
  transaction_ = std::move(transaction);
}

ImportWriter::~ImportWriter() {
  // The statements go first: SQLite rolls back only once they have finished.
  statements_.clear();
  transaction_.reset();
}

Statement& ImportWriter::cached(const std::string& sql) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) found = statements_.emplace(sql, db_.prepare(sql)).first;
  found->second.reset();
  return found->second;
}

void ImportWriter::audit(std::string_view action, std::string_view table, Id id,
                         std::string_view field, const std::optional<std::string>& before,
                         const std::optional<std::string>& after) {
  Statement& insert = cached(
      "INSERT INTO audit_log (change_id, changed_at, changed_by, action, table_name, record_id, "
      "field, before_value, after_value, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind_all(change_id_, source_.author.at, source_.author.user, action, table, id,
                  field.empty() ? std::optional<std::string_view>() : field, before, after,
                  import_id_);
  insert.run();
}

ImportWriter::NameIndex& ImportWriter::names(std::string_view table) {
  NameIndex& index = names_[std::string(table)];
  if (index.loaded) return index;
  std::string column = table == "people" ? "full_name" : "name";
  Statement select = db_.prepare("SELECT id, " + column + " FROM " + std::string(table));
  while (select.step()) index.by_name.emplace(folded_name(select.text(1)), select.integer(0));
  index.loaded = true;
  return index;
}

Id ImportWriter::add_named(std::string_view table,
                           const std::vector<std::pair<std::string, std::string>>& row,
                           std::string_view name) {
  std::string columns, placeholders;
  for (const auto& [column, value] : row) {
    columns += (columns.empty() ? "" : ", ") + column;
    placeholders += placeholders.empty() ? "?" : ", ?";
  }
  Statement& insert = cached("INSERT INTO " + std::string(table) + " (" + columns + ") VALUES (" +
                             placeholders + ")");
  int index = 0;
  for (const auto& entry : row) insert.bind(++index, entry.second);
  insert.run();
  Id id = db_.last_insert_id();
  Record added;
  for (const auto& [column, value] : row) added.set(column, value);
  audit("insert", table, id, {}, std::nullopt, audit_values(added));
  names(table).by_name.emplace(folded_name(name), id);
  ++counts_.names_added;
  return id;
}

Id ImportWriter::unit(std::string_view name) {
  std::string shown = name.empty() ? std::string(unassigned_unit) : std::string(name);
  auto& index = names("units").by_name;
  if (auto found = index.find(folded_name(shown)); found != index.end()) return found->second;
  return add_named("units", {{"name", shown}}, shown);
}

std::optional<Id> ImportWriter::find_person(std::string_view name, std::string_view email) {
  if (!email.empty()) {
    if (!emails_loaded_) {
      Statement select = db_.prepare("SELECT id, email FROM people WHERE email IS NOT NULL");
      while (select.step()) emails_.emplace(folded_name(select.text(1)), select.integer(0));
      emails_loaded_ = true;
    }
    if (auto found = emails_.find(folded_name(email)); found != emails_.end()) return found->second;
  }
  if (name.empty()) return std::nullopt;
  auto& index = names("people").by_name;
  if (auto found = index.find(folded_name(name)); found != index.end()) return found->second;
  return std::nullopt;
}

Id ImportWriter::person(std::string_view name, std::string_view email, std::string_view unit_name,
                        Date joined) {
  if (auto found = find_person(name, email)) return *found;
  std::string shown = name.empty() ? std::string(email) : std::string(name);
  std::vector<std::pair<std::string, std::string>> row = {
      {"full_name", shown},
      {"unit_id", std::to_string(unit(unit_name))},
      {"joined_on", joined.iso()},
  };
  if (!email.empty()) row.emplace_back("email", std::string(email));
  Id id = add_named("people", row, shown);
  if (!email.empty()) emails_.emplace(folded_name(email), id);
  return id;
}

Id ImportWriter::outlet(std::string_view name, Channel channel, ContentLanguage language) {
  auto& index = names("media_outlets").by_name;
  if (auto found = index.find(folded_name(name)); found != index.end()) return found->second;
  return add_named("media_outlets",
                   {{"name", std::string(name)},
                    {"channel", std::string(key_of(channel))},
                    {"language", std::string(key_of(language))}},
                   name);
}

Id ImportWriter::institution(std::string_view name) {
  auto& index = names("institutions").by_name;
  if (auto found = index.find(folded_name(name)); found != index.end()) return found->second;
  return add_named("institutions", {{"name", std::string(name)}, {"kind", "other"}}, name);
}

Id ImportWriter::home_institution() {
  if (Id id = db_.query_integer(
          "SELECT id FROM institutions WHERE kind = 'city_government' ORDER BY id LIMIT 1", 0))
    return id;
  return add_named("institutions",
                   {{"name", std::string(home_institution_name)}, {"kind", "city_government"}},
                   home_institution_name);
}

Id ImportWriter::system(std::string_view name) {
  auto& index = names("information_systems").by_name;
  if (auto found = index.find(folded_name(name)); found != index.end()) return found->second;
  return add_named("information_systems", {{"name", std::string(name)}, {"kind", "other"}}, name);
}

std::optional<Id> ImportWriter::plan(std::string_view name, Date day) {
  if (!name.empty()) {
    auto& index = names("comm_plans").by_name;
    if (auto found = index.find(folded_name(name)); found != index.end()) return found->second;
  }
  Statement& select = cached(
      "SELECT id FROM comm_plans WHERE starts_on <= ?1 AND ends_on >= ?1 "
      "ORDER BY days_between(starts_on, ends_on), id LIMIT 1");
  select.bind(1, day);
  if (select.step()) return select.integer(0);
  return std::nullopt;
}

Id ImportWriter::plan_owner(Id plan) {
  return db_.query_integer("SELECT owner_id FROM comm_plans WHERE id = ?", 0, plan);
}

std::optional<Record> ImportWriter::load(const TableSpec& spec, Id id) {
  Statement& select = cached("SELECT " + record_columns(spec) + " FROM " + std::string(spec.table) +
                             " WHERE id = ?");
  select.bind(1, id);
  if (!select.step()) return std::nullopt;
  Record record = read_record(select, spec);
  select.reset();
  return record;
}

std::optional<Record> ImportWriter::find(const TableSpec& spec, const NaturalKey& key) {
  if (last_found_ && last_found_->table == spec.table && last_found_->key == key.text)
    return last_found_->record;
  Statement& by_key =
      cached("SELECT record_id, version FROM import_keys WHERE table_name = ? AND natural_key = ?");
  by_key.bind_all(spec.table, key.text);
  Found found{std::string(spec.table), key.text, std::nullopt};
  std::optional<Id> id;
  if (by_key.step()) {
    id = by_key.integer(0);
    found.by_key = true;
    found.key_version = by_key.integer(1);
  }
  by_key.reset();
  if (!id && !key.columns.empty()) {
    std::string sql = "SELECT id FROM " + std::string(spec.table) + " WHERE ";
    for (std::size_t i = 0; i < key.columns.size(); ++i)
      sql += (i ? " AND " : "") + key.columns[i].first + " = ?";
    sql += " ORDER BY id LIMIT 1";
    Statement& select = cached(sql);
    int index = 0;
    for (const auto& entry : key.columns) select.bind(++index, entry.second);
    if (select.step()) id = select.integer(0);
    select.reset();
  }
  if (id) found.record = load(spec, *id);
  found.stale_key = found.by_key && !found.record;
  last_found_ = std::move(found);
  return last_found_->record;
}

std::optional<std::int64_t> ImportWriter::imported_version(std::string_view table, Id id) {
  Statement& select =
      cached("SELECT version FROM import_keys WHERE table_name = ? AND record_id = ?");
  select.bind_all(table, id);
  std::optional<std::int64_t> version;
  if (select.step()) version = select.integer(0);
  select.reset();
  return version;
}

void ImportWriter::remember(std::string_view table, Id id, const std::string& key,
                            std::int64_t version, bool stale_key) {
  if (stale_key) {  // the row the key named was deleted in Raekoda: the key now names this one
    Statement& clear = cached(
        "DELETE FROM import_keys WHERE table_name = ? AND natural_key = ? AND record_id <> ?");
    clear.bind_all(table, key, id);
    clear.run();
  }
  Statement& upsert = cached(
      "INSERT INTO import_keys (table_name, record_id, natural_key, version, import_id) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (table_name, record_id) DO UPDATE SET "
      "natural_key = excluded.natural_key, version = excluded.version, "
      "import_id = excluded.import_id");
  upsert.bind_all(table, id, key, version, import_id_);
  upsert.run();
}

RowOutcome ImportWriter::write(const TableSpec& spec, const NaturalKey& key, const Record& incoming,
                               std::size_t line, std::vector<FieldError>& errors) {
  errors.clear();
  std::optional<Record> current = find(spec, key);
  Found found = std::move(*last_found_);
  last_found_.reset();  // whatever happens next changes the row
  if (!current) {
    errors = validate(spec, Record{}, incoming, context_);
    if (!errors.empty()) {
      ++counts_.refused;
      return RowOutcome::refused;
    }
    std::vector<std::string> columns;
    for (const FieldSpec& field : spec.fields)
      if (incoming.value(field.column)) columns.emplace_back(field.column);
    for (const auto& [column, value] : incoming.values)
      if (value && !is_field(spec, column)) columns.push_back(column);
    std::string placeholders;
    for (std::size_t i = 0; i < columns.size(); ++i) placeholders += i ? ", ?" : "?";
    Statement& insert = cached("INSERT INTO " + std::string(spec.table) + " (" +
                               join_columns(columns, ", ") + ") VALUES (" + placeholders + ")");
    int index = 0;
    for (const std::string& column : columns) insert.bind(++index, incoming.value(column));
    insert.run();
    Id id = db_.last_insert_id();
    Record audited;
    for (const std::string& column : columns)
      if (is_field(spec, column)) audited.set(column, incoming.value(column));
    audit("insert", spec.table, id, {}, std::nullopt, audit_values(audited));
    remember(spec.table, id, key.text, 1, found.stale_key);
    ++counts_.added;
    return RowOutcome::added;
  }

  Record merged = *current;
  std::vector<std::string> changed;
  std::vector<std::string> extra;  // written, not edited: no validation, no conflict
  for (const FieldSpec& field : spec.fields) {
    auto given = incoming.values.find(field.column);
    if (given == incoming.values.end()) continue;
    if (current->value(field.column) != given->second) changed.emplace_back(field.column);
    merged.set(field.column, given->second);
  }
  for (const auto& [column, value] : incoming.values)
    if (!is_field(spec, column)) extra.push_back(column);
  if (changed.empty()) {
    if (!extra.empty()) {
      // Written only where it differs, so that an unchanged row costs a read, not a write.
      std::string set, differs;
      for (std::size_t i = 0; i < extra.size(); ++i) {
        std::string parameter = "?" + std::to_string(i + 2);
        set += (i ? ", " : "") + extra[i] + " = " + parameter;
        differs += (i ? " OR " : "") + extra[i] + " IS DISTINCT FROM " + parameter;
      }
      Statement& update = cached("UPDATE " + std::string(spec.table) + " SET " + set +
                                 " WHERE id = ?1 AND (" + differs + ")");
      update.bind(1, current->id);
      int index = 1;
      for (const std::string& column : extra) update.bind(++index, incoming.value(column));
      update.run();
    }
    auto imported = found.by_key ? found.key_version : imported_version(spec.table, current->id);
    if (imported != current->version) remember(spec.table, current->id, key.text, current->version);
    ++counts_.unchanged;
    return RowOutcome::unchanged;
  }

  std::optional<std::int64_t> imported =
      found.by_key ? found.key_version : imported_version(spec.table, current->id);
  if (imported && *imported != current->version && !choice_.take_all &&
      !choice_.take.count(key.text)) {
    ImportConflict conflict{line,     key.text, std::string(spec.table), current->id, changed,
                            *current, {}};
    for (const std::string& column : changed) conflict.incoming.set(column, incoming.value(column));
    conflicts_.push_back(std::move(conflict));
    ++counts_.conflicts;
    return RowOutcome::conflict;
  }

  errors = validate(spec, *current, merged, context_);
  if (!errors.empty()) {
    ++counts_.refused;
    return RowOutcome::refused;
  }
  std::vector<std::string> written = changed;
  written.insert(written.end(), extra.begin(), extra.end());
  std::string sql = "UPDATE " + std::string(spec.table) + " SET ";
  for (const std::string& column : written) sql += column + " = ?, ";
  sql += "version = version + 1 WHERE id = ? AND version = ?";
  Statement& update = cached(sql);
  int index = 0;
  for (const std::string& column : written) update.bind(++index, merged.value(column));
  update.bind(++index, current->id);
  update.bind(++index, current->version);
  update.run();
  for (const std::string& column : changed)
    audit("update", spec.table, current->id, column, current->value(column), merged.value(column));
  remember(spec.table, current->id, key.text, current->version + 1);
  ++counts_.updated;
  return RowOutcome::updated;
}

Id ImportWriter::commit() {
  Statement& summary = cached(
      "UPDATE imports SET added = ?, updated = ?, unchanged = ?, refused = ?, conflicts = ?, "
      "names_added = ? WHERE id = ?");
  summary.bind_all(
      static_cast<std::int64_t>(counts_.added), static_cast<std::int64_t>(counts_.updated),
      static_cast<std::int64_t>(counts_.unchanged), static_cast<std::int64_t>(counts_.refused),
      static_cast<std::int64_t>(counts_.conflicts), static_cast<std::int64_t>(counts_.names_added),
      import_id_);
  summary.run();
  statements_.clear();
  transaction_->commit();
  transaction_.reset();
  return import_id_;
}

std::vector<ImportSummary> recent_imports(Database& db, int limit) {
  std::vector<ImportSummary> imports;
  Statement select = db.prepare(
      "SELECT id, kind, file_name, run_by, run_at, added, updated, unchanged, refused, "
      "conflicts, names_added, undone_at IS NOT NULL FROM imports ORDER BY id DESC LIMIT ?");
  select.bind(1, limit);
  while (select.step()) {
    ImportSummary summary;
    summary.id = select.integer(0);
    summary.kind = select.text(1);
    summary.file_name = select.text(2);
    summary.run_by = select.text(3);
    summary.run_at = select.text(4);
    auto count = [&](int column) { return static_cast<std::size_t>(select.integer(column)); };
    summary.counts = {count(5), count(6), count(7), count(8), count(9), count(10)};
    summary.undone = select.integer(11) != 0;
    imports.push_back(std::move(summary));
  }
  return imports;
}

ImportUndo undo_import(Database& db, Id import_id, const Author& author) {
  ImportUndo result;
  Transaction transaction(db);
  std::int64_t change_id = db.query_integer(
      "SELECT change_id FROM imports WHERE id = ? AND undone_at IS NULL", 0, import_id);
  if (change_id == 0) return result;
  std::int64_t undo_id = next_change_id(db);

  // The import's rows by record, newest first, so that what was added last (a document) goes
  // before what it refers to (the responder added for it).
  struct Touched {
    std::string table;
    Id id = 0;
    bool inserted = false;
    std::vector<std::pair<std::string, std::optional<std::string>>> before, after;
  };
  std::vector<Touched> touched;
  {
    Statement rows = db.prepare(
        "SELECT table_name, record_id, action, field, before_value, after_value FROM audit_log "
        "WHERE import_id = ? ORDER BY id DESC");
    rows.bind(1, import_id);
    while (rows.step()) {
      std::string table = rows.text(0);
      Id id = rows.integer(1);
      if (touched.empty() || touched.back().table != table || touched.back().id != id)
        touched.push_back({table, id, false, {}, {}});
      Touched& entry = touched.back();
      entry.inserted = entry.inserted || rows.text(2) == "insert";
      if (rows.is_null(3)) {  // a whole record added, its values in one row
        for (auto& [column, value] : audited_values(rows.text(5))) {
          entry.before.emplace_back(column, std::nullopt);
          entry.after.emplace_back(column, std::move(value));
        }
        continue;
      }
      entry.before.emplace_back(rows.text(3), optional_text(rows, 4));
      entry.after.emplace_back(rows.text(3), optional_text(rows, 5));
    }
  }
  auto write_undo = [&](const Touched& entry, bool removed) {
    Statement insert = db.prepare(
        "INSERT INTO audit_log (change_id, changed_at, changed_by, action, table_name, "
        "record_id, field, before_value, after_value, undoes_change_id) "
        "VALUES (?, ?, ?, 'undo', ?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < entry.after.size(); ++i) {
      insert.bind_all(undo_id, author.at, author.user, entry.table, entry.id, entry.after[i].first,
                      entry.after[i].second, removed ? std::nullopt : entry.before[i].second,
                      change_id);
      insert.run();
    }
  };
  for (const Touched& entry : touched) {
    // Each field must still hold what the import wrote; otherwise someone changed it since.
    std::string columns;
    for (const auto& [column, value] : entry.after)
      columns += (columns.empty() ? "" : ", ") + column;
    Statement current = db.prepare("SELECT " + columns + " FROM " + entry.table + " WHERE id = ?");
    current.bind(1, entry.id);
    bool same = current.step();
    for (std::size_t i = 0; same && i < entry.after.size(); ++i)
      same = optional_text(current, static_cast<int>(i)) == entry.after[i].second;
    current.reset();
    if (!same) {
      ++result.kept;
      continue;
    }
    if (entry.inserted) {
      db.exec("SAVEPOINT undo_row");
      try {
        Statement remove = db.prepare("DELETE FROM " + entry.table + " WHERE id = ?");
        remove.bind(1, entry.id);
        remove.run();
        db.exec("RELEASE undo_row");
      } catch (const DatabaseError& error) {
        db.exec("ROLLBACK TO undo_row");
        db.exec("RELEASE undo_row");
        if (error.kind() != ErrorKind::constraint) throw;
        ++result.kept;  // a colleague's record refers to it now
        continue;
      }
      Statement forget =
          db.prepare("DELETE FROM import_keys WHERE table_name = ? AND record_id = ?");
      forget.bind_all(entry.table, entry.id);
      forget.run();
      write_undo(entry, true);
      ++result.removed;
    } else {
      std::string sql = "UPDATE " + entry.table + " SET ";
      for (const auto& [column, value] : entry.before) sql += column + " = ?, ";
      sql += "version = version + 1 WHERE id = ?";
      Statement update = db.prepare(sql);
      int index = 0;
      for (const auto& entry_value : entry.before) update.bind(++index, entry_value.second);
      update.bind(++index, entry.id);
      update.run();
      write_undo(entry, false);
      ++result.restored;
    }
  }
  Statement mark = db.prepare("UPDATE imports SET undone_at = ? WHERE id = ?");
  mark.bind_all(author.at, import_id);
  mark.run();
  transaction.commit();
  return result;
}

}  // namespace raekoda::db
