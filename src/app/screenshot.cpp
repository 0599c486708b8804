#include <stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>

#include "app/controller.h"
#include "app/paths.h"
#include "app/window.h"
#include "core/i18n.h"

namespace raekoda::app {

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
  return stbi_write_png(path.c_str(), right - left, bottom - top, 4, first, width * 4) != 0;
}

std::filesystem::path chart_image_path(const std::string& chart) {
  return export_path(chart, "png");
}

void write_screenshot(Controller& controller, View view, int width, int height,
                      const std::filesystem::path& out) {
  GlWindow window(width, height, tr("app.window_title"));
  controller.ui_state().view = view;
  // A few frames let Dear ImGui settle window sizes and table column widths.
  constexpr int frames = 4;
  std::vector<unsigned char> pixels;
  int pixel_width = 0;
  int pixel_height = 0;
  for (int frame = 0; frame < frames; ++frame) {
    window.begin_frame(/*with_mouse=*/false);
    controller.draw_frame(window.fonts());
    window.render();
    if (frame == frames - 1) pixels = window.read_back_buffer(pixel_width, pixel_height);
    window.present();
  }
  if (!stbi_write_png(out.c_str(), pixel_width, pixel_height, 4, pixels.data(), pixel_width * 4))
    throw std::runtime_error(trf("error.screenshot.write", out.string()));
}

}  // namespace raekoda::app
