// The import of another system's export: the file and how it is read, the columns and the
// fields they fill, the first rows as Raekoda will save them, what the dry run found (counts,
// refused rows, register due dates against the law, conflicts with edits made in Raekoda), and
// the import itself with its progress, its summary and its undo.

#include <algorithm>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/i18n.h"
#include "core/number_format.h"
#include "ui/views.h"

namespace raekoda::ui {
namespace {

ImVec4 colour(ImU32 packed) {
  return ImGui::ColorConvertU32ToFloat4(packed);
}

std::string count_text(std::size_t count) {
  return format_count(static_cast<std::int64_t>(count));
}

// Puts the next control on this line when `width` still fits, else on the next.
void same_line_if_fits(float width) {
  float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  ImGui::SameLine();
  if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
}

const ImportOption* find_option(const std::vector<ImportOption>& options, const std::string& key) {
  for (const ImportOption& option : options)
    if (option.key == key) return &option;
  return nullptr;
}

// A labelled combo over `options` with a first entry for "as detected" (`automatic`, when
// given). Its items are named "<name>.option.<key>" so that tests pick them as a user would.
// True when the choice changed.
bool option_combo(UiState& state, const std::string& name, const char* label, std::string& value,
                  const std::vector<ImportOption>& options, const char* automatic,
                  const std::string& automatic_shown, float width, bool first_on_line = false) {
  const ImportOption* chosen = find_option(options, value);
  std::string shown = chosen ? chosen->label : value.empty() ? automatic_shown : value;
  // Wide enough for what it shows: "UTF-8 + BOM (detected)" is read, not guessed at.
  const ImGuiStyle& style = ImGui::GetStyle();
  width = std::max(width, ImGui::CalcTextSize(shown.c_str()).x + ImGui::GetFrameHeight() +
                              style.FramePadding.x * 2 + 4);
  float label_width = ImGui::CalcTextSize(label).x + style.ItemInnerSpacing.x;
  if (!first_on_line) same_line_if_fits(label_width + width);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
  ImGui::SetNextItemWidth(width);
  bool changed = false;
  std::string id = "##" + name;
  bool open = ImGui::BeginCombo(id.c_str(), shown.c_str(), ImGuiComboFlags_HeightLarge);
  remember_item(state, name);
  if (!open) return false;
  if (automatic) {
    if (ImGui::Selectable(automatic, value.empty())) {
      changed = !value.empty();
      value.clear();
    }
    remember_item(state, name + ".option.auto");
  }
  for (const ImportOption& option : options) {
    if (ImGui::Selectable((option.label + "##" + option.key).c_str(), value == option.key)) {
      changed = value != option.key;
      value = option.key;
    }
    remember_item(state, name + ".option." + option.key);
  }
  ImGui::EndCombo();
  return changed;
}

// [SECTION] The file and how it is read

void draw_source_choices(ImportPanel& panel, UiState& state, bool busy, Actions& actions) {
  ImGui::BeginDisabled(busy);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("import.panel.file"));
  ImGui::SameLine();
  float button = ImGui::CalcTextSize(tr("import.panel.preview")).x +
                 ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x;
  ImGui::SetNextItemWidth(std::min(900.0f, ImGui::GetContentRegionAvail().x - button));
  if (ImGui::InputTextWithHint("##import.path", tr("import.panel.path_hint"), &panel.path,
                               ImGuiInputTextFlags_EnterReturnsTrue))
    actions.preview_import = true;
  remember_item(state, "import.path");
  ImGui::SameLine();
  ImGui::BeginDisabled(panel.path.empty());
  if (ImGui::Button(tr("import.panel.preview"))) actions.preview_import = true;
  remember_item(state, "import.preview");
  ImGui::EndDisabled();

