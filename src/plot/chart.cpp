#include "plot/chart.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "core/i18n.h"
#include "core/number_format.h"
#include "plot/imgui_painter.h"

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

std::string value_text(double value, bool percent, int decimals) {
  if (std::isnan(value)) return "–";
  if (percent) return format_percent(value, decimals);
  if (decimals == 0) return format_count(static_cast<std::int64_t>(std::round(value)));
  return format_decimal(value, decimals);
}

int shared_decimals(std::span<const double> values, bool percent) {
  for (double value : values) {
    if (std::isnan(value)) continue;
    if (percent ? value != 0 && std::fabs(value) < 0.005
                : std::fabs(value - std::round(value)) >= 0.05)
      return 1;
  }
  return 0;
}

std::string share_text(double share, double count, double total, int decimals) {
  return trf("chart.share_of", value_text(share, true, decimals),
             format_count(static_cast<std::int64_t>(std::llround(count))),
             format_count(static_cast<std::int64_t>(std::llround(total))));
}

void hatch_rect(Painter& painter, ImVec2 min, ImVec2 max, ImU32 colour) {
  constexpr float spacing = 5;
  float height = max.y - min.y;
  if (height <= 0 || max.x <= min.x) return;
  painter.push_clip(min, max);
  for (float x = min.x - height; x < max.x; x += spacing)
    painter.line(ImVec2(x, max.y), ImVec2(x + height, min.y), colour, 1.0f);
  painter.pop_clip();
}

namespace {

// "-5" and "-3,5" are values a spreadsheet should sum, and no formula.
bool is_plain_number(std::string_view field) {
  std::size_t at = field[0] == '-' || field[0] == '+' ? 1 : 0;
  std::size_t digits = 0;
  bool separator = false;
  for (; at < field.size(); ++at) {
    char c = field[at];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if ((c == ',' || c == '.') && !separator && digits > 0 && at + 1 < field.size()) {
      separator = true;
    } else {
      return false;
    }
  }
  return digits > 0;
}

// A spreadsheet opening the file runs a field that starts like this as a formula: a sender named
// "=HYPERLINK(...)" would become a live link (OWASP's "CSV injection").
bool opens_formula(std::string_view field) {
  if (field.empty() || std::string_view("=+-@\t\r").find(field[0]) == std::string_view::npos)
    return false;
  return !is_plain_number(field);
}

}  // namespace

std::string csv_line(const std::vector<std::string>& fields) {
  std::string line;
  std::string guarded;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) line += ';';
    const std::string* kept = &fields[i];
    // OWASP's remedy: a leading apostrophe makes the field text.
    if (opens_formula(*kept)) {
      guarded = "'" + *kept;
      kept = &guarded;
    }
    const std::string& field = *kept;
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
  KeyRow()
      : left_(ImGui::GetCursorScreenPos().x),
        right_(left_ + std::max(ImGui::GetContentRegionAvail().x, 40.0f)) {}
  void next(std::size_t index, float width) {
    if (index == 0) return;
    if (ImGui::GetItemRectMax().x + gap + width <= right_) ImGui::SameLine(0, gap);
  }
  // The widest an entry may be: a name longer than a whole line is shortened to it.
  float line_width() const { return right_ - left_; }

private:
  static constexpr float gap = 18;
  float left_;
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

std::string fit_text(std::string_view text, float width, const MeasureText& measure) {
  if (measure(text) <= width) return std::string(text);
  static constexpr std::string_view ellipsis = "…";
  // The character boundaries; the longest prefix that fits with "…" is found by halving.
  std::vector<std::size_t> ends;
  for (std::size_t i = 1; i <= text.size(); ++i)
    if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ends.push_back(i);
  auto with_ellipsis = [&](std::size_t count) {
    std::string_view kept = text.substr(0, count == 0 ? 0 : ends[count - 1]);
    // A cut after a space or a comma reads as a word ended: "Volikogu …" becomes "Volikogu…".
    while (!kept.empty() && (kept.back() == ' ' || kept.back() == ',')) kept.remove_suffix(1);
    return std::string(kept) + std::string(ellipsis);
  };
  std::size_t low = 0;  // characters known to fit with the ellipsis
  std::size_t high = ends.size();
  if (measure(with_ellipsis(0)) > width) return {};
  while (low < high) {
    std::size_t middle = (low + high + 1) / 2;
    if (measure(with_ellipsis(middle)) <= width)
      low = middle;
    else
      high = middle - 1;
  }
  return with_ellipsis(low);
}

std::string fit_text(std::string_view text, float width) {
  return fit_text(text, width, [](std::string_view t) {
    return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x;
  });
}

float name_column_width(float longest_name, float total, float value_width) {
  constexpr float gaps = 18;  // between name and bar, and after the value
  float bars = std::max(40.0f, total * 0.12f);
  return std::max(0.0f, std::min(longest_name, total - value_width - gaps - bars));
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
  std::string shown = fit_text(name, name_width);
  draw->AddText(ImVec2(origin.x, text_y(row)), theme.text, shown.c_str());
  if (shown != name && row_hovered(row) && ImGui::GetIO().MousePos.x < origin.x + name_width)
    ImGui::SetTooltip("%s", name.c_str());
}

void draw_colour_key(const std::vector<std::string>& names, const std::vector<ImU32>& colours) {
  float line = ImGui::GetTextLineHeight();
  float swatch = line * 0.7f;
  float offset = (line - swatch) / 2;
  KeyRow row;
  for (std::size_t i = 0; i < names.size() && i < colours.size(); ++i) {
    std::string name = fit_text(names[i], row.line_width() - swatch - 6);
    row.next(i, swatch + 6 + ImGui::CalcTextSize(name.c_str()).x);
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, at.y + offset),
                                              ImVec2(at.x + swatch, at.y + offset + swatch),
                                              colours[i], 2.0f);
    ImGui::Dummy(ImVec2(swatch, line));
    ImGui::SameLine(0, 6);
    ImGui::TextUnformatted(name.c_str());
    if (name != names[i] && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", names[i].c_str());
  }
}

