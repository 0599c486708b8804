#include "plot/chart.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "core/i18n.h"
#include "core/number_format.h"

namespace raekoda::plot {
namespace {

constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b) {
  return IM_COL32(r, g, b, 255);
}

// Okabe-Ito, yellow last: it is hard to read on a light background.
constexpr std::array<ImU32, 7> okabe_ito = {
    rgb(0, 114, 178),    // blue
    rgb(230, 159, 0),    // orange
    rgb(0, 158, 115),    // bluish green
    rgb(213, 94, 0),     // vermillion
    rgb(86, 180, 233),   // sky blue
    rgb(204, 121, 167),  // reddish purple
    rgb(240, 228, 66),   // yellow
};

}  // namespace

ImU32 palette_colour(const Theme& theme, std::size_t index) {
  ImU32 colour = okabe_ito[index % okabe_ito.size()];
  // On a dark background the deep blue is too dim; sky blue takes its place.
  if (theme.kind == ThemeKind::dark && colour == okabe_ito[0]) return okabe_ito[4];
  if (theme.kind == ThemeKind::dark && colour == okabe_ito[4]) return okabe_ito[0];
  return colour;
}

ImU32 series_colour(const Theme& theme, const Series& series, std::size_t index) {
  return series.colour ? *series.colour : palette_colour(theme, index);
}

ImU32 tone_colour(const Theme& theme, int tone) {
  switch (tone) {
    case 0:
      return theme.bad;  // negative
    case 1:
      return theme.kind == ThemeKind::light ? rgb(160, 166, 175) : rgb(120, 126, 135);
    default:
      return theme.kind == ThemeKind::light ? rgb(0, 114, 178) : rgb(86, 180, 233);
  }
}

ImU32 readable_text_on(ImU32 background) {
  double r = (background >> IM_COL32_R_SHIFT) & 0xFF;
  double g = (background >> IM_COL32_G_SHIFT) & 0xFF;
  double b = (background >> IM_COL32_B_SHIFT) & 0xFF;
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? IM_COL32(28, 32, 38, 255)
                                                 : IM_COL32(255, 255, 255, 255);
}

ImU32 with_alpha(ImU32 colour, float alpha) {
  auto a = static_cast<ImU32>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f);
  return (colour & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

std::string value_text(double value, bool percent) {
  if (std::isnan(value)) return "–";
  if (percent) return format_percent(value, std::fabs(value) < 0.1 && value != 0 ? 1 : 0);
  if (std::fabs(value - std::round(value)) < 1e-9)
    return format_count(static_cast<std::int64_t>(std::round(value)));
  return format_decimal(value, 1);
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) line += ';';
    const std::string& field = fields[i];
    if (field.find_first_of(";\"\n\r") == std::string::npos) {
      line += field;
      continue;
    }
    line += '"';
    for (char c : field) {
      if (c == '"') line += '"';
      line += c;
    }
    line += '"';
  }
  return line + "\r\n";
}

std::string csv_number(double value) {
  if (std::isnan(value)) return "";
  if (std::fabs(value - std::round(value)) < 1e-9)
    return fmt::format("{}", static_cast<std::int64_t>(std::round(value)));
  std::string text = fmt::format("{:.4f}", value);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  for (char& c : text)
    if (c == '.') c = ',';
  return text;
}

void chart_context_menu(const char* id, const std::function<std::string()>& csv, ImVec2 min,
                        ImVec2 max, const ChartContext& context) {
  if (!ImGui::BeginPopupContextItem(id)) return;
  if (ImGui::MenuItem(tr("chart.copy_csv"))) ImGui::SetClipboardText(csv().c_str());
  if (ImGui::MenuItem(tr("chart.save_png"), nullptr, false, context.image_requests != nullptr))
    context.image_requests->push_back({min, max, id});
  ImGui::EndPopup();
}

namespace {

// Keys and legends run on to a new line when the next entry would not fit.
class KeyRow {
public:
  KeyRow() : right_(ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x) {}
  void next(std::size_t index, float width) {
    if (index == 0) return;
    if (ImGui::GetItemRectMax().x + gap + width <= right_) ImGui::SameLine(0, gap);
  }

private:
  static constexpr float gap = 18;
  float right_;
};

}  // namespace

Selection cell_selection(const char* chart, std::size_t row, std::size_t column,
                         const std::string& row_name) {
  Selection picked;
  picked.chart = chart;
  picked.row = static_cast<int>(row);
  picked.index = static_cast<int>(column);
  picked.category = row_name;
  return picked;
}

