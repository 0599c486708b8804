#include <stb_image_write.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <thread>

#include "app/controller.h"
#include "app/paths.h"
#include "app/window.h"
#include "core/atomic_file.h"
#include "core/i18n.h"

namespace raekoda::app {
namespace {

// The PNG is made in memory and written by write_file_atomically(): stb's own file writer
// neither reports a short write nor keeps the earlier picture when the disk is full.
std::string write_png(const std::filesystem::path& path, int width, int height,
                      const unsigned char* first, int stride) {
  std::string png;
  auto append = [](void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data),
                                               static_cast<std::size_t>(size));
  };
  if (!stbi_write_png_to_func(append, &png, width, height, 4, first, stride))
    return tr("error.screenshot.encode");
  return write_file_atomically(path, png);
}

}  // namespace

bool write_png_region(const std::vector<unsigned char>& rgba, int width, int height,
                      const plot::ImageRequest& request, const std::filesystem::path& path) {
  int left = std::clamp(static_cast<int>(request.min.x), 0, width);
  int top = std::clamp(static_cast<int>(request.min.y), 0, height);
  int right = std::clamp(static_cast<int>(std::ceil(request.max.x)), 0, width);
  int bottom = std::clamp(static_cast<int>(std::ceil(request.max.y)), 0, height);
  if (right <= left || bottom <= top) return false;
  const unsigned char* first =
      rgba.data() + (static_cast<std::size_t>(top) * static_cast<std::size_t>(width) +
                     static_cast<std::size_t>(left)) *
                        4;
  return write_png(path, right - left, bottom - top, first, width * 4).empty();
}

std::filesystem::path chart_image_path(const std::string& chart) {
  return export_path(chart, "png");
}

std::optional<ScreenshotStep> parse_screenshot_step(std::string_view text) {
  using Kind = ScreenshotStep::Kind;
  if (text == "wait-change") return ScreenshotStep{Kind::wait_for_change, ""};
  auto colon = text.find(':');
  if (colon == std::string_view::npos || colon + 1 == text.size()) return std::nullopt;
  std::string_view verb = text.substr(0, colon);
  std::string argument(text.substr(colon + 1));
  if (verb == "click") return ScreenshotStep{Kind::click, argument};
  if (verb == "type") return ScreenshotStep{Kind::type, argument};
  if (verb == "key") return ScreenshotStep{Kind::key, argument};
  if (verb == "scroll") return ScreenshotStep{Kind::scroll_to, argument};
  return std::nullopt;
}

namespace {

// The index into io.KeysDown of a key as the GLFW backend numbers it: letters by their ASCII
// codes, named keys through io.KeyMap.
std::optional<int> key_index(std::string_view name) {
  if (name.size() == 1 && name[0] >= 'A' && name[0] <= 'Z') return name[0];
  static const std::pair<std::string_view, ImGuiKey_> named[] = {
      {"Escape", ImGuiKey_Escape},  {"Enter", ImGuiKey_Enter},         {"Up", ImGuiKey_UpArrow},
      {"Down", ImGuiKey_DownArrow}, {"Home", ImGuiKey_Home},           {"End", ImGuiKey_End},
      {"Tab", ImGuiKey_Tab},        {"Backspace", ImGuiKey_Backspace}, {"Space", ImGuiKey_Space},
      {"Left", ImGuiKey_LeftArrow}, {"Right", ImGuiKey_RightArrow}};
  for (const auto& [key_name, key] : named)
    if (key_name == name) return ImGui::GetIO().KeyMap[key];
  return std::nullopt;
}

class ScreenshotSession {
public:
  ScreenshotSession(Controller& controller, GlWindow& window)
      : controller_(controller), window_(window) {
    controller_.ui_state().probe = &probe_;
  }
  ~ScreenshotSession() { controller_.ui_state().probe = nullptr; }

  // One frame; the last one's pixels when `keep` is set.
  void frame(std::vector<unsigned char>* keep = nullptr, int* width = nullptr,
             int* height = nullptr) {
    // The picture shows the figures each step asked for, as the user sees them a moment later.
    controller_.wait_for_figures();
    window_.begin_frame();
    controller_.draw_frame(window_.fonts());
    window_.render();
    save_requested_images(window_, controller_);
    if (keep) *keep = window_.read_back_buffer(*width, *height);
    window_.present();
  }

