// The records behind a chart element or tile: what they are in words, the filter as chips that
// can be removed one by one, a search, sorting by any column (done in SQL), virtual scrolling.

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/i18n.h"
#include "core/number_format.h"
#include "core/plural.h"
#include "ui/view_layout.h"
#include "ui/views.h"

namespace raekoda::ui {
namespace {

// The cached row for result row `index`, or nullptr while it is being read.
const Record* cached_row(const TableState& table, std::int64_t index) {
  std::int64_t offset = index - table.first_loaded;
  if (offset < 0 || offset >= static_cast<std::int64_t>(table.rows.size())) return nullptr;
  return &table.rows[static_cast<std::size_t>(offset)];
}

bool typing() {
  return ImGui::GetIO().WantTextInput;
}

// A new record starts with what the table's filter already says (the tone clicked, say) and
// flags off; everything else is for the user to fill in.
EditorState new_record_editor(const TableState& table) {
  EditorState editor;
  editor.spec = table.query.spec;
  for (const FieldSpec& field : editor.spec->fields) {
    if (field.type == FieldType::flag) editor.edited.set(field.column, "0");
    if (field.blank_not_null) editor.edited.set(field.column, "");
  }
  for (const RecordFilter& filter : table.query.filters)
    if (filter.kind == RecordFilter::Kind::equals && editor.spec->field(filter.column))
      editor.edited.set(filter.column, filter.value);
  editor.original = editor.edited;
  editor.original.values.clear();
  return editor;
}

}  // namespace

void draw_records_table(UiState& state, const SessionInfo& session, const Fonts& fonts,
                        Actions& actions) {
  TableState& table = *state.table;
  const TableSpec& spec = *table.query.spec;
  const plot::Theme& theme = plot::theme(state.theme);
  bool editing = state.editor.has_value();

  if (ImGui::Button(tr("table.back")) ||
      (!editing && !typing() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))) {
    state.table.reset();
    return;
  }
  remember_item(state, "records.back");
  ImGui::SameLine();
  ImGui::PushFont(fonts.title);
  ImGui::TextUnformatted(
      trn("table.heading", table.total, table.title, format_count(table.total)).c_str());
  ImGui::PopFont();