  // What the file holds and how it is read: each as found, and changeable.
  std::string guessed = panel.previewed && panel.kind.empty()
                            ? trf("import.panel.guessed_as", panel.found_kind)
                            : std::string(tr("import.panel.guess"));
  if (option_combo(state, "import.kind", tr("import.panel.kind"), panel.kind, panel.kinds,
                   tr("import.panel.guess"), guessed, 200, true)) {
    // Another kind has other fields: the columns are mapped afresh, by its names.
    panel.mapping_adjusted = false;
    if (!panel.preset.empty() && panel.preset != ImportPanel::none_preset) panel.preset.clear();
    actions.preview_import = true;
  }
  // No preset fitted: the columns were matched by the fields' own names.
  std::string preset_guessed = !panel.previewed ? std::string(tr("import.panel.guess"))
                               : panel.found_preset.empty()
                                   ? std::string(tr("import.panel.preset.none"))
                                   : trf("import.panel.guessed_as", panel.found_preset);
  if (option_combo(state, "import.preset", tr("import.panel.preset"), panel.preset, panel.presets,
                   tr("import.panel.guess"), preset_guessed, 160)) {
    // A preset names its own kind.
    if (panel.preset != ImportPanel::none_preset) panel.kind.clear();
    panel.mapping_adjusted = false;
    actions.preview_import = true;
  }
  std::string detected = panel.previewed && !panel.found_encoding.empty()
                             ? trf("import.panel.detected_as", panel.found_encoding)
                             : std::string(tr("import.panel.detect"));
  if (!panel.is_xlsx) {
    if (option_combo(state, "import.encoding", tr("import.panel.encoding"), panel.encoding,
                     panel.encodings, tr("import.panel.detect"), detected, 150))
      actions.preview_import = true;
    std::string separator = panel.previewed && !panel.found_separator.empty()
                                ? trf("import.panel.detected_as", panel.found_separator)
                                : std::string(tr("import.panel.detect"));
    if (option_combo(state, "import.separator", tr("import.panel.separator"), panel.separator,
                     panel.separators, tr("import.panel.detect"), separator, 150))
      actions.preview_import = true;
  } else {
    std::vector<ImportOption> sheets;
    for (const std::string& sheet : panel.sheets) sheets.push_back({sheet, sheet});
    std::string first = panel.sheets.empty() ? "" : panel.sheets.front();
    if (option_combo(state, "import.sheet", tr("import.panel.sheet"), panel.sheet, sheets, nullptr,
                     first, 220))
      actions.preview_import = true;
  }
  ImGui::EndDisabled();
}

// An account list belongs to one system: typed, or chosen among those Raekoda knows.
void draw_system_choice(ImportPanel& panel, UiState& state, bool busy, Actions& actions) {
  ImGui::BeginDisabled(busy);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("import.panel.system"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(260);
  if (ImGui::InputTextWithHint("##import.system", tr("import.panel.system_hint"), &panel.system,
                               ImGuiInputTextFlags_EnterReturnsTrue))
    actions.preview_import = true;
  remember_item(state, "import.system");
  if (ImGui::IsItemDeactivatedAfterEdit()) actions.preview_import = true;
  if (!panel.systems.empty()) {
    ImGui::SameLine(0, 2);
    if (ImGui::BeginCombo("##import.systems", "", ImGuiComboFlags_NoPreview)) {
      for (const std::string& system : panel.systems)
        if (ImGui::Selectable(system.c_str(), panel.system == system)) {
          panel.system = system;
          actions.preview_import = true;
        }
      ImGui::EndCombo();
    }
    remember_item(state, "import.systems");
  }
  if (panel.system.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("import.panel.system_needed"));
  }
  ImGui::EndDisabled();
}

// [SECTION] What the dry run found, and the buttons that act on it

void draw_count(const char* label, std::size_t count, ImU32 accent, const Fonts& fonts,
                bool first = false) {
  if (!first) ImGui::SameLine(0, 26);
  ImGui::TextDisabled("%s", label);
  ImGui::SameLine(0, 6);
  ImGui::PushFont(fonts.bold);
  if (accent) ImGui::PushStyleColor(ImGuiCol_Text, colour(accent));
  ImGui::TextUnformatted(count_text(count).c_str());
  if (accent) ImGui::PopStyleColor();
  ImGui::PopFont();
}

void draw_findings(const ImportPanel& panel, UiState& state, const Fonts& fonts) {
  const plot::Theme& theme = plot::theme(state.theme);
  // How the file was read is in the combos above; this says what was found in it.
  std::string found = trf("import.panel.found", panel.found_kind, count_text(panel.rows),
                          count_text(panel.header_line));
  ImGui::TextDisabled("%s", found.c_str());

  bool done = !panel.summary.empty();
  const ImportCountsText& c = panel.counts;
  draw_count(tr(done ? "import.panel.count.added" : "import.panel.count.would_add"), c.added, 0,
             fonts, true);
  draw_count(tr(done ? "import.panel.count.updated" : "import.panel.count.would_update"), c.updated,
             0, fonts);
  draw_count(tr("import.panel.count.unchanged"), c.unchanged, 0, fonts);
  draw_count(tr("import.panel.count.refused"), c.refused, c.refused ? theme.bad : 0, fonts);
  draw_count(tr("import.panel.count.conflicts"), c.conflicts, c.conflicts ? theme.warning : 0,
             fonts);
  draw_count(tr("import.panel.count.names_added"), c.names_added, 0, fonts);
}

void draw_save_preset(ImportPanel& panel, UiState& state, Actions& actions) {
  if (!panel.saving_preset) {
    if (ImGui::Button(tr("import.panel.save_preset"))) {
      panel.saving_preset = true;
      if (panel.preset_name.empty()) panel.preset_name = panel.found_preset;
      panel.focus_preset_name = true;
    }
    remember_item(state, "import.save_preset");
    return;
  }
  ImGui::SetNextItemWidth(260);
  if (panel.focus_preset_name) {
    ImGui::SetKeyboardFocusHere();
    panel.focus_preset_name = false;
  }
  bool enter = ImGui::InputTextWithHint("##import.preset_name", tr("import.panel.preset_name_hint"),
                                        &panel.preset_name, ImGuiInputTextFlags_EnterReturnsTrue);
  remember_item(state, "import.preset_name");
  ImGui::SameLine();
  ImGui::BeginDisabled(panel.preset_name.empty());
  if (ImGui::Button(tr("import.panel.preset_save")) || (enter && !panel.preset_name.empty()))
    actions.save_import_preset = true;
  remember_item(state, "import.preset_save");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr("import.panel.preset_cancel"))) panel.saving_preset = false;
}

