#include "plot/matrix_chart.h"

#include <algorithm>

#include "core/i18n.h"

namespace raekoda::plot {

std::optional<Selection> stacked_rows_chart(const char* id, const std::vector<StackedRow>& rows,
                                            const std::vector<Series>& series,
                                            const ChartContext& context) {
  const Theme& theme = *context.theme;
  ImGui::PushID(id);
  ChartState legend_state;
  draw_legend(series, legend_state, context);
  RowCanvas canvas = row_canvas(rows.size());
  const ImVec2 origin = canvas.origin;
  const ImVec2 size = canvas.size;
  const float row_height = canvas.row_height;
  ImDrawList* draw = canvas.draw;

  float name_width = 0;
  double largest = 1;
  for (const StackedRow& row : rows) {
    name_width = std::max(name_width, ImGui::CalcTextSize(row.name.c_str()).x);
    double total = 0;
    for (double v : row.values) total += v;
    largest = std::max(largest, total);
  }
  // The totals and notes after the bars, as wide as the widest; names keep the rest.
  float value_width = 0;
  for (const StackedRow& row : rows) {
    double total = 0;
    for (double v : row.values) total += v;
    std::string after = value_text(total, false) + "  " + row.note;
    value_width = std::max(value_width, ImGui::CalcTextSize(after.c_str()).x + 12);
  }
  value_width = std::min(value_width, size.x * 0.4f);
  name_width = name_column_width(name_width, size.x, value_width);
  float bar_left = origin.x + name_width + 10;
  float bar_room = std::max(size.x - name_width - 10 - value_width, 20.0f);
  ImVec2 mouse = ImGui::GetIO().MousePos;
  std::optional<Selection> selection;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const StackedRow& row = rows[r];
    float top = canvas.top(r);
    bool row_hovered = canvas.row_hovered(r);
    canvas.draw_row(r, row.name, name_width, theme);
    float x = bar_left;
    double total = 0;
    for (std::size_t s = 0; s < row.values.size() && s < series.size(); ++s) {
      float width = bar_room * static_cast<float>(row.values[s] / largest);
      total += row.values[s];
      if (width <= 0) continue;
      ImVec2 a(x, top + row_height * 0.18f);
      ImVec2 z(x + width, top + row_height * 0.82f);
      draw->AddRectFilled(a, z, series_colour(theme, series[s], s));
      if (row_hovered && mouse.x >= a.x && mouse.x < z.x) {
        ImGui::SetTooltip("%s · %s: %s", row.name.c_str(), series[s].name.c_str(),
                          value_text(row.values[s], false).c_str());
        if (canvas.clicked) {
          Selection picked;
          picked.chart = id;
          picked.index = static_cast<int>(r);
          picked.series = static_cast<int>(s);
          picked.category = row.name;
          selection = picked;
        }
      }
      x += width;
    }
    std::string label = value_text(total, false);
    float text_y = canvas.text_y(r);
    draw->AddText(ImVec2(x + 6, text_y), theme.text, label.c_str());
    if (!row.note.empty())
      draw->AddText(ImVec2(x + 12 + ImGui::CalcTextSize(label.c_str()).x, text_y), theme.text_muted,
                    row.note.c_str());
  }
  chart_context_menu(
      "chart_menu",
      [&] {
        std::vector<std::string> header = {tr("chart.csv.category")};
        for (const Series& s : series) header.push_back(s.name);
        std::string csv = csv_line(header);
        for (const StackedRow& row : rows) {
          std::vector<std::string> fields = {row.name};
          for (double v : row.values) fields.push_back(csv_number(v));
          csv += csv_line(fields);
        }
        return csv;
      },
      origin, ImVec2(origin.x + size.x, origin.y + size.y), context);
  ImGui::PopID();
  return selection;
}

namespace {

// Text written upwards from `at` (its baseline's start), for column names over narrow columns.
void add_text_upwards(ImDrawList* draw, ImVec2 at, ImU32 colour, const char* text) {
  int first = draw->VtxBuffer.Size;
  draw->AddText(at, colour, text);
  // A quarter turn anticlockwise about `at`: what ran rightwards now runs upwards.
  for (int i = first; i < draw->VtxBuffer.Size; ++i) {
    ImVec2& p = draw->VtxBuffer[i].pos;
    ImVec2 d(p.x - at.x, p.y - at.y);
    p = ImVec2(at.x + d.y, at.y - d.x);
  }
}

}  // namespace

