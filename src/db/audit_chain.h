#pragma once
// The audit log as a hash chain (schema version 8): each row holds SHA-256 over the previous
// row's hash and its own columns, and a one-row table holds the chain's head (the last row's id
// and hash). A row changed, inserted or removed behind Raekoda's back breaks the chain from that
// row on, and a row removed from the end leaves the head naming a row that is not there.
// Every writer of audit rows appends through AuditAppender: it locks the head, so that on a
// server two transactions never fork the chain, and ids and hashes follow commit order.
//
// The chain is evidence, not a seal: whoever may write the file (or UPDATE the head on a server)
// can rewrite the whole chain after a change. The head's hash written down on paper, and a later
// verify that shows another head for the same number of rows, tells that apart.

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.h"

namespace raekoda::db {

struct Author;

// One row of audit_log, every column as it reads back from either backend.
struct AuditRow {
  std::int64_t id = 0;
  std::int64_t change_id = 0;
  // UTC when utc_offset_minutes is set; local time of an unknown offset in rows written before
  // version 8.
  std::string changed_at;
  std::optional<std::int64_t> utc_offset_minutes;
  std::string changed_by;
  std::optional<std::string> host;  // the machine the save was made on; none before version 8
  std::string action;
  std::string table_name;
  std::int64_t record_id = 0;
  std::optional<std::string> field;
  std::optional<std::string> before_value;
  std::optional<std::string> after_value;
  std::optional<std::int64_t> undoes_change_id;
  std::optional<std::int64_t> import_id;
  std::optional<std::int64_t> person_id;
};

using AuditHash = std::array<unsigned char, 32>;
inline constexpr AuditHash chain_start{};  // the "previous hash" of the first row

// The row's columns in a fixed order, each a tag (null or value) and an 8-byte length before
// its bytes, integers in decimal and the moment as 'YYYY-MM-DD HH:MM:SS': the same bytes from a
// file and from a server, whose timestamp reads back without ":00" seconds.
std::string canonical_audit_row(const AuditRow& row);
AuditHash chained_hash(const AuditHash& previous, const AuditRow& row);
std::string hex_of(const AuditHash& hash);
std::optional<AuditHash> hash_from_hex(std::string_view text);

// The columns an audit row is written with and read back by, in AuditRow's order, row_hash last.
std::string_view audit_columns();

// The moment an audit row names, as local time 'YYYY-MM-DD HH:MM:SS': a UTC moment moved by its
// offset, a row written before version 8 as it is.
std::string local_changed_at(std::string_view changed_at,
                             std::optional<std::int64_t> utc_offset_minutes);

// Appends audit rows to the chain within the caller's transaction. The constructor takes the
// head (a row lock on a server, held to commit; a file's write lock is held already), so take
// it at the start of a save, before anything else is written: every writer then locks in the
// same order. At most one appender at a time per transaction; flush() before commit.
class AuditAppender {
public:
  explicit AuditAppender(Database& db);
  AuditAppender(const AuditAppender&) = delete;
  AuditAppender& operator=(const AuditAppender&) = delete;

  // The change id the next save takes: the rows of one save share it.
  std::int64_t next_change_id();
  // A row by `author` of the connected viewer, its change and what it did left to fill in.
  AuditRow row_by(const Author& author) const;
  // Gives the row its id and hash; written in batches, the rest by flush().
  void append(AuditRow row);
  // Writes the rows not yet written and moves the head past them.
  void flush();

private:
  void write_rows();

  Database& db_;
  std::int64_t last_id_ = 0;
  AuditHash last_hash_ = chain_start;
  bool head_moved_ = false;
  std::vector<AuditRow> queued_;
  std::vector<std::string> hashes_;
  std::optional<Statement> full_batch_;
};

// Gives every row a hash in id order and makes the head: the migration to version 8.
void seal_audit_log(Database& db);

struct AuditChainCheck {
  enum class Finding {
    whole,
    changed,       // the row's content is not what was hashed
    inserted,      // the row was never appended by Raekoda
    removed,       // rows before this one are gone
    removed_end,   // the head names a row after the last one
    head_missing,  // the chain's head was removed
    unsealed,      // written before version 8: no chain yet
  };
  Finding finding = Finding::whole;
  std::int64_t rows = 0;  // the rows read
  std::string head;       // the head's hash, hex
  // The row where the chain breaks (for removed: the first row after the gap; for removed_end:
  // the last row there is), with its change and local time; and the first id that is missing.
  std::int64_t row_id = 0;
  std::int64_t change_id = 0;
  std::string changed_at;
  std::int64_t missing_id = 0;
  std::int64_t head_id = 0;  // the last row the head names
  bool whole() const { return finding == Finding::whole; }
};

// Reads the whole log in id order within the caller's read transaction (a consistent view).
using Prepare = std::function<Statement(std::string_view sql)>;
AuditChainCheck check_audit_chain(const Prepare& prepare, Backend backend);
AuditChainCheck check_audit_chain(Database& db);

}  // namespace raekoda::db
