#include "app/headless.h"

#include "app/fonts.h"
#include "plot/theme.h"

namespace raekoda::app {

HeadlessImGui::HeadlessImGui(float width, float height) {
  IMGUI_CHECKVERSION();
  context_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(width, height);
  io.DeltaTime = 1.0f / 60.0f;
  // Keys numbered as the GLFW backend numbers them: letters by their ASCII codes, named keys
  // above the printable range, so that tests can press them.
  for (int key = 0; key < ImGuiKey_COUNT; ++key) io.KeyMap[key] = 256 + key;
  io.KeyMap[ImGuiKey_A] = 'A';
  io.KeyMap[ImGuiKey_C] = 'C';
  io.KeyMap[ImGuiKey_V] = 'V';
  io.KeyMap[ImGuiKey_X] = 'X';
  io.KeyMap[ImGuiKey_Y] = 'Y';
  io.KeyMap[ImGuiKey_Z] = 'Z';
  fonts_ = load_fonts();
  plot::apply_imgui_style(plot::ThemeKind::light);
  unsigned char* pixels = nullptr;
  int atlas_width = 0;
  int atlas_height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &atlas_width, &atlas_height);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(1)));
  navigation_.emplace(io);
}

HeadlessImGui::~HeadlessImGui() {
  ImGui::DestroyContext(context_);
}

void HeadlessImGui::frame(const std::function<void()>& draw) {
  ImGuiIO& io = ImGui::GetIO();
  // Tests also set io themselves: the queue writes only what its events change.
  input_.feed(io, /*whole_state=*/false);
  navigation_->before_frame(io);
  ImGui::NewFrame();
  navigation_->after_new_frame();
  draw();
  ImGui::Render();
}

void HeadlessImGui::drain_input(const std::function<void()>& draw) {
  for (int frames = 0; frames < 64 && !input_.empty(); ++frames) frame(draw);
  frame(draw);
}

void HeadlessImGui::click(ImVec2 position, const std::function<void()>& draw) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = position;
  frame(draw);
  io.MouseDown[0] = true;
  frame(draw);
  io.MouseDown[0] = false;
  frame(draw);
}

}  // namespace raekoda::app
