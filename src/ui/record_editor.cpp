// The record editor: fields by type, a message per invalid field, Save disabled until the record
// is valid; the history of the record; and, after a colleague's save, both versions side by side.

#include <algorithm>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/i18n.h"
#include "core/text.h"
#include "ui/record_editor_state.h"
#include "ui/view_layout.h"
#include "ui/views.h"

namespace raekoda::ui {
namespace {

// Text as the database keeps it: empty is NULL, or '' where the column may not be NULL.
std::optional<std::string> entered(const FieldSpec& field, const std::string& text) {
  if (text.empty() && !field.blank_not_null) return std::nullopt;
  return text;
}

// Dear ImGui 1.86 names only the keys its own widgets use (A, C, V, X, Y, Z). Its GLFW backend
// indexes the key array by GLFW key codes, which for letters are their upper-case ASCII codes.
bool ctrl_pressed(char letter) {
  return ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(static_cast<int>(letter));
}

// dd.mm.yyyy typed ↔ YYYY-MM-DD stored; what does not parse is kept as typed, so validation
// names it instead of silently dropping it.
void date_field(UiState& state, EditorState& editor, const FieldSpec& field, const char* id) {
  std::string column(field.column);
  const auto& stored = editor.edited.value(column);
  auto typed = editor.typed.find(column);
  if (typed == editor.typed.end()) {
    std::string shown;
    if (stored) {
      if (field.type == FieldType::date)
        shown = Date::parse_iso(*stored) ? Date::parse_iso(*stored)->display() : *stored;
      else
        shown = DateTime::parse_iso(*stored) ? DateTime::parse_iso(*stored)->display() : *stored;
    }
    typed = editor.typed.emplace(column, shown).first;
  }
  ImGui::SetNextItemWidth(field.type == FieldType::date ? 130.0f : 170.0f);
  if (ImGui::InputTextWithHint(
          id, tr(field.type == FieldType::date ? "editor.date_hint" : "editor.date_time_hint"),
          &typed->second)) {
    const std::string& text = typed->second;
    if (text.empty()) {
      editor.edited.set(column, std::nullopt);
    } else if (field.type == FieldType::date) {
      auto day = Date::parse_display(text);
      editor.edited.set(column, day ? day->iso() : text);
    } else {
      auto space = text.find(' ');
      auto day = Date::parse_display(text.substr(0, space));
      auto moment = day && space != std::string::npos
                        ? DateTime::parse_iso(day->iso() + text.substr(space))
                        : std::nullopt;
      editor.edited.set(column, moment ? moment->iso() : text);
    }
  }
  remember_item(state, "edit." + column);
  if (field.type != FieldType::date) return;
  // A calendar to pick from: the month of the current value, Monday first.
  ImGui::SameLine();
  std::string popup = std::string("calendar") + id;
  if (ImGui::Button((std::string("▼") + id).c_str())) ImGui::OpenPopup(popup.c_str());
  if (ImGui::BeginPopup(popup.c_str())) {
    static Date month = Date::today().month_start();
    if (ImGui::IsWindowAppearing())
      month = (stored && Date::parse_iso(*stored) ? *Date::parse_iso(*stored) : Date::today())
                  .month_start();
    if (ImGui::ArrowButton("##previous", ImGuiDir_Left)) month = month.plus_months(-1);
    ImGui::SameLine();
    ImGui::Text("%s %d", tr("month.long." + std::to_string(month.month())), month.year());
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) month = month.plus_months(1);
    if (ImGui::BeginTable("##days", 7)) {
      for (int d = 1; d <= 7; ++d) {
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", tr("weekday.short." + std::to_string(d)));
      }
      Date day = month.week_start();
      for (int cell = 0; cell < 42; ++cell, day = day.plus_days(1)) {
        ImGui::TableNextColumn();
        if (day.month() != month.month()) continue;
        if (ImGui::Selectable(std::to_string(day.day()).c_str(), stored == day.iso())) {
          editor.edited.set(column, day.iso());
          editor.typed[column] = day.display();
          ImGui::CloseCurrentPopup();
        }
      }
      ImGui::EndTable();
    }
    ImGui::EndPopup();
  }
}

void choice_field(EditorState& editor, const FieldSpec& field, const char* id) {
  std::string column(field.column);
  const auto& value = editor.edited.value(column);
  std::string current = value ? choice_name(field.choice_list, *value) : "";
  ImGui::SetNextItemWidth(260);
  if (!ImGui::BeginCombo(id, current.c_str())) return;
  if (!field.required && ImGui::Selectable("–", !value)) editor.edited.set(column, std::nullopt);
  for (std::string_view key : field.choices) {
    std::string name = tr("enum." + std::string(field.choice_list) + "." + std::string(key));
    if (ImGui::Selectable(name.c_str(), value == key)) editor.edited.set(column, std::string(key));
  }
  ImGui::EndCombo();
}

// A combo of names with a search box: people, outlets, systems, among hundreds.
void reference_field(EditorState& editor, const FieldSpec& field, const char* id,
                     const ReferenceLabels& labels) {
  std::string column(field.column);
  const auto& value = editor.edited.value(column);
  std::string current = value ? display_value(*editor.spec, field, value, labels) : "";
  ImGui::SetNextItemWidth(320);
  if (!ImGui::BeginCombo(id, current.c_str(), ImGuiComboFlags_HeightLarge)) return;
  static std::string search;
  if (ImGui::IsWindowAppearing()) {
    search.clear();
    ImGui::SetKeyboardFocusHere();
  }
  ImGui::InputTextWithHint("##find", tr("table.search"), &search);
  std::string wanted = fold_case(search);
  if (!field.required && ImGui::Selectable("–", !value)) editor.edited.set(column, std::nullopt);
  int shown = 0;
  for (const auto& [ref, name] : labels.ordered(field.reference_table)) {
    if (!wanted.empty() && fold_case(*name).find(wanted) == std::string::npos) continue;
    if (++shown > 200) break;  // a long list is narrowed by searching, not scrolling
    std::string key = std::to_string(ref);
    if (ImGui::Selectable((*name + "##" + key).c_str(), value == key))
      editor.edited.set(column, key);
  }
  ImGui::EndCombo();
}

// Document types are the keys of the deadline rules, shown by their names.
void document_type_field(EditorState& editor, const FieldSpec& field, const char* id,
                         const ReferenceLabels& labels) {
  std::string column(field.column);
  const auto& value = editor.edited.value(column);
  std::string current = value ? tr("doc_type." + *value) : "";
  ImGui::SetNextItemWidth(320);
  if (!ImGui::BeginCombo(id, current.c_str())) return;
  for (const std::string& key : labels.document_types)
    if (ImGui::Selectable(tr("doc_type." + key), value == key)) editor.edited.set(column, key);
  ImGui::EndCombo();
}

// A web or e-mail address, with a button beside it that hands it to the browser or the mail
// program. The button works in a read-only editor too: opening changes nothing.
void link_field(UiState& state, EditorState& editor, const FieldSpec& field, bool read_only,
                Actions& actions) {
  std::string column(field.column);
  std::string text = editor.edited.value(column).value_or("");
  bool mail = field.link == LinkKind::email;
  const char* label = tr(mail ? "editor.link.write" : "editor.link.open");
  float button = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::BeginDisabled(read_only);
  ImGui::SetNextItemWidth(-(button + ImGui::GetStyle().ItemSpacing.x));
  if (ImGui::InputText(("##" + column).c_str(), &text))
    editor.edited.set(column, entered(field, text));
  ImGui::EndDisabled();
  remember_item(state, "edit." + column);
  ImGui::SameLine();
  ImGui::BeginDisabled(text.empty());
  if (ImGui::Button((std::string(label) + "##open_" + column).c_str()))
    actions.open_link = Actions::OpenLink{text, field.link};
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && !text.empty())
    ImGui::SetTooltip("%s", tr(mail ? "editor.link.write_hint" : "editor.link.open_hint"));
  remember_item(state, "edit." + column + ".open");
}

