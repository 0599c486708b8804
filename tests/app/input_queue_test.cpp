#include <catch2/catch.hpp>

#include <imgui.h>

#include "app/input_queue.h"

using namespace raekoda;

TEST_CASE("a click quicker than a frame is seen as hover, press and release, one frame each",
          "[no-db]") {
  ImGuiContext* context = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  app::InputQueue queue;
  queue.click(ImVec2(120, 40));

  queue.feed(io);
  CHECK(io.MousePos.x == 120);
  CHECK(io.MousePos.y == 40);
  CHECK_FALSE(io.MouseDown[0]);  // first the pointer arrives, as a hand's would

  queue.feed(io);
  CHECK(io.MouseDown[0]);
  queue.feed(io);
  CHECK_FALSE(io.MouseDown[0]);
  CHECK(queue.empty());

  // A key tapped between two frames is pressed in one and released in the next.
  queue.tap_key(65);
  queue.feed(io);
  CHECK(io.KeysDown[65]);
  CHECK(queue.pressed_in_last_feed(65));
  queue.feed(io);
  CHECK_FALSE(io.KeysDown[65]);
  ImGui::DestroyContext(context);
}
