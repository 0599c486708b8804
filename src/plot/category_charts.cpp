#include "plot/category_charts.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/i18n.h"
#include "core/number_format.h"
#include "core/plural.h"
#include "plot/imgui_painter.h"

namespace raekoda::plot {
namespace {

constexpr float pi = 3.14159265358979f;

std::string items_csv(const std::vector<RankedItem>& items) {
  std::string csv = csv_line({tr("chart.csv.category"), tr("chart.csv.value")});
  for (const RankedItem& item : items) csv += csv_line({item.name, csv_number(item.value)});
  return csv;
}

ImU32 lerp_colour(ImU32 a, ImU32 b, double t) {
  t = std::clamp(t, 0.0, 1.0);
  auto channel = [&](int shift) {
    double from = static_cast<double>((a >> shift) & 0xFF);
    double to = static_cast<double>((b >> shift) & 0xFF);
    return static_cast<ImU32>(std::lround(from + (to - from) * t)) << shift;
  };
  return channel(IM_COL32_R_SHIFT) | channel(IM_COL32_G_SHIFT) | channel(IM_COL32_B_SHIFT) |
         IM_COL32_A_MASK;
}

}  // namespace

std::vector<RankedItem> top_with_other(std::vector<RankedItem> items, std::size_t top,
                                       const std::string& other_name) {
  std::stable_sort(items.begin(), items.end(),
                   [](const RankedItem& a, const RankedItem& b) { return a.value > b.value; });
  if (items.size() <= top + 1) return items;
  RankedItem other{other_name, 0, -1};
  for (std::size_t i = top; i < items.size(); ++i) other.value += items[i].value;
  items.resize(top);
  items.push_back(other);
  return items;
}

namespace {

// What a ranking shows of its items: the rows, their one format and the columns they share.
struct RankingLayout {
  std::vector<RankedItem> rows;
  int decimals = 0;
  float line = 0;
  float row_height = 0;
  float name_width = 0;
  float bar_left = 0;  // from the chart's left edge
  float bar_room = 0;
  double largest = 1;
};

RankingLayout lay_out_ranking(Painter& painter, float width, const std::vector<RankedItem>& items,
                              const RankingOptions& options) {
  RankingLayout layout;
  layout.rows = options.keep_order ? items : top_with_other(items, options.top, tr("chart.other"));
  const std::vector<RankedItem>& rows = layout.rows;
  layout.line = painter.line_height();
  layout.row_height = layout.line * 1.6f;
  // One format for every value of the chart.
  std::vector<double> values;
  for (const RankedItem& row : rows) values.push_back(row.value);
  layout.decimals = shared_decimals(values, options.percent);
  // The values' column as wide as its widest value and note, so that names keep the rest.
  float value_width = 0;
  for (const RankedItem& row : rows) {
    std::string value = value_text(row.value, options.percent, layout.decimals);
    if (!row.note.empty()) value += "  " + row.note;
    value_width = std::max(value_width, painter.text_width(value) + 6);
  }
  value_width = std::min(value_width, width * 0.35f);
  float longest_name = 0;
  for (const RankedItem& row : rows)
    longest_name = std::max(longest_name, painter.text_width(row.name));
  layout.name_width = name_column_width(longest_name, width, value_width);
  layout.bar_left = layout.name_width + 10;
  layout.bar_room = std::max(width - layout.name_width - 10 - value_width - 8, 20.0f);
  layout.largest = 0;
  for (const RankedItem& row : rows)
    layout.largest = std::max(layout.largest, std::max(row.value, row.marker.value_or(0)));
  if (layout.largest <= 0) layout.largest = 1;
  return layout;
}

bool few_items_in(const RankedItem& row) {
  return row.out_of && *row.out_of < few_items;
}

// The rows from `origin`, `width` wide; the row `hovered` (the screen's) on a highlight band.
void paint_ranking_rows(Painter& painter, ImVec2 origin, float width, const RankingLayout& layout,
                        const RankingOptions& options, std::optional<std::size_t> hovered,
                        const Theme& theme) {
  auto measure = [&](std::string_view t) { return painter.text_width(t); };
  float row_height = layout.row_height;
  float bar_left = origin.x + layout.bar_left;
  for (std::size_t i = 0; i < layout.rows.size(); ++i) {
    const RankedItem& row = layout.rows[i];
    float top = origin.y + row_height * static_cast<float>(i);
    float text_y = top + (row_height - layout.line) / 2;
    if (hovered == i)
      painter.rect_filled(ImVec2(origin.x, top), ImVec2(origin.x + width, top + row_height),
                          theme.tile_hover);
    painter.text(ImVec2(origin.x, text_y), fit_text(row.name, layout.name_width, measure),
                 theme.text);
    float bar = layout.bar_room * static_cast<float>(row.value / layout.largest);
    ImU32 colour =
        row.group < 0 ? theme.text_muted
        : options.colour
            ? *options.colour
            : palette_colour(theme,
                             options.group_names.empty() ? 0 : static_cast<std::size_t>(row.group));
    painter.rounded_rect_filled(ImVec2(bar_left, top + row_height * 0.18f),
                                ImVec2(bar_left + std::max(bar, 1.0f), top + row_height * 0.82f),
                                few_items_in(row) ? with_alpha(colour, 0.3f) : colour, 2.0f);
    std::string value = value_text(row.value, options.percent, layout.decimals);
    float text_x = bar_left + bar + 6;
    if (row.marker) {
      float tick = bar_left + layout.bar_room * static_cast<float>(*row.marker / layout.largest);
      painter.line(ImVec2(bar_left + bar, top + row_height * 0.5f),
                   ImVec2(tick, top + row_height * 0.5f), theme.text_muted, 1.0f);
      painter.line(ImVec2(tick, top + row_height * 0.1f), ImVec2(tick, top + row_height * 0.9f),
                   theme.text, 2.0f);
      text_x = std::max(text_x, tick + 6);
    }
    painter.text(ImVec2(text_x, text_y), value, theme.text);
    if (!row.note.empty())
      painter.text(ImVec2(text_x + 6 + painter.text_width(value), text_y), row.note,
                   theme.text_muted);
  }
}

}  // namespace

std::vector<KeyEntry> ranking_chart_keys(const RankingOptions& options, const Theme& theme) {
  std::vector<KeyEntry> keys;
  for (std::size_t g = 0; g < options.group_names.size(); ++g)
    keys.push_back({options.group_names[g], palette_colour(theme, g)});
  if (!options.marker_name.empty()) keys.push_back({options.marker_name, theme.text});
  return keys;
}

float paint_ranking_chart(Painter& painter, ImVec2 min, float width,
                          const std::vector<RankedItem>& items, const RankingOptions& options,
                          const Theme& theme) {
  RankingLayout layout = lay_out_ranking(painter, width, items, options);
  paint_ranking_rows(painter, min, width, layout, options, std::nullopt, theme);
  return layout.row_height * static_cast<float>(layout.rows.size());
}

std::optional<Selection> ranking_chart(const char* id, const std::vector<RankedItem>& items,
                                       const RankingOptions& options, const ChartContext& context) {
  const Theme& theme = *context.theme;
  ImGui::PushID(id);
  std::vector<std::string> key_names;
  std::vector<ImU32> key_colours;
  for (const KeyEntry& key : ranking_chart_keys(options, theme)) {
    key_names.push_back(key.name);
    key_colours.push_back(key.colour);
  }
  draw_colour_key(key_names, key_colours);
  ImGuiPainter painter = ImGuiPainter::for_window(context.bold);
  RowCanvas canvas =
      row_canvas(options.keep_order ? items.size() : std::min(items.size(), options.top + 1));
  RankingLayout layout = lay_out_ranking(painter, canvas.size.x, items, options);
  const std::vector<RankedItem>& rows = layout.rows;
  std::optional<std::size_t> hovered_row;
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (canvas.row_hovered(i)) hovered_row = i;
  paint_ranking_rows(painter, canvas.origin, canvas.size.x, layout, options, hovered_row, theme);

  std::optional<Selection> selection;
  if (hovered_row) {
    std::size_t i = *hovered_row;
    const RankedItem& row = rows[i];
    std::string told = value_text(row.value, options.percent, layout.decimals);
    if (row.out_of && options.percent)
      told = share_text(row.value, row.value * *row.out_of, *row.out_of, layout.decimals);
    if (!row.note.empty()) told += " (" + row.note + ")";
    if (few_items_in(row)) {
      auto total = static_cast<std::int64_t>(std::llround(*row.out_of));
      told += "\n" + trn("chart.few_items", total, format_count(total));
    }
    // The full name is in it too, where the row shows it shortened.
    ImGui::SetTooltip("%s: %s", row.name.c_str(), told.c_str());
    if (canvas.clicked) {
      Selection picked;
      picked.chart = id;
      picked.index = static_cast<int>(i);
      picked.category = row.group < 0 ? "" : row.name;
      picked.key = row.group < 0 ? "" : row.key;
      selection = picked;
    }
  }
  chart_context_menu(
      "chart_menu", [&] { return items_csv(rows); }, canvas.origin,
      ImVec2(canvas.origin.x + canvas.size.x, canvas.origin.y + canvas.size.y), context);
  ImGui::PopID();
  return selection;
}

std::vector<double> shares(const std::vector<double>& values) {
  double total = std::accumulate(values.begin(), values.end(), 0.0);
  std::vector<double> result(values.size(), 0.0);
  if (total <= 0) return result;
  for (std::size_t i = 0; i < values.size(); ++i) result[i] = values[i] / total;
  return result;
}

namespace {

struct ShareParts {
  std::vector<double> values;
  std::vector<double> fractions;
  double total = 0;
  int decimals = 0;
  bool few = false;  // a whole of few items is drawn faded: its shares are chance
};

ShareParts share_parts(const std::vector<Series>& parts) {
  ShareParts s;
  for (const Series& part : parts) s.values.push_back(part.values.empty() ? 0.0 : part.values[0]);
  s.fractions = shares(s.values);
  s.total = std::accumulate(s.values.begin(), s.values.end(), 0.0);
  s.decimals = shared_decimals(s.fractions, true);
  s.few = s.total > 0 && s.total < few_items;
  return s;
}

// The parts in the box at `origin`; returns the part under `mouse` (the screen's), if any.
std::optional<std::size_t> paint_shares(Painter& painter, ImVec2 origin, ImVec2 size,
                                        const std::vector<Series>& parts, const ShareParts& s,
                                        ShareStyle style, std::optional<ImVec2> mouse,
                                        const Theme& theme) {
  std::optional<std::size_t> hit;
  if (style == ShareStyle::bar) {
    float x = origin.x;
    float top = origin.y + 4;
    float bottom = origin.y + size.y - 4;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      float width = size.x * static_cast<float>(s.fractions[i]);
      if (width <= 0) continue;
      ImU32 colour = series_colour(theme, parts[i], i);
      if (s.few) colour = with_alpha(colour, 0.3f);
      painter.rect_filled(ImVec2(x, top), ImVec2(x + width, bottom), colour);
      std::string label = value_text(s.fractions[i], true, s.decimals);
      ImVec2 text(painter.text_width(label), painter.line_height());
      if (text.x + 8 < width)
        painter.text(ImVec2(x + (width - text.x) / 2, top + (bottom - top - text.y) / 2), label,
                     s.few ? theme.text : readable_text_on(colour));
      if (mouse && mouse->x >= x && mouse->x < x + width) hit = i;
      x += width;
    }
    return hit;
  }
  float radius = std::min(size.x, size.y) / 2 - 4;
  float inner = radius * 0.58f;
  ImVec2 centre(origin.x + radius + 4, origin.y + size.y / 2);
  float angle = -pi / 2;
  ImVec2 pointer = mouse.value_or(centre);
  float dx = pointer.x - centre.x;
  float dy = pointer.y - centre.y;
  float distance = std::sqrt(dx * dx + dy * dy);
  float mouse_angle = std::atan2(dy, dx);
  if (mouse_angle < -pi / 2) mouse_angle += 2 * pi;
  std::vector<ImVec2> arc;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    float sweep = 2 * pi * static_cast<float>(s.fractions[i]);
    if (sweep <= 0) continue;
    ImU32 colour = series_colour(theme, parts[i], i);
    if (s.few) colour = with_alpha(colour, 0.3f);
    // A ring slice drawn as one thick arc: no seams between pieces.
    int segments = std::max(2, static_cast<int>(sweep * 40));
    float middle = (radius + inner) / 2;
    arc.clear();
    // Points spaced as Dear ImGui's own arc spaces them, so that the screen's slices stay put.
    float end = angle + sweep;
    for (int k = 0; k <= segments; ++k) {
      float a = angle + (static_cast<float>(k) / static_cast<float>(segments)) * (end - angle);
      arc.push_back(ImVec2(centre.x + std::cos(a) * middle, centre.y + std::sin(a) * middle));
    }
    painter.polyline(arc, colour, radius - inner);
    if (mouse && distance >= inner && distance <= radius && mouse_angle >= angle &&
        mouse_angle < angle + sweep)
      hit = i;
    angle += sweep;
  }
  // The slices' shares listed beside the donut.
  float x = centre.x + radius + 20;
  float line = painter.line_height();
  float y = origin.y + (size.y - line * static_cast<float>(parts.size())) / 2;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    painter.text(ImVec2(x, y), parts[i].name + "  " + value_text(s.fractions[i], true, s.decimals),
                 theme.text);
    y += line;
  }
  return hit;
}

}  // namespace

