#pragma once
// Dear ImGui with no window and no GL: frames are built on the CPU only. Benchmarks measure
// frames this way, and tests click through the dashboard as a user would.

#include <functional>
#include <optional>

#include <imgui.h>

#include "app/input_queue.h"
#include "app/keyboard_nav.h"
#include "ui/dashboard.h"

namespace raekoda::app {

class HeadlessImGui {
public:
  HeadlessImGui(float width, float height);
  ~HeadlessImGui();
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;

  const ui::Fonts& fonts() const { return fonts_; }
  // One frame: NewFrame, `draw`, Render.
  void frame(const std::function<void()>& draw);
  void move_mouse(ImVec2 position) { ImGui::GetIO().MousePos = position; }
  // Presses and releases the left button at `position` over a few frames, as a hand would.
  void click(ImVec2 position, const std::function<void()>& draw);
  // Events given all at once, as a batch from the window system; each frame takes one change of
  // a button or key, as the window does (app/input_queue.h).
  InputQueue& input() { return input_; }
  // Frames until every queued event has had its own.
  void drain_input(const std::function<void()>& draw);

private:
  ImGuiContext* context_ = nullptr;
  ui::Fonts fonts_;
  InputQueue input_;
  std::optional<KeyboardNavigation> navigation_;
};

}  // namespace raekoda::app
