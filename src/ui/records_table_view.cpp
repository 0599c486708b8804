// The records behind a chart element or tile: what they are in words, the filter as chips that
// can be removed one by one, a search, sorting by any column and by the status (done in SQL),
// virtual scrolling. Columns start as wide as what they hold, the table scrolls sideways with
// its first column kept in view, and the header's menu speaks the user's language.

#include <algorithm>
#include <cfloat>

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "core/i18n.h"
#include "core/number_format.h"
#include "core/plural.h"
#include "ui/records_columns.h"
#include "ui/view_layout.h"
#include "ui/views.h"

namespace raekoda::ui {
namespace {

// [SECTION] Rows and the cursor

// The cached row for result row `index`, or nullptr while it is being read.
const Record* cached_row(const TableState& table, std::int64_t index) {
  std::int64_t offset = index - table.first_loaded;
  if (offset < 0 || offset >= static_cast<std::int64_t>(table.rows.size())) return nullptr;
  return &table.rows[static_cast<std::size_t>(offset)];
}

bool typing() {
  return ImGui::GetIO().WantTextInput;
}

void put_cursor(TableState& table, int index) {
  table.cursor = index;
  const Record* row = cached_row(table, index);
  table.cursor_id = row ? row->id : 0;
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

// [SECTION] Layout

float sort_arrow_width() {
  // As TableHeader() reserves it.
  return std::floor(ImGui::GetFontSize() * 0.65f + ImGui::GetStyle().FramePadding.x);
}

float text_width(std::string_view text) {
  return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
}

void plan_once(TableState& table, const UiState& state) {
  if (!table.columns.empty()) return;
  const TableSpec& spec = *table.query.spec;
  std::vector<std::string> statuses;
  if (spec.status)
    for (const Record& row : table.rows)
      statuses.push_back(spec.status(row, state.validation).text);
  table.columns = plan_columns(spec, state.references, statuses,
                               {text_width, ImGui::GetFontSize(), sort_arrow_width()});
}

// Wide enough for every shown column at its width (as the user left it) and for each stretching
// column's minimum at its share; never narrower than the room there is.
float inner_width(const std::vector<ColumnPlan>& plans, const ImGuiTable* previous, float room) {
  const ImGuiStyle& style = ImGui::GetStyle();
  float fixed = 0, weights = 0, stretch_needed = 0;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const ColumnPlan& plan = plans[i];
    const ImGuiTableColumn* column =
        previous && static_cast<int>(i) < previous->ColumnsCount ? &previous->Columns[i] : nullptr;
    bool shown = column ? column->IsEnabled : !(plan.field && plan.field->type == FieldType::notes);
    if (!shown) continue;
    fixed += style.CellPadding.x * 2 + 1;
    if (plan.stretch) {
      float weight = column && column->StretchWeight > 0 ? column->StretchWeight : plan.weight;
      weights += weight;
      stretch_needed = std::max(stretch_needed, plan.width / weight);
    } else {
      fixed += column && column->WidthRequest > 0 ? column->WidthRequest : plan.width;
    }
  }
  return std::max(room, fixed + stretch_needed * weights + style.ScrollbarSize);
}

// [SECTION] Cells

// A cell's text, cut with an ellipsis where the column ends, whole in a tooltip when hovered.
// Only its first line: every row keeps one height for the clipper.
void cut_text(const std::string& text, ImU32 colour, bool hovered_row_item = false) {
  std::string_view line = text;
  bool more_lines = false;
  if (auto newline = line.find('\n'); newline != std::string_view::npos) {
    line = line.substr(0, newline);
    more_lines = true;
  }
  ImVec2 at = ImGui::GetCursorScreenPos();
  float room = ImGui::GetContentRegionAvail().x;
  ImVec2 size = ImGui::CalcTextSize(line.data(), line.data() + line.size());
  bool cut = more_lines || size.x > room;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  if (!cut) {
    draw->AddText(at, colour, line.data(), line.data() + line.size());
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    std::string shown = more_lines ? std::string(line) + " …" : std::string(line);
    ImGui::RenderTextEllipsis(draw, at, ImVec2(at.x + room, at.y + size.y), at.x + room,
                              at.x + room, shown.c_str(), nullptr, nullptr);
    ImGui::PopStyleColor();
  }
  bool hovered = false;
  if (hovered_row_item) {
    // The row's Selectable is the item: the cell is hovered when the mouse is over its part.
    ImVec2 mouse = ImGui::GetMousePos();
    hovered = ImGui::IsItemHovered() && mouse.x >= at.x && mouse.x < at.x + room;
  } else {
    ImGui::Dummy(ImVec2(std::min(size.x, room), ImGui::GetTextLineHeight()));
    hovered = ImGui::IsItemHovered();
  }
  // Its whole width counts when the column is fitted to its contents.
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  window->DC.CursorMaxPos.x = std::max(window->DC.CursorMaxPos.x, at.x + size.x);
  if (cut && hovered) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 35);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

ImU32 tone_colour(RecordStatus::Tone tone, const plot::Theme& theme) {
  using Tone = RecordStatus::Tone;
  return tone == Tone::bad       ? theme.bad
         : tone == Tone::warning ? theme.warning
         : tone == Tone::good    ? theme.good
                                 : theme.text;
}

// [SECTION] Header and its menu

// The header row: labels wrap onto a second line rather than be cut, each click sorts, a right
// click opens the column menu. Returns the column right-clicked, -1 for the space after the
// last, nullopt for none.
std::optional<int> header_row(UiState& state, const std::vector<ColumnPlan>& plans,
                              ImGuiTable& table) {
  float extra = sort_arrow_width();
  float line_height = ImGui::GetTextLineHeight();
  int lines = 1;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const ImGuiTableColumn& column = table.Columns[i];
    if (column.IsEnabled && column.WidthGiven > 0 &&
        text_width(plans[i].label) + extra > column.WidthGiven)
      lines = 2;
  }
  float row_y = ImGui::GetCursorScreenPos().y;
  float row_height = lines * line_height + ImGui::GetStyle().CellPadding.y * 2;
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers, row_height);
  std::optional<int> menu;
  ImU32 colour = ImGui::GetColorU32(ImGuiCol_Text);
  for (int c = 0; c < static_cast<int>(plans.size()); ++c) {
    if (!ImGui::TableSetColumnIndex(c)) continue;
    const std::string& label = plans[static_cast<std::size_t>(c)].label;
    ImVec2 at = ImGui::GetCursorScreenPos();
    float room = ImGui::GetContentRegionAvail().x - extra;
    ImGui::PushID(c);
    ImGui::TableHeader("##header");
    ImGui::PopID();
    remember_item(state, "records.header." + std::to_string(c));
    bool hovered = ImGui::IsItemHovered();
    std::vector<std::string> wrapped = wrap_label(label, room, text_width, lines);
    bool cut = false;
    for (std::size_t l = 0; l < wrapped.size(); ++l) {
      ImVec2 line_at(at.x, at.y + static_cast<float>(l) * line_height);
      float width = text_width(wrapped[l]);
      cut = cut || width > room;
      ImGui::PushStyleColor(ImGuiCol_Text, colour);
      ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), line_at,
                                ImVec2(at.x + room, line_at.y + line_height), at.x + room,
                                at.x + room, wrapped[l].c_str(), nullptr, nullptr);
      ImGui::PopStyleColor();
    }
    // Fitted to its contents, a column still shows its label in two lines.
    float& header_width = table.Columns[c].ContentMaxXHeadersIdeal;
    header_width = std::max(header_width, at.x + two_line_width(label, text_width) + extra);
    if (cut && hovered) ImGui::SetTooltip("%s", label.c_str());
    if (hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Right)) menu = c;
  }
  ImVec2 mouse = ImGui::GetMousePos();
  if (!menu && ImGui::IsMouseReleased(ImGuiMouseButton_Right) &&
      ImGui::TableGetHoveredColumn() == static_cast<int>(plans.size()) && mouse.y >= row_y &&
      mouse.y < row_y + row_height)
    menu = -1;
  // TableHeader() has asked for Dear ImGui's own menu, which is English; this table has its own.
  table.IsContextPopupOpen = false;
  return menu;
}

