#pragma once
// What a database backend provides: a connection that prepares statements, and a statement that
// binds, steps and reads columns. Database and Statement (database.h) are the only users; the
// queries never see a backend.

#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace raekoda::db {

enum class Backend { sqlite, postgresql };

class Cursor {
public:
  virtual ~Cursor() = default;
  // Parameters are numbered from 1.
  virtual void bind_integer(int index, std::int64_t value) = 0;
  virtual void bind_real(int index, double value) = 0;
  virtual void bind_text(int index, std::string_view text) = 0;
  virtual void bind_null(int index) = 0;
  virtual bool step() = 0;
  // Makes the statement ready to run again with new parameters.
  virtual void reset() = 0;
  virtual bool is_null(int column) const = 0;
  virtual std::int64_t integer(int column) const = 0;
  virtual double real(int column) const = 0;
  // Dates read 'YYYY-MM-DD' and moments 'YYYY-MM-DD HH:MM' from either backend.
  virtual std::string text(int column) const = 0;
};

using TableVersions = std::map<std::string, std::int64_t, std::less<>>;

// How often `table` has changed; 0 for one never counted.
inline std::int64_t change_count(const TableVersions& all, std::string_view table) {
  auto found = all.find(table);
  return found == all.end() ? 0 : found->second;
}

// What figures read from `tables` are kept at: the schema's change count (under ""), then each
// table's.
inline std::vector<std::int64_t> change_counts(const TableVersions& all,
                                               std::span<const std::string_view> tables) {
  std::vector<std::int64_t> counts{change_count(all, "")};
  for (std::string_view table : tables) counts.push_back(change_count(all, table));
  return counts;
}
inline std::vector<std::int64_t> change_counts(const TableVersions& all,
                                               std::initializer_list<std::string_view> tables) {
  return change_counts(all, std::span(tables.begin(), tables.size()));
}

// Whether a table of `tables` is one `changed` names.
inline bool names_any(std::span<const std::string> changed,
                      std::span<const std::string_view> tables) {
  for (const std::string& table : changed)
    for (std::string_view of : tables)
      if (table == of) return true;
  return false;
}

class Connection {
public:
  virtual ~Connection() = default;
  virtual Backend backend() const = 0;
  virtual std::unique_ptr<Cursor> prepare(std::string_view sql) = 0;
  // One or more statements without parameters.
  virtual void exec(std::string_view sql) = 0;
  virtual std::int64_t last_insert_id() = 0;
  // Changes whenever another connection commits; cheap enough to call every frame.
  virtual std::int64_t data_version() = 0;
  // How often each table has changed, as far as this connection can tell, so that a reader re-reads
  // only what depends on what changed. A file counts its own changes (triggers, schema version
  // 6), and under the key "" its schema's changes; a server's connection counts the notices each
  // commit sends per table, and under "" the times it was opened again, when notices may have
  // been lost.
  virtual TableVersions table_versions() = 0;
  // The tables other sessions' commits named since the last call, as this connection heard them
  // while watching data_version: a server's notices; a file says nothing, its counts are exact.
  virtual std::vector<std::string> take_heard_tables() { return {}; }
  // Stops the statement running on another thread, which then fails; safe to call from any
  // thread while the connection is open.
  virtual void interrupt() = 0;
  // A write transaction: it takes the write lock at once where the backend has one.
  virtual void begin_write() = 0;
  // False once a server's connection has dropped, until it is opened again; a file's is always
  // there.
  virtual bool connected() const = 0;
  // True between BEGIN and COMMIT or ROLLBACK.
  virtual bool in_transaction() const = 0;
  virtual bool read_only() const = 0;

  // Waiting for a colleague's write: the longest wait of any statement, a write's own shorter
  // one, and how often a write gave up.
  virtual void set_busy_timeout(int milliseconds) = 0;
  virtual int busy_timeout() const = 0;
  virtual void set_write_wait(std::optional<int> milliseconds) = 0;
  virtual std::int64_t write_refusals() const = 0;
};

}  // namespace raekoda::db
