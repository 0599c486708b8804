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

namespace raekoda::ui {

// Names of the rows that records refer to (people, outlets, systems...), by table and id.
struct ReferenceLabels {
  std::map<std::string, std::map<Id, std::string>, std::less<>> by_table;
  std::vector<std::string> document_types;  // deadline rule keys, named "doc_type.<key>"
  const std::string* find(std::string_view table, Id id) const;
};

// One record of a table, to open in the editor.
struct RecordRef {
  const TableSpec* spec = nullptr;
  Id id = 0;
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
  std::string search;
  bool stale = true;  // the query changed: count and rows must be read again
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

  bool dirty() const { return !changed_columns(*spec, original, edited).empty(); }
};

// A field's value as the user reads it: dates dd.mm.yyyy, choices by name, references by name.
std::string display_value(const TableSpec& spec, const FieldSpec& field,
                          const std::optional<std::string>& value, const ReferenceLabels& labels);

// The records as CSV for Estonian spreadsheets: UTF-8 with BOM, ';' between fields.
std::string records_csv(const TableSpec& spec, const std::vector<Record>& records,
                        const ReferenceLabels& labels);
// A review campaign's decisions as the same kind of CSV, as evidence for an audit.
std::string evidence_csv(const std::vector<EvidenceRow>& rows);

}  // namespace raekoda::ui
