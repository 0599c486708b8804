#pragma once
// What the record editor decides about its record beyond drawing it: whether closing it loses
// anything, how a colleague's save of the open record comes in, how two versions are merged.
// Plain logic over EditorState, tested without a window.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ui/drilldown.h"

namespace raekoda::ui {

// Whether closing the editor would lose something the user typed: a change to a saved record,
// or anything beyond what a new record was filled in with before the user began.
bool has_unsaved_input(const EditorState& editor);

// Where the record stands by its saved values only: an unsaved answer date or extension, valid
// or not, counts once it is saved. Nothing for a record not yet saved.
RecordStatus saved_status(const EditorState& editor, const ValidationContext& context);

// Takes the open record as it is in the database after someone else saved it (nullopt: deleted).
// Fields only the colleague changed come in at once and are marked; where the user has changed a
// field the colleague changed too, to another value, both versions wait in the conflict view
// (`theirs`) for the user to choose. A record that was not changed is left alone.
void follow_saved_record(EditorState& editor, const std::optional<Record>& current);

// Marks the fields `theirs` changed since the record was read (keeping the value before a first
// change), and shows it beside the user's version in the conflict view.
void show_theirs(EditorState& editor, const Record& theirs);

// The conflict view's outcome: the colleague's version, with the user's value in each field the
// user changed and keeps (every field, unless `all_theirs`).
void merge_theirs(EditorState& editor, bool all_theirs);

// Who changed a field in the conflict view.
enum class ChangedBy { me, colleague, both };
struct ConflictField {
  std::string column;
  ChangedBy by = ChangedBy::both;
};
// The fields either side changed since the record was read, in the spec's order.
std::vector<ConflictField> conflict_fields(const EditorState& editor);

// An audit row's time ('YYYY-MM-DD HH:MM:SS') as the rest of the program shows a moment:
// 01.12.2026 18:48. Text that is no such time is shown as it is.
std::string history_time(std::string_view changed_at);

}  // namespace raekoda::ui
