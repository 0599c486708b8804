#include "app/keyboard_nav.h"

#include <imgui_internal.h>

namespace raekoda::app {

KeyboardNavigation::KeyboardNavigation(ImGuiIO& io) {
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
}

void KeyboardNavigation::before_frame(ImGuiIO& io) {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  focus_alive_ = g.NavId != 0 && g.NavIdIsAlive;
  // Enter uses the focused control as Space does, while the keyboard moves the focus (the ring is
  // shown) and no text is being typed; after a click, Enter stays with the views (the records
  // table opens its current row with it).
  bool moving_by_keys = focus_alive_ && !g.NavDisableHighlight;
  bool enter =
      io.KeysDown[io.KeyMap[ImGuiKey_Enter]] || io.KeysDown[io.KeyMap[ImGuiKey_KeyPadEnter]];
  if (moving_by_keys && enter && !io.WantTextInput) io.NavInputs[ImGuiNavInput_Activate] = 1.0f;
}

void KeyboardNavigation::after_new_frame() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (tabbed_ && g.NavJustMovedToId != 0) {
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = true;
  }
  tabbed_ = g.NavMoveSubmitted && (g.NavMoveFlags & ImGuiNavMoveFlags_Tabbing) &&
            !(g.NavMoveFlags & ImGuiNavMoveFlags_FocusApi);
  // 1.86 tabs forward from the focused control only while it is being edited (a text field);
  // from a button it would start again at the first control.
  if (tabbed_ && g.NavTabbingDir == 0 && focus_alive_) g.NavTabbingDir = +1;
}

}  // namespace raekoda::app
