#pragma once
// A real window: GLFW, an OpenGL 3.3 core context loaded by glad, Dear ImGui's GLFW and OpenGL3
// backends.

#include <filesystem>
#include <stdexcept>
#include <vector>

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

  // `with_mouse` false: the pointer is ignored, so that a screenshot shows no hover state.
  void begin_frame(bool with_mouse = true);
  // Renders ImGui's draw data into the back buffer (not yet shown).
  void render();
  void present();
  // The back buffer as RGBA rows, top row first.
  std::vector<unsigned char> read_back_buffer(int& width, int& height);

  // Set by the input callbacks; the loop renders while there is activity and sleeps otherwise.
  bool take_activity();

private:
  GLFWwindow* window_ = nullptr;
  ui::Fonts fonts_;
};

// Writes the part of an RGBA frame (top row first) that `request` covers as PNG; false when the
// region is empty or the file cannot be written.
bool write_png_region(const std::vector<unsigned char>& rgba, int width, int height,
                      const plot::ImageRequest& request, const std::filesystem::path& path);
// Where a chart saved from the dashboard goes: the user's pictures folder, a name with the time.
std::filesystem::path chart_image_path(const std::string& chart);

// The interactive dashboard; returns the process exit code.
int run_dashboard(Controller& controller);

// Renders `view` for a few frames and writes the last one as PNG. Throws WindowError.
void write_screenshot(Controller& controller, View view, int width, int height,
                      const std::filesystem::path& out);

}  // namespace raekoda::app
