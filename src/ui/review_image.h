#pragma once
// The chair's media review as a picture for the presidium: the review alone, drawn into a frame
// of its own at a fixed size, with no top bar, no notice line, no hover and no buttons.

#include "core/media_figures.h"
#include "ui/dashboard.h"

namespace raekoda::ui {

// The size the picture is written at, whatever the window's size.
inline constexpr int review_image_width = 1600;
inline constexpr int review_image_height = 1000;

// Draws the review over the whole display as one window; meant for a frame whose display is
// review_image_width × review_image_height and whose pointer is away. Clicks in it do nothing.
void draw_media_review_image(const MediaFigures& f, UiState& state, const Fonts& fonts);

}  // namespace raekoda::ui
