#pragma once
// What an editable record looks like to the editor: its fields, their types and limits, and the
// orders between dates that must hold. One description per table serves the drill-down table,
// the editor, validation and the audit log alike.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/records.h"
#include "core/validation_context.h"

namespace raekoda {

enum class FieldType {
  text,       // one line
  notes,      // several lines
  date,       // stored YYYY-MM-DD, typed dd.mm.yyyy
  date_time,  // stored YYYY-MM-DD HH:MM
  choice,     // one key of a closed list
  integer,    // whole number, not negative
  flag,       // yes or no, stored 0 or 1
  reference,  // the id of a row in another table
};

// What a text field's value points to outside Raekoda; the editor offers to open it.
enum class LinkKind {
  none,
  web,    // a page: opened in the browser (http and https only)
  email,  // an address: a new message in the mail program
};

struct FieldSpec {
  std::string_view column;
  FieldType type = FieldType::text;
  bool required = false;
  std::size_t max_length = 0;                 // characters, for text and notes
  std::span<const std::string_view> choices;  // keys, for a choice
  std::string_view choice_list;               // catalog list of the keys' names ("tone")
  std::string_view reference_table;           // for a reference
  bool not_in_future = false;                 // for dates of things that have happened
  std::int64_t max_value = 0;                 // for an integer, when above zero
  bool blank_not_null = false;                // empty text is stored as '', the column is NOT NULL
  LinkKind link = LinkKind::none;             // for text that is a web or e-mail address
};

// `earlier` must not come after `later` when both are set.
struct DateOrder {
  std::string_view earlier;
  std::string_view later;
  std::string_view message_key;  // shown at `later`
};

struct Record;
struct FieldError;
// Rules of a table beyond its fields' own: `original` is the record as read (empty when new).
using RecordCheck = void (*)(const Record& original, const Record& edited,
                             const ValidationContext& context, std::vector<FieldError>& errors);
// Fills in what follows from a field the user just changed (a due date from a document type).
using RecordDerivation = void (*)(Record& edited, std::string_view changed_column,
                                  const ValidationContext& context);

// Where a record stands today, in a few words, with whether that is good news: "Overdue by 3
// working days". Shown in the records table and the editor.
struct RecordStatus {
  enum class Tone { none, good, warning, bad };
  std::string text;
  Tone tone = Tone::none;
};
using RecordStatusOf = RecordStatus (*)(const Record& record, const ValidationContext& context);

struct TableSpec {
  std::string_view table;
  std::span<const FieldSpec> fields;
  std::span<const DateOrder> orders;
  // Derived columns a drill-down may filter on but nobody edits (documents.effective_due_on).
  std::span<const std::string_view> derived_columns = {};
  RecordCheck check = nullptr;
  RecordDerivation derive = nullptr;
  RecordStatusOf status = nullptr;

  const FieldSpec* field(std::string_view column) const;
};

// The editable tables, one per area.
const TableSpec& documents_spec();
const TableSpec& media_items_spec();
const TableSpec& incidents_spec();
const TableSpec& accounts_spec();
const TableSpec& comm_activities_spec();
// The staff: name, unit, job title, e-mail, when they joined and left.
const TableSpec& people_spec();
const TableSpec& person_roles_spec();
const TableSpec& role_permissions_spec();
// The city's settings: one row, such as the on-time target for answers.
const TableSpec& settings_spec();
const TableSpec& press_releases_spec();
// Resolution targets by severity, in working hours (a working day is 8:00–17:00).
const TableSpec& incident_targets_spec();
const TableSpec& restore_tests_spec();
const TableSpec& review_decisions_spec();
const TableSpec& comm_plans_spec();
const TableSpec& newspaper_issues_spec();
const TableSpec& review_campaigns_spec();
const TableSpec* find_table_spec(std::string_view table);

// A row as the editor holds it: every value as the text the database stores, NULL as nullopt.
struct Record {
  Id id = 0;                 // 0 for a record not yet saved
  std::int64_t version = 0;  // the row's version when it was read
  std::map<std::string, std::optional<std::string>, std::less<>> values;

  const std::optional<std::string>& value(std::string_view column) const;
  void set(std::string_view column, std::optional<std::string> value);
};

// One field's change in the audit log.
struct AuditEntry {
  std::int64_t change_id = 0;
  std::string changed_at;
  std::string changed_by;
  std::string action;  // insert, update, delete, undo
  std::string field;
  std::optional<std::string> before;
  std::optional<std::string> after;
};
struct FieldError {
  std::string column;
  std::string message;  // in the user's language
};

// Every problem with the edited record, at most one per field; empty when it can be saved.
// `original` is the record as read from the database, empty for a new one.
std::vector<FieldError> validate(const TableSpec& spec, const Record& original,
                                 const Record& edited, const ValidationContext& context);
// A new record's problems on `today`, by the default rules.
std::vector<FieldError> validate(const TableSpec& spec, const Record& record, Date today);

// The columns whose values differ between two versions of a record, in the spec's order.
std::vector<std::string> changed_columns(const TableSpec& spec, const Record& before,
                                         const Record& after);

// What to hand to the desktop for a link field's value: a web address as it is, when it is
// http(s) or mailto:, an e-mail address as mailto:. Nothing for another scheme (file:,
// javascript:...) or for text that is no address, which the user is told rather than have opened.
std::optional<std::string> link_target(LinkKind kind, std::string_view value);

// The catalog key of a field's label: "field.documents.answered_on".
std::string field_label_key(const TableSpec& spec, const FieldSpec& field);

}  // namespace raekoda
