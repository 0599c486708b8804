#include "ui/report_dialog.h"

#include <algorithm>

#include <imgui_stdlib.h>

#include "core/i18n.h"
#include "plot/theme.h"
#include "ui/report_choice.h"
#include "ui/view_layout.h"

namespace raekoda::ui {

namespace {

constexpr const char* popup_id = "###report.dialog";
// The path line wraps here rather than widening the dialog past a small screen.
constexpr float dialog_text_width = 520.0f;

float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

void bold(const char* text, const Fonts& fonts) {
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
}

void problem_text(const char* text, const UiState& state) {
  ImGui::PushStyleColor(ImGuiCol_Text,
                        ImGui::ColorConvertU32ToFloat4(plot::theme(state.theme).bad));
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + dialog_text_width);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

// ◀ [combo] ▶ over `options` (newest first): ◀ goes back in time, ▶ forward.
template <class Label>
void step_picker(const char* name, const std::vector<Date>& options, Date& chosen, Label label,
                 UiState& state) {
  auto at = std::find(options.begin(), options.end(), chosen);
  if (at == options.end()) at = options.begin();
  auto index = static_cast<std::size_t>(at - options.begin());
  std::string id(name);

  ImGui::BeginDisabled(index + 1 >= options.size());
  if (ImGui::ArrowButton(("##" + id + ".previous").c_str(), ImGuiDir_Left))
    chosen = options[index + 1];
  ImGui::EndDisabled();
  remember_item(state, id + ".previous");
  ImGui::SameLine(0, 4);

  float width = 0;
  for (Date option : options) width = std::max(width, ImGui::CalcTextSize(label(option).c_str()).x);
  ImGui::SetNextItemWidth(width + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2);
  if (ImGui::BeginCombo(("##" + id).c_str(), label(chosen).c_str(), ImGuiComboFlags_HeightLarge)) {
    for (Date option : options) {
      bool selected = option == chosen;
      if (ImGui::Selectable(label(option).c_str(), selected)) chosen = option;
      if (selected) ImGui::SetItemDefaultFocus();
    }
    ImGui::EndCombo();
  }
  remember_item(state, id);
  ImGui::SameLine(0, 4);

  ImGui::BeginDisabled(index == 0);
  if (ImGui::ArrowButton(("##" + id + ".next").c_str(), ImGuiDir_Right))
    chosen = options[index - 1];
  ImGui::EndDisabled();
  remember_item(state, id + ".next");
}

void draw_period(Date today, ReportChoice& choice, UiState& state) {
  constexpr std::array<std::pair<ReportKind, const char*>, 3> kinds = {{
      {ReportKind::month, "month"},
      {ReportKind::quarter, "quarter"},
      {ReportKind::range, "range"},
  }};
  for (const auto& [kind, key] : kinds) {
    if (kind != ReportKind::month) ImGui::SameLine(0, 16);
    std::string name = std::string("report.kind.") + key;
    if (ImGui::RadioButton(tr(name), choice.kind == kind)) choice.kind = kind;
    remember_item(state, name);
  }
  switch (choice.kind) {
    case ReportKind::month:
      step_picker("report.month", report_months(today), choice.month, report_month_label, state);
      break;
    case ReportKind::quarter:
      step_picker("report.quarter", report_quarters(today), choice.quarter, report_quarter_label,
                  state);
      break;
    case ReportKind::range:
      for (int end = 0; end < 2; ++end) {
        if (end) {
          ImGui::SameLine(0, 4);
          ImGui::TextUnformatted("–");
          ImGui::SameLine(0, 4);
        }
        const char* name = end ? "report.range.until" : "report.range.from";
        ImGui::SetNextItemWidth(130);
        ImGui::InputTextWithHint((std::string("##") + name).c_str(), tr("editor.date_hint"),
                                 &choice.range_text[static_cast<std::size_t>(end)]);
        remember_item(state, name);
      }
      break;
  }
}

void draw_areas(ReportChoice& choice, UiState& state) {
  for (std::size_t i = 0; i < report_areas.size(); ++i) {
    std::string name = "report.area." + std::string(view_key(report_areas[i]));
    ImGui::Checkbox(tr(name), &choice.areas[i]);
    remember_item(state, name);
  }
}

void close_dialog(UiState& state) {
  state.report_dialog.open = false;
  ImGui::CloseCurrentPopup();
}

void draw_dialog(Date today, const Fonts& fonts, UiState& state, Actions& actions) {
  ReportDialog& dialog = state.report_dialog;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  std::string title = std::string(tr("report.dialog.title")) + popup_id;
  if (!ImGui::BeginPopupModal(title.c_str(), &dialog.open,
                              ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings))
    return;
  ReportChoice& choice = dialog.choice;
  bold(tr("report.dialog.period"), fonts);
  draw_period(today, choice, state);
  ChosenPeriod period = chosen_report_period(choice, today);
  if (period.problem)
    problem_text(tr(period.problem), state);
  else if (auto periods = report_periods(*period.period, today); periods && periods->running)
    // Said, so that a half month's figures are not read as a whole month's.
    note(trf("report.dialog.running", today.display()));
  ImGui::Spacing();

  bold(tr("report.dialog.areas"), fonts);
  draw_areas(choice, state);
  std::vector<View> areas = chosen_report_areas(choice);
  ImGui::Spacing();

  std::string file = period.period ? report_file_name(*period.period, current_language()) : "";
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + dialog_text_width);
  ImGui::TextDisabled("%s", trf("report.dialog.where",
                                (file.empty() ? dialog.folder : dialog.folder / file).string())
                                .c_str());
  ImGui::PopTextWrapPos();
  remember_item(state, "report.where");
  ImGui::Spacing();

