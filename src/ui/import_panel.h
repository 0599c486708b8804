#pragma once
// The import of another system's export, as the window shows it: what the user chose (the file,
// what it holds, how it is read, which column fills which field) and what the last dry run or
// import found, already in words. The controller fills it from the import's report; the view
// draws it and never reads a file or the database.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/records.h"

namespace raekoda::ui {

// One entry of a combo: what is stored, and what the user reads.
struct ImportOption {
  std::string key;
  std::string label;
};

// A column of the file's header and the field it fills ("" for none).
struct ImportColumn {
  std::string header;
  std::string field;
};

// The first rows as Raekoda will save them, one column per field that a column fills.
struct ImportPreviewRow {
  std::size_t line = 0;
  std::vector<std::string> cells;
  std::string problem;  // empty when the row can be imported
};

struct ImportRefusedRow {
  std::size_t line = 0;
  std::string reason;
};

// A document whose register due date is not the law's.
struct ImportLawDifference {
  std::size_t line = 0;
  std::string reg_number;
  std::string register_due;  // dd.mm.yyyy
  std::string law_due;
};

// A row edited in Raekoda since its last import: both versions, field by field.
struct ImportConflictView {
  std::string key;  // what the file calls the record ("2026/7-1")
  std::size_t line = 0;
  struct Field {
    std::string label;
    std::string ours;    // as Raekoda has it
    std::string theirs;  // as the file has it
  };
  std::vector<Field> fields;
  bool take_file = false;  // the user's choice; Raekoda's is kept by default
};

// An import listed for undoing.
struct ImportHistoryEntry {
  Id id = 0;
  std::string when;  // dd.mm.yyyy hh:mm
  std::string file;
  std::string kind;  // by name
  std::string run_by;
  std::string summary;
  bool undone = false;
};

// The counts of a dry run (what an import would do) or of the import itself.
struct ImportCountsText {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t refused = 0;
  std::size_t conflicts = 0;
  std::size_t names_added = 0;
};

struct ImportPanel {
  // [SECTION] What the user chose; an empty choice means "as detected" or "as guessed".
  std::string path;
  std::string kind;       // a kind's key ("documents")
  std::string preset;     // a preset's name; none_preset for the built-in header names alone
  std::string system;     // accounts: the system the list belongs to
  std::string encoding;   // an iconv name
  std::string separator;  // ";" "," "\t" "|"
  std::string sheet;      // XLSX
  // The mapping as the last preview found it or the user adjusted it.
  std::vector<ImportColumn> columns;
  bool mapping_adjusted = false;
  bool take_all = false;       // every conflict takes the file's values
  std::string preset_name;     // typed for "Save mapping as preset…"
  bool saving_preset = false;  // the name field is shown
  bool focus_preset_name = false;
  std::optional<Id> confirm_undo;  // an import waiting for the user's yes

  // [SECTION] The choices on offer, filled by the controller.
  std::vector<ImportOption> kinds;
  std::vector<ImportOption> presets;
  std::vector<ImportOption> fields;  // the kind's fields, in the preview's order
  std::vector<ImportOption> encodings;
  std::vector<ImportOption> separators;
  std::vector<std::string> sheets;
  std::vector<std::string> systems;      // known to the database
  std::vector<std::string> known_files;  // recently imported, offered for the path

  // [SECTION] What the last run found.
  bool previewed = false;      // a dry run has read the file
  std::string error;           // the file could not be read or mapped: why
  std::string failure;         // read, but nothing in it could be imported: why
  std::string found_kind;      // the kind's name as guessed or chosen
  std::string found_kind_key;  // and its key ("documents")
  std::string found_preset;
  std::string found_encoding;   // as detected or chosen
  std::string found_separator;  // by name ("semicolon")
  bool is_xlsx = false;
  bool needs_system = false;  // accounts without a system column
  std::size_t header_line = 0;
  std::size_t rows = 0;                      // data rows read
  std::vector<std::string> preview_headers;  // field labels
  std::vector<ImportPreviewRow> preview;
  std::vector<std::string> unmapped;
  ImportCountsText counts;
  std::vector<ImportRefusedRow> refused;
  std::vector<ImportLawDifference> law_differences;
  std::vector<ImportConflictView> conflicts;
  bool importable = false;  // the dry run found something to write

  // [SECTION] A run under way, and its outcome.
  bool running = false;
  bool running_import = false;  // the real import, not the preview
  float fraction = 0;
  std::size_t rows_read = 0;
  std::string summary;           // after a written import
  std::optional<Id> written_id;  // the import just written, until undone
  std::string message;           // news or a problem of the last step (a preset saved...)
  bool message_is_problem = false;
  std::vector<ImportHistoryEntry> recent;

  static constexpr const char* none_preset = "-";
};

}  // namespace raekoda::ui
