#include "ui/view_layout.h"

#include <algorithm>

#include "core/i18n.h"

namespace raekoda::ui {

void view_heading(const char* title, const std::string& subtitle, const Fonts& fonts) {
  ImGui::PushFont(fonts.title);
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
  note(subtitle);
  ImGui::Spacing();
}

void why_disabled(bool allowed, const char* why_key) {
  if (!allowed && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("%s", tr(why_key));
}

void note(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

int tile_row(const std::vector<plot::KpiTile>& tiles, const std::vector<std::string>& ids,
             float height, UiState& state, const Fonts& fonts) {
  float gap = ImGui::GetStyle().ItemSpacing.x * 2;
  float count = static_cast<float>(tiles.size());
  float width = (ImGui::GetContentRegionAvail().x - gap * (count - 1)) / count;
  const plot::Theme& theme = plot::theme(state.theme);
  plot::TileFonts tile_fonts{fonts.regular, fonts.headline};
  int clicked = -1;
  for (std::size_t i = 0; i < tiles.size(); ++i) {
    if (i) ImGui::SameLine(0, gap);
    if (plot::draw_kpi_tile(ids[i].c_str(), tiles[i], ImVec2(width, height), theme, tile_fonts))
      clicked = static_cast<int>(i);
    remember_item(state, ids[i]);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("view.tile_hint"));
  }
  ImGui::Spacing();
  return clicked;
}

std::vector<int> tile_rows(int count, float available, float min_width, float gap) {
  if (count <= 0) return {};
  int fitting = static_cast<int>((available + gap) / (min_width + gap));
  int per_row = std::clamp(fitting, 1, count);
  int rows = (count + per_row - 1) / per_row;
  std::vector<int> lengths;
  for (int row = 0; row < rows; ++row)
    lengths.push_back(count / rows + (row < count % rows ? 1 : 0));
  return lengths;
}

bool begin_panels(const char* id, int columns, std::initializer_list<float> weights) {
  constexpr ImGuiTableFlags layout = ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX;
  ImGui::Spacing();
  if (!ImGui::BeginTable(id, columns, layout)) return false;
  for (float weight : weights)
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, weight);
  return true;
}

void panel(const char* title, const Fonts& fonts) {
  ImGui::TableNextColumn();
  ImGui::PushFont(fonts.bold);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(title);
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
}

void end_panels() {
  ImGui::EndTable();
}

TableState records_table(const TableSpec& spec, std::vector<RecordFilter> filters,
                         std::string title, std::string sort_column, bool descending) {
  TableState table;
  table.query.spec = &spec;
  table.query.filters = std::move(filters);
  table.query.sort_column = std::move(sort_column);
  table.query.descending = descending;
  table.title = std::move(title);
  return table;
}

void draw_record_status(const RecordStatus& status, const plot::Theme& theme) {
  using Tone = RecordStatus::Tone;
  ImU32 colour = status.tone == Tone::bad       ? theme.bad
                 : status.tone == Tone::warning ? theme.warning
                 : status.tone == Tone::good    ? theme.good
                                                : theme.text;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour));
  ImGui::TextUnformatted(status.text.c_str());
  ImGui::PopStyleColor();
}

void text_right_aligned(const std::string& text, bool muted) {
  float offset = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(text.c_str()).x;
  if (offset > 0) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + offset);
  if (muted)
    ImGui::TextDisabled("%s", text.c_str());
  else
    ImGui::TextUnformatted(text.c_str());
}

}  // namespace raekoda::ui