void field_input(UiState& state, EditorState& editor, const FieldSpec& field, bool read_only) {
  const ReferenceLabels& labels = state.references;
  std::string column(field.column);
  std::string id = "##" + column;
  ImGui::BeginDisabled(read_only);
  switch (field.type) {
    case FieldType::text:
    case FieldType::integer: {
      std::string text = editor.edited.value(column).value_or("");
      ImGui::SetNextItemWidth(field.type == FieldType::integer ? 130.0f : -1.0f);
      if (ImGui::InputText(id.c_str(), &text)) editor.edited.set(column, entered(field, text));
      break;
    }
    case FieldType::notes: {
      std::string text = editor.edited.value(column).value_or("");
      if (ImGui::InputTextMultiline(id.c_str(), &text, ImVec2(-1, ImGui::GetTextLineHeight() * 4)))
        editor.edited.set(column, entered(field, text));
      break;
    }
    case FieldType::date:
    case FieldType::date_time:
      date_field(state, editor, field, id.c_str());
      break;
    case FieldType::choice:
      choice_field(editor, field, id.c_str());
      break;
    case FieldType::reference:
      if (field.reference_table == "deadline_rules")
        document_type_field(editor, field, id.c_str(), labels);
      else
        reference_field(editor, field, id.c_str(), labels);
      break;
    case FieldType::flag: {
      bool on = editor.edited.value(column) == "1";
      if (ImGui::Checkbox(id.c_str(), &on)) editor.edited.set(column, on ? "1" : "0");
      break;
    }
  }
  ImGui::EndDisabled();
}

