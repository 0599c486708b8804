#include "app/window.h"

#include <glad/gl.h>
// glad first: it provides the GL declarations GLFW would otherwise include.
#include <GLFW/glfw3.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cfloat>
#include <iostream>
#include <string>
#include <vector>

#include "app/controller.h"
#include "app/fonts.h"
#include "core/i18n.h"
#include "plot/theme.h"
#include "ui/review_image.h"

namespace raekoda::app {
namespace {

std::string last_glfw_error;
bool activity = true;
// Files dropped on the window since the loop last looked; the first one is imported.
std::vector<std::string> dropped_files;
GLFWdropfun previous_drop = nullptr;
// Where the window's callbacks put mouse and keyboard events (there is one window).
InputQueue* queued_input = nullptr;

void on_glfw_error(int, const char* description) {
  last_glfw_error = description ? description : "";
}

bool key_held(GLFWwindow* window, int left, int right) {
  return glfwGetKey(window, left) == GLFW_PRESS || glfwGetKey(window, right) == GLFW_PRESS;
}

// Dear ImGui's backend is initialised without its own callbacks: these queue every event, and
// any input wakes the render loop.
void on_cursor(GLFWwindow*, double x, double y) {
  activity = true;
  if (queued_input) queued_input->move(ImVec2(static_cast<float>(x), static_cast<float>(y)));
}
void on_button(GLFWwindow*, int button, int action, int) {
  activity = true;
  if (queued_input && action != GLFW_REPEAT) queued_input->button(button, action == GLFW_PRESS);
}
void on_scroll(GLFWwindow*, double x, double y) {
  activity = true;
  if (queued_input) queued_input->scroll(static_cast<float>(x), static_cast<float>(y));
}
void on_key(GLFWwindow* window, int key, int, int action, int) {
  activity = true;
  if (!queued_input) return;
  // GLFW has recorded this key's own state before it calls: a Ctrl pressed counts as held.
  KeyModifiers held{key_held(window, GLFW_KEY_LEFT_CONTROL, GLFW_KEY_RIGHT_CONTROL),
                    key_held(window, GLFW_KEY_LEFT_SHIFT, GLFW_KEY_RIGHT_SHIFT),
                    key_held(window, GLFW_KEY_LEFT_ALT, GLFW_KEY_RIGHT_ALT),
                    key_held(window, GLFW_KEY_LEFT_SUPER, GLFW_KEY_RIGHT_SUPER)};
  // A held key is repeated by Dear ImGui itself, from how long it is held.
  if (action != GLFW_REPEAT) queued_input->key(key, action == GLFW_PRESS, held);
}
void on_char(GLFWwindow*, unsigned int codepoint) {
  activity = true;
  if (queued_input) queued_input->character(codepoint);
}
void on_focus(GLFWwindow* window, int focused) {
  activity = true;
  ImGui_ImplGlfw_WindowFocusCallback(window, focused);
}
void on_enter(GLFWwindow*, int entered) {
  activity = true;
  if (queued_input && !entered) queued_input->leave();
}
void on_resize(GLFWwindow*, int, int) {
  activity = true;
}
void on_refresh(GLFWwindow*) {
  activity = true;
}
void on_drop(GLFWwindow* window, int count, const char** paths) {
  activity = true;
  for (int i = 0; i < count; ++i)
    if (paths[i]) dropped_files.emplace_back(paths[i]);
  if (previous_drop) previous_drop(window, count, paths);
}

// The RGBA pixels of the buffer GL reads from, top row first: GL's first row is the bottom one.
std::vector<unsigned char> read_pixels_top_down(int width, int height) {
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) *
                                    static_cast<std::size_t>(height) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  std::size_t stride = static_cast<std::size_t>(width) * 4;
  std::vector<unsigned char> flipped(pixels.size());
  for (int row = 0; row < height; ++row)
    std::copy_n(pixels.data() + static_cast<std::size_t>(height - 1 - row) * stride, stride,
                flipped.data() + static_cast<std::size_t>(row) * stride);
  return flipped;
}

}  // namespace

