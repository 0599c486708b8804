#pragma once
// The one connection to the shared database: an SQLite file, or a PostgreSQL server for a city
// that outgrew a file. Prepared statements only; every error carries a kind the application turns
// into a sentence in the user's language. The backends live in sqlite_connection.cpp and
// postgres_connection.cpp; nothing outside db/ knows which one runs.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/roles.h"
#include "db/connection.h"
#include "db/file_system.h"

struct sqlite3;

namespace raekoda::db {

enum class ErrorKind {
  missing_file,      // the file does not exist and was not to be created
  missing_folder,    // the folder to create it in does not exist
  not_a_database,    // the file is not SQLite at all, or is damaged
  foreign_database,  // an SQLite file of some other program
  newer_schema,      // written by a newer Raekoda
  unknown_schema,    // marks a schema version no Raekoda writes (below 0; 0 with tables)
  read_only,         // needs writing (a migration, an edit) but can only be read
  busy,              // another writer held the file longer than the busy timeout
  constraint,        // the data broke a rule of the schema
  not_empty,         // holds records already, where only an empty database will do
  connection,        // the server cannot be reached, or the connection dropped
  authentication,    // the server refused the user or the password
  permission,        // the user's database role may not do this
  password_given,    // a password was written into the connection string
  bad_address,       // the connection string cannot be read
  missing_database,  // the server has no database of that name
  no_schema_rights,  // an empty server database, and the user may not create the schema
  blank,             // holds no Raekoda schema yet, where one is to be read as it is
  older_schema,      // written by an older Raekoda, where it is to be read as it is
  role_read_only,    // the user's role on the server may only read; the detail is its key
  checking,          // a write waits for the file's check before the first save
  damaged,           // the file failed its check: never written; the detail is what failed
  not_checked,       // the file's check could not run: never written; the detail is why
  // Said when a file opens, not thrown: why it opened only to be read, as it was at the opening.
  wal_on_share,   // in WAL mode (or a -wal file beside it) on a network share
  wal_read_only,  // in WAL mode in a folder the user cannot write, its -wal or -shm missing
  other,
};

class DatabaseError : public std::runtime_error {
public:
  // `detail` is a path or a reason of ours, or SQLite's own English text when `sqlite_code`
  // (SQLite's extended result code) is not 0, or PostgreSQL's when `sqlstate` is not empty.
  DatabaseError(ErrorKind kind, const std::string& detail, int sqlite_code = 0,
                std::string sqlstate = {})
      : std::runtime_error(detail),
        kind_(kind),
        sqlite_code_(sqlite_code),
        sqlstate_(std::move(sqlstate)) {}
  ErrorKind kind() const { return kind_; }
  int sqlite_code() const { return sqlite_code_; }
  const std::string& sqlstate() const { return sqlstate_; }

private:
  ErrorKind kind_;
  int sqlite_code_;
  std::string sqlstate_;
};

class Statement {
public:
  explicit Statement(std::unique_ptr<Cursor> cursor) : cursor_(std::move(cursor)) {}

  // Parameters are numbered from 1, as in SQLite; `?NNN` names one, `?` the next.
  Statement& bind(int index, std::int64_t value) {
    cursor_->bind_integer(index, value);
    return *this;
  }
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value) {
    cursor_->bind_real(index, value);
    return *this;
  }
  Statement& bind(int index, std::string_view text) {
    cursor_->bind_text(index, text);
    return *this;
  }
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const std::string& text) {
    return bind(index, std::string_view(text));
  }
  Statement& bind(int index, Date date) { return bind(index, date.iso()); }
  Statement& bind(int index, std::nullopt_t) {
    cursor_->bind_null(index);
    return *this;
  }
  template <class T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind(index, std::nullopt);
  }
  template <class... Args>
  Statement& bind_all(const Args&... args) {
    int index = 0;
    (bind(++index, args), ...);
    return *this;
  }

  // Advances to the next row; false when there are no more.
  bool step() { return cursor_->step(); }
  // Runs a statement that returns no rows, then makes it ready for the next use.
  void run();
  void reset() { cursor_->reset(); }

  bool is_null(int column) const { return cursor_->is_null(column); }
  std::int64_t integer(int column) const { return cursor_->integer(column); }
  double real(int column) const { return cursor_->real(column); }
  std::string text(int column) const { return cursor_->text(column); }
  std::optional<Date> date(int column) const;

private:
  std::unique_ptr<Cursor> cursor_;
};

enum class OpenMode {
  existing,           // the file must exist
  create_if_missing,  // a missing file is created with the schema
  as_it_is,           // only read: it must hold the latest schema, nothing is created or upgraded
  reader,             // as_it_is, and the connection itself may not write (a figure reader's)
};

// Where a command's --db points: a file, or a server when it is a libpq connection URI
// (postgresql://, postgres://) or keyword string (host=... dbname=...).
bool names_server(std::string_view target);

class Database {
public:
  // Opens, checks and if needed upgrades the schema. Throws DatabaseError; a database that fails
  // a check is never written to. `target` is a file path or a server (names_server); a server's
  // database is never created, but an empty one gets the schema. `where` tells on which kind of
  // filesystem a file lies (a test's stand-in for a share).
  static Database open(const std::string& target, OpenMode mode,
                       FileSystemProbe where = file_system_kind);
  // A private in-memory database with the schema, for tests and benchmarks.
  static Database open_in_memory();

  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Backend backend() const { return connection_->backend(); }
  Statement prepare(std::string_view sql) { return Statement(connection_->prepare(sql)); }
  void exec(std::string_view sql) { connection_->exec(sql); }
  // The first column of the first row of a query, or `fallback` when it yields no row or NULL.
  template <class... Args>
  std::int64_t query_integer(std::string_view sql, std::int64_t fallback, const Args&... args) {
    Statement statement = prepare(sql);
    statement.bind_all(args...);
    if (!statement.step() || statement.is_null(0)) return fallback;
    return statement.integer(0);
  }

