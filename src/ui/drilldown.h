#pragma once
// From a chart element or tile to the records behind it, and from a row to its editor. The
// state lives here; the controller fills it from the database between frames.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/access_review.h"
#include "core/record_filter.h"
#include "core/record_spec.h"
#include "export/xlsx_table.h"

namespace raekoda::ui {

// Names of the rows that records refer to (people, outlets, systems...), by table and id.
struct ReferenceLabels {
  std::map<std::string, std::map<Id, std::string>, std::less<>> by_table;
  // Each table's ids by name, as the user's language sorts them: the lists to pick from.
  std::map<std::string, std::vector<Id>, std::less<>> in_order;
  std::vector<std::string> document_types;  // deadline rule keys, named "doc_type.<key>"
  const std::string* find(std::string_view table, Id id) const;
  // `table`'s names with their ids, in `in_order`'s order.
  std::vector<std::pair<Id, const std::string*>> ordered(std::string_view table) const;
};

// One record of a table, to open in the editor.
struct RecordRef {
  const TableSpec* spec = nullptr;
  Id id = 0;
};

// A column of the records table as it starts (ui/records_columns.h measures it).
struct ColumnPlan {
  const FieldSpec* field = nullptr;  // nullptr: the record's status
  std::string label;
  bool stretch = false;  // shares the width the fixed columns leave
  float width = 0;       // a fixed column's width; a stretching column's minimum
  float weight = 1;      // a stretching column's share
};

struct TableState {
  RecordQuery query;
  std::string title;  // what the table shows, in words
  std::int64_t total = 0;
  std::int64_t first_loaded = 0;  // rows[0] is row number first_loaded of the result
  std::vector<Record> rows;
  std::int64_t wanted_first = 0;  // the rows the last frame showed
  std::int64_t wanted_last = 0;
  int cursor = -1;  // the row the keyboard is on
  // The record the cursor is on: after a sort or a refresh the cursor finds it again, wherever
  // it went, and the table scrolls to it.
  Id cursor_id = 0;
  bool scroll_to_cursor = false;
  // Sorted by the status column, which is counted rather than stored (db/status_order.h), in
  // the query's direction; the query's sort column is then not used.
  bool sort_by_status = false;
  std::string search;
  bool stale = true;  // the query changed: count and rows must be read again
  // Each column's starting width and share, measured once when the first rows arrive.
  std::vector<ColumnPlan> columns;
  bool reset_widths = false;  // the user asked for the starting widths again
  int fitting_frames = 0;     // columns are being fitted to their contents for this many frames
  bool sort_applied = false;  // the header shows this table's sort, not the last one's
  int menu_column = -1;       // the column whose header was right-clicked; -1 for none
  bool menu_open = false;     // the column menu was open in the last frame: Esc closes it first
};

struct EditorState {
  const TableSpec* spec = nullptr;
  Record original;  // as read from the database
  Record edited;
  std::vector<FieldError> errors;
  std::optional<Record> theirs;             // a colleague's version, after a conflict
  std::map<std::string, bool> take_theirs;  // per changed field, in the conflict view
  std::vector<AuditEntry> history;
  std::map<std::string, std::string> typed;  // dates as typed, dd.mm.yyyy, until they parse
  std::string focus;  // the field that takes the keyboard first, for a quick new record
  bool confirm_cancel = false;
  bool confirm_delete = false;
  std::string message;  // the last save's outcome or problem
  // A new record's values before the user typed anything (what the table's filter or the view
  // filled in), taken when the editor first draws it: unchanged, closing loses nothing.
  std::optional<Record> prefilled;
  // Fields a colleague's save changed while the record was open, with the values before it.
  std::map<std::string, std::optional<std::string>, std::less<>> changed_meanwhile;
  bool deleted_meanwhile = false;  // deleted while open: nothing can be saved any more
  RecordStatus status;  // where the record stands by its saved values, as the header says

  bool dirty() const { return !changed_columns(*spec, original, edited).empty(); }
};

// A field's value as the user reads it: dates dd.mm.yyyy, choices by name, references by name.
std::string display_value(const TableSpec& spec, const FieldSpec& field,
                          const std::optional<std::string>& value, const ReferenceLabels& labels);

// The heading of the status column: the table's own ("Against target" for incidents, whose
// records also have a status field) or "Status".
std::string status_label(const TableSpec& spec);

// The records as CSV for Estonian spreadsheets: UTF-8 with BOM, ';' between fields. The status
// comes second as in the table, when the records have one, counted on `context`'s day.
std::string records_csv(const TableSpec& spec, const std::vector<Record>& records,
                        const ReferenceLabels& labels, const ValidationContext& context);
// The same records as a sheet for an Excel workbook, in the same columns: dates as dates and
// whole numbers as numbers, every other field as the text the table shows. `title_line` heads
// the sheet (table_title_line()) and names it, unless the caller names it otherwise.
exports::SheetTable records_sheet(const TableSpec& spec, const std::vector<Record>& records,
                                  const ReferenceLabels& labels, const ValidationContext& context,
                                  std::string title_line);
// What the table shows above its rows, in one line: its title, each filter chip and the
// search, "Dokumendid · Tähtaeg ületatud · Vastutaja: Mari Maasikas".
std::string table_title_line(const TableState& table);
// A review campaign's decisions as the same kind of CSV, as evidence for an audit.
std::string evidence_csv(const std::vector<EvidenceRow>& rows);

}  // namespace raekoda::ui
