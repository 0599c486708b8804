#pragma once
// DejaVu Sans from fonts-dejavu-core: Dear ImGui's built-in font lacks š, ž and Cyrillic, which
// Estonian and Russian text needs.

#include "ui/dashboard.h"

namespace raekoda::app {

// Adds the dashboard's fonts to the current ImGui context's atlas (not yet built). Falls back to
// ImGui's built-in font, with a warning on stderr, when the font files are missing.
ui::Fonts load_fonts();

}  // namespace raekoda::app