GlWindow::GlWindow(int width, int height, const char* title) {
  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) throw WindowError(trf("error.window.no_display", last_glfw_error));
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  window_ = glfwCreateWindow(width, height, title, nullptr, nullptr);
  if (!window_) {
    glfwTerminate();
    throw WindowError(trf("error.window.no_context", last_glfw_error));
  }
  glfwMakeContextCurrent(window_);
  if (!gladLoadGL(glfwGetProcAddress)) {
    glfwDestroyWindow(window_);
    glfwTerminate();
    throw WindowError(trf("error.window.no_context", "glad"));
  }
  glfwSwapInterval(1);
  glfwSetCursorPosCallback(window_, on_cursor);
  glfwSetMouseButtonCallback(window_, on_button);
  glfwSetScrollCallback(window_, on_scroll);
  glfwSetKeyCallback(window_, on_key);
  glfwSetCharCallback(window_, on_char);
  glfwSetWindowFocusCallback(window_, on_focus);
  glfwSetCursorEnterCallback(window_, on_enter);
  glfwSetFramebufferSizeCallback(window_, on_resize);
  glfwSetWindowRefreshCallback(window_, on_refresh);
  previous_drop = glfwSetDropCallback(window_, on_drop);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  fonts_ = load_fonts();
  plot::apply_imgui_style(plot::ThemeKind::light);
  ImGui_ImplGlfw_InitForOpenGL(window_, false);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  navigation_.emplace(ImGui::GetIO());
  queued_input = &input_;
}

GlWindow::~GlWindow() {
  queued_input = nullptr;
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
}

bool GlWindow::should_close() const {
  return glfwWindowShouldClose(window_);
}

void GlWindow::begin_frame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  // The backend has written the device's state; the queue's, one change behind the other, wins.
  ImGuiIO& io = ImGui::GetIO();
  input_.feed(io);
  navigation_->before_frame(io);
  ImGui::NewFrame();
  navigation_->after_new_frame();
}