// Under a field a colleague changed while the editor was open: what it held before.
void changed_meanwhile_note(const UiState& state, const EditorState& editor, const FieldSpec& field,
                            const plot::Theme& theme) {
  auto changed = editor.changed_meanwhile.find(field.column);
  if (changed == editor.changed_meanwhile.end()) return;
  std::string before = display_value(*editor.spec, field, changed->second, state.references);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.warning));
  ImGui::TextWrapped("%s",
                     trf("editor.field_changed_meanwhile", before.empty() ? "–" : before).c_str());
  ImGui::PopStyleColor();
}

void draw_fields(UiState& state, EditorState& editor, bool read_only, const plot::Theme& theme,
                 Actions& actions) {
  const TableSpec& spec = *editor.spec;
  if (!ImGui::BeginTable("##fields", 2, ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, 190);
  ImGui::TableSetupColumn("input", ImGuiTableColumnFlags_WidthStretch);
  // A text box being typed in keeps its own copy of the text. When a colleague's version comes
  // in (or the record goes), the boxes take new ids, so that none writes its stale copy back.
  ImGui::PushID(static_cast<int>(editor.original.version * 4 + (editor.theirs ? 1 : 0) +
                                 (editor.deleted_meanwhile ? 2 : 0)));
  for (const FieldSpec& field : spec.fields) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    bool changed_meanwhile = editor.changed_meanwhile.count(std::string(field.column)) > 0;
    if (changed_meanwhile)
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.warning));
    ImGui::TextUnformatted(tr(field_label_key(spec, field)));
    if (changed_meanwhile) ImGui::PopStyleColor();
    if (field.required) {
      ImGui::SameLine(0, 2);
      ImGui::TextDisabled("*");
    }
    ImGui::TableNextColumn();
    std::optional<std::string> before = editor.edited.value(field.column);
    if (editor.focus == field.column) {
      ImGui::SetKeyboardFocusHere();
      editor.focus.clear();
    }
    if (field.link != LinkKind::none)
      link_field(state, editor, field, read_only, actions);
    else
      field_input(state, editor, field, read_only);
    // What follows from the change (a due date from the document's type) is filled in, and
    // shown as stored rather than as typed.
    if (spec.derive && editor.edited.value(field.column) != before) {
      Record was = editor.edited;
      spec.derive(editor.edited, field.column, state.validation);
      for (const std::string& column : changed_columns(spec, was, editor.edited))
        editor.typed.erase(column);
    }
    // A date or link field names its text box itself, not the button beside it.
    if (field.type != FieldType::date && field.type != FieldType::date_time &&
        field.link == LinkKind::none)
      remember_item(state, "edit." + std::string(field.column));
    changed_meanwhile_note(state, editor, field, theme);
    for (const FieldError& error : editor.errors)
      if (error.column == field.column) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.bad));
        ImGui::TextWrapped("%s", error.message.c_str());
        ImGui::PopStyleColor();
      }
  }
  ImGui::PopID();
  ImGui::EndTable();
}

void draw_history(const EditorState& editor, const ReferenceLabels& labels) {
  if (editor.history.empty()) {
    note(tr("editor.no_history"));
    return;
  }
  constexpr ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("##history", 5, flags)) return;
  for (const char* key :
       {"history.when", "history.who", "history.field", "history.before", "history.after"})
    ImGui::TableSetupColumn(tr(key));
  ImGui::TableHeadersRow();
  for (const AuditEntry& entry : editor.history) {
    const FieldSpec* field = editor.spec->field(entry.field);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(history_time(entry.changed_at).c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%s (%s)", entry.changed_by.c_str(), tr("history.action." + entry.action));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(field ? tr(field_label_key(*editor.spec, *field)) : entry.field.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(field ? display_value(*editor.spec, *field, entry.before, labels).c_str()
                                 : "");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(field ? display_value(*editor.spec, *field, entry.after, labels).c_str()
                                 : "");
  }
  ImGui::EndTable();
}