std::string grid_csv(const std::vector<std::string>& rows, const std::vector<std::string>& columns,
                     const std::function<std::string(std::size_t, std::size_t)>& cell) {
  std::vector<std::string> header = {""};
  header.insert(header.end(), columns.begin(), columns.end());
  std::string csv = csv_line(header);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::vector<std::string> fields = {rows[r]};
    for (std::size_t c = 0; c < columns.size(); ++c) fields.push_back(cell(r, c));
    csv += csv_line(fields);
  }
  return csv;
}

RowCanvas row_canvas(std::size_t rows) {
  RowCanvas canvas;
  canvas.line = ImGui::GetTextLineHeight();
  canvas.row_height = canvas.line * 1.6f;
  canvas.origin = ImGui::GetCursorScreenPos();
  canvas.size = ImVec2(std::max(ImGui::GetContentRegionAvail().x, 160.0f),
                       canvas.row_height * static_cast<float>(std::max<std::size_t>(rows, 1)));
  // The Canvas pattern: one invisible button takes hover and click for every row.
  ImGui::InvisibleButton("plot", canvas.size);
  canvas.hovered = ImGui::IsItemHovered();
  canvas.clicked = ImGui::IsItemDeactivated() && canvas.hovered;
  canvas.draw = ImGui::GetWindowDrawList();
  return canvas;
}

bool RowCanvas::row_hovered(std::size_t row) const {
  float mouse = ImGui::GetIO().MousePos.y;
  return hovered && mouse >= top(row) && mouse < top(row) + row_height;
}

void RowCanvas::draw_row(std::size_t row, const std::string& name, float name_width,
                         const Theme& theme) const {
  float y = top(row);
  if (row_hovered(row))
    draw->AddRectFilled(ImVec2(origin.x, y), ImVec2(origin.x + size.x, y + row_height),
                        theme.tile_hover);
  draw->PushClipRect(ImVec2(origin.x, y), ImVec2(origin.x + name_width, y + row_height), true);
  draw->AddText(ImVec2(origin.x, text_y(row)), theme.text, name.c_str());
  draw->PopClipRect();
}

void draw_colour_key(const std::vector<std::string>& names, const std::vector<ImU32>& colours) {
  float line = ImGui::GetTextLineHeight();
  float swatch = line * 0.7f;
  float offset = (line - swatch) / 2;
  KeyRow row;
  for (std::size_t i = 0; i < names.size() && i < colours.size(); ++i) {
    row.next(i, swatch + 6 + ImGui::CalcTextSize(names[i].c_str()).x);
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, at.y + offset),
                                              ImVec2(at.x + swatch, at.y + offset + swatch),
                                              colours[i], 2.0f);
    ImGui::Dummy(ImVec2(swatch, line));
    ImGui::SameLine(0, 6);
    ImGui::TextUnformatted(names[i].c_str());
  }
}

float draw_legend(const std::vector<Series>& series, ChartState& state,
                  const ChartContext& context) {
  const Theme& theme = *context.theme;
  if (state.hidden.size() != series.size()) state.hidden.assign(series.size(), false);
  state.hovered_series = -1;
  float start_y = ImGui::GetCursorPosY();
  float swatch = ImGui::GetTextLineHeight() * 0.7f;
  KeyRow row;
  for (std::size_t i = 0; i < series.size(); ++i) {
    ImVec2 text = ImGui::CalcTextSize(series[i].name.c_str());
    ImVec2 size(swatch + 6 + text.x, ImGui::GetTextLineHeight());
    row.next(i, size.x);
    ImGui::PushID(static_cast<int>(i));
    ImVec2 at = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("legend", size)) state.hidden[i] = !state.hidden[i];
    bool hovered = ImGui::IsItemHovered();
    if (hovered) {
      state.hovered_series = static_cast<int>(i);
      ImGui::SetTooltip("%s", tr(state.hidden[i] ? "chart.legend_show" : "chart.legend_hide"));
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImU32 colour = series_colour(theme, series[i], i);
    float y = at.y + (size.y - swatch) / 2;
    if (state.hidden[i])
      draw->AddRect(ImVec2(at.x, y), ImVec2(at.x + swatch, y + swatch), colour, 2.0f);
    else
      draw->AddRectFilled(ImVec2(at.x, y), ImVec2(at.x + swatch, y + swatch), colour, 2.0f);
    draw->AddText(ImVec2(at.x + swatch + 6, at.y), state.hidden[i] ? theme.text_muted : theme.text,
                  series[i].name.c_str());
    ImGui::PopID();
  }
  return ImGui::GetCursorPosY() - start_y;
}

}  // namespace raekoda::plot