void GlWindow::render() {
  ImGui::Render();
  int width = 0;
  int height = 0;
  glfwGetFramebufferSize(window_, &width, &height);
  glViewport(0, 0, width, height);
  ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(background.x, background.y, background.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

std::vector<unsigned char> GlWindow::render_offscreen(int width, int height,
                                                      const std::function<void()>& draw) {
  ImGuiIO& io = ImGui::GetIO();
  ImVec2 display = io.DisplaySize;
  ImVec2 scale = io.DisplayFramebufferScale;
  ImVec2 pointer = io.MousePos;
  io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // no hover
  ImGui::NewFrame();
  draw();
  ImGui::Render();

  GLuint framebuffer = 0;
  GLuint colour = 0;
  glGenFramebuffers(1, &framebuffer);
  glGenRenderbuffers(1, &colour);
  glBindRenderbuffer(GL_RENDERBUFFER, colour);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);
  glViewport(0, 0, width, height);
  ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(background.x, background.y, background.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  glReadBuffer(GL_COLOR_ATTACHMENT0);
  std::vector<unsigned char> pixels = read_pixels_top_down(width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glDeleteRenderbuffers(1, &colour);
  glDeleteFramebuffers(1, &framebuffer);
  glReadBuffer(GL_BACK);

  io.DisplaySize = display;
  io.DisplayFramebufferScale = scale;
  io.MousePos = pointer;
  return pixels;
}

void GlWindow::present() {
  glfwSwapBuffers(window_);
}

std::vector<unsigned char> GlWindow::read_back_buffer(int& width, int& height) {
  glfwGetFramebufferSize(window_, &width, &height);
  glReadBuffer(GL_BACK);
  return read_pixels_top_down(width, height);
}

std::vector<std::string> GlWindow::take_dropped_files() {
  std::vector<std::string> files;
  files.swap(dropped_files);
  return files;
}

bool GlWindow::take_activity() {
  bool had = activity;
  activity = false;
  return had;
}

namespace {

// Charts the user asked to save: cut from the frame just rendered, before it is shown.
void save_requested_charts(GlWindow& window, Controller& controller) {
  auto& requests = controller.ui_state().image_requests;
  if (requests.empty()) return;
  int width = 0;
  int height = 0;
  std::vector<unsigned char> frame = window.read_back_buffer(width, height);
  for (const plot::ImageRequest& request : requests) {
    std::filesystem::path path = chart_image_path(request.name);
    if (write_png_region(frame, width, height, request, path))
      controller.tell(trf("chart.saved", path.string()));
    else
      controller.tell(trf("error.screenshot.write", path.string()));
  }
  requests.clear();
}

// The chair's review for the presidium: drawn alone at a fixed size, whatever the window shows.
void save_review_image(GlWindow& window, Controller& controller) {
  bool& requested = controller.ui_state().save_review_image;
  if (!requested) return;
  requested = false;
  constexpr int width = ui::review_image_width;
  constexpr int height = ui::review_image_height;
  std::vector<unsigned char> pixels =
      window.render_offscreen(width, height, [&] { controller.draw_review_image(window.fonts()); });
  std::filesystem::path path = chart_image_path("meediaulevaade");
  plot::ImageRequest whole{ImVec2(0, 0), ImVec2(width, height), "meediaulevaade"};
  if (write_png_region(pixels, width, height, whole, path))
    controller.tell(trf("chart.review_saved", path.string()));
  else
    controller.warn(trf("error.screenshot.write", path.string()));
}

}  // namespace

void save_requested_images(GlWindow& window, Controller& controller) {
  save_requested_charts(window, controller);
  save_review_image(window, controller);
}

ReaderEndsFirst::~ReaderEndsFirst() {
  controller_.end_reading();
}

int run_dashboard(Controller& controller, const std::optional<WindowPlace>& place,
                  const std::filesystem::path& settings) {
  GlWindow window(place ? place->width : 1600, place ? place->height : 1000,
                  tr("app.window_title"));
  ReaderEndsFirst reader_ends_first(controller);
  // Where it was: a window manager may place it otherwise (and Wayland always does).
  if (place) glfwSetWindowPos(window.handle(), place->x, place->y);
  // Figures read on the reader's thread wake the loop, which sleeps otherwise.
  controller.set_wake(glfwPostEmptyEvent);
  Language titled_in = current_language();
  // Dear ImGui settles hover and layout over a couple of frames after each input.
  constexpr int frames_after_activity = 3;
  constexpr double poll_interval_s = 1.0;
  int pending_frames = frames_after_activity;
  double last_poll = glfwGetTime();
  while (!window.should_close()) {
    // Idle costs nothing: block until input, the next change check or the next timed step (news
    // that goes, a write that tries again). While an import runs on its thread, a frame every
    // tenth of a second moves its progress bar and takes its result.
    if (pending_frames > 0 || !window.input().empty()) {
      glfwPollEvents();
    } else {
      double wait = controller.busy() ? Controller::busy_frame_interval_s : poll_interval_s;
      if (auto next = controller.seconds_to_next_tick()) wait = std::min(wait, *next);
      glfwWaitEventsTimeout(std::max(wait, 0.001));
    }
    if (std::vector<std::string> files = window.take_dropped_files(); !files.empty())
      controller.open_import(std::filesystem::path(files.front()));
    if (window.take_activity() || controller.take_redraw_request())
      pending_frames = frames_after_activity;
    if (controller.tick()) pending_frames = frames_after_activity;
    // Events that wait for their own frame are drawn at once, one change a frame.
    if (controller.busy() || !window.input().empty()) pending_frames = std::max(pending_frames, 1);
    if (glfwGetTime() - last_poll >= poll_interval_s) {
      last_poll = glfwGetTime();
      if (controller.poll_for_changes()) pending_frames = frames_after_activity;
    }
    if (pending_frames == 0) continue;
    --pending_frames;
    window.begin_frame();
    controller.draw_frame(window.fonts());
    if (current_language() != titled_in) {  // switched in the top bar
      titled_in = current_language();
      glfwSetWindowTitle(window.handle(), tr("app.window_title"));
    }
    window.render();
    save_requested_images(window, controller);
    window.present();
  }
  controller.set_wake(nullptr);
  WindowPlace closed;
  glfwGetWindowPos(window.handle(), &closed.x, &closed.y);
  glfwGetWindowSize(window.handle(), &closed.width, &closed.height);
  if (std::string problem = remember_window(settings, closed, controller.ui_state().view);
      !problem.empty())
    std::cerr << "raekoda: " << problem << '\n';
  return 0;
}

}  // namespace raekoda::app
