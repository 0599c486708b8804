#include "db/audit_chain.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <deque>
#include <memory>
#include <stdexcept>

#include "db/record_store.h"

namespace raekoda::db {
namespace {

// A few hundred rows per INSERT: one round trip to a server each, within both backends' limits
// of parameters (16 a row).
constexpr std::size_t rows_per_insert = 200;
constexpr std::size_t columns_per_row = 16;
// Rows read per page while sealing or checking: memory stays bounded on a log of millions.
constexpr int rows_per_page = 2000;

void add_value(std::string& out, std::optional<std::string_view> value) {
  if (!value) {
    out += '-';
    return;
  }
  out += '=';
  auto length = static_cast<std::uint64_t>(value->size());
  for (int shift = 56; shift >= 0; shift -= 8) out += static_cast<char>((length >> shift) & 0xFF);
  out += *value;
}

void add_value(std::string& out, std::optional<std::int64_t> value) {
  if (!value) return add_value(out, std::optional<std::string_view>());
  add_value(out, std::optional<std::string_view>(std::to_string(*value)));
}

void add_value(std::string& out, const std::optional<std::string>& value) {
  add_value(out, value ? std::optional<std::string_view>(*value) : std::nullopt);
}

std::string to_the_second(std::string_view moment) {
  std::string text(moment);
  if (text.size() == 16) text += ":00";
  return text;
}

struct EvpContext {
  EvpContext() : context(EVP_MD_CTX_new()) {
    if (!context) throw std::bad_alloc();
  }
  ~EvpContext() { EVP_MD_CTX_free(context); }
  EvpContext(const EvpContext&) = delete;
  EvpContext& operator=(const EvpContext&) = delete;
  EVP_MD_CTX* context;
};

std::optional<std::string> optional_text(const Statement& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return row.text(column);
}

std::optional<std::int64_t> optional_integer(const Statement& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return row.integer(column);
}

// A row read by audit_columns(), its stored hash aside.
AuditRow read_audit_row(const Statement& row) {
  AuditRow audit;
  audit.id = row.integer(0);
  audit.change_id = row.integer(1);
  audit.changed_at = to_the_second(row.text(2));
  audit.utc_offset_minutes = optional_integer(row, 3);
  audit.changed_by = row.text(4);
  audit.host = optional_text(row, 5);
  audit.action = row.text(6);
  audit.table_name = row.text(7);
  audit.record_id = row.integer(8);
  audit.field = optional_text(row, 9);
  audit.before_value = optional_text(row, 10);
  audit.after_value = optional_text(row, 11);
  audit.undoes_change_id = optional_integer(row, 12);
  audit.import_id = optional_integer(row, 13);
  audit.person_id = optional_integer(row, 14);
  return audit;
}

std::string page_sql() {
  return "SELECT " + std::string(audit_columns()) +
         " FROM audit_log WHERE id > ? ORDER BY id LIMIT " + std::to_string(rows_per_page);
}

std::string insert_sql(std::size_t rows) {
  std::string row = "(";
  for (std::size_t i = 0; i < columns_per_row; ++i) row += i == 0 ? "?" : ", ?";
  row += ")";
  std::string sql = "INSERT INTO audit_log (" + std::string(audit_columns()) + ") VALUES ";
  for (std::size_t i = 0; i < rows; ++i) sql += (i == 0 ? "" : ", ") + row;
  return sql;
}

bool moment_parts(std::string_view moment, std::tm& parts) {
  parts = {};
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  std::string text = to_the_second(moment);
  if (text.size() != 19 || std::sscanf(text.c_str(), "%4d-%2d-%2d %2d:%2d:%2d", &year, &month, &day,
                                       &hour, &minute, &second) != 6)
    return false;
  parts.tm_year = year - 1900;
  parts.tm_mon = month - 1;
  parts.tm_mday = day;
  parts.tm_hour = hour;
  parts.tm_min = minute;
  parts.tm_sec = second;
  return true;
}

// `moment` moved by `minutes`, in the same form; as it is when it cannot be read.
std::string moved(std::string_view moment, std::int64_t minutes) {
  std::tm parts{};
  if (!moment_parts(moment, parts)) return std::string(moment);
  std::time_t seconds = timegm(&parts) + static_cast<std::time_t>(minutes * 60);
  std::tm out{};
  gmtime_r(&seconds, &out);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &out);
  return text;
}

bool has_head_table(const Prepare& prepare, Backend backend) {
  Statement probe = prepare(backend == Backend::postgresql
                                ? "SELECT count(*) FROM pg_tables WHERE schemaname = "
                                  "current_schema() AND tablename = 'audit_chain'"
                                : "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND "
                                  "name = 'audit_chain'");
  return probe.step() && probe.integer(0) > 0;
}

}  // namespace

