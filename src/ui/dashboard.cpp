#include "ui/dashboard.h"

#include "core/i18n.h"
#include "ui/views.h"

namespace raekoda::ui {

ImVec2 ItemProbe::centre(std::string_view name) const {
  auto found = items.find(name);
  if (found == items.end()) return ImVec2(-1, -1);
  const ItemProbe::Rect& r = found->second;
  return ImVec2((r.min.x + r.max.x) / 2, (r.min.y + r.max.y) / 2);
}

void remember_item(UiState& state, std::string_view name) {
  if (!state.probe) return;
  state.probe->items[std::string(name)] = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
}

std::string view_title_key(View view) {
  return "view." + std::string(view_key(view));
}

void draw_dashboard(const DashboardFigures& figures, const SessionInfo& session, UiState& state,
                    const Fonts& fonts, Actions& actions) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##dashboard", nullptr, flags);

  if (figures.database_empty) {
    draw_welcome(session, state, fonts, actions);
  } else {
    draw_top_bar(session, figures.overview.today, state, fonts);
    if (!session.notice.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text,
                            ImGui::ColorConvertU32ToFloat4(plot::theme(state.theme).bad));
      ImGui::TextWrapped("%s", session.notice.c_str());
      ImGui::PopStyleColor();
    }
    ImGui::BeginChild("##view", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    if (state.view == View::overview)
      draw_overview(figures.overview, state, fonts);
    else if (const AreaSummary* summary = figures.area(state.view))
      draw_area_summary(*summary, state, fonts);
    ImGui::EndChild();
  }
  ImGui::End();
}

}  // namespace raekoda::ui