void paint_share_chart(Painter& painter, ImVec2 min, ImVec2 size, const std::vector<Series>& parts,
                       ShareStyle style, const Theme& theme) {
  paint_shares(painter, min, size, parts, share_parts(parts), style, std::nullopt, theme);
}

void paint_share_bar(Painter& painter, ImVec2 min, ImVec2 size, const std::vector<Series>& parts,
                     const Theme& theme) {
  paint_share_chart(painter, min, size, parts, ShareStyle::bar, theme);
}

std::optional<Selection> share_chart(const char* id, const std::vector<Series>& parts,
                                     ShareStyle style, float height, const ChartContext& context) {
  const Theme& theme = *context.theme;
  ImGui::PushID(id);
  ShareParts s = share_parts(parts);
  ChartState legend_state;
  draw_legend(parts, legend_state, context);
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size(std::max(ImGui::GetContentRegionAvail().x, 120.0f), height);
  ImGui::InvisibleButton("plot", size);
  bool hovered = ImGui::IsItemHovered();
  bool clicked = ImGui::IsItemDeactivated() && hovered;
  ImGuiPainter painter = ImGuiPainter::for_window(context.bold);
  std::optional<std::size_t> hit =
      paint_shares(painter, origin, size, parts, s, style,
                   hovered ? std::optional<ImVec2>(ImGui::GetIO().MousePos) : std::nullopt, theme);

  std::optional<Selection> selection;
  if (hit) {
    std::string told = share_text(s.fractions[*hit], s.values[*hit], s.total, s.decimals);
    if (s.few) {
      auto items = static_cast<std::int64_t>(std::llround(s.total));
      told += "\n" + trn("chart.few_items", items, format_count(items));
    }
    ImGui::SetTooltip("%s: %s", parts[*hit].name.c_str(), told.c_str());
    if (clicked) {
      Selection picked;
      picked.chart = id;
      picked.series = static_cast<int>(*hit);
      picked.index = static_cast<int>(*hit);
      picked.category = parts[*hit].name;
      selection = picked;
    }
  }
  auto csv = [&] {
    std::string text =
        csv_line({tr("chart.csv.category"), tr("chart.csv.value"), tr("chart.csv.share")});
    for (std::size_t i = 0; i < parts.size(); ++i)
      text += csv_line({parts[i].name, csv_number(s.values[i]), csv_number(s.fractions[i])});
    return text;
  };
  chart_context_menu("chart_menu", csv, origin, ImVec2(origin.x + size.x, origin.y + size.y),
                     context);
  ImGui::PopID();
  return selection;
}

