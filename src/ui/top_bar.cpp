#include <string>

#include "core/i18n.h"
#include "ui/views.h"

namespace raekoda::ui {

void draw_top_bar(const SessionInfo& session, Date today, UiState& state, const Fonts& fonts,
                  Actions& actions) {
  const plot::Theme& theme = plot::theme(state.theme);
  ImGui::PushFont(fonts.title);
  ImGui::TextUnformatted(tr("app.name"));
  ImGui::PopFont();
  ImGui::SameLine(0, 28);

  for (View view : all_views) {
    bool selected = state.view == view;
    if (selected) {
      ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(theme.neutral));
      ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(theme.neutral));
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    }
    std::string label =
        std::string(tr(view_title_key(view))) + "##view." + std::string(view_key(view));
    if (ImGui::Button(label.c_str())) {
      state.view = view;
      if (state.import) actions.close_import = true;  // a view chosen leaves the import
    }
    remember_item(state, "switcher." + std::string(view_key(view)));
    if (selected) ImGui::PopStyleColor(3);
    ImGui::SameLine();
  }

  // Right-aligned: the day the figures count from and the file they come from, then the import
  // of another system's export into that file.
  std::string context = trf("topbar.context", today.display(), session.database_name);
  if (session.read_only) context += "  ·  " + std::string(tr("topbar.read_only"));
  const char* import_label = tr("topbar.import");
  float button = ImGui::CalcTextSize(import_label).x + ImGui::GetStyle().FramePadding.x * 2;
  float gap = 16;
  float width = ImGui::CalcTextSize(context.c_str()).x + gap + button;
  float right = ImGui::GetWindowContentRegionMax().x;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 20, right - width));
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%s", context.c_str());
  if (session.read_only && ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", tr("topbar.read_only_why"));
  ImGui::SameLine(0, gap);
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
    ImGui::SetTooltip("%s", tr(session.read_only ? "topbar.read_only_why" : "import.open_hint"));
  ImGui::Separator();
  ImGui::Spacing();
}

}  // namespace raekoda::ui
