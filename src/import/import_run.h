#pragma once
// An import from start to end: the file read, its header found and mapped, every row read,
// built and written in one transaction, or only tried (a dry run, the window's preview). The
// same run serves the command line and the window.

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "db/import_writer.h"
#include "import/mapping.h"
#include "import/record_builder.h"
#include "import/row_reader.h"

namespace raekoda::db {
class Database;
}

namespace raekoda::import {

struct ImportRequest {
  std::filesystem::path file;
  std::optional<ImportKind> kind;      // guessed from the header when not given
  std::optional<std::string> preset;   // a preset by name, from `presets` or the built-in ones
  std::optional<Preset> mapping_file;  // a mapping read from a file (--mapping)
  // The user's own choice of a field per header column, as adjusted in the preview.
  std::optional<ColumnMapping> mapping;
  ReadOptions read;
  std::string system;  // accounts: the system of the list; incidents: the helpdesk
  bool dry_run = false;
  db::ConflictChoice conflicts;
  std::vector<Preset> presets;  // the user's own, searched before the built-in ones
  std::size_t preview_rows = 12;
  std::string run_by_label;  // for the audit log; empty: the operating-system user
};

// Shared with the thread that runs an import, for a progress bar and Cancel.
struct ImportProgress {
  std::atomic<double> fraction{0};
  std::atomic<std::size_t> rows{0};
  std::atomic<bool> cancel{false};
};

struct RefusedRow {
  std::size_t line = 0;
  std::string reason;  // in the user's language
};

// A document whose register due date is not the one the law gives its type.
struct LawDifference {
  std::size_t line = 0;
  std::string reg_number;
  Date register_due;
  Date law_due;
};

struct PreviewRow {
  std::size_t line = 0;
  FieldValues values;   // as they will be saved (before names are looked up)
  std::string problem;  // empty when the row can be imported
};

struct ImportReport {
  SourceInfo source;
  ImportKind kind = ImportKind::documents;
  std::string preset;  // the preset used, empty for the built-in names
  std::size_t header_line = 0;
  std::vector<std::string> header;
  ColumnMapping mapping;
  std::vector<std::string> unmapped;  // header names no field is read from
  std::vector<PreviewRow> preview;
  std::vector<RefusedRow> refused;  // the first max_listed of them
  std::vector<LawDifference> law_differences;
  db::ImportCounts counts;
  std::vector<db::ImportConflict> conflicts;
  std::size_t rows = 0;  // data rows read
  bool written = false;
  bool cancelled = false;
  // Why nothing could be written though the file was read (every row refused), else empty.
  std::string failure;
  Id import_id = 0;
};

// Refused rows, conflicts and law differences listed in a report, at most; counts go on.
inline constexpr std::size_t max_listed = 10000;

// The file as a whole cannot be imported: a sentence in the user's language.
class ImportError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// Throws ImportError, or db::DatabaseError from the database (nothing written then).
ImportReport run_import(db::Database& db, const ImportRequest& request,
                        const ValidationContext& context, ImportProgress* progress = nullptr);

// "3 added, 1 updated, 10 unchanged, 2 refused" in the user's language.
std::string summary_line(const db::ImportCounts& counts);

}  // namespace raekoda::import