ImU32 heat_colour(const Theme& theme, double t) {
  ImU32 low =
      theme.kind == ThemeKind::light ? IM_COL32(239, 243, 248, 255) : IM_COL32(44, 48, 56, 255);
  ImU32 high =
      theme.kind == ThemeKind::light ? IM_COL32(8, 69, 148, 255) : IM_COL32(107, 174, 214, 255);
  return lerp_colour(low, high, t);
}

std::optional<Selection> heatmap_chart(const char* id, const HeatmapData& data,
                                       const ChartContext& context) {
  const Theme& theme = *context.theme;
  ImGui::PushID(id);
  float line = ImGui::GetTextLineHeight();
  float label_width = 0;
  for (const std::string& row : data.rows)
    label_width = std::max(label_width, ImGui::CalcTextSize(row.c_str()).x);
  // Long outlet names give way to the cells: at most a third of the width, then "…".
  label_width = std::min(label_width, std::max(ImGui::GetContentRegionAvail().x, 200.0f) / 3) + 10;
  float cell_height = line * 1.5f;
  float header = line * 1.4f;
  float legend = line * 1.8f;
  ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size(std::max(ImGui::GetContentRegionAvail().x, 200.0f),
              header + cell_height * static_cast<float>(data.rows.size()) + legend);
  ImGui::InvisibleButton("plot", size);
  bool hovered = ImGui::IsItemHovered();
  bool clicked = ImGui::IsItemDeactivated() && hovered;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  std::size_t columns = std::max<std::size_t>(data.columns.size(), 1);
  float cell_width = (size.x - label_width) / static_cast<float>(columns);
  double largest = 0;
  for (double v : data.values) largest = std::max(largest, v);
  if (largest <= 0) largest = 1;

  // Column labels.
  float widest = 0;
  for (const std::string& column : data.columns)
    widest = std::max(widest, ImGui::CalcTextSize(column.c_str()).x);
  std::size_t every =
      std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((widest + 8) / cell_width)));
  // Thinned so that they never overlap, and none runs past the right edge.
  for (std::size_t c = 0; c < data.columns.size(); c += every) {
    float x = origin.x + label_width + cell_width * static_cast<float>(c) + 2;
    if (x + ImGui::CalcTextSize(data.columns[c].c_str()).x > origin.x + size.x) break;
    draw->AddText(ImVec2(x, origin.y), theme.text_muted, data.columns[c].c_str());
  }

  ImVec2 mouse = ImGui::GetIO().MousePos;
  std::optional<Selection> selection;
  for (std::size_t r = 0; r < data.rows.size(); ++r) {
    float top = origin.y + header + cell_height * static_cast<float>(r);
    std::string name = fit_text(data.rows[r], label_width - 10);
    draw->AddText(ImVec2(origin.x, top + (cell_height - line) / 2), theme.text, name.c_str());
    if (name != data.rows[r] && hovered && mouse.x < origin.x + label_width && mouse.y >= top &&
        mouse.y < top + cell_height)
      ImGui::SetTooltip("%s", data.rows[r].c_str());
    for (std::size_t c = 0; c < data.columns.size(); ++c) {
      float left = origin.x + label_width + cell_width * static_cast<float>(c);
      double v = data.at(r, c);
      ImVec2 a(left + 1, top + 1);
      ImVec2 z(left + cell_width - 1, top + cell_height - 1);
      draw->AddRectFilled(a, z, heat_colour(theme, v / largest));
      if (hovered && mouse.x >= left && mouse.x < left + cell_width && mouse.y >= top &&
          mouse.y < top + cell_height) {
        draw->AddRect(a, z, theme.text, 0, 0, 2.0f);
        ImGui::SetTooltip("%s · %s: %s", data.rows[r].c_str(), data.columns[c].c_str(),
                          value_text(v, false).c_str());
        if (clicked) selection = cell_selection(id, r, c, data.rows[r]);
      }
    }
  }
  // Colour scale: from none to the largest value.
  float scale_top =
      origin.y + header + cell_height * static_cast<float>(data.rows.size()) + line * 0.5f;
  float scale_left = origin.x + label_width;
  float scale_width = std::min(240.0f, size.x - label_width - 80);
  for (int i = 0; i < 48; ++i) {
    float x = scale_left + scale_width * static_cast<float>(i) / 48.0f;
    draw->AddRectFilled(ImVec2(x, scale_top),
                        ImVec2(x + scale_width / 48.0f + 0.5f, scale_top + line * 0.7f),
                        heat_colour(theme, i / 47.0));
  }
  draw->AddText(ImVec2(scale_left - ImGui::CalcTextSize("0").x - 6, scale_top - line * 0.15f),
                theme.text_muted, "0");
  draw->AddText(ImVec2(scale_left + scale_width + 6, scale_top - line * 0.15f), theme.text_muted,
                value_text(largest, false).c_str());

  auto csv = [&] {
    return grid_csv(data.rows, data.columns,
                    [&](std::size_t r, std::size_t c) { return csv_number(data.at(r, c)); });
  };
  chart_context_menu("chart_menu", csv, origin, ImVec2(origin.x + size.x, origin.y + size.y),
                     context);
  ImGui::PopID();
  return selection;
}

}  // namespace raekoda::plot