// The next button goes beside the last item when it fits in the window, else below it.
void beside_if_fits(const char* next_label) {
  const ImGuiStyle& style = ImGui::GetStyle();
  float needed = style.ItemSpacing.x + ImGui::CalcTextSize(next_label).x + style.FramePadding.x * 2;
  float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + needed <= right_edge) ImGui::SameLine();
}

// Mine and theirs, field by field; the user keeps theirs, takes the other, or picks per field.
void draw_conflict(UiState& state, EditorState& editor, const plot::Theme& theme,
                   Actions& actions) {
  const Record& theirs = *editor.theirs;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.bad));
  ImGui::TextWrapped("%s", tr("editor.conflict"));
  ImGui::PopStyleColor();
  if (ImGui::BeginTable("##conflict", 4,
                        ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    float keep_width = ImGui::CalcTextSize(tr("conflict.keep_mine")).x +
                       ImGui::CalcTextSize(tr("conflict.take_theirs")).x +
                       ImGui::GetFrameHeight() * 2 + 30;
    ImGui::TableSetupColumn(tr("conflict.field"), ImGuiTableColumnFlags_WidthFixed, 120);
    ImGui::TableSetupColumn(tr("conflict.mine"), ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn(tr("conflict.theirs"), ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn(tr("conflict.keep"), ImGuiTableColumnFlags_WidthFixed, keep_width);
    ImGui::TableHeadersRow();
    for (const ConflictField& changed : conflict_fields(editor)) {
      const std::string& column = changed.column;
      const FieldSpec& field = *editor.spec->field(column);
      bool mine = changed.by != ChangedBy::colleague;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", tr(field_label_key(*editor.spec, field)));
      // The same field changed on both sides is where the user's choice matters most.
      if (changed.by == ChangedBy::both) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.bad));
        ImGui::TextWrapped("%s", tr("conflict.both_changed"));
        ImGui::PopStyleColor();
      }
      ImGui::TableNextColumn();
      ImGui::TextWrapped(
          "%s", display_value(*editor.spec, field, editor.edited.value(column), state.references)
                    .c_str());
      ImGui::TableNextColumn();
      ImGui::TextWrapped(
          "%s", display_value(*editor.spec, field, theirs.value(column), state.references).c_str());
      ImGui::TableNextColumn();
      bool& take = editor.take_theirs[column];
      if (!mine) take = true;  // only they changed it: theirs stands
      ImGui::PushID(column.c_str());
      ImGui::BeginDisabled(!mine);
      if (ImGui::RadioButton(tr("conflict.keep_mine"), !take)) take = false;
      remember_item(state, "merge.keep_mine." + column);
      ImGui::SameLine();
      if (ImGui::RadioButton(tr("conflict.take_theirs"), take)) take = true;
      remember_item(state, "merge.take_theirs." + column);
      ImGui::EndDisabled();
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (ImGui::Button(tr("conflict.save_choice"))) {
    merge_theirs(editor, false);
    actions.save = true;
  }
  remember_item(state, "merge.save_choice");
  beside_if_fits(tr("conflict.apply_choice"));
  // When the colleague's save came in while the user was still typing, the user may go on.
  if (ImGui::Button(tr("conflict.apply_choice"))) merge_theirs(editor, false);
  remember_item(state, "merge.apply_choice");
  beside_if_fits(tr("conflict.take_all_theirs"));
  if (ImGui::Button(tr("conflict.take_all_theirs"))) merge_theirs(editor, true);
  remember_item(state, "merge.take_all_theirs");
}

// The questions before discarding changes or deleting; true when the user chose to discard.
bool confirm_popups(EditorState& editor, Actions& actions) {
  bool discard = false;
  if (editor.confirm_cancel) ImGui::OpenPopup("##confirm_cancel");
  if (ImGui::BeginPopupModal("##confirm_cancel", nullptr,
                             ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
    ImGui::TextUnformatted(tr("editor.discard_question"));
    if (ImGui::Button(tr("editor.discard"))) {
      discard = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("editor.keep_editing"))) {
      editor.confirm_cancel = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  if (editor.confirm_delete) ImGui::OpenPopup("##confirm_delete");
  if (ImGui::BeginPopupModal("##confirm_delete", nullptr,
                             ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
    ImGui::TextUnformatted(tr("editor.delete_question"));
    if (ImGui::Button(tr("editor.delete"))) {
      actions.delete_record = true;
      editor.confirm_delete = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("editor.keep_editing"))) {
      editor.confirm_delete = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  return discard;
}

// Where the record stands by its saved values: what is typed counts once it is saved.
void draw_saved_status(const EditorState& editor, const plot::Theme& theme) {
  if (editor.status.text.empty()) return;
  draw_record_status(editor.status, theme);
  if (editor.dirty()) {
    ImGui::SameLine();
    note(tr("editor.status_as_saved"));
  }
}
}  // namespace

void draw_record_editor(UiState& state, const SessionInfo& session, const Fonts& fonts,
                        Actions& actions) {
  EditorState& editor = *state.editor;
  const plot::Theme& theme = plot::theme(state.theme);
  // What a new record holds before anything is typed, so that leaving it untouched asks nothing.
  if (editor.original.id == 0 && !editor.prefilled) editor.prefilled = editor.edited;
  editor.errors = validate(*editor.spec, editor.original, editor.edited, state.validation);
  bool valid = editor.errors.empty();
  bool unsaved = has_unsaved_input(editor);
  editor.status = saved_status(editor, state.validation);

  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  float width = std::min(640.0f, viewport->WorkSize.x * 0.5f);
  ImGui::SetNextWindowPos(
      ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - width, viewport->WorkPos.y));
  ImGui::SetNextWindowSize(ImVec2(width, viewport->WorkSize.y));
  ImGui::Begin(
      "##editor", nullptr,
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  const FieldSpec& first = editor.spec->fields[0];
  ImGui::PushFont(fonts.title);
  std::string heading = editor.original.id
                            ? display_value(*editor.spec, first,
                                            editor.original.value(first.column), state.references)
                            : tr("editor.new");
  ImGui::TextWrapped("%s", heading.c_str());
  ImGui::PopFont();
  draw_saved_status(editor, theme);
  const bool may_change = may_edit(session, editor.spec->table);
  if (session.read_only)
    ImGui::TextDisabled("%s", session.damaged        ? tr("topbar.read_only_why.damaged")
                              : session.role.empty() ? tr("editor.read_only")
                                                     : tr("topbar.read_only_why.role"));
  else if (!may_change)
    note(tr("topbar.not_your_role"));
  if (editor.deleted_meanwhile) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme.bad));
    ImGui::TextWrapped("%s", tr("editor.deleted_meanwhile"));
    ImGui::PopStyleColor();
  }
  if (!editor.message.empty()) ImGui::TextWrapped("%s", editor.message.c_str());

  bool read_only = !may_change || editor.theirs.has_value() || editor.deleted_meanwhile;
  if (editor.theirs) draw_conflict(state, editor, theme, actions);

  bool close = false;
  ImGui::BeginDisabled(!valid || read_only || !editor.dirty());
  if (ImGui::Button(tr("editor.save"))) actions.save = true;
  ImGui::EndDisabled();
  remember_item(state, "edit.save");
  if (!valid && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("%s", tr("editor.fix_first"));
  ImGui::SameLine();
  if (ImGui::Button(tr("editor.cancel"))) {
    if (unsaved)
      editor.confirm_cancel = true;
    else
      close = true;
  }
  remember_item(state, "edit.cancel");
  ImGui::SameLine();
  ImGui::BeginDisabled(read_only || editor.original.id == 0);
  if (ImGui::Button(tr("editor.delete"))) editor.confirm_delete = true;
  ImGui::EndDisabled();

  // Ctrl+S saves, Esc cancels (asking when there are changes), Ctrl+Z undoes one's last save.
  if (ctrl_pressed('S') && valid && !read_only && editor.dirty()) actions.save = true;
  if (ctrl_pressed('Z') && !ImGui::GetIO().WantTextInput && !read_only) actions.undo = true;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) &&
      !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
    if (unsaved)
      editor.confirm_cancel = true;
    else
      close = true;
  }
  if (!close) close = confirm_popups(editor, actions);

  ImGui::Separator();
  if (!close && ImGui::BeginTabBar("##editor_tabs")) {
    bool fields_open = ImGui::BeginTabItem(tr("editor.fields"));
    remember_item(state, "edit.tab.fields");
    if (fields_open) {
      ImGui::BeginChild("##fields_scroll");
      draw_fields(state, editor, read_only, theme, actions);
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    bool history_open = ImGui::BeginTabItem(tr("editor.history"));
    remember_item(state, "edit.tab.history");
    if (history_open) {
      draw_history(editor, state.references);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::End();
  // Only now, with nothing more drawn from it, may the editor's state go.
  if (close) state.editor.reset();
}

}  // namespace raekoda::ui