// What the user chose in the column menu, carried out back in the table.
struct ColumnMenuChoice {
  bool fit_one = false;
  bool fit_all = false;
  bool reset = false;
  std::optional<int> toggle;  // shows or hides this column
};

// Drawn in its popup, where the table is not the current one: it reads `table` itself.
ColumnMenuChoice column_menu(UiState& state, const std::vector<ColumnPlan>& plans, int column,
                             const ImGuiTable& table) {
  ColumnMenuChoice choice;
  bool fits_one = column >= 0 && !plans[static_cast<std::size_t>(column)].stretch &&
                  table.Columns[column].IsEnabled;
  if (column >= 0) {
    if (ImGui::MenuItem(tr("table.columns.fit_one"), nullptr, false, fits_one))
      choice.fit_one = true;
    remember_item(state, "records.columns.fit_one");
  }
  if (ImGui::MenuItem(tr("table.columns.fit_all"))) choice.fit_all = true;
  remember_item(state, "records.columns.fit_all");
  if (ImGui::MenuItem(tr("table.columns.reset"))) choice.reset = true;
  remember_item(state, "records.columns.reset");
  ImGui::Separator();
  ImGui::TextDisabled("%s", tr("table.columns.shown"));
  // Ticking columns on and off keeps the menu open, as a list of choices would.
  ImGui::PushItemFlag(ImGuiItemFlags_SelectableDontClosePopup, true);
  for (int c = 1; c < static_cast<int>(plans.size()); ++c) {
    bool shown = table.Columns[c].IsEnabled;
    std::string item = plans[static_cast<std::size_t>(c)].label + "##shown" + std::to_string(c);
    if (ImGui::MenuItem(item.c_str(), nullptr, shown)) choice.toggle = c;
    remember_item(state, "records.columns.shown." + std::to_string(c));
  }
  ImGui::PopItemFlag();
  return choice;
}

