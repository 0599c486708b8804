#include "plot/theme.h"

namespace raekoda::plot {
namespace {

constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b) {
  return IM_COL32(r, g, b, 255);
}

// Okabe-Ito: blue 0072B2, vermillion D55E00, bluish green 009E73, orange E69F00.
const Theme light_theme{
    ThemeKind::light,   rgb(244, 245, 247),  // background
    rgb(255, 255, 255),                      // tile_background
    rgb(214, 218, 224),                      // tile_border
    rgb(236, 242, 250),                      // tile_hover
    rgb(28, 32, 38),                         // text
    rgb(96, 103, 112),                       // text_muted
    rgb(226, 229, 233),                      // grid
    rgb(0, 114, 178),                        // neutral
    rgb(0, 158, 115),                        // good
    rgb(230, 159, 0),                        // warning
    rgb(213, 94, 0),                         // bad
    rgb(0, 114, 178),                        // bar
};

const Theme dark_theme{
    ThemeKind::dark,    rgb(24, 26, 30),  // background
    rgb(36, 39, 45),                      // tile_background
    rgb(60, 64, 72),                      // tile_border
    rgb(46, 52, 62),                      // tile_hover
    rgb(232, 234, 237),                   // text
    rgb(160, 166, 175),                   // text_muted
    rgb(54, 58, 66),                      // grid
    rgb(86, 180, 233),                    // neutral: sky blue reads better on dark
    rgb(0, 178, 130),                     // good
    rgb(240, 180, 40),                    // warning
    rgb(236, 110, 20),                    // bad
    rgb(86, 180, 233),                    // bar
};

}  // namespace

const Theme& theme(ThemeKind kind) {
  return kind == ThemeKind::light ? light_theme : dark_theme;
}

ImU32 assessment_colour(const Theme& theme, Assessment assessment) {
  switch (assessment) {
    case Assessment::good:
      return theme.good;
    case Assessment::warning:
      return theme.warning;
    case Assessment::bad:
      return theme.bad;
    case Assessment::neutral:
      return theme.neutral;
  }
  return theme.neutral;
}

void apply_imgui_style(ThemeKind kind) {
  ImGuiStyle& style = ImGui::GetStyle();
  if (kind == ThemeKind::light)
    ImGui::StyleColorsLight(&style);
  else
    ImGui::StyleColorsDark(&style);
  const Theme& t = theme(kind);
  style.WindowRounding = 0;
  style.FrameRounding = 4;
  style.ChildRounding = 6;
  style.WindowPadding = ImVec2(16, 12);
  style.FramePadding = ImVec2(10, 6);
  style.ItemSpacing = ImVec2(10, 8);
  style.CellPadding = ImVec2(8, 4);
  style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(t.background);
  style.Colors[ImGuiCol_ChildBg] = ImGui::ColorConvertU32ToFloat4(t.tile_background);
  style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(t.text);
  style.Colors[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(t.text_muted);
  style.Colors[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(t.tile_border);
  // Input fields stand out from the white panels they sit on.
  ImU32 frame = kind == ThemeKind::light ? IM_COL32(232, 236, 241, 255) : IM_COL32(52, 57, 66, 255);
  ImU32 frame_hover =
      kind == ThemeKind::light ? IM_COL32(220, 228, 238, 255) : IM_COL32(62, 69, 80, 255);
  style.Colors[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(frame);
  style.Colors[ImGuiCol_FrameBgHovered] = ImGui::ColorConvertU32ToFloat4(frame_hover);
  style.Colors[ImGuiCol_FrameBgActive] = ImGui::ColorConvertU32ToFloat4(frame_hover);
  style.FrameBorderSize = kind == ThemeKind::light ? 1.0f : 0.0f;
}

}  // namespace raekoda::plot
