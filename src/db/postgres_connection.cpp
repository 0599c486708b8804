#include "db/postgres_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "db/database.h"

namespace raekoda::db {
namespace {

// Type ids from PostgreSQL's pg_type catalogue.
constexpr Oid bool_oid = 16;
constexpr Oid timestamp_oid = 1114;
constexpr Oid timestamptz_oid = 1184;

ErrorKind kind_of(std::string_view state) {
  if (state.size() != 5) return ErrorKind::connection;
  std::string_view group = state.substr(0, 2);
  if (group == "23" || group == "22") return ErrorKind::constraint;
  if (state == "57014") return ErrorKind::other;  // a statement cancelled, the connection kept
  if (group == "08" || group == "57") return ErrorKind::connection;
  if (group == "28") return ErrorKind::authentication;
  if (state == "40001" || state == "40P01" || state == "55P03") return ErrorKind::busy;
  if (state == "25006") return ErrorKind::read_only;
  if (state == "42501") return ErrorKind::permission;
  return ErrorKind::other;
}

std::string trimmed(const char* message) {
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

// "%70assword" is "password" to libpq, which decodes a URI before it reads it.
std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    int high = 0;
    int low = 0;
    auto hex = [](char c, int& value) {
      if (c >= '0' && c <= '9')
        value = c - '0';
      else if (c >= 'a' && c <= 'f')
        value = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F')
        value = c - 'A' + 10;
      else
        return false;
      return true;
    };
    if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1], high) && hex(text[i + 2], low)) {
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// user:password@ in a URI, or a password keyword, read the way libpq would read them.
bool looks_like_password(std::string_view written) {
  std::string conninfo = percent_decoded(written);
  if (conninfo.find("password=") != std::string::npos) return true;
  std::size_t scheme = conninfo.find("://");
  if (scheme == std::string::npos) return false;
  std::string_view rest = std::string_view(conninfo).substr(scheme + 3);
  std::size_t at = rest.find('@');
  std::size_t slash = rest.find('/');
  if (at == std::string_view::npos || (slash != std::string_view::npos && slash < at)) return false;
  return rest.substr(0, at).find(':') != std::string_view::npos;
}

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

// "documents.reg_number" for the columns a broken constraint names, as SQLite's messages name
// them, so that the user is told the field in her own words; the server's text where it names
// none (a CHECK over several columns).
std::string constrained_columns(const PGresult* result, const std::string& fallback) {
  const char* table = PQresultErrorField(result, PG_DIAG_TABLE_NAME);
  if (!table) return fallback;
  std::string columns;
  if (const char* column = PQresultErrorField(result, PG_DIAG_COLUMN_NAME)) {
    columns = column;
  } else if (const char* detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL)) {
    // "Key (reg_number)=(7-1/1) already exists."
    std::string_view text = detail;
    std::size_t open = text.find("Key (");
    std::size_t close = text.find(")=");
    if (open == std::string_view::npos || close == std::string_view::npos) return fallback;
    columns = std::string(text.substr(open + 5, close - open - 5));
  } else {
    return fallback;
  }
  std::string named;
  std::size_t start = 0;
  while (start <= columns.size()) {
    std::size_t end = columns.find(", ", start);
    named += (named.empty() ? "" : ", ") + std::string(table) + "." +
             columns.substr(start, end == std::string::npos ? end : end - start);
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return named;
}

class PostgresConnection;

class PostgresCursor final : public Cursor {
public:
  PostgresCursor(PostgresConnection& connection, std::string_view sql);
  ~PostgresCursor() override;
  PostgresCursor(const PostgresCursor&) = delete;
  PostgresCursor& operator=(const PostgresCursor&) = delete;

  void bind_integer(int index, std::int64_t value) override { slot(index) = std::to_string(value); }
  void bind_real(int index, double value) override {
    char buffer[32];
    auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    slot(index) = std::string(buffer, end);
  }
  void bind_text(int index, std::string_view text) override { slot(index) = std::string(text); }
  void bind_null(int index) override { slot(index).reset(); }

  bool step() override;
  void reset() override {
    result_.reset();
    row_ = -1;
    for (auto& value : values_) value.reset();
  }

  bool is_null(int column) const override { return PQgetisnull(result_.get(), row_, column) != 0; }
  std::int64_t integer(int column) const override {
    const char* value = PQgetvalue(result_.get(), row_, column);
    if (PQftype(result_.get(), column) == bool_oid) return value[0] == 't' ? 1 : 0;
    return std::strtoll(value, nullptr, 10);
  }
  double real(int column) const override {
    return std::strtod(PQgetvalue(result_.get(), row_, column), nullptr);
  }
  std::string text(int column) const override {
    std::string value(PQgetvalue(result_.get(), row_, column),
                      static_cast<std::size_t>(PQgetlength(result_.get(), row_, column)));
    // Moments are kept to the minute, as on SQLite: PostgreSQL's ":00" seconds are dropped,
    // and only a stamp that has seconds (the audit log's) keeps them.
    Oid type = PQftype(result_.get(), column);
    if ((type == timestamp_oid || type == timestamptz_oid) && value.size() == 19 &&
        value.compare(16, 3, ":00") == 0)
      value.resize(16);
    return value;
  }

private:
  std::optional<std::string>& slot(int index) {
    if (index < 1 || index > static_cast<int>(values_.size()))
      throw DatabaseError(ErrorKind::other, "parameter " + std::to_string(index) + " of " + sql_);
    return values_[static_cast<std::size_t>(index - 1)];
  }

  PostgresConnection& connection_;
  std::string sql_;
  std::vector<std::optional<std::string>> values_;
  std::string name_;  // once prepared on the server, for a statement run more than once
  std::uint64_t prepared_on_ = 0;
  int runs_ = 0;
  Result result_;
  int row_ = -1;
};

class PostgresConnection final : public Connection {
public:
  explicit PostgresConnection(PGconn* connection) : connection_(connection) {}
  ~PostgresConnection() override { PQfinish(connection_); }
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  void configure() {
    PQsetClientEncoding(connection_, "UTF8");
    exec(
        "SET DateStyle = ISO, YMD; SET IntervalStyle = postgres; SET client_min_messages = "
        "warning; LISTEN raekoda");
    // Read-only: a standby, or a role that may not add to the audit log, as every save does.
    read_only_ =
        single_text(
            "SELECT CASE WHEN current_setting('transaction_read_only') = 'on' THEN 'on' "
            "WHEN to_regclass('audit_log') IS NULL THEN CASE WHEN "
            "has_schema_privilege(current_schema(), 'CREATE') THEN 'off' ELSE 'on' END "
            "WHEN has_table_privilege('audit_log', 'INSERT') THEN 'off' ELSE 'on' END") == "on";
  }

  Backend backend() const override { return Backend::postgresql; }
  std::unique_ptr<Cursor> prepare(std::string_view sql) override {
    return std::make_unique<PostgresCursor>(*this, sql);
  }
  void exec(std::string_view sql) override {
    // A ROLLBACK ends what a dropped connection took with it; nothing else may pretend it can
    // go on (reconnect_if_dropped).
    bool rolling_back = sql == "ROLLBACK";
    reconnect_if_dropped(rolling_back);
    Result result = check(Result(PQexec(connection_, std::string(sql).c_str())));
    // A COMMIT of a transaction that failed is answered "ROLLBACK", not an error.
    if (sql == "COMMIT" && std::string_view(PQcmdStatus(result.get())) == "ROLLBACK")
      throw DatabaseError(ErrorKind::other, "the transaction had failed and was rolled back");
  }
  std::int64_t last_insert_id() override {
    return std::strtoll(single_text("SELECT lastval()").c_str(), nullptr, 10);
  }
  std::int64_t data_version() override {
    // A connection found dropped counts as a change, so that the window reads again and says
    // what happened.
    if (!hear_notices()) return ++data_version_;
    return data_version_;
  }
  void interrupt() override {
    if (PGcancel* cancel = PQgetCancel(connection_)) {
      char reason[256];
      PQcancel(cancel, reason, sizeof reason);
      PQfreeCancel(cancel);
    }
  }
  TableVersions table_versions() override {
    hear_notices();
    TableVersions versions = heard_;
    versions[""] = static_cast<std::int64_t>(generation_);
    return versions;
  }
  std::vector<std::string> take_heard_tables() override {
    std::vector<std::string> tables(heard_from_others_.begin(), heard_from_others_.end());
    heard_from_others_.clear();
    return tables;
  }
  void begin_write() override {
    // A save while the server is away waits for it as for a colleague's save: the window tries
    // again from later frames, and the editor keeps the edit meanwhile.
    try {
      exec("BEGIN");
    } catch (const DatabaseError& error) {
      if (error.kind() == ErrorKind::connection) ++write_refusals_;
      throw;
    }
    exec("SET LOCAL lock_timeout = " +
         std::to_string(std::max(write_wait_ms_.value_or(busy_timeout_ms_), 1)));
  }
  bool connected() const override { return PQstatus(connection_) == CONNECTION_OK; }
  bool in_transaction() const override {
    // A dropped connection's status is "unknown": no transaction survives it.
    PGTransactionStatusType status = PQtransactionStatus(connection_);
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
  }
  bool read_only() const override { return read_only_; }

  void set_busy_timeout(int milliseconds) override { busy_timeout_ms_ = std::max(milliseconds, 0); }
  int busy_timeout() const override { return busy_timeout_ms_; }
  void set_write_wait(std::optional<int> milliseconds) override { write_wait_ms_ = milliseconds; }
  std::int64_t write_refusals() const override { return write_refusals_; }

  PGconn* handle() { return connection_; }
  // Counts reconnections: a statement prepared before one must be prepared again.
  std::uint64_t generation() const { return generation_; }
  std::string next_statement_name() { return "raekoda_" + std::to_string(++statements_); }

  // A dropped connection (a server restart, the network) is opened again before the next
  // statement, outside a transaction only: work begun on the old one is gone with it, so inside
  // one every statement fails until the ROLLBACK that ends it. Attempts are a few seconds
  // apart, so that a server that does not answer costs the window one wait, not one a second.
  void reconnect_if_dropped(bool rolling_back = false) {
    if (PQstatus(connection_) == CONNECTION_OK) return;
    if (in_block_ && !rolling_back)
      throw DatabaseError(ErrorKind::connection, "the connection dropped during a transaction", 0,
                          "08006");
    in_block_ = false;
    auto now = std::chrono::steady_clock::now();
    if (last_attempt_ && now - *last_attempt_ < std::chrono::seconds(3))
      throw DatabaseError(ErrorKind::connection, last_failure_, 0, "08006");
    last_attempt_ = now;
    PQreset(connection_);
    if (PQstatus(connection_) != CONNECTION_OK) {
      last_failure_ = first_line(trimmed(PQerrorMessage(connection_)));
      throw DatabaseError(ErrorKind::connection, last_failure_, 0, "08006");
    }
    last_attempt_.reset();
    ++generation_;
    ++data_version_;                 // what colleagues saved meanwhile was not heard
    pending_deallocations_.clear();  // a new session has none of the old statements
    configure();
  }

  // Reads what has arrived on the socket without waiting: no query, no round trip. Each commit's
  // trigger names its table (schema_postgres.cpp). False when the connection is down.
  bool hear_notices() {
    if (PQstatus(connection_) != CONNECTION_OK || PQconsumeInput(connection_) == 0) return false;
    int own = PQbackendPID(connection_);
    while (PGnotify* notice = PQnotifies(connection_)) {
      std::string table = notice->extra ? notice->extra : "";
      ++heard_[table];
      if (notice->be_pid != own) {
        ++data_version_;
        heard_from_others_.insert(table);
      }
      PQfreemem(notice);
    }
    return true;
  }

  // A statement prepared on the server is forgotten there when the connection is idle; inside
  // a transaction a failure of its own would end the transaction.
  void forget_statement(std::string name) {
    pending_deallocations_.push_back(std::move(name));
    if (PQstatus(connection_) != CONNECTION_OK || in_block_) return;
    std::string sql;
    for (const std::string& pending : pending_deallocations_) sql += "DEALLOCATE " + pending + ";";
    pending_deallocations_.clear();
    PQclear(PQexec(connection_, sql.c_str()));
  }

  // Throws for a failed result, with the kind its SQLSTATE says.
  Result check(Result result) {
    // Whether a transaction is open, as far as the server last said: a dropped connection's
    // status is "unknown" and leaves it as it was.
    PGTransactionStatusType block = PQtransactionStatus(connection_);
    if (block == PQTRANS_IDLE) in_block_ = false;
    if (block == PQTRANS_INTRANS || block == PQTRANS_INERROR) in_block_ = true;
    ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    // A text with no statement in it runs nothing, as on SQLite.
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN ||
        status == PGRES_EMPTY_QUERY)
      return result;
    const char* state = result ? PQresultErrorField(result.get(), PG_DIAG_SQLSTATE) : nullptr;
    std::string code = state ? state : (PQstatus(connection_) == CONNECTION_OK ? "" : "08006");
    // The server's own sentence, without its "ERROR:" and the lines of detail after it.
    const char* primary =
        result ? PQresultErrorField(result.get(), PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string detail =
        primary ? std::string(primary) : first_line(trimmed(PQerrorMessage(connection_)));
    ErrorKind kind = code.empty() ? ErrorKind::other : kind_of(code);
    if (result && code.rfind("23", 0) == 0) detail = constrained_columns(result.get(), detail);
    if (kind == ErrorKind::busy && PQtransactionStatus(connection_) != PQTRANS_IDLE)
      ++write_refusals_;
    throw DatabaseError(kind, detail, 0, code);
  }

private:
  std::string single_text(const char* sql) {
    Result result = check(Result(PQexec(connection_, sql)));
    return PQntuples(result.get()) > 0 ? PQgetvalue(result.get(), 0, 0) : "";
  }

  PGconn* connection_ = nullptr;
  bool read_only_ = false;
  int busy_timeout_ms_ = Database::default_busy_timeout_ms;
  std::optional<int> write_wait_ms_;
  std::int64_t write_refusals_ = 0;
  std::int64_t data_version_ = 0;
  std::uint64_t generation_ = 0;
  TableVersions heard_;  // notices per table, own commits included
  std::set<std::string> heard_from_others_;
  std::uint64_t statements_ = 0;
  bool in_block_ = false;  // a transaction is open on the server
  std::optional<std::chrono::steady_clock::time_point> last_attempt_;
  std::string last_failure_;
  std::vector<std::string> pending_deallocations_;
};

PostgresCursor::PostgresCursor(PostgresConnection& connection, std::string_view sql)
    : connection_(connection) {
  int count = 0;
  sql_ = numbered_placeholders(sql, count);
  values_.resize(static_cast<std::size_t>(count));
}

PostgresCursor::~PostgresCursor() {
  if (name_.empty() || prepared_on_ != connection_.generation()) return;
  connection_.forget_statement(std::move(name_));
}

bool PostgresCursor::step() {
  if (!result_) {
    connection_.reconnect_if_dropped();
    std::vector<const char*> values;
    values.reserve(values_.size());
    for (const auto& value : values_) values.push_back(value ? value->c_str() : nullptr);
    auto count = static_cast<int>(values.size());
    PGconn* handle = connection_.handle();
    // The first run goes unprepared, in one round trip; a statement run again is prepared once.
    if (++runs_ == 1) {
      result_ = connection_.check(Result(
          PQexecParams(handle, sql_.c_str(), count, nullptr, values.data(), nullptr, nullptr, 0)));
    } else {
      if (name_.empty() || prepared_on_ != connection_.generation()) {
        std::string name = connection_.next_statement_name();
        connection_.check(Result(PQprepare(handle, name.c_str(), sql_.c_str(), count, nullptr)));
        name_ = std::move(name);
        prepared_on_ = connection_.generation();
      }
      result_ = connection_.check(
          Result(PQexecPrepared(handle, name_.c_str(), count, values.data(), nullptr, nullptr, 0)));
    }
    row_ = -1;
  }
  return ++row_ < PQntuples(result_.get());
}

std::string option(const PQconninfoOption* options, std::string_view keyword) {
  for (const PQconninfoOption* o = options; o && o->keyword; ++o)
    if (keyword == o->keyword && o->val) return o->val;
  return {};
}

}  // namespace