void carry_out(const ColumnMenuChoice& choice, int column, ImGuiTable& table, TableState& state) {
  if (choice.fit_one) ImGui::TableSetColumnWidthAutoSingle(&table, column);
  if (choice.fit_all) ImGui::TableSetColumnWidthAutoAll(&table);
  // Dear ImGui fits over the next frames; a column then keeps at least its starting width.
  if (choice.fit_one || choice.fit_all) state.fitting_frames = 4;
  if (choice.reset) {
    state.columns.clear();  // measured again from the rows at hand
    state.reset_widths = true;
  }
  if (choice.toggle)
    ImGui::TableSetColumnEnabled(*choice.toggle, !(ImGui::TableGetColumnFlags(*choice.toggle) &
                                                   ImGuiTableColumnFlags_IsEnabled));
}

// Fitted to the rows in view, a column is never narrower than it started: a date column whose
// dates are all empty still fits a date.
void keep_starting_widths(const std::vector<ColumnPlan>& plans, ImGuiTable& table) {
  for (std::size_t i = 0; i < plans.size(); ++i) {
    ImGuiTableColumn& column = table.Columns[i];
    if (!plans[i].stretch && column.AutoFitQueue == 0)
      column.WidthRequest = std::max(column.WidthRequest, plans[i].width);
  }
}

// The widths each column started with, as if the table were new.
void reset_widths(const std::vector<ColumnPlan>& plans, ImGuiTable& table) {
  for (std::size_t i = 0; i < plans.size(); ++i) {
    ImGuiTableColumn& column = table.Columns[i];
    if (plans[i].stretch)
      column.StretchWeight = plans[i].weight;
    else
      column.WidthRequest = plans[i].width;
    column.AutoFitQueue = 0;
  }
  table.IsSettingsDirty = true;
}

