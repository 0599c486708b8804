#pragma once
// Writing an import of another system's export: one transaction for the whole file, rows found
// again by what the source calls them so that a second import updates instead of duplicating,
// every changed field validated and audited under the import's name, and a row someone edited in
// Raekoda since the last import reported as a conflict instead of being overwritten.

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/enums.h"
#include "core/record_spec.h"
#include "core/validation_context.h"
#include "db/record_store.h"

namespace raekoda::db {

class Database;
class Statement;
class Transaction;
class AuditAppender;

struct ImportSource {
  std::string kind;         // "documents", as on the command line
  std::string file_name;    // the file's name, without its folder
  std::string system_name;  // the system an account list belongs to, or the helpdesk's name
  std::string preset;       // the mapping used
  Author author;
};

struct ImportCounts {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t refused = 0;
  std::size_t conflicts = 0;    // edited in Raekoda since the last import: left as they are
  std::size_t names_added = 0;  // people, units, outlets, institutions, systems not known before
};

// How a row is found again. `text` is what the source calls it ("2026/7-1", "4711"): it is kept
// for rows whose table does not hold it. `columns`, when given, find a row the table holds
// itself (a document by its registration number), imported or typed in Raekoda alike.
struct NaturalKey {
  std::string text;
  std::vector<std::pair<std::string, std::string>> columns;
};

// A row edited in Raekoda since the last import, whose file values differ from the database's.
struct ImportConflict {
  std::size_t line = 0;
  std::string key;
  std::string table;
  Id record_id = 0;
  std::vector<std::string> columns;  // the fields that differ
  Record current;                    // as it is in the database
  Record incoming;                   // as the file has it
};

enum class RowOutcome { added, updated, unchanged, refused, conflict };

// A conflict is left as Raekoda has it unless its key is in `take` (or `take_all`): the user
// chose the file's values for it.
struct ConflictChoice {
  bool take_all = false;
  std::set<std::string> take;
};

class ImportWriter {
public:
  // Begins the import's transaction. Throws DatabaseError (busy, read_only) with nothing written.
  ImportWriter(Database& db, ImportSource source, ValidationContext context,
               ConflictChoice choice = {});
  ~ImportWriter();  // rolls back unless committed
  ImportWriter(const ImportWriter&) = delete;
  ImportWriter& operator=(const ImportWriter&) = delete;

  // Finding what a row refers to by name (folded for case and diacritics), adding what the
  // database does not know yet.
  Id unit(std::string_view name);
  // A person by e-mail, else by name; a new one joins `unit` (or the unassigned unit) on `joined`.
  Id person(std::string_view name, std::string_view email, std::string_view unit, Date joined);
  std::optional<Id> find_person(std::string_view name, std::string_view email);
  Id outlet(std::string_view name, Channel channel, ContentLanguage language);
  Id institution(std::string_view name);
  // The city government itself: where a ticket that names no institution was opened.
  Id home_institution();
  Id system(std::string_view name);
  // The plan named `name`, else the plan whose period holds `day`.
  std::optional<Id> plan(std::string_view name, Date day);
  Id plan_owner(Id plan);
  // The existing row a natural key finds, if any.
  std::optional<Record> find(const TableSpec& spec, const NaturalKey& key);

  // Adds or updates one record: `incoming` holds only the columns the file gives (and columns
  // beyond the spec's fields, such as documents.law_due_on, that are written but not edited).
  // On `refused`, `errors` says why, field by field.
  RowOutcome write(const TableSpec& spec, const NaturalKey& key, const Record& incoming,
                   std::size_t line, std::vector<FieldError>& errors);

  const ImportCounts& counts() const { return counts_; }
  ImportCounts& counts() { return counts_; }
  const std::vector<ImportConflict>& conflicts() const { return conflicts_; }
  Id import_id() const { return import_id_; }
  const ValidationContext& context() const { return context_; }

  // Writes what is still queued. Called before the import's end is reported, so that a dry run
  // meets every error a real one would.
  void flush();
  // Writes the import's summary and commits; returns the import's id.
  Id commit();

private:
  struct NameIndex {
    bool loaded = false;
    std::unordered_map<std::string, Id> by_name;  // folded name → id
  };
  // import_keys of one table. Looked up row by row at first; an import that goes on past a few
  // dozen rows reads the table's keys once and keeps them here, as it writes them.
  struct ImportedKeys {
    bool loaded = false;
    std::size_t lookups = 0;
    std::size_t threshold = 0;  // lookups after which the keys are read at once
    std::unordered_map<std::string, std::pair<Id, std::int64_t>> by_key;  // → record, version
    std::unordered_map<Id, std::string> key_of;                           // record → key
  };
  // A table's own columns that find a row (documents.reg_number), the same way. `usable` is
  // false once the import changed such a column: the database is asked again from then on.
  struct ColumnKeys {
    bool loaded = false;
    bool usable = true;
    std::size_t lookups = 0;
    std::size_t threshold = 0;  // lookups after which the keys are read at once
    std::vector<std::string> columns;
    std::unordered_map<std::string, Id> ids;  // the columns' values → lowest id
  };
  // Rows queued for a multi-row INSERT. An id below 0 names a record still queued: slot -id-1.
  struct QueuedAudit {
    std::string action;
    std::string table;
    Id id = 0;
    std::optional<std::string> field;
    std::optional<std::string> before;
    std::optional<std::string> after;
  };
  struct QueuedKey {
    std::string table;
    Id id = 0;
    std::string key;
    std::int64_t version = 0;
  };
  struct QueuedInserts {
    std::string table;
    std::vector<std::vector<std::pair<std::string, std::optional<std::string>>>> rows;
    std::vector<std::size_t> slots;
  };

