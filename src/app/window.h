#pragma once
// A real window: GLFW, an OpenGL 3.3 core context loaded by glad, Dear ImGui's GLFW and OpenGL3
// backends. The window takes the mouse and keyboard events itself and hands them to Dear ImGui
// one change per frame (app/input_queue.h), so that no tap is lost.

#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "app/input_queue.h"
#include "app/keyboard_nav.h"
#include "app/settings.h"
#include "ui/dashboard.h"

struct GLFWwindow;

namespace raekoda::app {

class Controller;

// Raised when no window can be opened; what() is already in the user's language.
class WindowError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

class GlWindow {
public:
  GlWindow(int width, int height, const char* title);
  ~GlWindow();
  GlWindow(const GlWindow&) = delete;
  GlWindow& operator=(const GlWindow&) = delete;

  GLFWwindow* handle() { return window_; }
  const ui::Fonts& fonts() const { return fonts_; }
  bool should_close() const;

  // The events waiting for a frame; screenshots put their clicks and keys here as a hand would.
  InputQueue& input() { return input_; }
  void begin_frame();
  // Renders ImGui's draw data into the back buffer (not yet shown).
  void render();
  // A frame of its own drawn by `draw` at `width` × `height` into an offscreen buffer, with the
  // pointer away; its RGBA rows, top row first. The window's own frame is left as it was.
  std::vector<unsigned char> render_offscreen(int width, int height,
                                              const std::function<void()>& draw);
  void present();
  // The back buffer as RGBA rows, top row first.
  std::vector<unsigned char> read_back_buffer(int& width, int& height);

  // Set by the input callbacks; the loop renders while there is activity and sleeps otherwise.
  bool take_activity();
  // The paths of files dropped on the window since the last call.
  std::vector<std::string> take_dropped_files();

private:
  GLFWwindow* window_ = nullptr;
  ui::Fonts fonts_;
  InputQueue input_;
  std::optional<KeyboardNavigation> navigation_;
};

// Declared after a window: ends the controller's figure reader before the window goes, as the
// reader measures the figures' widths in the window's fonts, which go with it.
class ReaderEndsFirst {
public:
  explicit ReaderEndsFirst(Controller& controller) : controller_(controller) {}
  ~ReaderEndsFirst();
  ReaderEndsFirst(const ReaderEndsFirst&) = delete;
  ReaderEndsFirst& operator=(const ReaderEndsFirst&) = delete;

private:
  Controller& controller_;
};

// After a frame is rendered and before it is shown: the charts the user asked to save are cut
// from it, and the chair's review is drawn alone and written.
void save_requested_images(GlWindow& window, Controller& controller);

// Writes the part of an RGBA frame (top row first) that `request` covers as PNG; false when the
// region is empty or the file cannot be written.
bool write_png_region(const std::vector<unsigned char>& rgba, int width, int height,
                      const plot::ImageRequest& request, const std::filesystem::path& path);
// Where a chart saved from the dashboard goes: the user's pictures folder, a name with the time.
std::filesystem::path chart_image_path(const std::string& chart);

// The interactive dashboard, at `place` when the settings keep one (else 1600 × 1000 where the
// desktop puts it); as it closes, its place and view are written to `settings`. Returns the
// process exit code.
int run_dashboard(Controller& controller, const std::optional<WindowPlace>& place,
                  const std::filesystem::path& settings);

// What a screenshot does before it is taken, as a user would: click a named control, type,
// press a key, scroll with the wheel until a named control is in view, or wait until a
// colleague's save reaches the database.
struct ScreenshotStep {
  enum class Kind { click, type, key, scroll_to, wait_for_change };
  Kind kind = Kind::click;
  std::string argument;  // the control's name, the text, or the key ("Escape", "ctrl+S")
};
// Reads "click:NAME", "type:TEXT", "key:KEY", "scroll:NAME" and "wait-change"; nullopt for
// anything else.
std::optional<ScreenshotStep> parse_screenshot_step(std::string_view text);

// Renders `view`, carries out `steps`, renders a few more frames and writes the last one as
// PNG. Throws WindowError, or ScreenshotError when a step cannot be carried out.
class ScreenshotError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};
void write_screenshot(Controller& controller, View view, int width, int height,
                      const std::filesystem::path& out,
                      const std::vector<ScreenshotStep>& steps = {});

}  // namespace raekoda::app