// A new table shows the sort it was opened with, whatever the last table of its kind had.
void show_query_sort(const TableState& table, const std::vector<ColumnPlan>& plans) {
  ImGuiSortDirection direction =
      table.query.descending ? ImGuiSortDirection_Descending : ImGuiSortDirection_Ascending;
  for (int c = 0; c < static_cast<int>(plans.size()); ++c) {
    const FieldSpec* field = plans[static_cast<std::size_t>(c)].field;
    bool sorted = field ? !table.sort_by_status && field->column == table.query.sort_column
                        : table.sort_by_status;
    if (sorted) {
      ImGui::TableSetColumnSortDirection(c, direction, false);
      return;
    }
  }
  // Opened in the order records were made: the header says the first column, and so it is.
  ImGui::TableSetColumnSortDirection(0, ImGuiSortDirection_Ascending, false);
}

void read_sort(TableState& table, const std::vector<ColumnPlan>& plans) {
  ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs();
  if (!sort || !sort->SpecsDirty) return;
  if (sort->SpecsCount > 0) {
    const ImGuiTableColumnSortSpecs& by = sort->Specs[0];
    const FieldSpec* field = plans[static_cast<std::size_t>(by.ColumnIndex)].field;
    bool descending = by.SortDirection == ImGuiSortDirection_Descending;
    bool by_status = field == nullptr;
    std::string column = field ? std::string(field->column) : table.query.sort_column;
    if (by_status != table.sort_by_status || column != table.query.sort_column ||
        descending != table.query.descending) {
      table.sort_by_status = by_status;
      table.query.sort_column = column;
      table.query.descending = descending;
      table.stale = true;
    }
  }
  sort->SpecsDirty = false;
}

// [SECTION] The table

void draw_rows(UiState& state, TableState& table, Actions& actions, bool cursor_moved) {
  const TableSpec& spec = *table.query.spec;
  const plot::Theme& theme = plot::theme(state.theme);
  const std::vector<ColumnPlan>& plans = table.columns;
  int columns = static_cast<int>(plans.size());
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(table.total));
  if (table.cursor >= 0) clipper.ForceDisplayRangeByIndices(table.cursor, table.cursor + 1);
  // The rows on screen, without the cursor's row that is drawn wherever it is.
  int widest_start = -1, widest_end = -1;
  ImU32 text_colour = ImGui::GetColorU32(ImGuiCol_Text);
  while (clipper.Step()) {
    if (clipper.DisplayEnd - clipper.DisplayStart > widest_end - widest_start) {
      widest_start = clipper.DisplayStart;
      widest_end = clipper.DisplayEnd;
    }
    for (int index = clipper.DisplayStart; index < clipper.DisplayEnd; ++index) {
      ImGui::TableNextRow();
      if (index == table.cursor && (cursor_moved || table.scroll_to_cursor)) {
        ImGui::SetScrollHereY(0.5f);
        table.scroll_to_cursor = false;
      }
      const Record* row = cached_row(table, index);
      ImGui::TableNextColumn();
      if (!row) {
        ImGui::TextDisabled("…");
        continue;
      }
      ImGui::PushID(static_cast<int>(row->id));
      bool selected =
          table.cursor == index || (state.editor && state.editor->original.id == row->id &&
                                    state.editor->spec == table.query.spec);
      // The cells draw their text over it without items of their own that could take the click.
      if (ImGui::Selectable("##row", selected, ImGuiSelectableFlags_SpanAllColumns,
                            ImVec2(0, ImGui::GetTextLineHeight()))) {
        put_cursor(table, index);
        actions.open_record = row->id;
      }
      remember_item(state, "records.row." + std::to_string(index));
      ImGui::SameLine(0, 0);
      cut_text(display_value(spec, *plans[0].field, row->value(plans[0].field->column),
                             state.references),
               text_colour, /*hovered_row_item=*/true);
      for (int c = 1; c < columns; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        if (const FieldSpec* field = plans[static_cast<std::size_t>(c)].field) {
          cut_text(display_value(spec, *field, row->value(field->column), state.references),
                   text_colour);
        } else {
          RecordStatus status = spec.status(*row, state.validation);
          cut_text(status.text, tone_colour(status.tone, theme));
        }
        if (index == 0) remember_item(state, "records.cell.0." + std::to_string(c));
      }
      ImGui::PopID();
    }
  }
  if (widest_start >= 0 && widest_end > widest_start) {
    table.wanted_first = widest_start;
    table.wanted_last = widest_end - 1;
    if (!cached_row(table, table.wanted_first) || !cached_row(table, table.wanted_last))
      actions.load_rows = true;
  }
}