std::string_view audit_columns() {
  return "id, change_id, changed_at, utc_offset_minutes, changed_by, host, action, table_name, "
         "record_id, field, before_value, after_value, undoes_change_id, import_id, person_id, "
         "row_hash";
}

std::string canonical_audit_row(const AuditRow& row) {
  std::string out = "raekoda audit row 1";
  out.reserve(64 + row.changed_at.size() + row.changed_by.size() + row.table_name.size() +
              (row.before_value ? row.before_value->size() : 0) +
              (row.after_value ? row.after_value->size() : 0) + 16 * 9);
  add_value(out, std::optional<std::int64_t>(row.id));
  add_value(out, std::optional<std::int64_t>(row.change_id));
  add_value(out, std::optional<std::string>(to_the_second(row.changed_at)));
  add_value(out, row.utc_offset_minutes);
  add_value(out, std::optional<std::string_view>(row.changed_by));
  add_value(out, row.host);
  add_value(out, std::optional<std::string_view>(row.action));
  add_value(out, std::optional<std::string_view>(row.table_name));
  add_value(out, std::optional<std::int64_t>(row.record_id));
  add_value(out, row.field);
  add_value(out, row.before_value);
  add_value(out, row.after_value);
  add_value(out, row.undoes_change_id);
  add_value(out, row.import_id);
  add_value(out, row.person_id);
  return out;
}

AuditHash chained_hash(const AuditHash& previous, const AuditRow& row) {
  thread_local EvpContext evp;
  std::string content = canonical_audit_row(row);
  AuditHash hash{};
  unsigned int length = 0;
  if (EVP_DigestInit_ex(evp.context, EVP_sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(evp.context, previous.data(), previous.size()) != 1 ||
      EVP_DigestUpdate(evp.context, content.data(), content.size()) != 1 ||
      EVP_DigestFinal_ex(evp.context, hash.data(), &length) != 1 || length != hash.size())
    throw std::runtime_error("SHA-256 failed");
  return hash;
}

std::string hex_of(const AuditHash& hash) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string text;
  text.reserve(hash.size() * 2);
  for (unsigned char byte : hash) {
    text += digits[byte >> 4];
    text += digits[byte & 0x0F];
  }
  return text;
}

