#include "db/sqlite_connection.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>

#include <sqlite3.h>

#include "db/database.h"
#include "db/sqlite_functions.h"

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
  throw_sqlite_error(db, code);
}

std::filesystem::path folder_of(const std::filesystem::path& file) {
  return file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
}

bool writable(const std::filesystem::path& file) {
  // The rollback journal is created next to the file, so the folder must be writable too.
  return ::access(file.c_str(), W_OK) == 0 && ::access(folder_of(file).c_str(), W_OK) == 0;
}

bool readable(const std::filesystem::path& file) {
  return ::access(file.c_str(), R_OK) == 0;
}

std::filesystem::path beside(const std::filesystem::path& file, const char* suffix) {
  return std::filesystem::path(file.string() + suffix);
}

// SQLite keeps a file's -wal and -shm beside the file its symbolic links lead to.
std::filesystem::path resolved(const std::filesystem::path& file) {
  std::error_code error;
  std::filesystem::path real = std::filesystem::canonical(file, error);
  return error ? file : real;
}

// The header of an SQLite file in WAL mode has 2 as its read version (byte 19).
bool header_says_wal(const std::filesystem::path& file) {
  char header[20] = {};
  std::ifstream in(file, std::ios::binary);
  if (!in.read(header, sizeof header)) return false;
  return std::memcmp(header, "SQLite format 3", 16) == 0 && header[19] == 2;
}

// Whether `file` opens as it is at the opening, read-only, and why: WAL's index of its log is
// memory shared by the programs that have the file open. On a share that memory is not shared
// between computers, and a reader's own marks in the -shm could mislead a colleague's writer;
// opened immutable, nothing is read from or written to the -wal and -shm, and no lock is taken.
// In a folder the user cannot write, SQLite 3.40 reads a WAL file only through a -wal and -shm
// that are there and readable, since it cannot create them; without them, immutable is the only
// open there is. Either way the log's latest commits, and every later one, go unseen.
std::optional<ErrorKind> wal_warning(const std::filesystem::path& path, FileSystemKind where) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return std::nullopt;
  std::filesystem::path file = resolved(path);
  std::filesystem::path wal = beside(file, "-wal");
  // SQLite reads a file with a -wal beside it in WAL mode, whatever its header says.
  if (!header_says_wal(file) && !std::filesystem::exists(wal, error)) return std::nullopt;
  if (is_network(where)) return ErrorKind::wal_on_share;
  if (::access(folder_of(file).c_str(), W_OK) == 0) return std::nullopt;
  if (readable(wal) && readable(beside(file, "-shm"))) return std::nullopt;
  return ErrorKind::wal_read_only;
}

// A URI that opens `file` without locks, the -wal or the -shm (SQLite's `immutable`).
std::string immutable_uri(const std::filesystem::path& file) {
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(file, error);
  if (error) absolute = file;
  // SQLite takes %HH in a URI's path as that byte: every other byte is written so, so that no
  // '?', '#' or '%' in a folder's name ends or changes the path.
  std::string uri = absolute.is_absolute() ? "file://" : "file:";
  for (unsigned char c : absolute.string()) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 std::strchr("/-._~", c) != nullptr;
    if (plain) {
      uri += static_cast<char>(c);
    } else {
      static constexpr char hex[] = "0123456789ABCDEF";
      uri += '%';
      uri += hex[c >> 4];
      uri += hex[c & 15];
    }
  }
  return uri + "?immutable=1";
}

class SqliteCursor final : public Cursor {
public:
  SqliteCursor(sqlite3* db, std::string_view sql) {
    int code =
        sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &statement_, nullptr);
    if (code != SQLITE_OK) fail(db, code);
  }
  ~SqliteCursor() override { sqlite3_finalize(statement_); }
  SqliteCursor(const SqliteCursor&) = delete;
  SqliteCursor& operator=(const SqliteCursor&) = delete;

  void bind_integer(int index, std::int64_t value) override {
    sqlite3_bind_int64(statement_, index, value);
  }
  void bind_real(int index, double value) override {
    sqlite3_bind_double(statement_, index, value);
  }
  void bind_text(int index, std::string_view text) override {
    sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
  }
  void bind_null(int index) override { sqlite3_bind_null(statement_, index); }

  bool step() override {
    int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    sqlite3* db = sqlite3_db_handle(statement_);
    sqlite3_reset(statement_);
    fail(db, code);
  }
  void reset() override {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }

  bool is_null(int column) const override {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
  }
  std::int64_t integer(int column) const override {
    return sqlite3_column_int64(statement_, column);
  }
  double real(int column) const override { return sqlite3_column_double(statement_, column); }
  std::string text(int column) const override {
    auto* bytes = sqlite3_column_text(statement_, column);
    if (!bytes) return {};
    return std::string(reinterpret_cast<const char*>(bytes),
                       static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
  }

private:
  sqlite3_stmt* statement_ = nullptr;
};

// Waiting for a colleague's write, as SQLite's own busy timeout does, but counting each time it
// gives up so that the application can tell a busy file from other errors it caught.
struct BusyWait {
  sqlite3* connection = nullptr;
  int timeout_ms = Database::default_busy_timeout_ms;
  std::optional<int> write_timeout_ms;  // a write's own, shorter wait (WriteWaitScope)
  bool beginning = false;               // BEGIN IMMEDIATE runs: outside a transaction, yet a write
  std::int64_t write_refusals = 0;
  std::chrono::steady_clock::time_point since;
};

