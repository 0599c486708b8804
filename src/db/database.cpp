#include "db/database.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include <sqlite3.h>

#include "core/text.h"
#include "db/schema.h"

namespace raekoda::db {
namespace {

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
  throw DatabaseError(kind_of(code), detail, code);
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

// Waiting for a colleague's write, as SQLite's own busy timeout does, but counting each time it
// gives up so that the application can tell a busy file from other errors it caught.
struct Database::BusyWait {
  sqlite3* connection = nullptr;
  int timeout_ms = default_busy_timeout_ms;
  std::optional<int> write_timeout_ms;  // a write's own, shorter wait (WriteWaitScope)
  bool beginning = false;               // BEGIN IMMEDIATE runs: outside a transaction, yet a write
  std::int64_t write_refusals = 0;
  std::chrono::steady_clock::time_point since;
};

namespace {

int wait_while_busy(void* data, int attempts) {
  auto* wait = static_cast<Database::BusyWait*>(data);
  auto now = std::chrono::steady_clock::now();
  if (attempts == 0) wait->since = now;
  auto waited = static_cast<int>(
      std::chrono::duration_cast<std::chrono::milliseconds>(now - wait->since).count());
  bool writing = wait->beginning || sqlite3_get_autocommit(wait->connection) == 0;
  int limit = writing ? wait->write_timeout_ms.value_or(wait->timeout_ms) : wait->timeout_ms;
  if (waited >= limit) {
    if (writing) ++wait->write_refusals;
    return 0;
  }
  // Short, growing sleeps: a colleague's commit usually takes milliseconds.
  int step = std::min({1 << std::min(attempts, 4), 25, limit - waited});
  std::this_thread::sleep_for(std::chrono::milliseconds(step));
  return 1;
}

}  // namespace

Database::Database(sqlite3* db, std::filesystem::path path, bool read_only)
    : db_(db), path_(std::move(path)), read_only_(read_only), busy_(std::make_unique<BusyWait>()) {}

Database::~Database() {
  sqlite3_close_v2(db_);
}

Database::Database(Database&& other) noexcept
    : db_(other.db_),
      path_(std::move(other.path_)),
      read_only_(other.read_only_),
      busy_(std::move(other.busy_)) {
  other.db_ = nullptr;
}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(db_);
    db_ = other.db_;
    path_ = std::move(other.path_);
    read_only_ = other.read_only_;
    busy_ = std::move(other.busy_);
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

// folded_contains(text, folded): 1 when `text` in lower case without diacritics (fold_letters)
// holds `folded`, which the caller folded once: SQLite's lower() folds ASCII only, and "zukov"
// should find "Žukov". The table's search runs it on every text of every row, so it folds into
// one buffer and returns no text: half the time of a fold(text) LIKE '%...%'.
static void folded_contains_function(sqlite3_context* context, int, sqlite3_value** arguments) {
  if (sqlite3_value_type(arguments[0]) == SQLITE_NULL) return sqlite3_result_int(context, 0);
  auto text_of = [](sqlite3_value* value) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
    return std::string_view(text, static_cast<std::size_t>(sqlite3_value_bytes(value)));
  };
  thread_local std::string buffer;
  sqlite3_result_int(context,
                     contains_folded(text_of(arguments[0]), text_of(arguments[1]), buffer) ? 1 : 0);
}

void Database::set_busy_timeout(int milliseconds) {
  busy_->timeout_ms = std::max(milliseconds, 0);
}

int Database::busy_timeout() const {
  return busy_->timeout_ms;
}

std::int64_t Database::write_refusals() const {
  return busy_->write_refusals;
}

void Database::configure() {
  busy_->connection = db_;
  sqlite3_busy_handler(db_, wait_while_busy, busy_.get());
  sqlite3_create_function_v2(db_, "folded_contains", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                             folded_contains_function, nullptr, nullptr, nullptr);
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
    throw DatabaseError(kind_of(code), detail, code);
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
  db_.busy_->beginning = true;
  try {
    db_.exec("BEGIN IMMEDIATE");
  } catch (const DatabaseError&) {
    db_.busy_->beginning = false;
    throw;
  }
  db_.busy_->beginning = false;
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    db_.exec("ROLLBACK");
  } catch (const DatabaseError&) {
    // Rolling back cannot be reported from a destructor; SQLite undoes the work on close anyway.
  }
}

WriteWaitScope::WriteWaitScope(Database& db, int milliseconds) : db_(db) {
  db_.busy_->write_timeout_ms = std::max(milliseconds, 0);
}

WriteWaitScope::~WriteWaitScope() {
  db_.busy_->write_timeout_ms.reset();
}

// ---------------------------------------------------------------------------------------------

void Transaction::commit() {
  db_.exec("COMMIT");
  open_ = false;
}

}  // namespace raekoda::db
