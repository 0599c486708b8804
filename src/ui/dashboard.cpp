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

plot::ChartState& UiState::chart(std::string_view id) {
  auto found = charts.find(id);
  if (found == charts.end()) found = charts.emplace(std::string(id), plot::ChartState{}).first;
  return found->second;
}

plot::ChartContext UiState::chart_context(const Fonts& fonts) {
  return {&plot::theme(theme), fonts.bold, &image_requests};
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

  if (state.view == View::gallery) {
    draw_gallery(state, fonts);
  } else if (figures.database_empty) {
    draw_welcome(session, state, fonts, actions);
  } else {
    draw_top_bar(session, figures.overview.today, state, fonts, actions);
    if (!session.notice.empty()) {
      const plot::Theme& theme = plot::theme(state.theme);
      ImU32 colour = session.notice_is_problem ? theme.bad : theme.text_muted;
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour));
      ImGui::TextWrapped("%s", session.notice.c_str());
      ImGui::PopStyleColor();
    }
    ImGui::BeginChild("##view", ImVec2(0, 0), false, ImGuiWindowFlags_NoBackground);
    if (state.import)
      draw_import(state, session, fonts, actions);
    else if (state.table)
      draw_records_table(state, session, fonts, actions);
    else if (state.view == View::overview)
      draw_overview(figures.overview, state, fonts);
    else if (state.view == View::media && figures.media)
      draw_media(*figures.media, state, session, fonts, actions);
    else if (state.view == View::incidents && figures.incidents)
      draw_incidents(*figures.incidents, state, session, fonts, actions);
    else if (state.view == View::access && figures.access)
      draw_access(*figures.access, state, session, fonts, actions);
    else if (state.view == View::deadlines && figures.deadlines)
      draw_deadlines(*figures.deadlines, state, fonts, actions);
    else if (state.view == View::plan && figures.plan)
      draw_plan(*figures.plan, state, session, fonts, actions);
    ImGui::EndChild();
  }
  ImGui::End();
  if (state.editor) draw_record_editor(state, session, fonts, actions);
}

}  // namespace raekoda::ui