int wait_while_busy(void* data, int attempts) {
  auto* wait = static_cast<BusyWait*>(data);
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

class SqliteConnection final : public Connection {
public:
  SqliteConnection(sqlite3* db, bool read_only, std::optional<ErrorKind> warning)
      : db_(db), read_only_(read_only), warning_(warning) {}
  ~SqliteConnection() override { sqlite3_close_v2(db_); }
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  void configure() {
    busy_.connection = db_;
    sqlite3_busy_handler(db_, wait_while_busy, &busy_);
    register_sql_functions(db_);
    sqlite3_extended_result_codes(db_, 1);
    // Foreign keys are per connection in SQLite and off by default.
    exec("PRAGMA foreign_keys = ON");
  }

  Backend backend() const override { return Backend::sqlite; }
  std::unique_ptr<Cursor> prepare(std::string_view sql) override {
    return std::make_unique<SqliteCursor>(db_, sql);
  }
  void exec(std::string_view sql) override {
    std::string text(sql);
    char* message = nullptr;
    int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
    if (code != SQLITE_OK) {
      std::string detail = message ? message : sqlite3_errstr(code);
      sqlite3_free(message);
      throw DatabaseError(kind_of(code), detail, code);
    }
  }
  std::int64_t last_insert_id() override { return sqlite3_last_insert_rowid(db_); }
  std::int64_t data_version() override {
    // Asked by the window between frames. A colleague's commit in progress holds the file for a
    // moment; the answer then is the last one, never a wait: the commit is seen at the next ask.
    int timeout = busy_.timeout_ms;
    busy_.timeout_ms = 0;
    try {
      SqliteCursor version(db_, "PRAGMA data_version");
      if (version.step()) data_version_ = version.integer(0);
    } catch (const DatabaseError& error) {
      busy_.timeout_ms = timeout;
      if (error.kind() != ErrorKind::busy) throw;
    }
    busy_.timeout_ms = timeout;
    return data_version_;
  }
  void interrupt() override { sqlite3_interrupt(db_); }
  TableVersions table_versions() override {
    TableVersions versions;
    SqliteCursor select(db_, "SELECT name, version FROM table_versions");
    while (select.step()) versions.emplace(select.text(0), select.integer(1));
    // A table dropped or altered by another program fires no trigger: the schema's own counter
    // makes every part stale then.
    SqliteCursor schema(db_, "PRAGMA schema_version");
    if (schema.step()) versions[""] = schema.integer(0);
    return versions;
  }
  void begin_write() override {
    busy_.beginning = true;
    try {
      exec("BEGIN IMMEDIATE");
    } catch (const DatabaseError&) {
      busy_.beginning = false;
      throw;
    }
    busy_.beginning = false;
  }
  bool connected() const override { return true; }
  bool in_transaction() const override { return sqlite3_get_autocommit(db_) == 0; }
  bool read_only() const override { return read_only_; }

  void set_busy_timeout(int milliseconds) override { busy_.timeout_ms = std::max(milliseconds, 0); }
  int busy_timeout() const override { return busy_.timeout_ms; }
  void set_write_wait(std::optional<int> milliseconds) override {
    busy_.write_timeout_ms = milliseconds;
  }
  std::int64_t write_refusals() const override { return busy_.write_refusals; }

  sqlite3* handle() { return db_; }
  std::optional<ErrorKind> warning() const { return warning_; }

private:
  sqlite3* db_ = nullptr;
  bool read_only_ = false;
  std::optional<ErrorKind> warning_;
  BusyWait busy_;
  std::int64_t data_version_ = 0;
};

std::unique_ptr<Connection> open(const char* name, int flags, bool read_only,
                                 std::optional<ErrorKind> warning = std::nullopt) {
  sqlite3* handle = nullptr;
  int code = sqlite3_open_v2(name, &handle, flags, nullptr);
  auto connection = std::make_unique<SqliteConnection>(handle, read_only, warning);
  if (code != SQLITE_OK) fail(handle, code);
  connection->configure();
  return connection;
}

}  // namespace

std::unique_ptr<Connection> open_sqlite_file(const std::filesystem::path& path, bool create,
                                             bool read_only) {
  return open_sqlite_file(path, create, read_only, file_system_kind(path));
}

std::unique_ptr<Connection> open_sqlite_file(const std::filesystem::path& path, bool create,
                                             bool read_only, FileSystemKind where) {
  read_only = read_only || (!create && !writable(path));
  std::optional<ErrorKind> warning = wal_warning(path, where);
  // Each connection is used by one thread (the window's, or the figure reader's): SQLite's own
  // locking of every call would be paid for nothing.
  int flags = SQLITE_OPEN_NOMUTEX;
  if (warning)
    return open(immutable_uri(path).c_str(), flags | SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, true,
                warning);
  flags |= read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (create) flags |= SQLITE_OPEN_CREATE;
  return open(path.c_str(), flags, read_only);
}

std::optional<ErrorKind> sqlite_open_warning(const Connection& connection) {
  const auto* sqlite = dynamic_cast<const SqliteConnection*>(&connection);
  return sqlite ? sqlite->warning() : std::nullopt;
}

std::unique_ptr<Connection> open_sqlite_memory() {
  return open(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY, false);
}

void throw_sqlite_error(sqlite3* db, int code) {
  std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  throw DatabaseError(kind_of(code), detail, code);
}

sqlite3* sqlite_handle_of(Connection& connection) {
  auto* sqlite = dynamic_cast<SqliteConnection*>(&connection);
  return sqlite ? sqlite->handle() : nullptr;
}

}  // namespace raekoda::db