std::string numbered_placeholders(std::string_view sql, int& count) {
  std::string out;
  out.reserve(sql.size() + 16);
  count = 0;
  std::size_t i = 0;
  auto copy_until = [&](char close) {
    out += sql[i++];
    while (i < sql.size()) {
      char c = sql[i++];
      out += c;
      if (c == close) {
        if (i < sql.size() && sql[i] == close) {  // '' or "" inside: still quoted
          out += sql[i++];
          continue;
        }
        return;
      }
    }
  };
  while (i < sql.size()) {
    char c = sql[i];
    if (c == '\'' || c == '"') {
      copy_until(c);
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      while (i < sql.size() && sql[i] != '\n') out += sql[i++];
    } else if (c == '?') {
      ++i;
      int number = 0;
      bool numbered = false;
      while (i < sql.size() && sql[i] >= '0' && sql[i] <= '9') {
        number = number * 10 + (sql[i++] - '0');
        numbered = true;
      }
      if (!numbered) number = count + 1;
      count = std::max(count, number);
      out += '$';
      out += std::to_string(number);
    } else {
      out += sql[i++];
    }
  }
  return out;
}

std::unique_ptr<Connection> open_postgres(const std::string& conninfo, bool read_only) {
  // Looked for before libpq reads the string, whose complaint about a malformed one repeats it
  // whole, password and all.
  if (looks_like_password(conninfo))
    throw DatabaseError(ErrorKind::password_given, postgres_display_name(conninfo));
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  if (!options) {
    std::string detail = first_line(trimmed(error));
    PQfreemem(error);
    throw DatabaseError(ErrorKind::bad_address, detail);
  }
  bool password = !option(options, "password").empty();
  bool timeout = !option(options, "connect_timeout").empty();
  std::string database = option(options, "dbname");
  // A reader's session is read-only on the server too, whatever its role may do.
  std::string server_options = option(options, "options");
  if (read_only) server_options += " -c default_transaction_read_only=on";
  PQconninfoFree(options);
  if (password) throw DatabaseError(ErrorKind::password_given, postgres_display_name(conninfo));

  // A server that does not answer is reported after 10 s, not after the system's TCP timeout.
  const char* keywords[] = {"dbname", "connect_timeout", "application_name", "options", nullptr};
  const char* values[] = {conninfo.c_str(), timeout ? nullptr : "10",
                          read_only ? "raekoda-reader" : "raekoda",
                          server_options.empty() ? nullptr : server_options.c_str(), nullptr};
  PGconn* handle = PQconnectdbParams(keywords, values, 1);
  auto connection = std::make_unique<PostgresConnection>(handle);
  if (PQstatus(handle) != CONNECTION_OK) {
    // "connection to server on socket "/run/postgresql/.s.PGSQL.5432" failed: FATAL:  database
    // "narva" does not exist": what the server said, without where libpq tried.
    std::string detail = first_line(trimmed(PQerrorMessage(handle)));
    if (std::size_t failed = detail.find(" failed: "); failed != std::string::npos)
      detail = detail.substr(failed + 9);
    if (detail.rfind("FATAL:  ", 0) == 0) detail = detail.substr(8);
    bool missing = detail.find("database \"") != std::string::npos &&
                   detail.find("does not exist") != std::string::npos;
    if (missing)
      throw DatabaseError(ErrorKind::missing_database,
                          database.empty() ? postgres_display_name(conninfo) : database);
    bool refused = detail.find("authentication") != std::string::npos ||
                   detail.find("password") != std::string::npos ||
                   (detail.find("role \"") != std::string::npos &&
                    detail.find("does not exist") != std::string::npos);
    throw DatabaseError(refused ? ErrorKind::authentication : ErrorKind::connection, detail);
  }
  connection->configure();
  return connection;
}

bool is_connection_keyword(std::string_view keyword) {
  PQconninfoOption* defaults = PQconndefaults();
  bool known = false;
  for (const PQconninfoOption* o = defaults; o && o->keyword && !known; ++o)
    known = keyword == o->keyword;
  PQconninfoFree(defaults);
  return known;
}

std::string postgres_display_name(const std::string& conninfo) {
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), nullptr);
  if (!options) return "PostgreSQL";
  std::string name = option(options, "dbname");
  std::string host = option(options, "host");
  PQconninfoFree(options);
  if (name.empty()) name = "postgres";
  // A socket folder names no machine: the server is this one.
  if (host.empty() || host.front() == '/') host = "localhost";
  return name + "@" + host;
}

}  // namespace raekoda::db
