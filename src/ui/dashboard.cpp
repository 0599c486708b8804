#include "ui/dashboard.h"

#include <imgui_internal.h>

#include "core/i18n.h"
#include "ui/views.h"

namespace raekoda::ui {

bool may_edit(const SessionInfo& session, std::string_view table) {
  auto needed = permission_to_edit(table);
  return needed ? may(session, *needed) : !session.read_only;
}

const char* why_not(const SessionInfo& session, Permission) {
  if (session.read_only) return read_only_why(session);
  return "topbar.not_your_role";
}

const char* why_not_edit(const SessionInfo& session, std::string_view table) {
  auto needed = permission_to_edit(table);
  return needed ? why_not(session, *needed) : read_only_why(session);
}

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

namespace {

// `text` cut with "…" to `width`, at a whole UTF-8 character.
std::string fitted(const std::string& text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  const char* ellipsis = "…";
  float budget = width - ImGui::CalcTextSize(ellipsis).x;
  std::size_t fits = 0;
  for (std::size_t end = 1; end <= text.size(); ++end) {
    if (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) continue;
    if (ImGui::CalcTextSize(text.data(), text.data() + end).x > budget) break;
    fits = end;
  }
  return text.substr(0, fits) + ellipsis;
}

float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

// The notice line: always one line high, drawn or not, so that a notice never moves the page
// under the pointer. A message too long for it is cut, and shown whole on hover. Its buttons
// follow the text: Undo for a one-click step, Cancel while a write waits, × for a problem.
void draw_notice_line(const SessionInfo& session, UiState& state, Actions& actions) {
  float height = ImGui::GetFrameHeight();
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoScrollbar |
                                     ImGuiWindowFlags_NoScrollWithMouse |
                                     ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NavFlattened;
  ImGui::BeginChild("##notice", ImVec2(0, height), false, flags);
  if (!session.notice.empty()) {
    const plot::Theme& theme = plot::theme(state.theme);
    ImU32 colour = session.notice_is_problem ? theme.bad : theme.text;
    const char* button = session.notice_is_waiting    ? tr("notice.cancel")
                         : session.notice_offers_undo ? tr("notice.undo")
                         : session.notice_is_problem  ? "×"
                                                      : nullptr;
    float gap = ImGui::GetStyle().ItemSpacing.x * 2;
    float room = ImGui::GetContentRegionAvail().x - (button ? button_width(button) + gap : 0);
    std::string shown = fitted(session.notice, room);
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour));
    ImGui::TextUnformatted(shown.c_str());
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) {
      // SQLite's or the server's own words are for whoever helps the user, not for the line.
      if (shown != session.notice && !session.notice_detail.empty())
        ImGui::SetTooltip("%s\n\n%s", session.notice.c_str(), session.notice_detail.c_str());
      else if (shown != session.notice)
        ImGui::SetTooltip("%s", session.notice.c_str());
      else if (!session.notice_detail.empty())
        ImGui::SetTooltip("%s", session.notice_detail.c_str());
      else if (session.notice_is_waiting)
        ImGui::SetTooltip("%s", tr(session.file_checking ? "notice.waiting_for_check_hint"
                                                         : "notice.waiting_hint"));
    }
    remember_item(state, "notice.text");
    if (button) {
      ImGui::SameLine(0, gap);
      if (ImGui::SmallButton(button)) {
        if (session.notice_is_waiting)
          actions.cancel_waiting = true;
        else if (session.notice_offers_undo)
          actions.undo_step = true;
        else
          actions.dismiss_notice = true;
      }
      remember_item(state, session.notice_is_waiting    ? "notice.cancel"
                           : session.notice_offers_undo ? "notice.undo"
                                                        : "notice.dismiss");
      if (session.notice_is_problem && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("notice.dismiss"));
    }
  }
  ImGui::EndChild();
  remember_item(state, "notice.line");
}

// Where the keyboard's focus is, on every kind of control: Dear ImGui draws no ring around a
// tile or a chart (invisible buttons), and none at all after Tab without app/keyboard_nav.h.
void draw_focus_ring() {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  if (g.NavDisableHighlight || g.NavId == 0 || !g.NavIdIsAlive || !g.NavWindow) return;
  ImGuiWindow* window = g.NavWindow;
  ImRect rect = ImGui::WindowRectRelToAbs(window, window->NavRectRel[g.NavLayer]);
  rect.Expand(3.0f);
  ImRect visible = window->InnerClipRect;
  visible.Expand(3.0f);
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  draw->PushClipRect(visible.Min, visible.Max);
  draw->AddRect(rect.Min, rect.Max, ImGui::GetColorU32(ImGuiCol_NavHighlight),
                g.Style.FrameRounding, 0, 2.0f);
  draw->PopClipRect();
}

}  // namespace

namespace {

// Over the window's lower left corner, where no view keeps a control: it comes and goes without
// moving anything.
void draw_reading_sign(UiState& state) {
  const plot::Theme& theme = plot::theme(state.theme);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const char* text = tr("topbar.reading");
  ImVec2 size = ImGui::CalcTextSize(text);
  ImVec2 padding(10, 5);
  ImVec2 min(viewport->WorkPos.x + 8,
             viewport->WorkPos.y + viewport->WorkSize.y - size.y - 2 * padding.y - 8);
  ImVec2 max(min.x + size.x + 2 * padding.x, min.y + size.y + 2 * padding.y);
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  draw->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_PopupBg), 4);
  draw->AddRect(min, max, theme.neutral, 4);
  draw->AddText(ImVec2(min.x + padding.x, min.y + padding.y), ImGui::GetColorU32(ImGuiCol_Text),
                text);
  if (state.probe) state.probe->items["reading_sign"] = {min, max};
}

// The day the figures were counted on comes with the first read that succeeded. Until then the
// overview's figures are not 0 but unknown: it shows nothing, as the other views do without
// theirs, and the notice line says why.
bool figures_read(const DashboardFigures& figures) {
  return figures.overview.today != Date{};
}

}  // namespace

void draw_dashboard(const DashboardFigures& figures, const SessionInfo& session, UiState& state,
                    const Fonts& fonts, Actions& actions) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_NoBringToFrontOnFocus;
  // Every control is a tab stop, not only the text fields (app/keyboard_nav.h).
  ImGui::PushItemFlag(ImGuiItemFlags_Inputable, true);
  ImGui::Begin("##dashboard", nullptr, flags);

  if (state.view == View::gallery) {
    draw_gallery(state, fonts);
  } else if (figures.database_empty) {
    draw_welcome(session, state, fonts, actions);
  } else {
    bool read = figures_read(figures);
    draw_top_bar(session, read ? std::optional(figures.overview.today) : std::nullopt, state, fonts,
                 actions);
    draw_notice_line(session, state, actions);
    // Flattened, so that Tab and the arrow keys go on from the top bar into the view.
    ImGui::BeginChild("##view", ImVec2(0, 0), false,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NavFlattened);
    if (state.import)
      draw_import(state, session, fonts, actions);
    else if (state.table)
      draw_records_table(state, session, fonts, actions);
    else if (state.view == View::overview && read)
      draw_overview(figures.overview, state, fonts, actions);
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
    if (session.reading_figures) draw_reading_sign(state);
  }
  ImGui::End();
  if (state.editor) draw_record_editor(state, session, fonts, actions);
  ImGui::PopItemFlag();
  draw_focus_ring();
}

}  // namespace raekoda::ui
