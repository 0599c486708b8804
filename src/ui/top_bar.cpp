#include <string>

#include "core/i18n.h"
#include "ui/views.h"

namespace raekoda::ui {

void draw_top_bar(const SessionInfo& session, Date today, UiState& state, const Fonts& fonts) {
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
    if (ImGui::Button(label.c_str())) state.view = view;
    remember_item(state, "switcher." + std::string(view_key(view)));
    if (selected) ImGui::PopStyleColor(3);
    ImGui::SameLine();
  }

  // Right-aligned: the day the figures count from and the file they come from.
  std::string context = trf("topbar.context", today.display(), session.database_name);
  if (session.read_only) context += "  ·  " + std::string(tr("topbar.read_only"));
  float width = ImGui::CalcTextSize(context.c_str()).x;
  float right = ImGui::GetWindowContentRegionMax().x;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 20, right - width));
  ImGui::TextDisabled("%s", context.c_str());
  if (session.read_only && ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", tr("topbar.read_only_why"));
  ImGui::Separator();
  ImGui::Spacing();
}

}  // namespace raekoda::ui