  // Chips: each filter in words, removable.
  for (std::size_t i = 0; i < table.query.filters.size(); ++i) {
    if (i) ImGui::SameLine();
    std::string chip = table.query.filters[i].label + "  ×##chip" + std::to_string(i);
    if (ImGui::SmallButton(chip.c_str())) {
      table.query.filters.erase(table.query.filters.begin() + static_cast<std::ptrdiff_t>(i));
      table.stale = true;
      break;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("table.remove_chip"));
    remember_item(state, "records.chip." + std::to_string(i));
  }
  if (!table.query.filters.empty()) ImGui::SameLine(0, 24);
  ImGui::SetNextItemWidth(260);
  if (ImGui::InputTextWithHint("##search", tr("table.search"), &table.search)) {
    table.query.search = table.search;
    table.stale = true;
  }
  remember_item(state, "records.search");
  ImGui::SameLine();
  if (ImGui::Button(tr("table.export_csv"))) actions.export_csv = true;
  ImGui::SameLine();
  ImGui::BeginDisabled(session.read_only);
  if (ImGui::Button(tr("table.new"))) state.editor = new_record_editor(table);
  ImGui::EndDisabled();
  remember_item(state, "records.new");
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr("table.keys_hint"));

  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_Hideable |
                                    ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollY |
                                    ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                    ImGuiTableFlags_SizingFixedFit;
  // Where each record stands today comes second, when the table's records have a status.
  bool with_status = spec.status != nullptr;
  int columns = static_cast<int>(spec.fields.size()) + (with_status ? 1 : 0);
  auto field_of_column = [&](int column) -> const FieldSpec* {
    if (with_status && column == 1) return nullptr;
    return &spec.fields[static_cast<std::size_t>(with_status && column > 1 ? column - 1 : column)];
  };
  // One table per kind of record, so that Dear ImGui keeps each one's columns and sort apart.
  std::string table_id = "##records." + std::string(spec.table);
  if (!ImGui::BeginTable(table_id.c_str(), columns, flags, ImVec2(0, 0))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (int column = 0; column < columns; ++column) {
    const FieldSpec* found = field_of_column(column);
    if (!found) {
      ImGui::TableSetupColumn(tr("table.status"), ImGuiTableColumnFlags_NoSort, 0.0f);
      continue;
    }
    const FieldSpec& field = *found;
    ImGuiTableColumnFlags column_flags = ImGuiTableColumnFlags_None;
    if (field.type == FieldType::notes) column_flags |= ImGuiTableColumnFlags_DefaultHide;
    if (field.column == table.query.sort_column) column_flags |= ImGuiTableColumnFlags_DefaultSort;
    float width = field.type == FieldType::text    ? 260.0f
                  : field.type == FieldType::notes ? 200.0f
                                                   : 0.0f;
    ImGui::TableSetupColumn(tr(field_label_key(spec, field)), column_flags, width);
  }
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs(); sort && sort->SpecsDirty) {
    if (sort->SpecsCount > 0) {
      const ImGuiTableColumnSortSpecs& by = sort->Specs[0];
      if (const FieldSpec* field = field_of_column(by.ColumnIndex)) {
        table.query.sort_column = std::string(field->column);
        table.query.descending = by.SortDirection == ImGuiSortDirection_Descending;
        table.stale = true;
      }
    }
    sort->SpecsDirty = false;
  }

  // Keyboard: arrows move, Enter opens.
  bool cursor_moved = false;
  if (!editing && !typing() && table.total > 0) {
    int before = table.cursor;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)))
      table.cursor = static_cast<int>(std::min<std::int64_t>(table.cursor + 1, table.total - 1));
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)))
      table.cursor = std::max(table.cursor - 1, 0);
    cursor_moved = table.cursor != before;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) && table.cursor >= 0)
      if (const Record* row = cached_row(table, table.cursor)) actions.open_record = row->id;
  }

  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(table.total));
  if (table.cursor >= 0) clipper.ForceDisplayRangeByIndices(table.cursor, table.cursor + 1);
  std::int64_t first_shown = -1;
  std::int64_t last_shown = -1;
  while (clipper.Step()) {
    for (int index = clipper.DisplayStart; index < clipper.DisplayEnd; ++index) {
      if (first_shown < 0) first_shown = index;
      last_shown = index;
      ImGui::TableNextRow();
      const Record* row = cached_row(table, index);
      ImGui::TableNextColumn();
      if (!row) {
        ImGui::TextDisabled("…");
        continue;
      }
      ImGui::PushID(static_cast<int>(row->id));
      bool selected =
          table.cursor == index || (state.editor && state.editor->original.id == row->id);
      std::string first =
          display_value(spec, spec.fields[0], row->value(spec.fields[0].column), state.references);
      if (ImGui::Selectable((first + "##row").c_str(), selected,
                            ImGuiSelectableFlags_SpanAllColumns)) {
        table.cursor = index;
        actions.open_record = row->id;
      }
      if (index == table.cursor && cursor_moved) ImGui::SetScrollHereY(0.5f);
      if (index == 0) remember_item(state, "records.row.0");
      for (int c = 1; c < columns; ++c) {
        if (!ImGui::TableNextColumn()) continue;
        if (const FieldSpec* field = field_of_column(c))
          ImGui::TextUnformatted(
              display_value(spec, *field, row->value(field->column), state.references).c_str());
        else
          draw_record_status(spec.status(*row, state.validation), theme);
      }
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
  if (first_shown >= 0) {
    table.wanted_first = first_shown;
    table.wanted_last = last_shown;
    if (!cached_row(table, first_shown) || !cached_row(table, last_shown)) actions.load_rows = true;
  }
  if (table.stale) actions.load_rows = true;
}

}  // namespace raekoda::ui
