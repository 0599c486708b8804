#include "ui/record_editor_state.h"

#include <algorithm>

namespace raekoda::ui {
namespace {

bool contains(const std::vector<std::string>& columns, std::string_view column) {
  return std::find(columns.begin(), columns.end(), column) != columns.end();
}

// A field the user changed to something other than what the colleague saved in it.
bool clashes(const EditorState& editor, const Record& theirs) {
  for (const std::string& column : changed_columns(*editor.spec, editor.original, editor.edited)) {
    const auto& their_value = theirs.value(column);
    if (their_value != editor.original.value(column) && their_value != editor.edited.value(column))
      return true;
  }
  return false;
}

}  // namespace

bool has_unsaved_input(const EditorState& editor) {
  // A record deleted meanwhile cannot be saved: closing it loses nothing that could be kept.
  if (editor.deleted_meanwhile) return false;
  if (editor.original.id != 0) return editor.dirty();
  const Record& start = editor.prefilled ? *editor.prefilled : editor.original;
  return !changed_columns(*editor.spec, start, editor.edited).empty();
}

RecordStatus saved_status(const EditorState& editor, const ValidationContext& context) {
  if (!editor.spec->status || editor.original.id == 0) return {};
  return editor.spec->status(editor.original, context);
}

void follow_saved_record(EditorState& editor, const std::optional<Record>& current) {
  if (editor.original.id == 0 || editor.deleted_meanwhile) return;
  if (!current) {
    editor.deleted_meanwhile = true;
    editor.theirs.reset();
    editor.take_theirs.clear();
    return;
  }
  const Record& known = editor.theirs ? *editor.theirs : editor.original;
  if (current->version == known.version) return;
  show_theirs(editor, *current);
  if (clashes(editor, *current)) return;
  // Nothing of the user's is at stake: theirs comes in beside the user's own changes.
  editor.take_theirs.clear();
  merge_theirs(editor, false);
}

void show_theirs(EditorState& editor, const Record& theirs) {
  const Record& known = editor.theirs ? *editor.theirs : editor.original;
  // The value each field had before the colleague's first change since the editor opened.
  for (const std::string& column : changed_columns(*editor.spec, known, theirs))
    editor.changed_meanwhile.try_emplace(column, known.value(column));
  editor.theirs = theirs;
}

void merge_theirs(EditorState& editor, bool all_theirs) {
  if (!editor.theirs) return;
  const Record& theirs = *editor.theirs;
  Record merged = theirs;
  for (const std::string& column : changed_columns(*editor.spec, editor.original, editor.edited)) {
    auto choice = editor.take_theirs.find(column);
    bool take = all_theirs || (choice != editor.take_theirs.end() && choice->second);
    if (!take) merged.set(column, editor.edited.value(column));
  }
  // A date typed by hand shows the value it now holds.
  for (const std::string& column : changed_columns(*editor.spec, editor.edited, merged))
    editor.typed.erase(column);
  editor.original = theirs;
  editor.edited = std::move(merged);
  editor.theirs.reset();
  editor.take_theirs.clear();
}

std::vector<ConflictField> conflict_fields(const EditorState& editor) {
  std::vector<ConflictField> fields;
  if (!editor.theirs) return fields;
  std::vector<std::string> mine = changed_columns(*editor.spec, editor.original, editor.edited);
  std::vector<std::string> theirs = changed_columns(*editor.spec, editor.original, *editor.theirs);
  for (const FieldSpec& field : editor.spec->fields) {
    bool by_me = contains(mine, field.column);
    bool by_them = contains(theirs, field.column);
    if (!by_me && !by_them) continue;
    fields.push_back({std::string(field.column), by_me && by_them ? ChangedBy::both
                                                 : by_me          ? ChangedBy::me
                                                                  : ChangedBy::colleague});
  }
  return fields;
}

std::string history_time(std::string_view changed_at) {
  bool with_seconds = changed_at.size() == 19 && changed_at[16] == ':';
  if (changed_at.size() == 16 || with_seconds)
    if (auto moment = DateTime::parse_iso(changed_at.substr(0, 16))) return moment->display();
  return std::string(changed_at);
}

}  // namespace raekoda::ui
