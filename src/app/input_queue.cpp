#include "app/input_queue.h"

#include <cfloat>

namespace raekoda::app {

void InputQueue::move(ImVec2 position) {
  Event event;
  event.kind = Event::Kind::move;
  event.position = position;
  events_.push_back(event);
}

void InputQueue::leave() {
  move(ImVec2(-FLT_MAX, -FLT_MAX));
}

void InputQueue::button(int button, bool down) {
  if (button < 0 || button >= static_cast<int>(buttons_.size())) return;
  Event event;
  event.kind = Event::Kind::button;
  event.index = button;
  event.down = down;
  events_.push_back(event);
}

void InputQueue::key(int key, bool down, KeyModifiers modifiers) {
  if (key < 0 || key >= static_cast<int>(keys_.size())) return;
  Event event;
  event.kind = Event::Kind::key;
  event.index = key;
  event.down = down;
  event.modifiers = modifiers;
  events_.push_back(event);
}

void InputQueue::character(unsigned int codepoint) {
  Event event;
  event.kind = Event::Kind::character;
  event.codepoint = codepoint;
  events_.push_back(event);
}

void InputQueue::scroll(float horizontal, float vertical) {
  Event event;
  event.kind = Event::Kind::scroll;
  event.position = ImVec2(horizontal, vertical);
  events_.push_back(event);
}

void InputQueue::tap_key(int key, KeyModifiers modifiers) {
  this->key(key, true, modifiers);
  this->key(key, false, modifiers);
}

void InputQueue::click(ImVec2 position, int button) {
  move(position);
  this->button(button, true);
  this->button(button, false);
}

bool InputQueue::pressed_in_last_feed(int key) const {
  return pressed_key_ == key;
}

void InputQueue::feed(ImGuiIO& io, bool whole_state) {
  pressed_key_ = -1;
  bool changed = false;
  bool moved = false;
  int button_changed = -1;
  int key_changed = -1;
  while (!events_.empty()) {
    const Event& event = events_.front();
    bool is_change = event.kind == Event::Kind::button || event.kind == Event::Kind::key;
    // After a change, even a move waits: a click is seen where it happened.
    if (changed && (is_change || event.kind == Event::Kind::move)) break;
    // A press where the pointer just arrived waits a frame too, so that Dear ImGui sees the
    // hover first, as with a hand on a mouse: a table header takes only a press it hovers.
    if (moved && event.kind == Event::Kind::button) break;
    switch (event.kind) {
      case Event::Kind::move:
        position_ = event.position;
        moved = true;
        break;
      case Event::Kind::button:
        buttons_[static_cast<std::size_t>(event.index)] = event.down;
        button_changed = event.index;
        break;
      case Event::Kind::key:
        keys_[static_cast<std::size_t>(event.index)] = event.down;
        modifiers_ = event.modifiers;
        key_changed = event.index;
        if (event.down) pressed_key_ = event.index;
        break;
      case Event::Kind::character:
        io.AddInputCharacter(event.codepoint);
        break;
      case Event::Kind::scroll:
        io.MouseWheelH += event.position.x;
        io.MouseWheel += event.position.y;
        break;
    }
    changed = changed || is_change;
    events_.pop_front();
  }
  if (whole_state || moved) io.MousePos = position_;
  if (whole_state) {
    for (std::size_t i = 0; i < buttons_.size(); ++i) io.MouseDown[i] = buttons_[i];
    for (std::size_t i = 0; i < keys_.size(); ++i) io.KeysDown[i] = keys_[i];
  } else {
    if (button_changed >= 0) io.MouseDown[button_changed] = buttons_[button_changed];
    if (key_changed >= 0) io.KeysDown[key_changed] = keys_[key_changed];
  }
  if (whole_state || key_changed >= 0) {
    io.KeyCtrl = modifiers_.ctrl;
    io.KeyShift = modifiers_.shift;
    io.KeyAlt = modifiers_.alt;
    io.KeySuper = modifiers_.super;
  }
}

}  // namespace raekoda::app