float draw_legend(const std::vector<Series>& series, ChartState& state, const ChartContext& context,
                  const std::vector<KeyEntry>& keys) {
  const Theme& theme = *context.theme;
  if (state.hidden.size() != series.size()) state.hidden.assign(series.size(), false);
  state.hovered_series = -1;
  float start_y = ImGui::GetCursorPosY();
  float swatch = ImGui::GetTextLineHeight() * 0.7f;
  KeyRow row;
  for (std::size_t i = 0; i < series.size(); ++i) {
    std::string name = fit_text(series[i].name, row.line_width() - swatch - 6);
    ImVec2 text = ImGui::CalcTextSize(name.c_str());
    ImVec2 size(swatch + 6 + text.x, ImGui::GetTextLineHeight());
    row.next(i, size.x);
    ImGui::PushID(static_cast<int>(i));
    ImVec2 at = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("legend", size)) state.hidden[i] = !state.hidden[i];
    bool hovered = ImGui::IsItemHovered();
    if (hovered) {
      state.hovered_series = static_cast<int>(i);
      const char* hint = tr(state.hidden[i] ? "chart.legend_show" : "chart.legend_hide");
      if (name != series[i].name)
        ImGui::SetTooltip("%s\n%s", series[i].name.c_str(), hint);
      else
        ImGui::SetTooltip("%s", hint);
    }
    ImGuiPainter painter = ImGuiPainter::for_window();
    paint_series_swatch(painter, ImVec2(at.x, at.y + (size.y - swatch) / 2), swatch,
                        series_colour(theme, series[i], i), state.hidden[i]);
    painter.text(ImVec2(at.x + swatch + 6, at.y), name,
                 state.hidden[i] ? theme.text_muted : theme.text);
    ImGui::PopID();
  }
  for (std::size_t k = 0; k < keys.size(); ++k) {
    std::string name = fit_text(keys[k].name, row.line_width() - swatch - 6);
    ImVec2 size(swatch + 6 + ImGui::CalcTextSize(name.c_str()).x, ImGui::GetTextLineHeight());
    row.next(series.size() + k, size.x);
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    ImGuiPainter painter = ImGuiPainter::for_window();
    paint_key_swatch(painter, ImVec2(at.x, at.y + (size.y - swatch) / 2), swatch, keys[k], theme);
    painter.text(ImVec2(at.x + swatch + 6, at.y), name, theme.text_muted);
  }
  return ImGui::GetCursorPosY() - start_y;
}

void paint_series_swatch(Painter& painter, ImVec2 min, float size, ImU32 colour, bool hidden) {
  ImVec2 max(min.x + size, min.y + size);
  if (hidden)
    painter.rounded_rect(min, max, colour, 2.0f);
  else
    painter.rounded_rect_filled(min, max, colour, 2.0f);
}

void paint_key_swatch(Painter& painter, ImVec2 min, float size, const KeyEntry& key,
                      const Theme& theme) {
  ImVec2 max(min.x + size, min.y + size);
  switch (key.mark) {
    case KeyEntry::Mark::filled:
      painter.rounded_rect_filled(min, max, key.colour, 2.0f);
      break;
    case KeyEntry::Mark::hatched:
      painter.rect_filled(min, max, with_alpha(key.colour, 0.35f));
      hatch_rect(painter, min, max, key.colour);
      break;
    case KeyEntry::Mark::faded:
      painter.rounded_rect_filled(min, max, with_alpha(key.colour, 0.3f), 2.0f);
      break;
    case KeyEntry::Mark::hollow_point: {
      ImVec2 centre((min.x + max.x) / 2, (min.y + max.y) / 2);
      painter.circle_filled(centre, size / 2, theme.tile_background);
      painter.circle(centre, size / 2 - 1, key.colour, 2.0f);
      break;
    }
  }
}

float paint_key(Painter& painter, ImVec2 min, float width, const std::vector<Series>& series,
                const std::vector<KeyEntry>& keys, const Theme& theme) {
  constexpr float gap = 18;  // between entries, as on screen
  float line = painter.line_height();
  float swatch = line * 0.7f;
  float row_step = line * 1.3f;
  auto measure = [&](std::string_view t) { return painter.text_width(t); };
  float x = min.x;
  float y = min.y;
  std::size_t entries = 0;
  // Places one entry: on this line where it fits, else at the start of the next.
  auto place = [&](const std::string& full_name, ImU32 text_colour, auto&& swatch_painter) {
    std::string name = fit_text(full_name, width - swatch - 6, measure);
    float entry = swatch + 6 + painter.text_width(name);
    if (entries > 0) {
      if (x + gap + entry <= min.x + width) {
        x += gap;
      } else {
        x = min.x;
        y += row_step;
      }
    }
    swatch_painter(ImVec2(x, y + (line - swatch) / 2));
    painter.text(ImVec2(x + swatch + 6, y), name, text_colour);
    x += entry;
    ++entries;
  };
  for (std::size_t i = 0; i < series.size(); ++i)
    place(series[i].name, theme.text, [&](ImVec2 at) {
      paint_series_swatch(painter, at, swatch, series_colour(theme, series[i], i), false);
    });
  for (const KeyEntry& key : keys)
    place(key.name, theme.text_muted,
          [&](ImVec2 at) { paint_key_swatch(painter, at, swatch, key, theme); });
  return entries == 0 ? 0 : y - min.y + line;
}

}  // namespace raekoda::plot
