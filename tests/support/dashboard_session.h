#pragma once
// The dashboard driven headless, as a user would: click named controls, type, press keys.
// Each session has its own database, with a year of demo data ending on 22.11.2026 or empty: a
// file, or a database on the test cluster when the tests run on PostgreSQL (test_database.h).

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "app/controller.h"
#include "app/headless.h"
#include "db/demo_writer.h"
#include "support/temp_dir.h"
#include "support/test_database.h"

namespace raekoda::testing {

inline const Date session_today = *Date::parse_iso("2026-11-22");

struct DashboardSession {
  TempDir dir;
  // What a colleague's Raekoda opens to share the session's database.
  std::string target;
  app::HeadlessImGui imgui{1600, 1000};
  ui::ItemProbe probe;
  app::Controller controller;

  explicit DashboardSession(bool with_demo_data = true)
      : target(target_for(dir, with_demo_data)),
        controller(open(target, with_demo_data), session_today) {
    controller.ui_state().probe = &probe;
    // The tests save from their first step on: the file's check before the first save is over.
    controller.wait_for_file_check();
    if (with_demo_data) act_with_every_role();
  }

  // The demo city's first person (its city secretary) given every role and acted as: the tests
  // of what a view does see and may do everything; those of roles choose a person themselves.
  void act_with_every_role() {
    db::Database& db = controller.database();
    std::string login;
    {
      auto select = db.prepare("SELECT login FROM people WHERE id = 1");
      REQUIRE(select.step());
      login = select.text(0);
    }
    auto grant = db.prepare(
        "INSERT INTO person_roles (person_id, role) SELECT 1, ? WHERE NOT EXISTS "
        "(SELECT 1 FROM person_roles WHERE person_id = 1 AND role = ?)");
    for (std::size_t i = 0; i < Role_count; ++i) {
      std::string_view role = key_of(static_cast<Role>(i));
      if (role == "viewer") continue;
      grant.bind_all(role, role);
      grant.run();
    }
    controller.identify(login);
  }
  // Frames as the window draws them for `time`: while a write waits, each one quick.
  void frames_for(std::chrono::milliseconds time) {
    auto until = std::chrono::steady_clock::now() + time;
    while (std::chrono::steady_clock::now() < until) frame();
  }
  // Opens the first open incident in the editor and types `root_cause`, not yet saved; its id.
  Id edit_first_incident(const char* root_cause) {
    click("tile.incidents");
    click("records.row.0");
    REQUIRE(ui().editor);
    Id record = ui().editor->original.id;
    click("edit.root_cause");
    type(root_cause);
    return record;
  }
  // Acts as the person whose login `login` is, with the roles the demo data gave them.
  void act_as(const std::string& login) { controller.identify(login); }

  static std::string target_for(const TempDir& dir, bool with_demo_data) {
    if (!on_postgres()) return (dir / "raekoda.sqlite").string();
    return with_demo_data ? demo_server_database(DemoOptions{1, 1, 1, session_today})
                          : shared_test_target(dir.path().string(), "");
  }

  static db::Database open(const std::string& target, bool with_demo_data) {
    db::Database db = db::Database::open(target, db::OpenMode::create_if_missing);
    if (with_demo_data && db.backend() == db::Backend::sqlite)
      db::write_demo_data(db, DemoOptions{1, 1, 1, session_today});
    return db;
  }

  ui::UiState& ui() { return controller.ui_state(); }
  // The figures after the reads asked for so far.
  const DashboardFigures& figures() {
    controller.wait_for_figures();
    return controller.figures();
  }
  // The window's once-a-second look at the database, repeated until it sees a change or five
  // seconds pass: a server's notice arrives a moment after the commit.
  bool notices_change() {
    for (int tries = 0; tries < 500; ++tries) {
      if (controller.poll_for_changes()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }
  // A frame as the window draws it, after the figures asked for meanwhile have been read: the
  // tests see each step's figures in the next frame, as a user does a moment later.
  void draw() {
    controller.wait_for_figures();
    controller.draw_frame(imgui.fonts());
  }
  void frame() {
    imgui.frame([&] { draw(); });
  }
  void click_at(ImVec2 at) {
    imgui.click(at, [&] { draw(); });
  }
  // Clicks the control the views named `item`, after two frames that settle the layout.
  void click(std::string_view item) {
    frame();
    frame();
    INFO(item);
    REQUIRE(probe.has(item));
    click_at(probe.centre(item));
  }
  // Types into the focused field as a keyboard would.
  void type(const char* text) {
    ImGui::GetIO().AddInputCharactersUTF8(text);
    frame();
  }
  void press(int key, bool ctrl = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeysDown[key] = true;
    frame();
    io.KeysDown[key] = false;
    io.KeyCtrl = false;
    frame();
  }
  // Events in one batch, quicker than a frame, as the window system hands them over; each frame
  // takes one change, as in the window (app/input_queue.h).
  void drain_input() {
    imgui.drain_input([&] { draw(); });
  }
  void tap(int key, bool ctrl = false) {
    app::KeyModifiers modifiers;
    modifiers.ctrl = ctrl;
    imgui.input().tap_key(key, modifiers);
    drain_input();
  }
  void quick_click(ImVec2 at) {
    imgui.input().click(at);
    drain_input();
  }
  // Scrolls the view with the mouse wheel, as a user would, until `item` is wholly on screen.
  void scroll_to(std::string_view item) {
    frame();
    frame();
    REQUIRE(probe.has(item));
    for (int turns = 0; turns < 40 && probe.items.at(std::string(item)).max.y > 990; ++turns) {
      imgui.move_mouse(ImVec2(800, 600));
      ImGui::GetIO().MouseWheel = -2;
      frame();
      ImGui::GetIO().MouseWheel = 0;
      frame();
    }
    REQUIRE(probe.items.at(std::string(item)).max.y <= 990);
  }
  // The x of a time chart's `bucket`, found by sweeping the mouse leftwards along its baseline as
  // a user's eye would; nullopt when the chart never reports it under the mouse.
  std::optional<float> bucket_x(std::string_view plot_item, std::string_view chart,
                                std::size_t bucket) {
    auto rect = probe.items.at(std::string(plot_item));
    float y = rect.max.y - ImGui::GetTextLineHeight() * 2.4f - 4;
    for (float x = rect.max.x - 12; x > rect.min.x; x -= 3) {
      imgui.move_mouse(ImVec2(x, y));
      frame();
      if (ui().chart(chart).hovered_index == bucket) return x - 6;  // from the edge into the bar
    }
    return std::nullopt;
  }
  // Clicks upwards from a time chart's zero line at `x` until a click opens a table that
  // `wanted` accepts; false if none does.
  template <class Accept>
  bool click_bar_until(std::string_view plot_item, float x, Accept wanted) {
    auto rect = probe.items.at(std::string(plot_item));
    float zero_line = rect.max.y - ImGui::GetFontSize() * 2.4f;
    for (float dy = 2; dy < 150; dy += 3) {
      click_at(ImVec2(x, zero_line - dy));
      frame();
      if (ui().table && wanted(*ui().table)) return true;
      ui().table.reset();
    }
    return false;
  }
  int vertices() const { return ImGui::GetDrawData() ? ImGui::GetDrawData()->TotalVtxCount : 0; }
};

}  // namespace raekoda::testing
