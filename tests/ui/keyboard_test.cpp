// The dashboard by keyboard and by quick hands: a press and release quicker than a frame still
// counts, Tab reaches buttons and tiles, Space or Enter uses them, the table keeps its own keys.

#include <catch2/catch.hpp>

#include <imgui_internal.h>

#include "core/i18n.h"
#include "support/dashboard_session.h"

using namespace raekoda;

using Session = testing::DashboardSession;

namespace {

int key(ImGuiKey_ which) {
  return ImGui::GetKeyIndex(which);
}

// The rectangle the keyboard's focus is on, in screen space; empty when none.
ImRect focused() {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  if (g.NavId == 0 || !g.NavWindow) return {};
  return ImGui::WindowRectRelToAbs(g.NavWindow, g.NavWindow->NavRectRel[g.NavLayer]);
}

bool focus_is_on(Session& session, const std::string& item) {
  if (!session.probe.has(item)) return false;
  auto rect = session.probe.items.at(item);
  ImRect at = focused();
  return std::abs(at.Min.x - rect.min.x) < 1 && std::abs(at.Min.y - rect.min.y) < 1;
}

// Tab, tapped as a hand taps it, until the focus is on `item`; the number of taps, or -1.
int tab_to(Session& session, const std::string& item, int most = 80) {
  for (int taps = 1; taps <= most; ++taps) {
    session.tap(key(ImGuiKey_Tab));
    if (focus_is_on(session, item)) return taps;
  }
  return -1;
}

}  // namespace

TEST_CASE("a key pressed and released within one frame still counts") {
  set_language(Language::et);
  Session session;
  session.click("tile.incidents");
  REQUIRE(session.ui().table);
  // Without the queue the press and its release would meet in one frame, and Esc be lost.
  session.tap(key(ImGuiKey_Escape));
  CHECK_FALSE(session.ui().table);
}

TEST_CASE("a click quicker than a frame counts, and two in one batch are two") {
  set_language(Language::et);
  Session session;
  session.frame();
  session.frame();
  session.quick_click(session.probe.centre("switcher.media"));
  CHECK(session.ui().view == View::media);
  session.frame();
  session.quick_click(session.probe.centre("switcher.deadlines"));
  session.imgui.input().click(session.probe.centre("switcher.plan"));
  session.imgui.input().click(session.probe.centre("switcher.access"));
  session.drain_input();
  CHECK(session.ui().view == View::access);
}

TEST_CASE("Tab reaches a tile and a top-bar button, which Enter and Space use") {
  set_language(Language::et);
  Session session;
  session.frame();
  session.frame();
  int taps = tab_to(session, "tile.deadlines");
  INFO("Tab taps to the deadlines tile: " << taps);
  REQUIRE(taps > 0);
  session.tap(key(ImGuiKey_Enter));
  REQUIRE(session.ui().table);
  CHECK(session.ui().table->query.spec == &documents_spec());
  session.tap(key(ImGuiKey_Escape));
  REQUIRE_FALSE(session.ui().table);

  REQUIRE(tab_to(session, "switcher.access") > 0);
  session.tap(key(ImGuiKey_Space));
  CHECK(session.ui().view == View::access);
}

TEST_CASE("Tab goes on from a focused button rather than back to the first") {
  set_language(Language::et);
  Session session;
  session.frame();
  session.frame();
  REQUIRE(tab_to(session, "switcher.media") > 0);
  session.tap(key(ImGuiKey_Tab));
  bool next_one = focus_is_on(session, "switcher.incidents") ||
                  focus_is_on(session, "switcher.deadlines") ||
                  focus_is_on(session, "switcher.plan");
  CHECK(next_one);
  CHECK_FALSE(focus_is_on(session, "switcher.overview"));
}

TEST_CASE("in the records table the arrows and Enter still move and open rows, tapped quickly") {
  set_language(Language::et);
  Session session;
  session.click("tile.incidents");
  REQUIRE(session.ui().table);
  session.tap(key(ImGuiKey_DownArrow));
  session.tap(key(ImGuiKey_DownArrow));
  CHECK(session.ui().table->cursor == 1);
  session.tap(key(ImGuiKey_Enter));
  REQUIRE(session.ui().editor);
  CHECK(session.ui().editor->original.id == session.ui().table->rows.at(1).id);
}