  // Frames until every queued event has had its own, as the window's loop draws them.
  void drain_input() {
    for (int frames = 0; frames < 64 && !window_.input().empty(); ++frames) frame();
    frame();
  }

  void run(const ScreenshotStep& step) {
    using Kind = ScreenshotStep::Kind;
    // Two frames settle the layout, so that controls are where the user would see them.
    frame();
    frame();
    ImGuiIO& io = ImGui::GetIO();
    switch (step.kind) {
      case Kind::click: {
        if (!probe_.has(step.argument))
          throw ScreenshotError(trf("error.screenshot.no_item", step.argument));
        // Pressed and released at once, quicker than a frame, as a quick hand does.
        window_.input().click(probe_.centre(step.argument));
        drain_input();
        break;
      }
      case Kind::type:
        io.AddInputCharactersUTF8(step.argument.c_str());
        frame();
        break;
      case Kind::key: {
        std::string_view name = step.argument;
        bool ctrl = name.starts_with("ctrl+");
        if (ctrl) name.remove_prefix(5);
        auto key = key_index(name);
        if (!key) throw ScreenshotError(trf("error.screenshot.bad_step", step.argument));
        KeyModifiers modifiers;
        modifiers.ctrl = ctrl;
        window_.input().tap_key(*key, modifiers);
        drain_input();
        break;
      }
      case Kind::scroll_to: {
        // A list draws only the rows in view: the control may appear only once scrolled to.
        ImVec2 display = ImGui::GetIO().DisplaySize;
        window_.input().move(ImVec2(display.x / 2, display.y / 2));
        auto in_view = [&] {
          return probe_.has(step.argument) && probe_.items.at(step.argument).max.y <= display.y - 8;
        };
        for (int turns = 0; turns < 80 && !in_view(); ++turns) {
          window_.input().scroll(0, -2);
          drain_input();
        }
        if (!probe_.has(step.argument))
          throw ScreenshotError(trf("error.screenshot.no_item", step.argument));
        break;
      }
      case Kind::wait_for_change: {
        // A colleague's program saves while this one waits, as on the city's shared file.
        for (int tries = 0; tries < 200; ++tries) {
          if (controller_.poll_for_changes()) return;
          std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        throw ScreenshotError(tr("error.screenshot.no_change"));
      }
    }
  }

  // An import's preview or run finishes on its thread: frames are drawn until it has, as the
  // window would draw them, so that the picture shows what the user would see next.
  void settle() {
    for (int waited = 0; controller_.busy() && waited < 600; ++waited) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      frame();
    }
    if (controller_.busy()) throw ScreenshotError(tr("error.screenshot.still_busy"));
  }

  void park_pointer() {
    window_.input().leave();
    drain_input();
  }

private:
  Controller& controller_;
  GlWindow& window_;
  ui::ItemProbe probe_;
};

}  // namespace

void write_screenshot(Controller& controller, View view, int width, int height,
                      const std::filesystem::path& out, const std::vector<ScreenshotStep>& steps) {
  GlWindow window(width, height, tr("app.window_title"));
  ReaderEndsFirst reader_ends_first(controller);
  controller.ui_state().view = view;
  ScreenshotSession session(controller, window);
  for (const ScreenshotStep& step : steps) {
    session.run(step);
    session.settle();
  }
  // The picture shows no hover state; a few frames let Dear ImGui settle window sizes and table
  // column widths.
  session.park_pointer();
  constexpr int frames = 4;
  std::vector<unsigned char> pixels;
  int pixel_width = 0;
  int pixel_height = 0;
  for (int frame = 0; frame < frames - 1; ++frame) session.frame();
  session.frame(&pixels, &pixel_width, &pixel_height);
  // A picture of a damaged file's figures, or of figures that could not be read, is not the
  // city's data: the command fails instead of leaving a picture that looks like it.
  if (const auto& unsound = controller.unsound_figures())
    throw ScreenshotError(trf("error.screenshot.unsound", *unsound));
  std::string problem = write_png(out, pixel_width, pixel_height, pixels.data(), pixel_width * 4);
  if (!problem.empty())
    throw ScreenshotError(trf("error.screenshot.write_because", out.string(), problem));
}

}  // namespace raekoda::app
