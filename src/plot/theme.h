#pragma once
// Colours the charts and tiles use. The series palette is Okabe and Ito's, which readers with
// any common colour-vision deficiency can tell apart; meaning colours are fixed so that, for
// instance, negative coverage is never green.

#include <imgui.h>

namespace raekoda::plot {

enum class ThemeKind { light, dark };

// Whether a figure is good news, bad news or neither, for the reader it is meant for.
enum class Assessment { neutral, good, warning, bad };

struct Theme {
  ThemeKind kind = ThemeKind::light;
  ImU32 background;
  ImU32 tile_background;
  ImU32 tile_border;
  ImU32 tile_hover;
  ImU32 text;
  ImU32 text_muted;
  ImU32 grid;
  ImU32 neutral;  // accent for figures that are neither good nor bad
  ImU32 good;
  ImU32 warning;
  ImU32 bad;
  ImU32 bar;  // plain one-series bars
};

const Theme& theme(ThemeKind kind);
ImU32 assessment_colour(const Theme& theme, Assessment assessment);
// Applies the matching Dear ImGui style colours.
void apply_imgui_style(ThemeKind kind);

}  // namespace raekoda::plot
