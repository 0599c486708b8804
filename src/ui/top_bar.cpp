// The top bar: the views as tabs, the day and the file the figures come from, the import and
// the language. On a small screen, or beside the record editor that covers the right of the
// window, the tabs take their short names (the full one in a tooltip) and the rest gives way, so
// every tab and the language stay in reach.

#include <algorithm>
#include <cfloat>
#include <string>

#include <imgui.h>

#include "core/i18n.h"
#include "ui/records_columns.h"
#include "ui/views.h"

namespace raekoda::ui {
namespace {

// The bar ends at the window's right edge, or where the record editor's panel lies over it.
float bar_right_edge(const UiState& state) {
  float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  return std::min(right, editor_panel_left(state) - ImGui::GetStyle().ItemSpacing.x);
}

float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

// How much of the bar fits, most first: the name, full tab names, the day and file, the import.
struct BarLayout {
  bool app_name = true;
  bool short_tabs = false;
  bool context = true;
  bool import_button = true;
};

float tabs_width(bool short_names) {
  float width = 0;
  for (View view : all_views) {
    std::string key = (short_names ? "view.short." : "view.") + std::string(view_key(view));
    width += button_width(tr(key)) + ImGui::GetStyle().ItemSpacing.x;
  }
  return width;
}

BarLayout bar_layout(float room, float name, float context, float import_button) {
  constexpr float gap = 16;
  float full = tabs_width(false), short_names = tabs_width(true);
  for (BarLayout layout :
       {BarLayout{true, false, true, true}, BarLayout{true, false, false, true},
        BarLayout{true, true, true, true}, BarLayout{true, true, false, true},
        BarLayout{false, true, false, true}, BarLayout{false, true, false, false}}) {
    float width = (layout.app_name ? name : 0) + (layout.short_tabs ? short_names : full) +
                  (layout.context ? context + gap : 0) +
                  (layout.import_button ? import_button + gap : 0);
    if (width <= room) return layout;
  }
  return {false, true, false, false};
}

// The language menu: the current one's code on the button, each language by its own name in
// the list, so that a reader who cannot read the current one still finds hers.
void language_menu(UiState& state, Actions& actions) {
  std::string code(language_code(current_language()));
  for (char& letter : code) letter = static_cast<char>(letter - 'a' + 'A');
  if (ImGui::Button((code + "##topbar.language").c_str())) ImGui::OpenPopup("language");
  remember_item(state, "topbar.language");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", trf("topbar.language", language_endonym(current_language())).c_str());
  // Under the button, its right edge on the button's: the bar's other controls stay in view.
  ImGui::SetNextWindowPos(ImVec2(ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y),
                          ImGuiCond_Always, ImVec2(1, 0));
  if (!ImGui::BeginPopup("language")) return;
  for (Language language : all_languages) {
    std::string label = std::string(language_endonym(language)) + "##language." +
                        std::string(language_code(language));
    if (ImGui::Selectable(label.c_str(), language == current_language()))
      actions.switch_language = language;
    remember_item(state, "language." + std::string(language_code(language)));
  }
  ImGui::EndPopup();
}

// A tab opens its view: a drill-down table or an import open over the last view is left, and
// an editor with nothing unsaved is closed with it.
void open_view(View view, UiState& state, Actions& actions) {
  state.view = view;
  state.table.reset();
  if (state.editor && !state.editor->dirty()) state.editor.reset();
  if (state.import) actions.close_import = true;
}

std::string top_bar_standing(const SessionInfo& session) {
  std::string standing;
  if (!session.person.empty()) standing += "  ·  " + session.person;
  if (!session.role.empty()) standing += "  ·  " + session.role;
  if (session.read_only) standing += "  ·  " + std::string(tr("topbar.read_only"));
  return standing;
}

}  // namespace

std::string top_bar_context(const SessionInfo& session, std::optional<Date> today) {
  // Without figures there is no day they were counted on: the file alone, never 01.01.1970.
  return (today ? trf("topbar.context", today->display(), session.database_name)
                : session.database_name) +
         top_bar_standing(session);
}

void draw_top_bar(const SessionInfo& session, std::optional<Date> today, UiState& state,
                  const Fonts& fonts, Actions& actions) {
  const plot::Theme& theme = plot::theme(state.theme);
  constexpr float name_gap = 28;
  // Where the whole line does not fit, the role and the read-only mark keep their place without
  // the day, which every view's own heading says too.
  std::string standing = top_bar_standing(session);
  const std::string full_context = top_bar_context(session, today);
  std::string context = full_context;
  const char* import_label = tr("topbar.import");
  ImGui::PushFont(fonts.title);
  float name_width = ImGui::CalcTextSize(tr("app.name")).x + name_gap;
  ImGui::PopFont();
  float left = ImGui::GetCursorScreenPos().x;
  constexpr float gap = 16;
  const float language_width = button_width("RU");
  const float room = bar_right_edge(state) - left - language_width - gap;
  BarLayout layout = bar_layout(room, name_width, ImGui::CalcTextSize(context.c_str()).x,
                                button_width(import_label));
  // Narrower, the day goes first, then the file: who is at the keyboard stays longest.
  if (!standing.empty() && (!layout.context || layout.short_tabs)) {
    for (std::string compact :
         {session.database_name + standing, standing.substr(std::string("  ·  ").size())}) {
      BarLayout narrower = bar_layout(room, name_width, ImGui::CalcTextSize(compact.c_str()).x,
                                      button_width(import_label));
      if (narrower.context && (!layout.context || !narrower.short_tabs)) {
        layout = narrower;
        context = compact;
        break;
      }
    }
  }

  if (layout.app_name) {
    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted(tr("app.name"));
    ImGui::PopFont();
    if ((!layout.context || context != full_context) && ImGui::IsItemHovered())
      ImGui::SetTooltip("%s", full_context.c_str());
    ImGui::SameLine(0, name_gap);
  }

  for (View view : all_views) {
    bool selected = state.view == view;
    if (selected) {
      ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(theme.neutral));
      ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(theme.neutral));
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    }
    std::string key(view_key(view));
    std::string label =
        std::string(tr((layout.short_tabs ? "view.short." : "view.") + key)) + "##view." + key;
    if (ImGui::Button(label.c_str())) open_view(view, state, actions);
    remember_item(state, "switcher." + key);
    if (selected) ImGui::PopStyleColor(3);
    if (layout.short_tabs && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("view." + key));
    ImGui::SameLine();
  }

  // Right-aligned: the day the figures count from and the file they come from, the import of
  // another system's export into that file, and the language.
  float right = bar_right_edge(state) - ImGui::GetWindowPos().x;
  float width = (layout.context ? ImGui::CalcTextSize(context.c_str()).x + gap : 0) +
                (layout.import_button ? button_width(import_label) + gap : 0) + language_width;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX() + gap, right - width));
  if (layout.context) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", context.c_str());
    if (session.read_only && ImGui::IsItemHovered())
      ImGui::SetTooltip("%s", tr(read_only_why(session)));
    ImGui::SameLine(0, gap);
  }
  if (layout.import_button) {
    bool importing = state.import.has_value();
    if (importing) {
      ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(theme.neutral));
      ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(theme.neutral));
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    }
    ImGui::BeginDisabled(session.read_only);
    if (ImGui::Button((std::string(import_label) + "##topbar.import").c_str()) && !importing)
      actions.open_import = true;
    ImGui::EndDisabled();
    if (importing) ImGui::PopStyleColor(3);
    remember_item(state, "topbar.import");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip("%s", tr(session.read_only ? read_only_why(session) : "import.open_hint"));
    ImGui::SameLine(0, gap);
  }
  language_menu(state, actions);
  ImGui::Separator();
  ImGui::Spacing();
}

}  // namespace raekoda::ui
