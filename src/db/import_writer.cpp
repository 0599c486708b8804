#include "db/import_writer.h"

#include <algorithm>
#include <memory>
#include <span>

#include "core/text.h"
#include "db/audit_chain.h"
#include "db/database.h"

namespace raekoda::db {
namespace {

// A person an account list or a register names whose unit the file does not say.
constexpr std::string_view unassigned_unit = "Määramata";
constexpr std::string_view home_institution_name = "Linnavalitsus";
// Rows per multi-row INSERT: a round trip to a server saved for each, far below either
// backend's limit on parameters.
constexpr std::size_t batch_rows = 200;
// Lookups of a table's keys made one by one before its keys are read at once: a short import
// into a large database reads little, a long one pays one read instead of a round trip a row.
// On a large table the import first spends about what reading it all would cost (a round trip
// a row costs what reading some hundred rows at once does), so it never pays much more than
// twice the better of the two.
constexpr std::size_t lookups_before_reading_all = 64;
constexpr std::size_t rows_read_per_lookup = 128;

// Whether the lookup now made is the one after which the keys are read at once; `count_rows`
// tells how many they are, asked once.
template <class CountRows>
bool time_to_read_all(std::size_t& lookups, std::size_t& threshold, CountRows count_rows) {
  ++lookups;
  if (lookups == lookups_before_reading_all)
    threshold = std::max(lookups_before_reading_all,
                         static_cast<std::size_t>(count_rows()) / rows_read_per_lookup);
  return lookups > lookups_before_reading_all && lookups > threshold;
}

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

// "?7, ?8, ?9": `count` numbered placeholders from `first`.
std::string numbered(int first, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i)
    out += (i ? ", ?" : "?") + std::to_string(first + static_cast<int>(i));
  return out;
}

// Values joined so that no two lists of values give the same text.
void append_key_part(std::string& key, std::string_view value) {
  key += std::to_string(value.size());
  key += ':';
  key += value;
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
  // The chain's head first, as every writer takes it: the import's change id is then its own.
  chain_ = std::make_unique<AuditAppender>(db_);
  change_id_ = chain_->next_change_id();
  Statement insert = db_.prepare(
      "INSERT INTO imports (kind, file_name, system_name, preset, run_by, run_at, change_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)" +
      returning_ids());
  insert.bind_all(source_.kind, source_.file_name, source_.system_name, source_.preset,
                  source_.author.user, source_.author.at, change_id_);
  import_id_ = run_insert(insert, 1, "imports").front();
  transaction_ = std::move(transaction);
}

ImportWriter::~ImportWriter() {
  // The statements go first: SQLite rolls back only once they have finished.
  statements_.clear();
  chain_.reset();
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
  queued_audit_.push_back({std::string(action), std::string(table), id,
                           field.empty() ? std::nullopt : std::optional<std::string>(field), before,
                           after});
  if (queued_audit_.size() >= 2 * batch_rows) flush_audit(false);
}

Id ImportWriter::stored_id(Id id) {
  if (id >= 0) return id;
  auto slot = static_cast<std::size_t>(-id - 1);
  if (slot_ids_[slot] == 0) flush_inserts();
  return slot_ids_[slot];
}

void ImportWriter::flush_before_reading(std::string_view table) {
  if (table.empty() || queued_inserts_.table == table) flush_inserts();
}

void ImportWriter::flush_inserts() {
  QueuedInserts& queue = queued_inserts_;
  if (queue.rows.empty()) return;
  // Rows give different columns (an unanswered document has no answered_on); a column a row
  // does not give gets the schema's DEFAULT, as in an INSERT of that row alone.
  std::vector<std::string> columns;
  for (const auto& row : queue.rows)
    for (const auto& cell : row)
      if (std::find(columns.begin(), columns.end(), cell.first) == columns.end())
        columns.push_back(cell.first);
  std::string sql = "INSERT INTO " + queue.table + " (" + join_columns(columns, ", ") + ") VALUES ";
  int parameter = 0;
  for (std::size_t row = 0; row < queue.rows.size(); ++row) {
    sql += row ? ", (" : "(";
    for (std::size_t i = 0; i < columns.size(); ++i) {
      bool given = std::any_of(queue.rows[row].begin(), queue.rows[row].end(),
                               [&](const auto& cell) { return cell.first == columns[i]; });
      sql += i ? ", " : "";
      sql += given ? "?" + std::to_string(++parameter) : "DEFAULT";
    }
    sql += ")";
  }
  sql += returning_ids();
  // A single row recurs with the same columns; a batch's mix of them seldom does.
  std::optional<Statement> single_use;
  Statement& insert = queue.rows.size() == 1 ? cached(sql) : single_use.emplace(db_.prepare(sql));
  int index = 0;
  for (const auto& row : queue.rows)
    for (const std::string& column : columns)
      for (const auto& cell : row)
        if (cell.first == column) insert.bind(++index, cell.second);
  std::vector<Id> ids = run_insert(insert, queue.rows.size(), queue.table);
  auto keys = imported_keys_.find(queue.table);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    std::size_t slot = queue.slots[i];
    slot_ids_[slot] = ids[i];
    if (keys == imported_keys_.end() || !keys->second.loaded) continue;
    auto node = keys->second.key_of.extract(-static_cast<Id>(slot) - 1);
    if (node.empty()) continue;
    auto entry = keys->second.by_key.find(node.mapped());
    if (entry != keys->second.by_key.end() && entry->second.first == node.key())
      entry->second.first = ids[i];
    node.key() = ids[i];
    keys->second.key_of.insert(std::move(node));
  }
  queue.rows.clear();
  queue.slots.clear();
}

