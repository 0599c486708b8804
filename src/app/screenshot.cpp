#include <stb_image_write.h>

#include "app/controller.h"
#include "app/window.h"
#include "core/i18n.h"

namespace raekoda::app {

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
