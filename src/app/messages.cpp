#include "app/messages.h"

#include <sqlite3.h>

#include <filesystem>

#include "core/file_kind.h"
#include "core/i18n.h"

namespace raekoda::app {
namespace {

// "documents.reg_number, documents.year" → "Registreerimisnumber, …": the fields in the user's
// words where the catalog names them, else as the database does.
std::string named_fields(const std::string& fields) {
  std::string named;
  std::size_t start = 0;
  while (start <= fields.size()) {
    std::size_t end = fields.find(", ", start);
    std::string column = fields.substr(start, end == std::string::npos ? end : end - start);
    std::string key = "field." + column;
    const std::string* label = Catalog::embedded(current_language()).find(key);
    named += (named.empty() ? "" : ", ") + (label ? *label : column);
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return named;
}

// "UNIQUE constraint failed: documents.reg_number" → "Registreerimisnumber".
std::string constrained_fields(const std::string& sqlite_text) {
  auto colon = sqlite_text.find(": ");
  if (colon == std::string::npos) return sqlite_text;
  return named_fields(sqlite_text.substr(colon + 2));
}

// The server's broken rules in the same sentences as SQLite's; its other errors by their kind.
std::string describe_postgres(const std::string& state, const std::string& detail) {
  if (state == "23505") return trf("error.db.sqlite.unique", named_fields(detail));
  if (state == "23502") return trf("error.db.sqlite.not_null", named_fields(detail));
  if (state == "23503") return tr("error.db.sqlite.reference");
  if (state == "23514") return trf("error.db.sqlite.check", detail);
  // undefined_table, undefined_column: the schema was changed behind Raekoda's back.
  if (state == "42P01" || state == "42703") return tr("error.db.server_damaged_schema");
  // "permission denied for table documents": the table, not the server's English.
  if (state == "42501") {
    std::size_t table = detail.find("for table ");
    if (table != std::string::npos)
      return trf("error.db.permission_table", detail.substr(table + 10));
  }
  return {};
}

// SQLite says what went wrong in English: the message comes from its result code instead, in
// the user's language. SQLite's text is kept only where it says which fields broke a rule.
std::string describe_sqlite(int code, const std::string& sqlite_text) {
  switch (code & 0xff) {
    case SQLITE_BUSY:
      return tr("error.db.sqlite.busy");
    case SQLITE_LOCKED:
      return tr("error.db.sqlite.locked");
    case SQLITE_READONLY:
      return tr("error.db.sqlite.read_only");
    case SQLITE_CORRUPT:
      return tr("error.db.sqlite.corrupt");
    case SQLITE_NOTADB:
      return tr("error.db.sqlite.not_a_database");
    case SQLITE_FULL:
      return tr("error.db.sqlite.disk_full");
    case SQLITE_IOERR:
      // SQLite says "full" only for ENOSPC: a quota (EDQUOT) or a size limit (EFBIG) on a
      // write comes as an I/O error, which is not the network drive's doing.
      if (code == SQLITE_IOERR_WRITE || code == SQLITE_IOERR_FSYNC || code == SQLITE_IOERR_TRUNCATE)
        return tr("error.db.sqlite.write_failed");
      return tr("error.db.sqlite.io_error");
    case SQLITE_CANTOPEN:
      return tr("error.db.sqlite.cant_open");
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return tr("error.db.sqlite.permission");
    case SQLITE_CONSTRAINT:
      switch (code) {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
          return trf("error.db.sqlite.unique", constrained_fields(sqlite_text));
        case SQLITE_CONSTRAINT_NOTNULL:
          return trf("error.db.sqlite.not_null", constrained_fields(sqlite_text));
        case SQLITE_CONSTRAINT_FOREIGNKEY:
          return tr("error.db.sqlite.reference");
        default:
          return trf("error.db.sqlite.check", constrained_fields(sqlite_text));
      }
    case SQLITE_ERROR:
      // A table or column the queries read is gone: the schema was changed behind Raekoda's back.
      if (sqlite_text.starts_with("no such table") || sqlite_text.starts_with("no such column"))
        return tr("error.db.sqlite.damaged_schema");
      return tr("error.db.sqlite.other");
    default:
      return tr("error.db.sqlite.other");
  }
}

// The kinds whose detail is the server's or SQLite's English, or a reason of ours in English:
// that goes into the detail, never into the sentence.
bool detail_is_foreign(db::ErrorKind kind) {
  switch (kind) {
    case db::ErrorKind::other:
    case db::ErrorKind::constraint:
    case db::ErrorKind::permission:
      return true;
    default:
      return false;
  }
}

// Migrating needs to write; "FILE: schema needs an upgrade" names the file before the reason.
constexpr std::string_view needs_upgrade = ": schema needs an upgrade";

std::string sentence(const db::DatabaseError& error) {
  if (error.sqlite_code() != 0) return describe_sqlite(error.sqlite_code(), error.what());
  if (!error.sqlstate().empty())
    if (std::string said = describe_postgres(error.sqlstate(), error.what()); !said.empty())
      return said;
  // Raekoda's own refusals, where the detail is a path or a name, and the server's, where it is
  // the server's own text.
  const char* key = "error.db.other";
  switch (error.kind()) {
    case db::ErrorKind::missing_file:
      key = "error.db.missing_file";
      break;
    case db::ErrorKind::missing_folder:
      key = "error.db.missing_folder";
      break;
    case db::ErrorKind::not_a_database:
      key = "error.db.not_a_database";
      break;
    case db::ErrorKind::foreign_database:
      key =
          db::names_server(error.what()) ? "error.db.foreign_server" : "error.db.foreign_database";
      break;
    case db::ErrorKind::newer_schema:
      key = "error.db.newer_schema";
      break;
    case db::ErrorKind::unknown_schema:
      key = "error.db.unknown_schema";
      break;
    case db::ErrorKind::read_only:
      if (std::string_view(error.what()).ends_with(needs_upgrade)) {
        std::string file(error.what());
        file.resize(file.size() - needs_upgrade.size());
        return trf("error.db.read_only_schema", std::filesystem::path(file).filename().string());
      }
      key = "error.db.read_only";
      break;
    case db::ErrorKind::busy:
      key = "error.db.busy";
      break;
    case db::ErrorKind::constraint:
      key = "error.db.constraint";
      break;
    case db::ErrorKind::not_empty:
      key = "error.db.not_empty";
      break;
    case db::ErrorKind::connection:
      key = "error.db.connection";
      break;
    case db::ErrorKind::authentication:
      key = "error.db.authentication";
      break;
    case db::ErrorKind::permission:
      key = "error.db.permission";
      break;
    case db::ErrorKind::password_given:
      key = "error.db.password_given";
      break;
    case db::ErrorKind::bad_address:
      key = "error.db.bad_address";
      break;
    case db::ErrorKind::missing_database:
      key = "error.db.missing_database";
      break;
    case db::ErrorKind::no_schema_rights:
      key = "error.db.no_schema_rights";
      break;
    case db::ErrorKind::blank:
      key = "error.db.blank";
      break;
    case db::ErrorKind::older_schema:
      key = "error.db.older_schema";
      break;
    case db::ErrorKind::checking:
      key = "error.db.checking";
      break;
    case db::ErrorKind::damaged:
      key = "error.db.damaged";
      break;
    case db::ErrorKind::not_checked:
      key = "error.db.not_checked";
      break;
    case db::ErrorKind::role_read_only:
      return trf("error.db.role_read_only", tr("role." + std::string(error.what())));
    case db::ErrorKind::wal_on_share:
      key = "error.db.wal_on_share";
      break;
    case db::ErrorKind::wal_read_only:
      key = "error.db.wal_read_only";
      break;
    case db::ErrorKind::other:
      break;
  }
  if (detail_is_foreign(error.kind())) return tr(key);
  return trf(key, error.what());
}

}  // namespace

DatabaseMessage describe(const db::DatabaseError& error) {
  DatabaseMessage message;
  message.assign(sentence(error));
  message.detail = detail_of(error);
  message.kind = error.kind();
  return message;
}

std::string detail_of(const db::DatabaseError& error) {
  if (error.sqlite_code() != 0) {
    // Where the sentence names the fields, SQLite's text says nothing more.
    if ((error.sqlite_code() & 0xff) == SQLITE_CONSTRAINT) return {};
    return std::string("SQLite: ") + error.what();
  }
  if (!error.sqlstate().empty() && detail_is_foreign(error.kind()))
    return "PostgreSQL " + error.sqlstate() + ": " + error.what();
  if (detail_is_foreign(error.kind())) return error.what();
  return {};
}

std::string describe_with_detail(const db::DatabaseError& error) {
  DatabaseMessage said = describe(error);
  if (!said.detail.empty()) said += " (" + said.detail + ")";
  return said;
}

std::optional<std::string> not_a_database_file(const std::string& path) {
  switch (file_kind(path)) {
    case FileKind::regular:
    case FileKind::missing:
      return std::nullopt;
    case FileKind::folder:
      return trf("error.file.not_regular.folder", path);
    case FileKind::pipe:
      return trf("error.file.not_regular.pipe", path);
    case FileKind::device:
      return trf("error.file.not_regular.device", path);
    case FileKind::socket:
      return trf("error.file.not_regular.socket", path);
    case FileKind::other:
      return trf("error.file.not_regular.other", path);
  }
  return std::nullopt;
}

std::string describe_opening(const db::DatabaseError& error,
                             std::initializer_list<std::string_view> targets) {
  // SQLite reads a pipe or a device as if it were a file and then calls it an I/O error or a
  // damaged database; what the user gave is not a file at all. A folder it refuses clearly.
  for (std::string_view target : targets) {
    if (target.empty() || db::names_server(target)) continue;
    std::string path(target);
    if (file_kind(path) == FileKind::folder) continue;
    if (auto said = not_a_database_file(path)) return *said;
  }
  return describe_with_detail(error);
}

}  // namespace raekoda::app
