#include "db/database.h"

#include "core/i18n.h"
#include "db/integrity_check.h"
#include "db/postgres_connection.h"
#include "db/schema.h"
#include "db/sqlite_connection.h"

namespace raekoda::db {

void Statement::run() {
  while (step()) {
  }
  reset();
}

std::optional<Date> Statement::date(int column) const {
  if (is_null(column)) return std::nullopt;
  return Date::parse_iso(text(column));
}

bool names_server(std::string_view target) {
  if (target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0) return true;
  // A keyword string starts with one of libpq's keywords and '=': "host=... dbname=...".
  std::size_t equals = target.find('=');
  if (equals == std::string_view::npos) return false;
  std::string_view keyword = target.substr(0, equals);
  while (!keyword.empty() && keyword.back() == ' ') keyword.remove_suffix(1);
  return is_connection_keyword(keyword);
}

Database::Database(std::unique_ptr<Connection> connection, std::string target)
    : connection_(std::move(connection)), target_(std::move(target)) {}

Database::~Database() = default;
Database::Database(Database&& other) noexcept = default;
Database& Database::operator=(Database&& other) noexcept = default;

Database Database::open(const std::string& target, OpenMode mode, FileSystemProbe where) {
  if (names_server(target)) {
    Database db(open_postgres(target, mode == OpenMode::reader), target);
    db.check_and_migrate(mode);
    return db;
  }
  std::filesystem::path path = target;
  std::error_code error;
  bool exists = std::filesystem::exists(path, error);
  if (!exists) {
    if (mode != OpenMode::create_if_missing)
      throw DatabaseError(ErrorKind::missing_file, path.string());
    auto folder = path.parent_path();
    if (!folder.empty() && !std::filesystem::is_directory(folder, error))
      throw DatabaseError(ErrorKind::missing_folder, folder.string());
  } else if (std::filesystem::is_directory(path, error)) {
    throw DatabaseError(ErrorKind::not_a_database, path.string());
  }
  Database db(open_sqlite_file(path, !exists, mode == OpenMode::reader, where(path)), target);
  db.check_and_migrate(mode);
  return db;
}

Database Database::open_in_memory() {
  Database db(open_sqlite_memory(), ":memory:");
  db.check_and_migrate(OpenMode::create_if_missing);
  return db;
}

std::filesystem::path Database::path() const {
  if (backend() != Backend::sqlite) return {};
  return target_;
}

std::string Database::display_name() const {
  if (backend() == Backend::postgresql) return postgres_display_name(target_);
  return std::filesystem::path(target_).filename().string();
}

std::optional<DatabaseError> Database::open_warning() const {
  std::optional<ErrorKind> kind = sqlite_open_warning(*connection_);
  if (!kind) return std::nullopt;
  return DatabaseError(*kind, display_name());
}

sqlite3* Database::sqlite_handle() {
  return sqlite_handle_of(*connection_);
}

const std::vector<std::string>& Database::withheld_columns(const std::string& table) {
  auto known = withheld_.find(table);
  if (known != withheld_.end()) return known->second;
  std::vector<std::string> columns;
  if (backend() == Backend::postgresql) {
    Statement select = prepare(
        "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT "
        "attisdropped AND NOT has_column_privilege(attrelid, attnum, 'SELECT') ORDER BY attnum");
    select.bind(1, table);
    while (select.step()) columns.push_back(select.text(0));
  }
  return withheld_.emplace(table, std::move(columns)).first->second;
}

std::string Database::collated(std::string_view expression) {
  std::string text(expression);
  if (backend() == Backend::sqlite) return text + " COLLATE ui";
  std::string language(language_code(current_language()));
  auto known = server_collations_.find(language);
  if (known == server_collations_.end()) {
    // initdb copies ICU's locales into pg_collation as "et-x-icu", "ru-x-icu", "en-x-icu".
    Statement select = prepare(
        "SELECT collname FROM pg_collation WHERE collname = ? AND collprovider = 'i' LIMIT 1");
    select.bind(1, language + "-x-icu");
    known = server_collations_.emplace(language, select.step() ? select.text(0) : "").first;
  }
  if (known->second.empty()) return text;
  return text + " COLLATE \"" + known->second + "\"";
}

void Database::check_and_migrate(OpenMode mode) {
  // Reading the schema's mark is the first real access: a file that is not SQLite fails here.
  if (!holds_raekoda_schema(*this)) throw DatabaseError(ErrorKind::foreign_database, target_);
  int version = schema_version();
  // A version below 0, or none on a file that holds tables, was set behind Raekoda's back:
  // migrating it would run migrations over tables that are there already, or none at all.
  if (version < 0 || (version == 0 && !holds_no_tables(*this)))
    throw DatabaseError(ErrorKind::unknown_schema,
                        display_name() + ": schema " + std::to_string(version));
  if (version > latest_schema_version())
    throw DatabaseError(ErrorKind::newer_schema, target_ + ": schema " + std::to_string(version));
  if (version == latest_schema_version()) return;
  if (mode == OpenMode::as_it_is || mode == OpenMode::reader)
    throw DatabaseError(version == 0 ? ErrorKind::blank : ErrorKind::older_schema, display_name());
  // An empty file becomes a database only where one was asked to be made (the dashboard,
  // demo-data): a command that reads or adds to one says it is empty instead.
  if (version == 0 && mode == OpenMode::existing && backend() == Backend::sqlite)
    throw DatabaseError(ErrorKind::blank, display_name());
  if (read_only() && version == 0 && backend() == Backend::postgresql)
    throw DatabaseError(ErrorKind::no_schema_rights, display_name());
  if (read_only()) throw DatabaseError(ErrorKind::read_only, target_ + ": schema needs an upgrade");
  // An upgrade writes into every table it touches: a damaged file is refused before it.
  if (version > 0) {
    IntegrityResult check = check_integrity(*this);
    if (!check.whole) throw damage_of(check);
  }
  migrate(*this, version, latest_schema_version());
}

int Database::schema_version() {
  return stored_schema_version(*this);
}

bool Database::is_empty() {
  return query_integer(
             "SELECT CASE WHEN EXISTS (SELECT 1 FROM people) OR EXISTS "
             "(SELECT 1 FROM media_items) OR EXISTS (SELECT 1 FROM documents) OR "
             "EXISTS (SELECT 1 FROM incidents) OR EXISTS (SELECT 1 FROM comm_activities) "
             "THEN 0 ELSE 1 END",
             1) != 0;
}

// ---------------------------------------------------------------------------------------------

Transaction::Transaction(Database& db) : db_(db) {
  nested_ = db_.connection_->in_transaction();
  switch (nested_ ? Database::WriteGate::open : db_.gate_) {
    case Database::WriteGate::open:
      break;
    case Database::WriteGate::checking:
      ++db_.gate_refusals_;  // a wait, as for a colleague's save: tried again after the check
      throw DatabaseError(ErrorKind::checking, db_.display_name());
    case Database::WriteGate::damaged:
      throw DatabaseError(ErrorKind::damaged, db_.gate_why_);
    case Database::WriteGate::not_checked:
      throw DatabaseError(ErrorKind::not_checked, db_.gate_why_);
  }
  if (nested_)
    db_.exec("SAVEPOINT raekoda_transaction");
  else
    db_.connection_->begin_write();
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    db_.exec(nested_ ? "ROLLBACK TO raekoda_transaction; RELEASE raekoda_transaction" : "ROLLBACK");
  } catch (const DatabaseError&) {
    // Rolling back cannot be reported from a destructor; the backend undoes the work on close.
  }
}

void Transaction::commit() {
  db_.exec(nested_ ? "RELEASE raekoda_transaction" : "COMMIT");
  open_ = false;
}

WriteWaitScope::WriteWaitScope(Database& db, int milliseconds) : db_(db) {
  db_.connection_->set_write_wait(std::max(milliseconds, 0));
}

WriteWaitScope::~WriteWaitScope() {
  db_.connection_->set_write_wait(std::nullopt);
}

}  // namespace raekoda::db