bool ImportWriter::stored(Id id) const {
  return id >= 0 || slot_ids_[static_cast<std::size_t>(-id - 1)] != 0;
}

// Writes a queue in batches of batch_rows, and what is left over too when `all`: the statements
// for a full batch are prepared once, while leftovers, of any size, wait for the next batch
// unless something is about to read them.
template <class Row, class WriteRows>
void ImportWriter::drain(std::vector<Row>& queue, bool all, WriteRows write_rows) {
  std::size_t done = 0;
  while (queue.size() - done >= batch_rows || (all && done < queue.size())) {
    std::span<Row> rows(queue.data() + done, std::min(batch_rows, queue.size() - done));
    if (!std::all_of(rows.begin(), rows.end(), [&](const Row& row) { return stored(row.id); }))
      flush_inserts();
    for (Row& row : rows) row.id = stored_id(row.id);
    write_rows(rows);
    done += rows.size();
  }
  queue.erase(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(done));
}

void ImportWriter::flush_keys(bool all) {
  drain(queued_keys_, all, [&](std::span<QueuedKey> queued) {
    // One INSERT may not upsert a row twice: a record written twice keeps its last key.
    std::vector<const QueuedKey*> rows;
    std::map<std::pair<std::string_view, Id>, std::size_t> position;
    for (const QueuedKey& key : queued) {
      auto [at, added] = position.try_emplace({key.table, key.id}, rows.size());
      if (added)
        rows.push_back(&key);
      else
        rows[at->second] = &key;
    }
    std::string sql =
        "INSERT INTO import_keys (table_name, record_id, natural_key, version, import_id) VALUES ";
    for (std::size_t i = 0; i < rows.size(); ++i)
      sql += (i ? ", (" : "(") + numbered(static_cast<int>(2 + i * 4), 4) + ", ?1)";
    sql +=
        " ON CONFLICT (table_name, record_id) DO UPDATE SET natural_key = excluded.natural_key, "
        "version = excluded.version, import_id = excluded.import_id";
    std::optional<Statement> single_use;
    Statement& upsert = batch_statement(sql, rows.size(), single_use);
    upsert.bind(1, import_id_);
    int index = 1;
    for (const QueuedKey* key : rows) {
      upsert.bind(++index, key->table);
      upsert.bind(++index, key->id);
      upsert.bind(++index, key->key);
      upsert.bind(++index, key->version);
    }
    upsert.run();
  });
}