  NameIndex& names(std::string_view table);
  Id add_named(std::string_view table, const std::vector<std::pair<std::string, std::string>>& row,
               std::string_view name);
  Statement& cached(const std::string& sql);
  void audit(std::string_view action, std::string_view table, Id id, std::string_view field,
             const std::optional<std::string>& before, const std::optional<std::string>& after);
  std::optional<Record> load(const TableSpec& spec, Id id, Record* extras);
  std::optional<std::int64_t> imported_version(std::string_view table, Id id);
  void remember(std::string_view table, Id id, const std::string& key, std::int64_t version,
                bool stale_key = false);

  ImportedKeys& imported_keys(std::string_view table);
  std::optional<std::pair<Id, std::int64_t>> find_by_key(std::string_view table,
                                                         const std::string& key);
  std::optional<Id> find_by_columns(std::string_view table, const NaturalKey& key);
  ColumnKeys& column_keys(std::string_view table, const NaturalKey& key);
  void forget_column_keys(std::string_view table, const std::vector<std::string>& written);
  Id queue_insert(std::string_view table, const std::vector<std::string>& columns,
                  const Record& incoming);
  // The database's id for `id`, writing the queue first when it names a queued record.
  Id stored_id(Id id);
  // Before reading `table` (empty: any table), so that the read sees the import's own rows.
  void flush_before_reading(std::string_view table);
  void flush_inserts();
  std::size_t insert_batch_rows() const;
  std::string returning_ids() const;
  std::vector<Id> run_insert(Statement& insert, std::size_t rows, std::string_view table);
  // Queued rows in full batches, or all of them.
  void flush_keys(bool all);
  void flush_audit(bool all);
  template <class Row, class WriteRows>
  void drain(std::vector<Row>& queue, bool all, WriteRows write_rows);
  bool stored(Id id) const;
  Statement& batch_statement(const std::string& sql, std::size_t rows,
                             std::optional<Statement>& single_use);

  Database& db_;
  ImportSource source_;
  ValidationContext context_;
  ConflictChoice choice_;
  Id import_id_ = 0;
  std::int64_t change_id_ = 0;
  std::unique_ptr<Transaction> transaction_;  // until committed; rolls back when dropped
  std::unique_ptr<AuditAppender> chain_;      // the audit chain's head, held with it
  ImportCounts counts_;
  std::vector<ImportConflict> conflicts_;
  std::map<std::string, NameIndex, std::less<>> names_;
  std::map<std::string, Statement, std::less<>> statements_;
  std::unordered_map<std::string, Id> emails_;  // folded e-mail → person
  bool emails_loaded_ = false;
  std::map<std::string, ImportedKeys, std::less<>> imported_keys_;
  std::map<std::string, ColumnKeys, std::less<>> column_keys_;  // table + columns → index
  // Columns beyond a table's fields that rows have given (documents.law_due_on): read with the
  // row, so that an unchanged one is not written again.
  std::map<std::string, std::vector<std::string>, std::less<>> extra_columns_;
  Id home_institution_id_ = 0;
  std::map<std::string, std::optional<Id>, std::less<>> plan_of_day_;  // ISO day → plan
  std::map<Id, Id> plan_owners_;
  std::vector<Id> slot_ids_;  // queued record → its id once written, 0 until then
  QueuedInserts queued_inserts_;
  std::vector<QueuedKey> queued_keys_;
  std::vector<QueuedAudit> queued_audit_;
  // The last row find() looked for: a row is looked up while it is built, then written.
  struct Found {
    std::string table;
    std::string key;
    std::optional<Record> record;
    Record extras;                 // the row's current extra columns, those read with it
    bool by_key = false;           // the key itself found the row: import_keys knows it
    std::int64_t key_version = 0;  // then: the version the last import left it at
    bool stale_key = false;        // the key names a row that has since been deleted
  };
  std::optional<Found> last_found_;
};

// An import as the window lists it for undoing.
struct ImportSummary {
  Id id = 0;
  std::string kind;
  std::string file_name;
  std::string run_by;
  std::string run_at;
  ImportCounts counts;
  bool undone = false;
};
std::vector<ImportSummary> recent_imports(Database& db, int limit);

struct ImportUndo {
  std::size_t restored = 0;  // rows put back as they were before the import
  std::size_t removed = 0;   // rows the import had added
  std::size_t kept = 0;      // rows changed since, or referred to by others: left as they are
};
// Reverses an import as one audited change. Throws DatabaseError; nothing written then.
ImportUndo undo_import(Database& db, Id import_id, const Author& author);

// Lower case without diacritics, spaces collapsed: how names are compared.
std::string folded_name(std::string_view name);

}  // namespace raekoda::db
