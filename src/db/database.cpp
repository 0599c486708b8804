#include "db/database.h"

#include <unistd.h>

#include <sqlite3.h>

#include "core/text.h"
#include "db/schema.h"

namespace raekoda::db {
namespace {

// How long a save waits for a colleague's write to finish before it reports the file busy.
constexpr int busy_timeout_ms = 5000;

ErrorKind kind_of(int code) {
  switch (code & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return ErrorKind::not_a_database;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ErrorKind::busy;
    case SQLITE_READONLY:
      return ErrorKind::read_only;
    case SQLITE_CONSTRAINT:
      return ErrorKind::constraint;
    case SQLITE_CANTOPEN:
      return ErrorKind::missing_file;
    default:
      return ErrorKind::other;
  }
}

[[noreturn]] void fail(sqlite3* db, int code) {
  std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  throw DatabaseError(kind_of(code), detail);
}

bool writable(const std::filesystem::path& file) {
  // The rollback journal is created next to the file, so the folder must be writable too.
  auto folder = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
  return ::access(file.c_str(), W_OK) == 0 && ::access(folder.c_str(), W_OK) == 0;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Statement

Statement::Statement(sqlite3* db, std::string_view sql) {
  int code = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &statement_, nullptr);
  if (code != SQLITE_OK) fail(db, code);
}

Statement::~Statement() {
  sqlite3_finalize(statement_);
}

Statement::Statement(Statement&& other) noexcept : statement_(other.statement_) {
  other.statement_ = nullptr;
}

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(statement_, index, value);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(statement_, index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()),
                    SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
  sqlite3_bind_null(statement_, index);
  return *this;
}

bool Statement::step() {
  int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  sqlite3* db = sqlite3_db_handle(statement_);
  sqlite3_reset(statement_);
  fail(db, code);
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(statement_, column);
}
double Statement::real(int column) const {
  return sqlite3_column_double(statement_, column);
}

std::string Statement::text(int column) const {
  auto* bytes = sqlite3_column_text(statement_, column);
  if (!bytes) return {};
  return std::string(reinterpret_cast<const char*>(bytes),
                     static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

std::optional<Date> Statement::date(int column) const {
  if (is_null(column)) return std::nullopt;
  return Date::parse_iso(text(column));
}

// ---------------------------------------------------------------------------------------------
// Database

Database::Database(sqlite3* db, std::filesystem::path path, bool read_only)
    : db_(db), path_(std::move(path)), read_only_(read_only) {}

Database::~Database() {
  sqlite3_close_v2(db_);
}

Database::Database(Database&& other) noexcept
    : db_(other.db_), path_(std::move(other.path_)), read_only_(other.read_only_) {
  other.db_ = nullptr;
}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(db_);
    db_ = other.db_;
    path_ = std::move(other.path_);
    read_only_ = other.read_only_;
    other.db_ = nullptr;
  }
  return *this;
}

Database Database::open(const std::filesystem::path& path, OpenMode mode) {
  std::error_code error;
  bool exists = std::filesystem::exists(path, error);
  if (!exists) {
    if (mode == OpenMode::existing) throw DatabaseError(ErrorKind::missing_file, path.string());
    auto folder = path.parent_path();
    if (!folder.empty() && !std::filesystem::is_directory(folder, error))
      throw DatabaseError(ErrorKind::missing_folder, folder.string());
  } else if (std::filesystem::is_directory(path, error)) {
    throw DatabaseError(ErrorKind::not_a_database, path.string());
  }

  bool read_only = exists && !writable(path);
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (!exists) flags |= SQLITE_OPEN_CREATE;
  sqlite3* handle = nullptr;
  int code = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  Database db(handle, path, read_only);
  if (code != SQLITE_OK) fail(handle, code);
  db.configure();
  db.check_and_migrate();
  return db;
}

Database Database::open_in_memory() {
  sqlite3* handle = nullptr;
  int code = sqlite3_open(":memory:", &handle);
  Database db(handle, ":memory:", false);
  if (code != SQLITE_OK) fail(handle, code);
  db.configure();
  db.check_and_migrate();
  return db;
}

// fold(text): lower case for Estonian and Russian letters, for searching (SQLite folds ASCII only).
static void fold_function(sqlite3_context* context, int, sqlite3_value** arguments) {
  if (sqlite3_value_type(arguments[0]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(arguments[0]));
  std::string folded = fold_case(
      std::string_view(text, static_cast<std::size_t>(sqlite3_value_bytes(arguments[0]))));
  sqlite3_result_text(context, folded.data(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
}

void Database::set_busy_timeout(int milliseconds) {
  sqlite3_busy_timeout(db_, milliseconds);
}

void Database::configure() {
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  sqlite3_create_function_v2(db_, "fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                             fold_function, nullptr, nullptr, nullptr);
  sqlite3_extended_result_codes(db_, 1);
  // Foreign keys are per connection in SQLite and off by default.
  exec("PRAGMA foreign_keys = ON");
}

void Database::check_and_migrate() {
  // Reading the header is the first real access: a file that is not SQLite fails here.
  std::int64_t application_id = query_integer("PRAGMA application_id", 0);
  int version = schema_version();
  if (application_id != raekoda_application_id) {
    bool blank = query_integer("SELECT count(*) FROM sqlite_schema", 0) == 0 && version == 0;
    if (!blank) throw DatabaseError(ErrorKind::foreign_database, path_.string());
  }
  if (version > latest_schema_version())
    throw DatabaseError(ErrorKind::newer_schema,
                        path_.string() + ": schema " + std::to_string(version));
  if (version == latest_schema_version()) return;
  if (read_only_)
    throw DatabaseError(ErrorKind::read_only, path_.string() + ": schema needs an upgrade");
  migrate(*this, version, latest_schema_version());
}

void Database::exec(std::string_view sql) {
  std::string text(sql);
  char* message = nullptr;
  int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (code != SQLITE_OK) {
    std::string detail = message ? message : sqlite3_errstr(code);
    sqlite3_free(message);
    throw DatabaseError(kind_of(code), detail);
  }
}

std::int64_t Database::last_insert_id() {
  return sqlite3_last_insert_rowid(db_);
}

int Database::schema_version() {
  return static_cast<int>(query_integer("PRAGMA user_version", 0));
}

std::int64_t Database::data_version() {
  return query_integer("PRAGMA data_version", 0);
}

bool Database::is_empty() {
  return query_integer(
             "SELECT NOT EXISTS (SELECT 1 FROM people) AND NOT EXISTS "
             "(SELECT 1 FROM media_items) AND NOT EXISTS (SELECT 1 FROM documents) AND "
             "NOT EXISTS (SELECT 1 FROM incidents) AND NOT EXISTS "
             "(SELECT 1 FROM comm_activities)",
             1) != 0;
}

// ---------------------------------------------------------------------------------------------
// Transaction

Transaction::Transaction(Database& db) : db_(db) {
  db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    db_.exec("ROLLBACK");
  } catch (const DatabaseError&) {
    // Rolling back cannot be reported from a destructor; SQLite undoes the work on close anyway.
  }
}

void Transaction::commit() {
  db_.exec("COMMIT");
  open_ = false;
}

}  // namespace raekoda::db