void draw_table(UiState& state, TableState& table, Actions& actions, bool cursor_moved) {
  const TableSpec& spec = *table.query.spec;
  plan_once(table, state);
  const std::vector<ColumnPlan>& plans = table.columns;
  int columns = static_cast<int>(plans.size());

  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_Hideable |
                                    ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollX |
                                    ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                    ImGuiTableFlags_BordersInnerV;
  // One table per kind of record, so that Dear ImGui keeps each one's widths apart.
  std::string table_id = "##records." + std::string(spec.table);
  // The editor's panel lies over the right of the window: the table ends there and scrolls
  // rather than hide its columns under it.
  float room = std::min(
      ImGui::GetContentRegionAvail().x,
      editor_panel_left(state) - ImGui::GetCursorScreenPos().x - ImGui::GetStyle().ItemSpacing.x);
  const ImGuiTable* previous = ImGui::TableFindByID(ImGui::GetID(table_id.c_str()));
  if (!ImGui::BeginTable(table_id.c_str(), columns, flags, ImVec2(room, 0),
                         inner_width(plans, previous, room)))
    return;
  ImGuiTable& imgui_table = *ImGui::GetCurrentTable();
  ImGui::TableSetupScrollFreeze(1, 1);
  for (const ColumnPlan& plan : plans) {
    ImGuiTableColumnFlags column_flags =
        plan.stretch ? ImGuiTableColumnFlags_WidthStretch : ImGuiTableColumnFlags_WidthFixed;
    if (&plan == &plans.front()) column_flags |= ImGuiTableColumnFlags_NoHide;
    if (plan.field && plan.field->type == FieldType::notes)
      column_flags |= ImGuiTableColumnFlags_DefaultHide;
    ImGui::TableSetupColumn(plan.label.c_str(), column_flags,
                            plan.stretch ? plan.weight : plan.width);
  }
  if (table.reset_widths) {
    reset_widths(plans, imgui_table);
    table.reset_widths = false;
  }
  if (table.fitting_frames > 0) {
    --table.fitting_frames;
    keep_starting_widths(plans, imgui_table);
  }
  if (!table.sort_applied) {
    show_query_sort(table, plans);
    table.sort_applied = true;
  }
  std::optional<int> menu = header_row(state, plans, imgui_table);
  read_sort(table, plans);

  if (menu) {
    table.menu_column = *menu;
    ImGui::OpenPopup("##records.columns");
  }
  table.menu_open = ImGui::BeginPopup("##records.columns");
  if (table.menu_open) {
    ColumnMenuChoice choice = column_menu(state, plans, table.menu_column, imgui_table);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    carry_out(choice, table.menu_column, imgui_table, table);
  }
  draw_rows(state, table, actions, cursor_moved);
  ImGui::EndTable();
}

}  // namespace

float editor_panel_left(const UiState& state) {
  if (!state.editor) return FLT_MAX;
  ImGuiWindow* panel = ImGui::FindWindowByName("##editor");
  if (panel && panel->WasActive) return panel->Pos.x;
  // Its first frame: where record_editor.cpp places it.
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  return viewport->WorkPos.x + viewport->WorkSize.x - std::min(640.0f, viewport->WorkSize.x * 0.5f);
}

