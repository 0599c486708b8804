#include <algorithm>

#include "core/i18n.h"
#include "core/number_format.h"
#include "ui/view_layout.h"
#include "ui/views.h"

namespace raekoda::ui {
namespace {

void draw_split(const AreaSummary::Split& split, const plot::Theme& theme, const Fonts& fonts) {
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(tr(split.title_key));
  ImGui::PopFont();
  std::int64_t total = split.total();
  std::int64_t largest = 1;
  for (const auto& row : split.rows) largest = std::max(largest, row.count);
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable(split.title_key.c_str(), 4, flags)) return;
  ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableSetupColumn("count", ImGuiTableColumnFlags_WidthFixed, 70.0f);
  ImGui::TableSetupColumn("share", ImGuiTableColumnFlags_WidthFixed, 60.0f);
  ImGui::TableSetupColumn("bar", ImGuiTableColumnFlags_WidthStretch, 3.0f);
  for (const auto& row : split.rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr(row.label_key));
    ImGui::TableNextColumn();
    text_right_aligned(format_count(row.count));
    ImGui::TableNextColumn();
    std::string share =
        total > 0 ? format_percent(static_cast<double>(row.count) / static_cast<double>(total), 0)
                  : "–";
    text_right_aligned(share, /*muted=*/true);
    ImGui::TableNextColumn();
    ImVec2 at = ImGui::GetCursorScreenPos();
    float height = ImGui::GetTextLineHeight();
    float width = ImGui::GetContentRegionAvail().x * static_cast<float>(row.count) /
                  static_cast<float>(largest);
    ImGui::GetWindowDrawList()->AddRectFilled(
        ImVec2(at.x, at.y + 3), ImVec2(at.x + width, at.y + height - 2), theme.bar, 2.0f);
    ImGui::Dummy(ImVec2(1, height));
  }
  ImGui::EndTable();
}

}  // namespace

void draw_area_summary(const AreaSummary& summary, UiState& state, const Fonts& fonts) {
  const plot::Theme& theme = plot::theme(state.theme);
  ImGui::PushFont(fonts.title);
  ImGui::TextUnformatted(tr(view_title_key(summary.view)));
  ImGui::PopFont();
  if (summary.first_record && summary.last_record)
    ImGui::TextDisabled(
        "%s", trf("summary.span", summary.first_record->display(), summary.last_record->display())
                  .c_str());
  else
    ImGui::TextDisabled("%s", tr("summary.no_records"));
  ImGui::Spacing();

  // Facts on the left, splits in two columns to the right.
  constexpr ImGuiTableFlags layout = ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
  if (!ImGui::BeginTable("##summary_layout", 3, layout)) return;
  ImGui::TableSetupColumn("facts", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("splits_left", ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn("splits_right", ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(tr("summary.facts"));
  ImGui::PopFont();
  if (ImGui::BeginTable("##facts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    for (const AreaSummary::Fact& fact : summary.facts) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(tr(fact.label_key));
      ImGui::TableNextColumn();
      text_right_aligned(format_count(fact.value));
    }
    ImGui::EndTable();
  }
  // A table cell is filled in one visit: the first, third... split go left, the others right.
  for (std::size_t column = 0; column < 2; ++column) {
    ImGui::TableSetColumnIndex(1 + static_cast<int>(column));
    for (std::size_t i = column; i < summary.splits.size(); i += 2) {
      draw_split(summary.splits[i], theme, fonts);
      ImGui::Spacing();
      ImGui::Spacing();
    }
  }
  ImGui::EndTable();
}

}  // namespace raekoda::ui
