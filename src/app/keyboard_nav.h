#pragma once
// The whole dashboard by keyboard, with Dear ImGui 1.86's navigation: the arrow keys move the
// focus between controls, Tab and Shift+Tab go through every control (ui/dashboard.cpp makes each
// one a tab stop), Space or Enter uses the focused one, Esc closes a popup or leaves a list.
// Version 1.86 needs help in three places, kept here: Tab from a control that is focused but not
// being edited starts again from the first; a control reached by Tab shows no focus ring; and
// Enter activates only text fields.

#include <imgui.h>

namespace raekoda::app {

class KeyboardNavigation {
public:
  explicit KeyboardNavigation(ImGuiIO& io);  // turns keyboard navigation on
  // Before NewFrame, with this frame's keys in `io`.
  void before_frame(ImGuiIO& io);
  // Right after NewFrame, before anything is drawn.
  void after_new_frame();

private:
  bool focus_alive_ = false;  // the focused control was drawn in the last frame
  bool tabbed_ = false;       // a Tab went out in the last frame: where it lands shows the ring
};

}  // namespace raekoda::app