void draw_records_table(UiState& state, const SessionInfo& session, const Fonts& fonts,
                        Actions& actions) {
  TableState& table = *state.table;
  bool editing = state.editor.has_value();

  // Esc goes back, unless it closes the editor, a field or the column menu first.
  bool escape = !editing && !typing() && !table.menu_open &&
                ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
  if (ImGui::Button(tr("table.back")) || escape) {
    state.table.reset();
    return;
  }
  remember_item(state, "records.back");
  ImGui::SameLine();
  ImGui::PushFont(fonts.title);
  ImGui::TextUnformatted(
      trn("table.heading", table.total, table.title, format_count(table.total)).c_str());
  ImGui::PopFont();

  // The chips, the search and the buttons flow onto as many lines as they need, so that none
  // runs under the editor's panel or past the window in a longer language.
  const float right = std::min(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x,
                               editor_panel_left(state) - ImGui::GetStyle().ItemSpacing.x);
  const ImGuiStyle& style = ImGui::GetStyle();
  auto button_width = [&](const std::string& label) {
    return ImGui::CalcTextSize(label.c_str(), nullptr, true).x + style.FramePadding.x * 2;
  };
  // The next item on this line when it fits, else at the start of the next.
  bool line_started = false;
  auto place = [&](float width, float gap) {
    if (line_started) {
      ImGui::SameLine(0, gap);
      if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
    }
    line_started = true;
  };

  // Chips: each filter in words, removable.
  for (std::size_t i = 0; i < table.query.filters.size(); ++i) {
    std::string chip = table.query.filters[i].label + "  ×##chip" + std::to_string(i);
    place(button_width(chip), style.ItemSpacing.x);
    if (ImGui::SmallButton(chip.c_str())) {
      table.query.filters.erase(table.query.filters.begin() + static_cast<std::ptrdiff_t>(i));
      table.stale = true;
      break;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("table.remove_chip"));
    remember_item(state, "records.chip." + std::to_string(i));
  }
  constexpr float search_width = 260;
  place(search_width, 24);
  ImGui::SetNextItemWidth(search_width);
  if (ImGui::InputTextWithHint("##search", tr("table.search"), &table.search)) {
    table.query.search = table.search;
    table.stale = true;
  }
  remember_item(state, "records.search");
  place(button_width(tr("table.export_csv")), style.ItemSpacing.x);
  if (ImGui::Button(tr("table.export_csv"))) actions.export_csv = true;
  remember_item(state, "records.export");
  place(button_width(tr("table.export_xlsx")), style.ItemSpacing.x);
  if (ImGui::Button(tr("table.export_xlsx"))) actions.export_xlsx = true;
  remember_item(state, "records.export_xlsx");
  place(button_width(tr("table.new")), style.ItemSpacing.x);
  const bool may_add = may_edit(session, table.query.spec->table);
  ImGui::BeginDisabled(!may_add);
  if (ImGui::Button(tr("table.new"))) state.editor = new_record_editor(table);
  ImGui::EndDisabled();
  why_disabled(may_add, why_not_edit(session, table.query.spec->table));
  remember_item(state, "records.new");
  // The keys' hint only where it fits beside the buttons: it is a reminder, not an instruction.
  const char* hint = tr("table.keys_hint");
  ImGui::SameLine(0, style.ItemSpacing.x);
  if (ImGui::GetCursorScreenPos().x + ImGui::CalcTextSize(hint).x <= right) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", hint);
  } else {
    ImGui::NewLine();
  }

  // Keyboard: arrows move, Enter opens.
  bool cursor_moved = false;
  if (!editing && !typing() && table.total > 0) {
    int before = table.cursor;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)))
      put_cursor(table,
                 static_cast<int>(std::min<std::int64_t>(table.cursor + 1, table.total - 1)));
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)))
      put_cursor(table, std::max(table.cursor - 1, 0));
    cursor_moved = table.cursor != before;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) && table.cursor >= 0)
      if (const Record* row = cached_row(table, table.cursor)) actions.open_record = row->id;
  }
  // A row the cursor reached before it was read takes its record once it is.
  if (table.cursor >= 0 && table.cursor_id == 0 && !table.stale)
    if (const Record* row = cached_row(table, table.cursor)) table.cursor_id = row->id;

  // The columns are measured on the first rows; until they arrive there is nothing to show.
  if (!table.columns.empty() || !table.stale) draw_table(state, table, actions, cursor_moved);
  if (table.stale) actions.load_rows = true;
}

}  // namespace raekoda::ui