std::optional<AuditHash> hash_from_hex(std::string_view text) {
  AuditHash hash{};
  if (text.size() != hash.size() * 2) return std::nullopt;
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < hash.size(); ++i) {
    int high = digit(text[2 * i]), low = digit(text[2 * i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    hash[i] = static_cast<unsigned char>(high * 16 + low);
  }
  return hash;
}

std::string local_changed_at(std::string_view changed_at,
                             std::optional<std::int64_t> utc_offset_minutes) {
  if (!utc_offset_minutes) return to_the_second(changed_at);
  return moved(changed_at, *utc_offset_minutes);
}

// [SECTION] Appending

AuditAppender::AuditAppender(Database& db) : db_(db) {
  Statement head = db_.prepare(db_.backend() == Backend::postgresql
                                   ? "SELECT last_id, last_hash FROM audit_chain WHERE id = 1 "
                                     "FOR UPDATE"
                                   : "SELECT last_id, last_hash FROM audit_chain WHERE id = 1");
  if (!head.step())
    throw DatabaseError(ErrorKind::other,
                        "the audit log's chain has no head: it was removed outside Raekoda");
  last_id_ = head.integer(0);
  auto hash = hash_from_hex(head.text(1));
  if (!hash)
    throw DatabaseError(ErrorKind::other, "the audit log's chain head was changed outside Raekoda");
  last_hash_ = *hash;
  head.reset();
  // A row written behind Raekoda's back after the head keeps its id; the chain goes on after it
  // and verify names it as inserted.
  last_id_ = std::max(last_id_, db_.query_integer("SELECT max(id) FROM audit_log", 0));
}

std::int64_t AuditAppender::next_change_id() {
  std::int64_t queued = 0;
  for (const AuditRow& row : queued_) queued = std::max(queued, row.change_id);
  return std::max(queued, db_.query_integer("SELECT max(change_id) FROM audit_log", 0)) + 1;
}

AuditRow AuditAppender::row_by(const Author& author) const {
  AuditRow row;
  row.changed_at = moved(author.at, -author.utc_offset_minutes);
  row.utc_offset_minutes = author.utc_offset_minutes;
  row.changed_by = author.user;
  row.host = author.host;
  row.person_id = db_.viewer().person;
  return row;
}

void AuditAppender::append(AuditRow row) {
  row.id = ++last_id_;
  row.changed_at = to_the_second(row.changed_at);
  last_hash_ = chained_hash(last_hash_, row);
  hashes_.push_back(hex_of(last_hash_));
  queued_.push_back(std::move(row));
  head_moved_ = true;
  if (queued_.size() == rows_per_insert) write_rows();
}

void AuditAppender::write_rows() {
  if (queued_.empty()) return;
  std::optional<Statement> rest;
  Statement* insert = nullptr;
  if (queued_.size() == rows_per_insert) {
    if (!full_batch_) full_batch_.emplace(db_.prepare(insert_sql(rows_per_insert)));
    insert = &*full_batch_;
  } else {
    rest.emplace(db_.prepare(insert_sql(queued_.size())));
    insert = &*rest;
  }
  int index = 0;
  for (std::size_t i = 0; i < queued_.size(); ++i) {
    const AuditRow& row = queued_[i];
    insert->bind(++index, row.id);
    insert->bind(++index, row.change_id);
    insert->bind(++index, row.changed_at);
    insert->bind(++index, row.utc_offset_minutes);
    insert->bind(++index, row.changed_by);
    insert->bind(++index, row.host);
    insert->bind(++index, row.action);
    insert->bind(++index, row.table_name);
    insert->bind(++index, row.record_id);
    insert->bind(++index, row.field);
    insert->bind(++index, row.before_value);
    insert->bind(++index, row.after_value);
    insert->bind(++index, row.undoes_change_id);
    insert->bind(++index, row.import_id);
    insert->bind(++index, row.person_id);
    insert->bind(++index, hashes_[i]);
  }
  insert->run();
  queued_.clear();
  hashes_.clear();
}

void AuditAppender::flush() {
  write_rows();
  if (!head_moved_) return;
  Statement head = db_.prepare("UPDATE audit_chain SET last_id = ?, last_hash = ? WHERE id = 1");
  head.bind_all(last_id_, hex_of(last_hash_));
  head.run();
  head_moved_ = false;
}

// [SECTION] Sealing

void seal_audit_log(Database& db) {
  AuditHash previous = chain_start;
  std::int64_t last_id = 0;
  Statement page = db.prepare(page_sql());
  Statement update = db.prepare("UPDATE audit_log SET row_hash = ? WHERE id = ?");
  for (;;) {
    std::vector<std::pair<std::int64_t, std::string>> hashes;
    page.bind(1, last_id);
    while (page.step()) {
      AuditRow row = read_audit_row(page);
      previous = chained_hash(previous, row);
      last_id = row.id;
      hashes.emplace_back(row.id, hex_of(previous));
    }
    page.reset();
    for (const auto& [id, hash] : hashes) update.bind_all(hash, id).run();
    if (hashes.size() < static_cast<std::size_t>(rows_per_page)) break;
  }
  Statement head = db.prepare("INSERT INTO audit_chain (id, last_id, last_hash) VALUES (1, ?, ?)");
  head.bind_all(last_id, hex_of(previous));
  head.run();
}

// [SECTION] Checking

AuditChainCheck check_audit_chain(const Prepare& prepare, Backend backend) {
  AuditChainCheck check;
  if (!has_head_table(prepare, backend)) {
    check.finding = AuditChainCheck::Finding::unsealed;
    return check;
  }
  std::optional<std::int64_t> head_id;
  std::optional<AuditHash> head_hash;
  {
    Statement head = prepare("SELECT last_id, last_hash FROM audit_chain WHERE id = 1");
    if (head.step()) {
      head_id = head.integer(0);
      check.head_id = *head_id;
      head_hash = hash_from_hex(head.text(1));
      check.head = head.text(1);
    }
  }

  auto found = [&](AuditChainCheck::Finding finding, const AuditRow& row) {
    check.finding = finding;
    check.row_id = row.id;
    check.change_id = row.change_id;
    check.changed_at = local_changed_at(row.changed_at, row.utc_offset_minutes);
    return check;
  };

  AuditHash previous = chain_start;
  std::optional<AuditRow> last;  // the last row whose hash held
  std::optional<AuditRow> broken;
  // The rows that held lately, each with the hash before it. Raekoda appends after the head it
  // keeps, so rows slipped in after the head, hashed to look chained, are followed by a save
  // that chains on from an earlier row: that row tells where the slipped-in ones begin.
  constexpr std::size_t rows_looked_back = 1024;
  std::deque<std::pair<AuditHash, AuditRow>> recent;
  auto slipped_in_before = [&](const AuditRow& row,
                               const std::optional<AuditHash>& stored) -> const AuditRow* {
    if (!stored || recent.size() < 2) return nullptr;
    for (std::size_t i = recent.size() - 1; i-- > 0;)
      if (chained_hash(recent[i + 1].first, row) == *stored) return &recent[i + 1].second;
    return nullptr;
  };
  Statement page = prepare(page_sql());
  std::int64_t after = 0;
  for (bool more = true; more;) {
    page.bind(1, after);
    int read = 0;
    while (page.step()) {
      ++read;
      AuditRow row = read_audit_row(page);
      auto stored = page.is_null(15) ? std::nullopt : hash_from_hex(page.text(15));
      after = row.id;
      ++check.rows;
      if (broken) {
        // The row after the break tells what happened there: a row that follows on from the
        // one before the break means the broken row was slipped in; one that follows on from
        // the broken row's own hash means that row's content changed.
        page.reset();
        bool follows_previous = stored && *stored == chained_hash(previous, row);
        return found(follows_previous ? AuditChainCheck::Finding::inserted
                                      : AuditChainCheck::Finding::changed,
                     *broken);
      }
      if (head_id && last && last->id == *head_id)
        return found(AuditChainCheck::Finding::inserted, row);
      AuditHash expected = chained_hash(previous, row);
      if (stored && *stored == expected) {
        recent.emplace_back(previous, row);
        if (recent.size() > rows_looked_back) recent.pop_front();
        previous = expected;
        last = row;
        continue;
      }
      if (const AuditRow* first_slipped = slipped_in_before(row, stored)) {
        page.reset();
        return found(AuditChainCheck::Finding::inserted, *first_slipped);
      }
      std::int64_t after_id = last ? last->id : 0;
      if (row.id != after_id + 1 && row.id > after_id) {
        page.reset();
        check.missing_id = after_id + 1;
        return found(AuditChainCheck::Finding::removed, row);
      }
      if (head_id && row.id > *head_id) {
        page.reset();
        return found(AuditChainCheck::Finding::inserted, row);
      }
      broken = row;
    }
    page.reset();
    more = read == rows_per_page;
  }
  if (broken) return found(AuditChainCheck::Finding::changed, *broken);
  if (!head_id || !head_hash) {
    check.finding = AuditChainCheck::Finding::head_missing;
    return check;
  }
  std::int64_t last_id = last ? last->id : 0;
  if (last_id < *head_id) {
    check.missing_id = last_id + 1;
    if (last) return found(AuditChainCheck::Finding::removed_end, *last);
    check.finding = AuditChainCheck::Finding::removed_end;
    return check;
  }
  // The last row hashed as it says, but not as the head remembers it: rewritten with its hash.
  if (previous != *head_hash) return found(AuditChainCheck::Finding::changed, *last);
  return check;
}

AuditChainCheck check_audit_chain(Database& db) {
  return check_audit_chain([&](std::string_view sql) { return db.prepare(sql); }, db.backend());
}

}  // namespace raekoda::db
