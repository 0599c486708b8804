#pragma once
// The one connection to the shared SQLite file. Prepared statements only; every error carries a
// kind the application turns into a sentence in the user's language.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/date.h"

struct sqlite3;
struct sqlite3_stmt;

namespace raekoda::db {

enum class ErrorKind {
  missing_file,      // the file does not exist and was not to be created
  missing_folder,    // the folder to create it in does not exist
  not_a_database,    // the file is not SQLite at all, or is damaged
  foreign_database,  // an SQLite file of some other program
  newer_schema,      // written by a newer Raekoda
  read_only,         // needs writing (a migration, an edit) but can only be read
  busy,              // another writer held the file longer than the busy timeout
  constraint,        // the data broke a rule of the schema
  not_empty,         // holds records already, where only an empty database will do
  other,
};

class DatabaseError : public std::runtime_error {
public:
  // `detail` is a path or a reason of ours, or SQLite's own English text when `sqlite_code`
  // (SQLite's extended result code) is not 0.
  DatabaseError(ErrorKind kind, const std::string& detail, int sqlite_code = 0)
      : std::runtime_error(detail), kind_(kind), sqlite_code_(sqlite_code) {}
  ErrorKind kind() const { return kind_; }
  int sqlite_code() const { return sqlite_code_; }

private:
  ErrorKind kind_;
  int sqlite_code_;
};

class Statement {
public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;

  // Parameters are numbered from 1, as in SQLite.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const std::string& text) {
    return bind(index, std::string_view(text));
  }
  Statement& bind(int index, Date date) { return bind(index, date.iso()); }
  Statement& bind(int index, std::nullopt_t);
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
  bool step();
  // Runs a statement that returns no rows, then makes it ready for the next use.
  void run();
  void reset();

  bool is_null(int column) const;
  std::int64_t integer(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  std::optional<Date> date(int column) const;

private:
  sqlite3_stmt* statement_ = nullptr;
};

enum class OpenMode {
  existing,           // the file must exist
  create_if_missing,  // a missing file is created with the schema
};

class Database {
public:
  // Opens, checks and if needed upgrades the schema. Throws DatabaseError; a file that fails a
  // check is never written to.
  static Database open(const std::filesystem::path& path, OpenMode mode);
  // A private in-memory database with the schema, for tests and benchmarks.
  static Database open_in_memory();

  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Statement prepare(std::string_view sql) { return Statement(db_, sql); }
  void exec(std::string_view sql);
  // The first column of the first row of a query, or `fallback` when it yields no row or NULL.
  template <class... Args>
  std::int64_t query_integer(std::string_view sql, std::int64_t fallback, const Args&... args) {
    Statement statement = prepare(sql);
    statement.bind_all(args...);
    if (!statement.step() || statement.is_null(0)) return fallback;
    return statement.integer(0);
  }

  // The row id of the last row this connection inserted.
  std::int64_t last_insert_id();
  bool read_only() const { return read_only_; }
  // How long a statement waits for a colleague's write to finish before it reports the file
  // busy; default_busy_timeout_ms unless set.
  void set_busy_timeout(int milliseconds);
  int busy_timeout() const;
  static constexpr int default_busy_timeout_ms = 5000;
  // How often a write has given up waiting for a colleague's write, reads not counted: a caller
  // whose work catches its own errors can still tell that a write found the file busy.
  std::int64_t write_refusals() const;
  struct BusyWait;
  int schema_version();
  // Changes whenever another connection commits to the file: cheap to poll.
  std::int64_t data_version();
  // True when no table of the areas holds a row: the dashboard then offers demo data.
  bool is_empty();
  const std::filesystem::path& path() const { return path_; }
  sqlite3* handle() { return db_; }

private:
  Database(sqlite3* db, std::filesystem::path path, bool read_only);
  void configure();
  void check_and_migrate();

  sqlite3* db_ = nullptr;
  std::filesystem::path path_;
  bool read_only_ = false;
  std::unique_ptr<BusyWait> busy_;  // apart, so that SQLite's pointer to it outlives a move
  friend class Transaction;         // its BEGIN IMMEDIATE waits as a write
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

// A write transaction that rolls back unless committed. BEGIN IMMEDIATE takes the write lock at
// once, so a busy file is reported before any work is done.
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
};

}  // namespace raekoda::db