void draw_run_buttons(ImportPanel& panel, UiState& state, const SessionInfo& session,
                      const Fonts& fonts, Actions& actions) {
  const plot::Theme& theme = plot::theme(state.theme);
  if (panel.running) {
    std::string overlay =
        trf(panel.running_import ? "import.panel.importing" : "import.panel.reading",
            count_text(panel.rows_read));
    ImGui::ProgressBar(panel.fraction, ImVec2(360, 0), overlay.c_str());
    ImGui::SameLine();
    if (ImGui::Button(tr("import.panel.cancel"))) actions.cancel_import = true;
    remember_item(state, "import.cancel");
    return;
  }
  if (!panel.previewed) return;
  auto needed = permission_to_import(panel.found_kind_key);
  bool allowed = needed ? may(session, *needed) : !session.read_only;
  bool can_import = panel.importable && allowed && panel.error.empty() &&
                    !(panel.needs_system && panel.system.empty());
  ImGui::BeginDisabled(!can_import);
  ImGui::PushStyleColor(ImGuiCol_Button, colour(theme.neutral));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour(theme.neutral));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  ImGui::PushFont(fonts.bold);
  // With conflicts, the button says how many will take the file's values.
  std::size_t taken = panel.take_all
                          ? panel.counts.conflicts
                          : static_cast<std::size_t>(std::count_if(
                                panel.conflicts.begin(), panel.conflicts.end(),
                                [](const ImportConflictView& c) { return c.take_file; }));
  std::string run = taken > 0 ? trf("import.panel.run_with_conflicts", count_text(taken))
                              : std::string(tr("import.panel.run"));
  if (ImGui::Button((run + "##import.run").c_str())) actions.run_import = true;
  ImGui::PopFont();
  ImGui::PopStyleColor(3);
  ImGui::EndDisabled();
  remember_item(state, "import.run");
  if (!can_import && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    const char* why = session.read_only                            ? read_only_why(session)
                      : !allowed                                   ? "topbar.not_your_role"
                      : panel.needs_system && panel.system.empty() ? "import.panel.system_needed"
                      : !panel.summary.empty()                     ? "import.panel.already_done"
                                                                   : "import.panel.nothing_to_do";
    ImGui::SetTooltip("%s", tr(why));
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(panel.columns.empty());
  draw_save_preset(panel, state, actions);
  ImGui::EndDisabled();
}