  // The id of the last row this connection inserted.
  std::int64_t last_insert_id() { return connection_->last_insert_id(); }
  bool read_only() const { return connection_->read_only(); }
  // Why a file opened read-only as it was at the opening (wal_on_share, wal_read_only), for the
  // notice line; nothing when it opened the usual way, and on a server.
  std::optional<DatabaseError> open_warning() const;
  // Makes a statement running on another thread fail at once (a reader that is to stop).
  void interrupt() { connection_->interrupt(); }
  // False while a server's connection is down; it is opened again by the next statement.
  bool connected() const { return connection_->connected(); }
  // How long a statement waits for a colleague's write to finish before it reports the database
  // busy; default_busy_timeout_ms unless set.
  void set_busy_timeout(int milliseconds) { connection_->set_busy_timeout(milliseconds); }
  int busy_timeout() const { return connection_->busy_timeout(); }
  static constexpr int default_busy_timeout_ms = 5000;
  // How often a write has given up waiting for a colleague's write, reads not counted: a caller
  // whose work catches its own errors can still tell that a write found the database busy.
  std::int64_t write_refusals() const { return connection_->write_refusals() + gate_refusals_; }
  // Whether writes may go ahead: the window holds them while it checks the file before its first
  // save (reading/file_checker.h), and refuses them for good once the file was found damaged.
  // A Transaction begun meanwhile throws `checking`, counted as a write refused, or the kind of
  // the refusal.
  enum class WriteGate { open, checking, damaged, not_checked };
  void set_write_gate(WriteGate gate, std::string why = {}) {
    gate_ = gate;
    gate_why_ = std::move(why);
  }
  WriteGate write_gate() const { return gate_; }
  int schema_version();
  // Changes whenever another connection commits: cheap to poll.
  std::int64_t data_version() { return connection_->data_version(); }
  // How often each table has changed (Connection::table_versions), and the tables colleagues'
  // commits named since the last call where the backend tells (a server), for a reader that
  // re-reads only what depends on them.
  TableVersions table_versions() { return connection_->table_versions(); }
  std::vector<std::string> take_heard_tables() { return connection_->take_heard_tables(); }
  // True when no table of the areas holds a row: the dashboard then offers demo data.
  bool is_empty();
  // What --db said: the file's path, or the server's connection string.
  const std::string& target() const { return target_; }
  // The file's path; empty for a server.
  std::filesystem::path path() const;
  // What the notice line calls the database: the file's name, or database@host for a server.
  std::string display_name() const;
  bool in_memory() const { return target_ == ":memory:"; }
  // True inside a transaction: what it wrote is seen by this connection alone until it commits.
  bool in_transaction() const { return connection_->in_transaction(); }
  // The SQLite connection, for what only SQLite has (functions of ours); nullptr on a server.
  sqlite3* sqlite_handle();
  // The columns of `table` the server withholds from the user's role (personal data); none on
  // a file. Read once per table and connection.
  const std::vector<std::string>& withheld_columns(const std::string& table);
  // The person at the keyboard: what the queries show them (db/visibility.h) and who the audit
  // log names. Everything, and nobody, until the application says who it is.
  void set_viewer(Viewer viewer) { viewer_ = std::move(viewer); }
  const Viewer& viewer() const { return viewer_; }
  // `expression` ordered as the user's language sorts text: SQLite's collation `ui`, or the
  // server's ICU collation for the language (its default order where it was built without ICU).
  std::string collated(std::string_view expression);

private:
  Database(std::unique_ptr<Connection> connection, std::string target);
  void check_and_migrate(OpenMode mode);

  std::unique_ptr<Connection> connection_;
  std::string target_;
  std::map<std::string, std::vector<std::string>, std::less<>> withheld_;
  std::map<std::string, std::string, std::less<>> server_collations_;  // by language code
  Viewer viewer_ = unrestricted_viewer();
  WriteGate gate_ = WriteGate::open;
  std::string gate_why_;
  std::int64_t gate_refusals_ = 0;
  friend class Transaction;
  friend class WriteWaitScope;
};

// Within the scope a write transaction waits at most `milliseconds` for a colleague's save, so
// that a window can try again from a later frame instead of freezing; reads wait as before.
class WriteWaitScope {
public:
  WriteWaitScope(Database& db, int milliseconds);
  ~WriteWaitScope();
  WriteWaitScope(const WriteWaitScope&) = delete;
  WriteWaitScope& operator=(const WriteWaitScope&) = delete;

private:
  Database& db_;
};

// A write transaction that rolls back unless committed. BEGIN IMMEDIATE takes SQLite's write
// lock at once, so a busy file is reported before any work is done. Within another transaction
// it is a savepoint: its work is undone alone, and kept only if the outer one commits (how the
// benchmark measures a save on a server without keeping it).
class Transaction {
public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

private:
  Database& db_;
  bool open_ = true;
  bool nested_ = false;
};

}  // namespace raekoda::db