std::optional<Selection> matrix_chart(const char* id, const MatrixData& data,
                                      const ChartContext& context) {
  const Theme& theme = *context.theme;
  ImGui::PushID(id);
  draw_colour_key(data.levels, data.level_colours);
  float line = ImGui::GetTextLineHeight();
  float label_width = 0;
  for (const std::string& row : data.rows)
    label_width = std::max(label_width, ImGui::CalcTextSize(row.c_str()).x);
  label_width = std::min(label_width + 12, 280.0f);
  std::size_t columns = std::max<std::size_t>(data.columns.size(), 1);
  float cell_width = line * 3.2f;
  float cell_height = line * 1.3f;
  // Column names run upwards over their columns, so that long register names fit.
  float header = 0;
  for (const std::string& column : data.columns)
    header = std::max(header, ImGui::CalcTextSize(column.c_str()).x);
  header = std::min(header, 220.0f) + 8;
  ImVec2 origin = ImGui::GetCursorScreenPos();
  float width = label_width + cell_width * static_cast<float>(columns);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // Dear ImGui drops glyphs outside the clip rectangle before they are turned, so the rectangle
  // holds the text both as laid out (rightwards) and as shown (upwards).
  draw->PushClipRect(origin, ImVec2(origin.x + width + header, origin.y + header + line), false);
  for (std::size_t c = 0; c < data.columns.size(); ++c) {
    float left = origin.x + label_width + cell_width * static_cast<float>(c);
    add_text_upwards(draw, ImVec2(left + (cell_width - line) / 2, origin.y + header - 4),
                     theme.text_muted, data.columns[c].c_str());
  }
  draw->PopClipRect();
  ImGui::Dummy(ImVec2(width, header));

  // The rows scroll in a region of their own; only the rows in view are drawn, so a unit of two
  // thousand people costs what twenty do.
  constexpr float visible_rows = 18;
  float body_height =
      cell_height *
          std::min(visible_rows, static_cast<float>(std::max<std::size_t>(data.rows.size(), 1))) +
      2;
  std::optional<Selection> selection;
  ImGui::BeginChild("rows", ImVec2(width + ImGui::GetStyle().ScrollbarSize, body_height), false,
                    ImGuiWindowFlags_NoBackground);
  ImVec2 body = ImGui::GetCursorScreenPos();
  ImVec2 size(width, cell_height * static_cast<float>(data.rows.size()));
  ImGui::InvisibleButton("cells", ImVec2(size.x, std::max(size.y, 1.0f)));
  bool hovered = ImGui::IsItemHovered();
  bool clicked = ImGui::IsItemDeactivated() && hovered;
  ImDrawList* cells = ImGui::GetWindowDrawList();
  float scroll = ImGui::GetScrollY();
  auto first_row = static_cast<std::size_t>(std::max(0.0f, scroll / cell_height));
  auto last_row = std::min(data.rows.size(),
                           first_row + static_cast<std::size_t>(body_height / cell_height) + 2);
  ImVec2 mouse = ImGui::GetIO().MousePos;
  for (std::size_t r = first_row; r < last_row; ++r) {
    float top = body.y + cell_height * static_cast<float>(r);
    bool flagged = r < data.row_flagged.size() && data.row_flagged[r];
    std::string name = fit_text(data.rows[r], label_width - 6);
    cells->AddText(ImVec2(body.x, top + (cell_height - line) / 2), flagged ? theme.bad : theme.text,
                   name.c_str());
    if (name != data.rows[r] && hovered && mouse.x < body.x + label_width && mouse.y >= top &&
        mouse.y < top + cell_height)
      ImGui::SetTooltip("%s", data.rows[r].c_str());
    for (std::size_t c = 0; c < data.columns.size(); ++c) {
      float left = body.x + label_width + cell_width * static_cast<float>(c);
      ImVec2 a(left + 1, top + 1);
      ImVec2 z(left + cell_width - 1, top + cell_height - 1);
      int level = data.at(r, c);
      ImU32 fill = level >= 0 && static_cast<std::size_t>(level) < data.level_colours.size()
                       ? data.level_colours[static_cast<std::size_t>(level)]
                       : theme.tile_background;
      cells->AddRectFilled(a, z, fill);
      bool cell_hovered = hovered && mouse.x >= left && mouse.x < left + cell_width &&
                          mouse.y >= top && mouse.y < top + cell_height;
      if (!cell_hovered) continue;
      cells->AddRect(a, z, theme.text, 0, 0, 2.0f);
      std::string what = level >= 0 ? data.levels[static_cast<std::size_t>(level)]
                                    : std::string(tr("chart.matrix.none"));
      ImGui::SetTooltip("%s · %s: %s", data.rows[r].c_str(), data.columns[c].c_str(), what.c_str());
      if (clicked) selection = cell_selection(id, r, c, data.rows[r]);
    }
  }
  ImGui::EndChild();
  chart_context_menu(
      "chart_menu",
      [&] {
        return grid_csv(data.rows, data.columns, [&](std::size_t r, std::size_t c) {
          int level = data.at(r, c);
          return level >= 0 ? data.levels[static_cast<std::size_t>(level)] : std::string();
        });
      },
      origin, ImVec2(origin.x + width, origin.y + header + body_height), context);
  ImGui::PopID();
  return selection;
}

}  // namespace raekoda::plot