void draw_outcome(ImportPanel& panel, UiState& state, const SessionInfo& session,
                  const Fonts& fonts) {
  const plot::Theme& theme = plot::theme(state.theme);
  if (!panel.summary.empty()) {
    ImGui::PushFont(fonts.bold);
    ImGui::PushStyleColor(ImGuiCol_Text, colour(theme.good));
    ImGui::TextUnformatted(panel.summary.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (panel.written_id) {
      ImGui::SameLine(0, 20);
      ImGui::BeginDisabled(session.read_only || panel.running);
      if (ImGui::Button(tr("import.panel.undo_this"))) panel.confirm_undo = panel.written_id;
      remember_item(state, "import.undo_this");
      ImGui::EndDisabled();
    }
  }
  if (!panel.message.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text,
                          colour(panel.message_is_problem ? theme.bad : theme.text_muted));
    ImGui::TextWrapped("%s", panel.message.c_str());
    ImGui::PopStyleColor();
  }
  if (!panel.error.empty() || !panel.failure.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour(theme.bad));
    ImGui::TextWrapped("%s", (panel.error.empty() ? panel.failure : panel.error).c_str());
    ImGui::PopStyleColor();
  }
}

// [SECTION] The columns of the file and the fields they fill

void draw_mapping(ImportPanel& panel, UiState& state, bool busy, const Fonts& fonts,
                  Actions& actions) {
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(tr("import.panel.columns"));
  ImGui::PopFont();
  ImGui::TextDisabled("%s", tr("import.panel.columns_hint"));
  constexpr ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  ImGui::BeginDisabled(busy);
  if (ImGui::BeginTable("##import.mapping", 2, flags)) {
    ImGui::TableSetupColumn(tr("import.panel.column_in_file"), ImGuiTableColumnFlags_WidthStretch,
                            1);
    ImGui::TableSetupColumn(tr("import.panel.column_field"), ImGuiTableColumnFlags_WidthStretch,
                            1.3f);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < panel.columns.size(); ++i) {
      ImportColumn& column = panel.columns[i];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      if (column.field.empty())
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
      ImGui::TextUnformatted(column.header.empty() ? "–" : column.header.c_str());
      if (column.field.empty()) ImGui::PopStyleColor();
      if (ImGui::IsItemHovered() &&
          ImGui::CalcTextSize(column.header.c_str()).x > ImGui::GetColumnWidth())
        ImGui::SetTooltip("%s", column.header.c_str());
      ImGui::TableNextColumn();
      const ImportOption* field = find_option(panel.fields, column.field);
      std::string name = "import.column." + std::to_string(i);
      ImGui::SetNextItemWidth(-FLT_MIN);
      bool open = ImGui::BeginCombo(("##" + name).c_str(),
                                    field ? field->label.c_str() : tr("import.panel.not_imported"),
                                    ImGuiComboFlags_HeightLarge);
      remember_item(state, name);
      if (!open) continue;
      std::string chosen = column.field;
      if (ImGui::Selectable(tr("import.panel.not_imported"), column.field.empty())) chosen.clear();
      remember_item(state, "import.column.option.none");
      for (const ImportOption& option : panel.fields) {
        // A field is filled from one column: one taken elsewhere says from where.
        std::string from;
        for (const ImportColumn& other : panel.columns)
          if (&other != &column && other.field == option.key) from = other.header;
        std::string label =
            from.empty() ? option.label : trf("import.panel.field_taken", option.label, from);
        if (ImGui::Selectable((label + "##" + option.key).c_str(), column.field == option.key))
          chosen = option.key;
        remember_item(state, "import.column.option." + option.key);
      }
      ImGui::EndCombo();
      if (chosen != column.field) {
        for (ImportColumn& other : panel.columns)
          if (!chosen.empty() && other.field == chosen) other.field.clear();
        column.field = chosen;
        panel.mapping_adjusted = true;
        actions.preview_import = true;
      }
    }
    ImGui::EndTable();
  }
  ImGui::EndDisabled();
  if (!panel.unmapped.empty()) {
    ImGui::Spacing();
    std::string list;
    for (const std::string& name : panel.unmapped) list += (list.empty() ? "" : ", ") + name;
    ImGui::TextDisabled("%s", tr("import.panel.unmapped"));
    ImGui::TextWrapped("%s", list.c_str());
  }
}