  const char* why = period.problem ? period.problem : areas.empty() ? "report.error.no_areas" : "";
  bool allowed = *why == '\0';
  ImGui::BeginDisabled(!allowed);
  if (ImGui::Button(tr("report.write"))) {
    actions.write_report = report::ReportRequest{*period.period, areas, file};
    close_dialog(state);
  }
  ImGui::EndDisabled();
  why_disabled(allowed, why);
  remember_item(state, "report.write");
  ImGui::SameLine();
  if (ImGui::Button(tr("report.cancel")) ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    close_dialog(state);
  remember_item(state, "report.cancel");
  ImGui::EndPopup();
}

}  // namespace

void report_heading(const char* title, const std::string& subtitle, Date today, const Fonts& fonts,
                    UiState& state, Actions& actions) {
  const char* label = tr("report.open");
  ImVec2 start = ImGui::GetCursorPos();
  float width = button_width(label);
  float right = ImGui::GetWindowContentRegionMax().x;
  ImGui::PushFont(fonts.title);
  float title_width = ImGui::CalcTextSize(title).x;
  float title_height = ImGui::GetTextLineHeight();
  ImGui::PopFont();
  // On the title's line, centred on it; below the subtitle where a long title leaves no room.
  bool beside = start.x + title_width + ImGui::GetStyle().ItemSpacing.x * 3 + width <= right;
  if (beside)
    ImGui::SetCursorPos(
        ImVec2(right - width, start.y + (title_height - ImGui::GetFrameHeight()) / 2));
  else
    view_heading(title, subtitle, fonts);
  if (!beside) ImGui::SetCursorPosX(right - width);
  if (ImGui::Button(label)) {
    ReportDialog& dialog = state.report_dialog;
    if (!dialog.chosen) dialog.choice = default_report_choice(today);
    dialog.chosen = true;
    dialog.open = true;
    ImGui::OpenPopup(popup_id);
  }
  remember_item(state, "report.open");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("report.open_hint"));
  draw_dialog(today, fonts, state, actions);
  if (beside) {
    ImGui::SetCursorPos(start);
    view_heading(title, subtitle, fonts);
  }
}

}  // namespace raekoda::ui