void ImportWriter::flush_audit(bool all) {
  drain(queued_audit_, all, [&](std::span<QueuedAudit> rows) {
    for (QueuedAudit& queued : rows) {
      AuditRow row = chain_->row_by(source_.author);
      row.change_id = change_id_;
      row.action = std::move(queued.action);
      row.table_name = std::move(queued.table);
      row.record_id = queued.id;
      row.field = std::move(queued.field);
      row.before_value = std::move(queued.before);
      row.after_value = std::move(queued.after);
      row.import_id = import_id_;
      chain_->append(std::move(row));
    }
  });
  if (all) chain_->flush();
}

void ImportWriter::flush() {
  flush_inserts();
  flush_keys(true);
  flush_audit(true);
}

// How an INSERT tells the ids it gave. A server says them in its answer, which saves asking for
// them in a second round trip; SQLite knows the last one at no cost, while RETURNING would make
// it keep a statement journal for every row.
std::string ImportWriter::returning_ids() const {
  return db_.backend() == Backend::sqlite ? "" : " RETURNING id";
}

std::vector<Id> ImportWriter::run_insert(Statement& insert, std::size_t rows,
                                         std::string_view table) {
  std::vector<Id> ids;
  ids.reserve(rows);
  if (db_.backend() == Backend::sqlite) {
    insert.run();
    // Holding the write lock, one INSERT numbers its rows one after another up to the last.
    Id last = db_.last_insert_id();
    for (std::size_t i = rows; i > 0; --i) ids.push_back(last - static_cast<Id>(i) + 1);
    return ids;
  }
  while (insert.step()) ids.push_back(insert.integer(0));
  insert.reset();
  if (ids.size() != rows)
    throw DatabaseError(ErrorKind::other, "INSERT INTO " + std::string(table) + " returned " +
                                              std::to_string(ids.size()) + " ids for " +
                                              std::to_string(rows) + " rows");
  // The server numbers the rows of one INSERT upwards in the order of its VALUES; RETURNING
  // need not list them in that order.
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::size_t ImportWriter::insert_batch_rows() const {
  // SQLite has no round trips to save, and a statement of one row is prepared once and kept;
  // it also knows no DEFAULT among VALUES.
  return db_.backend() == Backend::sqlite ? 1 : batch_rows;
}

Statement& ImportWriter::batch_statement(const std::string& sql, std::size_t rows,
                                         std::optional<Statement>& single_use) {
  // A full batch recurs and is worth keeping prepared; a shorter one seldom does.
  if (rows == batch_rows) return cached(sql);
  single_use.emplace(db_.prepare(sql));
  return *single_use;
}

ImportWriter::NameIndex& ImportWriter::names(std::string_view table) {
  NameIndex& index = names_[std::string(table)];
  if (index.loaded) return index;
  flush_before_reading(table);
  std::string column = table == "people" ? "full_name" : "name";
  Statement select = db_.prepare("SELECT id, " + column + " FROM " + std::string(table));
  while (select.step()) index.by_name.emplace(folded_name(select.text(1)), select.integer(0));
  index.loaded = true;
  return index;
}

Id ImportWriter::add_named(std::string_view table,
                           const std::vector<std::pair<std::string, std::string>>& row,
                           std::string_view name) {
  flush_before_reading(table);  // ids stay in the order the rows came in
  std::string columns, placeholders;
  for (const auto& [column, value] : row) {
    columns += (columns.empty() ? "" : ", ") + column;
    placeholders += placeholders.empty() ? "?" : ", ?";
  }
  Statement& insert = cached("INSERT INTO " + std::string(table) + " (" + columns + ") VALUES (" +
                             placeholders + ")" + returning_ids());
  int index = 0;
  for (const auto& entry : row) insert.bind(++index, entry.second);
  Id id = run_insert(insert, 1, table).front();
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
      flush_before_reading("people");
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
  // Asked for every ticket that names no institution: the answer stays while the import runs.
  if (home_institution_id_) return home_institution_id_;
  flush_before_reading("institutions");
  home_institution_id_ = db_.query_integer(
      "SELECT id FROM institutions WHERE kind = 'city_government' ORDER BY id LIMIT 1", 0);
  if (!home_institution_id_)
    home_institution_id_ = add_named(
        "institutions", {{"name", std::string(home_institution_name)}, {"kind", "city_government"}},
        home_institution_name);
  return home_institution_id_;
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
  // An import never writes plans: what a day's plan is, and who owns it, is asked once.
  auto [known, added] = plan_of_day_.try_emplace(day.iso());
  if (!added) return known->second;
  flush_before_reading("comm_plans");
  Statement& select = cached(
      "SELECT id FROM comm_plans WHERE starts_on <= ?1 AND ends_on >= ?1 "
      "ORDER BY days_between(starts_on, ends_on), id LIMIT 1");
  select.bind(1, day);
  if (select.step()) known->second = select.integer(0);
  select.reset();
  return known->second;
}

Id ImportWriter::plan_owner(Id plan) {
  auto [known, added] = plan_owners_.try_emplace(plan, 0);
  if (!added) return known->second;
  flush_before_reading("comm_plans");
  known->second = db_.query_integer("SELECT owner_id FROM comm_plans WHERE id = ?", 0, plan);
  return known->second;
}

std::optional<Record> ImportWriter::load(const TableSpec& spec, Id id, Record* extras) {
  id = stored_id(id);
  const std::vector<std::string>& extra = extra_columns_[std::string(spec.table)];
  std::string columns = record_columns(spec);
  for (const std::string& column : extra) columns += ", " + column;
  Statement& select =
      cached("SELECT " + columns + " FROM " + std::string(spec.table) + " WHERE id = ?");
  select.bind(1, id);
  if (!select.step()) return std::nullopt;
  Record record = read_record(select, spec);
  int column = static_cast<int>(2 + spec.fields.size());
  for (const std::string& name : extra) extras->set(name, optional_text(select, column++));
  select.reset();
  return record;
}

ImportWriter::ImportedKeys& ImportWriter::imported_keys(std::string_view table) {
  ImportedKeys& keys = imported_keys_[std::string(table)];
  if (keys.loaded || !time_to_read_all(keys.lookups, keys.threshold, [&] {
        return db_.query_integer("SELECT count(*) FROM import_keys WHERE table_name = ?", 0, table);
      }))
    return keys;
  flush_keys(true);
  Statement select =
      db_.prepare("SELECT natural_key, record_id, version FROM import_keys WHERE table_name = ?");
  select.bind(1, table);
  while (select.step()) {
    Id id = select.integer(1);
    std::string key = select.text(0);
    keys.key_of.emplace(id, key);
    keys.by_key.emplace(std::move(key), std::pair{id, select.integer(2)});
  }
  keys.loaded = true;
  return keys;
}

std::optional<std::pair<Id, std::int64_t>> ImportWriter::find_by_key(std::string_view table,
                                                                     const std::string& key) {
  ImportedKeys& keys = imported_keys(table);
  if (keys.loaded) {
    auto found = keys.by_key.find(key);
    if (found == keys.by_key.end()) return std::nullopt;
    return found->second;
  }
  flush_keys(true);
  Statement& by_key =
      cached("SELECT record_id, version FROM import_keys WHERE table_name = ? AND natural_key = ?");
  by_key.bind_all(table, key);
  std::optional<std::pair<Id, std::int64_t>> found;
  if (by_key.step()) found = std::pair{by_key.integer(0), by_key.integer(1)};
  by_key.reset();
  return found;
}

ImportWriter::ColumnKeys& ImportWriter::column_keys(std::string_view table, const NaturalKey& key) {
  std::string name(table);
  for (const auto& entry : key.columns) name += ' ' + entry.first;
  ColumnKeys& keys = column_keys_[name];
  if (keys.columns.empty())
    for (const auto& entry : key.columns) keys.columns.push_back(entry.first);
  if (keys.loaded || !keys.usable || !time_to_read_all(keys.lookups, keys.threshold, [&] {
        return db_.query_integer("SELECT count(*) FROM " + std::string(table), 0);
      }))
    return keys;
  flush_before_reading(table);
  Statement select = db_.prepare("SELECT id, " + join_columns(keys.columns, ", ") + " FROM " +
                                 std::string(table) + " ORDER BY id");
  const int width = static_cast<int>(keys.columns.size());
  while (select.step()) {
    std::string values;
    bool null = false;
    for (int column = 1; column <= width && !null; ++column) {
      null = select.is_null(column);
      if (!null) append_key_part(values, select.text(column));
    }
    if (!null) keys.ids.emplace(std::move(values), select.integer(0));  // the lowest id stays
  }
  keys.loaded = true;
  return keys;
}

std::optional<Id> ImportWriter::find_by_columns(std::string_view table, const NaturalKey& key) {
  // A row named by its own id needs no index: loading it tells whether it is there.
  if (key.columns.size() == 1 && key.columns[0].first == "id")
    return std::stoll(key.columns[0].second);
  ColumnKeys& keys = column_keys(table, key);
  if (keys.loaded && keys.usable) {
    std::string values;
    for (const auto& entry : key.columns) append_key_part(values, entry.second);
    auto found = keys.ids.find(values);
    if (found == keys.ids.end()) return std::nullopt;
    return found->second;
  }
  flush_before_reading(table);
  std::string sql = "SELECT id FROM " + std::string(table) + " WHERE ";
  for (std::size_t i = 0; i < key.columns.size(); ++i)
    sql += (i ? " AND " : "") + key.columns[i].first + " = ?";
  sql += " ORDER BY id LIMIT 1";
  Statement& select = cached(sql);
  int index = 0;
  for (const auto& entry : key.columns) select.bind(++index, entry.second);
  std::optional<Id> id;
  if (select.step()) id = select.integer(0);
  select.reset();
  return id;
}

void ImportWriter::forget_column_keys(std::string_view table,
                                      const std::vector<std::string>& written) {
  for (auto& [name, keys] : column_keys_) {
    if (!name.starts_with(table) || name.size() <= table.size() || name[table.size()] != ' ')
      continue;
    bool touched = std::any_of(keys.columns.begin(), keys.columns.end(), [&](const auto& column) {
      return std::find(written.begin(), written.end(), column) != written.end();
    });
    if (!touched) continue;
    keys.usable = false;
    keys.ids.clear();
  }
}

Id ImportWriter::queue_insert(std::string_view table, const std::vector<std::string>& columns,
                              const Record& incoming) {
  QueuedInserts& queue = queued_inserts_;
  if (!queue.rows.empty() && queue.table != table) flush_inserts();
  queue.table = std::string(table);
  std::vector<std::pair<std::string, std::optional<std::string>>> row;
  row.reserve(columns.size());
  for (const std::string& column : columns) row.emplace_back(column, incoming.value(column));
  std::size_t slot = slot_ids_.size();
  slot_ids_.push_back(0);
  queue.rows.push_back(std::move(row));
  queue.slots.push_back(slot);
  Id id = -static_cast<Id>(slot) - 1;
  for (auto& [name, keys] : column_keys_) {
    if (!keys.loaded || !keys.usable || !name.starts_with(table) || name.size() <= table.size() ||
        name[table.size()] != ' ')
      continue;
    std::string values;
    for (const std::string& column : keys.columns) {
      const auto& value = incoming.value(column);
      if (!value) {  // the schema's default, or NULL: no longer known here
        keys.usable = false;
        keys.ids.clear();
        break;
      }
      append_key_part(values, *value);
    }
    if (keys.usable) keys.ids.emplace(std::move(values), id);
  }
  if (queue.rows.size() >= insert_batch_rows()) flush_inserts();
  return id;
}

std::optional<Record> ImportWriter::find(const TableSpec& spec, const NaturalKey& key) {
  if (last_found_ && last_found_->table == spec.table && last_found_->key == key.text)
    return last_found_->record;
  Found found{std::string(spec.table), key.text, std::nullopt, {}};
  std::optional<Id> id;
  if (auto known = find_by_key(spec.table, key.text)) {
    id = known->first;
    found.by_key = true;
    found.key_version = known->second;
  }
  if (!id && !key.columns.empty()) id = find_by_columns(spec.table, key);
  if (id) found.record = load(spec, *id, &found.extras);
  found.stale_key = found.by_key && !found.record;
  last_found_ = std::move(found);
  return last_found_->record;
}

std::optional<std::int64_t> ImportWriter::imported_version(std::string_view table, Id id) {
  ImportedKeys& keys = imported_keys(table);
  if (keys.loaded) {
    auto key = keys.key_of.find(id);
    if (key == keys.key_of.end()) return std::nullopt;
    auto named = keys.by_key.find(key->second);
    if (named == keys.by_key.end()) return std::nullopt;
    return named->second.second;
  }
  flush_keys(true);
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
  ImportedKeys& keys = imported_keys_[std::string(table)];
  if (stale_key) {  // the row the key named was deleted in Raekoda: the key now names this one
    id = stored_id(id);
    flush_keys(true);
    Statement& clear = cached(
        "DELETE FROM import_keys WHERE table_name = ? AND natural_key = ? AND record_id <> ?");
    clear.bind_all(table, key, id);
    clear.run();
    if (auto named = keys.by_key.find(key);
        named != keys.by_key.end() && named->second.first != id) {
      keys.key_of.erase(named->second.first);
      keys.by_key.erase(named);
    }
  }
  if (keys.loaded) {
    if (auto old = keys.key_of.find(id); old != keys.key_of.end() && old->second != key) {
      if (auto named = keys.by_key.find(old->second);
          named != keys.by_key.end() && named->second.first == id)
        keys.by_key.erase(named);
    }
    keys.key_of[id] = key;
    keys.by_key[key] = {id, version};
  }
  queued_keys_.push_back({std::string(table), id, key, version});
  if (queued_keys_.size() >= 2 * batch_rows) flush_keys(false);
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
    Id id = queue_insert(spec.table, columns, incoming);
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
  std::vector<std::string>& known_extra = extra_columns_[std::string(spec.table)];
  for (const auto& [column, value] : incoming.values) {
    if (is_field(spec, column)) continue;
    extra.push_back(column);
    if (std::find(known_extra.begin(), known_extra.end(), column) == known_extra.end())
      known_extra.push_back(column);
  }
  if (changed.empty()) {
    // Written only where it differs, so that an unchanged row costs a read, not a write: the
    // extra columns read with the row tell; the database compares those not read.
    bool differs_here = std::any_of(extra.begin(), extra.end(), [&](const std::string& column) {
      auto read = found.extras.values.find(column);
      return read == found.extras.values.end() || read->second != incoming.value(column);
    });
    if (differs_here) {
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
      forget_column_keys(spec.table, extra);
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
  forget_column_keys(spec.table, written);
  for (const std::string& column : changed)
    audit("update", spec.table, current->id, column, current->value(column), merged.value(column));
  remember(spec.table, current->id, key.text, current->version + 1);
  ++counts_.updated;
  return RowOutcome::updated;
}

Id ImportWriter::commit() {
  flush();
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
  chain_.reset();
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
  AuditAppender chain(db);
  std::int64_t change_id = db.query_integer(
      "SELECT change_id FROM imports WHERE id = ? AND undone_at IS NULL", 0, import_id);
  if (change_id == 0) return result;
  std::int64_t undo_id = chain.next_change_id();

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
    for (std::size_t i = 0; i < entry.after.size(); ++i) {
      AuditRow row = chain.row_by(author);
      row.change_id = undo_id;
      row.action = "undo";
      row.table_name = entry.table;
      row.record_id = entry.id;
      row.field = entry.after[i].first;
      row.before_value = entry.after[i].second;
      if (!removed) row.after_value = entry.before[i].second;
      row.undoes_change_id = change_id;
      chain.append(std::move(row));
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
  chain.flush();
  transaction.commit();
  return result;
}

}  // namespace raekoda::db