// [SECTION] The rows as saved, the refused rows, the law, the conflicts, the history

void draw_preview_rows(const ImportPanel& panel, UiState& state) {
  const plot::Theme& theme = plot::theme(state.theme);
  if (panel.preview.empty()) {
    ImGui::TextDisabled("%s", tr("import.panel.no_preview_rows"));
    return;
  }
  bool any_problem = std::any_of(panel.preview.begin(), panel.preview.end(),
                                 [](const ImportPreviewRow& row) { return !row.problem.empty(); });
  int columns = 1 + static_cast<int>(panel.preview_headers.size()) + (any_problem ? 1 : 0);
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                    ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollX |
                                    ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
  // Dear ImGui keeps a table's column widths by its id: another set of columns (a column
  // remapped, the problems gone) gets an id, and widths fitted to it, of its own.
  std::string id = "##import.rows";
  for (const std::string& header : panel.preview_headers) id += "|" + header;
  if (any_problem) id += "|!";
  if (!ImGui::BeginTable(id.c_str(), columns, flags, ImVec2(0, 0))) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn(tr("import.panel.line"));
  // A problem comes right after the line number, where it is seen without scrolling; a long
  // one is cut to the column and read whole on hover.
  if (any_problem)
    ImGui::TableSetupColumn(tr("import.panel.problem"), ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 16);
  for (const std::string& header : panel.preview_headers) ImGui::TableSetupColumn(header.c_str());
  ImGui::TableHeadersRow();
  ImU32 tint =
      (theme.bad & 0x00FFFFFF) | (theme.kind == plot::ThemeKind::dark ? 0x50000000 : 0x30000000);
  for (std::size_t r = 0; r < panel.preview.size(); ++r) {
    const ImportPreviewRow& row = panel.preview[r];
    ImGui::TableNextRow();
    if (!row.problem.empty()) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, tint);
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%zu", row.line);
    if (any_problem) {
      ImGui::TableNextColumn();
      // The row's tint marks it; the text stays in the text colour, readable on the tint in
      // either theme.
      if (!row.problem.empty()) {
        ImGui::TextUnformatted(row.problem.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", row.problem.c_str());
      }
    }
    for (const std::string& cell : row.cells) {
      ImGui::TableNextColumn();
      // Long titles are cut to the column; the whole text is a hover away.
      ImGui::TextUnformatted(cell.c_str());
      if (ImGui::IsItemHovered() && (cell.size() > 40 || !row.problem.empty()))
        ImGui::SetTooltip("%s", row.problem.empty() ? cell.c_str() : row.problem.c_str());
    }
    if (r == 0) remember_item(state, "import.row.0");
  }
  ImGui::EndTable();
}

