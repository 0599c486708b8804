#include <algorithm>

#include "core/i18n.h"
#include "ui/views.h"

namespace raekoda::ui {

void draw_welcome(const SessionInfo& session, UiState& state, const Fonts& fonts,
                  Actions& actions) {
  ImVec2 available = ImGui::GetContentRegionAvail();
  float width = std::min(640.0f, available.x);
  ImGui::SetCursorPos(ImVec2((available.x - width) / 2, available.y * 0.2f));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::PushFont(fonts.headline);
  ImGui::TextUnformatted(tr("welcome.heading"));
  ImGui::PopFont();
  ImGui::Spacing();
  ImGui::TextWrapped("%s", tr("welcome.body"));
  ImGui::Spacing();
  ImGui::TextDisabled("%s", trf("welcome.database", session.database_name).c_str());
  ImGui::Spacing();
  if (session.read_only) {
    ImGui::TextWrapped("%s", tr("welcome.read_only"));
  } else {
    if (ImGui::Button(tr("welcome.load_demo"))) actions.load_demo_data = true;
    remember_item(state, "welcome.load_demo");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("welcome.load_demo_hint"));
  }
  if (!session.notice.empty()) ImGui::TextWrapped("%s", session.notice.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
}

}  // namespace raekoda::ui