void draw_refused(const ImportPanel& panel, UiState& state) {
  if (panel.refused.empty()) {
    ImGui::TextDisabled("%s", tr("import.panel.no_refused"));
    return;
  }
  if (panel.counts.refused > panel.refused.size())
    ImGui::TextDisabled("%s", trf("import.panel.refused_listed", count_text(panel.refused.size()),
                                  count_text(panel.counts.refused))
                                  .c_str());
  constexpr ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("##import.refused", 2, flags, ImVec2(0, 0))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("import.panel.line"), ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize("000000").x);
  ImGui::TableSetupColumn(tr("import.panel.reason"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  // Thousands of refused rows cost only the ones on screen.
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(panel.refused.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const ImportRefusedRow& row = panel.refused[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%zu", row.line);
      if (i == 0) remember_item(state, "import.refused.0");
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.reason.c_str());
      if (ImGui::IsItemHovered() &&
          ImGui::CalcTextSize(row.reason.c_str()).x > ImGui::GetColumnWidth())
        ImGui::SetTooltip("%s", row.reason.c_str());
    }
  ImGui::EndTable();
}

void draw_law_differences(const ImportPanel& panel) {
  ImGui::TextWrapped("%s", tr("import.panel.law_hint"));
  if (panel.law_differences.empty()) {
    ImGui::TextDisabled("%s", tr("import.panel.no_law_differences"));
    return;
  }
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                    ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##import.law", 4, flags, ImVec2(0, 0))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("import.panel.line"));
  ImGui::TableSetupColumn(tr("import.panel.reg_number"));
  ImGui::TableSetupColumn(tr("import.panel.register_due"));
  ImGui::TableSetupColumn(tr("import.panel.law_due"));
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(panel.law_differences.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const ImportLawDifference& row = panel.law_differences[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%zu", row.line);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.reg_number.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.register_due.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.law_due.c_str());
    }
  ImGui::EndTable();
}

void draw_conflicts(ImportPanel& panel, UiState& state, bool busy, const Fonts& fonts) {
  const plot::Theme& theme = plot::theme(state.theme);
  ImGui::TextWrapped("%s", tr("import.panel.conflicts_hint"));
  if (panel.conflicts.empty()) {
    ImGui::TextDisabled("%s", tr("import.panel.no_conflicts"));
    return;
  }
  ImGui::BeginDisabled(busy || !panel.summary.empty());
  ImGui::Checkbox(tr("import.panel.take_all"), &panel.take_all);
  remember_item(state, "import.take_all");
  ImGui::BeginChild("##import.conflict_list", ImVec2(0, 0), false);
  // Each conflict is a few lines; past a few hundred, "all" is the practical choice.
  constexpr std::size_t shown = 300;
  for (std::size_t i = 0; i < panel.conflicts.size() && i < shown; ++i) {
    ImportConflictView& conflict = panel.conflicts[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::Separator();
    ImGui::PushFont(fonts.bold);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(conflict.key.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", trf("import.panel.on_line", conflict.line).c_str());
    ImGui::SameLine(0, 24);
    bool take = panel.take_all || conflict.take_file;
    ImGui::BeginDisabled(panel.take_all);
    if (ImGui::RadioButton(tr("import.panel.keep_ours"), !take)) conflict.take_file = false;
    remember_item(state, "import.conflict." + std::to_string(i) + ".keep");
    ImGui::SameLine();
    if (ImGui::RadioButton(tr("import.panel.take_theirs"), take)) conflict.take_file = true;
    remember_item(state, "import.conflict." + std::to_string(i) + ".take");
    ImGui::EndDisabled();
    constexpr ImGuiTableFlags flags =
        ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##fields", 3, flags)) {
      ImGui::TableSetupColumn(tr("import.panel.conflict_field"), ImGuiTableColumnFlags_WidthStretch,
                              0.6f);
      ImGui::TableSetupColumn(tr("import.panel.conflict_ours"), ImGuiTableColumnFlags_WidthStretch,
                              1);
      ImGui::TableSetupColumn(tr("import.panel.conflict_theirs"),
                              ImGuiTableColumnFlags_WidthStretch, 1);
      ImGui::TableHeadersRow();
      for (const ImportConflictView::Field& field : conflict.fields) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", field.label.c_str());
        // The version that will be kept is in the text colour, the other muted.
        ImGui::TableNextColumn();
        if (take) ImGui::PushStyleColor(ImGuiCol_Text, colour(theme.text_muted));
        ImGui::TextWrapped("%s", field.ours.empty() ? "–" : field.ours.c_str());
        if (take) ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        if (!take) ImGui::PushStyleColor(ImGuiCol_Text, colour(theme.text_muted));
        ImGui::TextWrapped("%s", field.theirs.empty() ? "–" : field.theirs.c_str());
        if (!take) ImGui::PopStyleColor();
      }
      ImGui::EndTable();
    }
    ImGui::PopID();
  }
  if (panel.conflicts.size() > shown)
    ImGui::TextDisabled(
        "%s",
        trf("import.panel.more_conflicts", count_text(panel.conflicts.size() - shown)).c_str());
  ImGui::EndChild();
  ImGui::EndDisabled();
}

void draw_recent(ImportPanel& panel, UiState& state, const SessionInfo& session, bool busy) {
  if (panel.recent.empty()) {
    ImGui::TextDisabled("%s", tr("import.panel.no_recent"));
    return;
  }
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                    ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp |
                                    ImGuiTableFlags_PadOuterX;
  if (!ImGui::BeginTable("##import.recent", 5, flags, ImVec2(0, 0))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("import.panel.recent_when"), ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn(tr("import.panel.recent_file"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn(tr("import.panel.recent_by"), ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn(tr("import.panel.recent_result"), ImGuiTableColumnFlags_WidthStretch,
                          1.6f);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < panel.recent.size(); ++i) {
    const ImportHistoryEntry& entry = panel.recent[i];
    ImGui::PushID(static_cast<int>(entry.id));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(entry.when.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(entry.file.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s", entry.kind.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(entry.run_by.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(entry.summary.c_str());
    ImGui::TableNextColumn();
    if (entry.undone) {
      ImGui::TextDisabled("%s", tr("import.panel.undone_mark"));
    } else {
      ImGui::BeginDisabled(session.read_only || busy);
      if (ImGui::SmallButton(tr("import.panel.undo"))) panel.confirm_undo = entry.id;
      ImGui::EndDisabled();
      remember_item(state, "import.recent." + std::to_string(i) + ".undo");
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

// Undoing an import takes back many rows at once: the user says yes first.
void draw_undo_confirmation(ImportPanel& panel, UiState& state, Actions& actions) {
  if (panel.confirm_undo && !ImGui::IsPopupOpen("##import.confirm_undo"))
    ImGui::OpenPopup("##import.confirm_undo");
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("##import.confirm_undo", nullptr,
                              ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar))
    return;
  std::string what;
  for (const ImportHistoryEntry& entry : panel.recent)
    if (panel.confirm_undo && entry.id == *panel.confirm_undo)
      what = trf("import.panel.undo_question", entry.file, entry.when, entry.summary);
  if (what.empty()) what = tr("import.panel.undo_question_this");
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
  ImGui::TextWrapped("%s", what.c_str());
  ImGui::TextDisabled("%s", tr("import.panel.undo_explained"));
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  if (ImGui::Button(tr("import.panel.undo_yes"))) {
    actions.undo_import = panel.confirm_undo;
    panel.confirm_undo.reset();
    ImGui::CloseCurrentPopup();
  }
  remember_item(state, "import.undo_yes");
  ImGui::SameLine();
  if (ImGui::Button(tr("import.panel.undo_no")) ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    panel.confirm_undo.reset();
    ImGui::CloseCurrentPopup();
  }
  remember_item(state, "import.undo_no");
  ImGui::EndPopup();
}

// A tab whose label may be in a meaning colour: refused rows and conflicts ask to be looked at.
bool tab(UiState& state, const std::string& label, const char* name, ImU32 accent = 0) {
  if (accent) ImGui::PushStyleColor(ImGuiCol_Text, colour(accent));
  bool open = ImGui::BeginTabItem((label + "###" + name).c_str());
  if (accent) ImGui::PopStyleColor();
  remember_item(state, name);
  return open;
}

void draw_tabs(ImportPanel& panel, UiState& state, const SessionInfo& session, bool busy,
               const Fonts& fonts) {
  const plot::Theme& theme = plot::theme(state.theme);
  if (!ImGui::BeginTabBar("##import.tabs")) return;
  if (panel.previewed) {
    if (tab(state, tr("import.panel.tab.rows"), "import.tab.rows")) {
      draw_preview_rows(panel, state);
      ImGui::EndTabItem();
    }
    if (tab(state, trf("import.panel.tab.refused", count_text(panel.counts.refused)),
            "import.tab.refused", panel.counts.refused ? theme.bad : 0)) {
      draw_refused(panel, state);
      ImGui::EndTabItem();
    }
    if (panel.found_kind == tr("import.kind.documents") &&
        tab(state, trf("import.panel.tab.law", count_text(panel.law_differences.size())),
            "import.tab.law")) {
      draw_law_differences(panel);
      ImGui::EndTabItem();
    }
    if (tab(state, trf("import.panel.tab.conflicts", count_text(panel.counts.conflicts)),
            "import.tab.conflicts", panel.counts.conflicts ? theme.bad : 0)) {
      draw_conflicts(panel, state, busy, fonts);
      ImGui::EndTabItem();
    }
  }
  if (tab(state, tr("import.panel.tab.recent"), "import.tab.recent")) {
    draw_recent(panel, state, session, busy);
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

}  // namespace

void draw_import(UiState& state, const SessionInfo& session, const Fonts& fonts, Actions& actions) {
  ImportPanel& panel = *state.import;
  bool busy = panel.running;
  bool typing = ImGui::GetIO().WantTextInput;
  bool popup = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
  ImGui::BeginDisabled(panel.running_import);
  if (ImGui::Button(tr("import.panel.back")) ||
      (!typing && !popup && !panel.running_import &&
       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))))
    actions.close_import = true;
  ImGui::EndDisabled();
  remember_item(state, "import.back");
  ImGui::SameLine();
  ImGui::PushFont(fonts.title);
  ImGui::TextUnformatted(tr("import.panel.title"));
  ImGui::PopFont();
  ImGui::SameLine(0, 16);
  ImGui::TextDisabled("%s", tr("import.panel.drop_hint"));

  draw_source_choices(panel, state, busy, actions);
  if (panel.needs_system || panel.kind == "accounts")
    draw_system_choice(panel, state, busy, actions);
  ImGui::Spacing();
  if (panel.previewed && panel.error.empty()) draw_findings(panel, state, fonts);
  draw_run_buttons(panel, state, session, fonts, actions);
  draw_outcome(panel, state, session, fonts);
  ImGui::Separator();

  if (panel.previewed && panel.error.empty() && !panel.columns.empty()) {
    // The mapping beside what it gives: a changed column shows at once in the rows next to it.
    float left = std::clamp(ImGui::GetContentRegionAvail().x * 0.3f, 360.0f, 460.0f);
    ImGui::BeginChild("##import.mapping_side", ImVec2(left, 0), false);
    draw_mapping(panel, state, busy, fonts, actions);
    ImGui::EndChild();
    ImGui::SameLine(0, 16);
    ImGui::BeginChild("##import.findings_side", ImVec2(0, 0), false);
    draw_tabs(panel, state, session, busy, fonts);
    ImGui::EndChild();
  } else {
    if (!panel.previewed && !busy) ImGui::TextDisabled("%s", tr("import.panel.start_hint"));
    draw_tabs(panel, state, session, busy, fonts);
  }
  draw_undo_confirmation(panel, state, actions);
}

}  // namespace raekoda::ui
