#pragma once
// Every tap counts. Dear ImGui 1.86 reads input as state once a frame (io.MousePos,
// io.MouseDown, io.KeysDown): a key pressed and released between two frames is never seen, and
// the two clicks of a double click that arrive in one batch of events are one. The window puts
// every event here as it comes; each frame takes the events up to and including one change of a
// button or key, so that a press and its release land in frames of their own, in order. While
// events wait, the window draws another frame at once.

#include <array>
#include <deque>

#include <imgui.h>

namespace raekoda::app {

// The modifier keys held with a key, as Dear ImGui wants them in io.KeyCtrl and its kin.
struct KeyModifiers {
  bool ctrl = false, shift = false, alt = false, super = false;
};

class InputQueue {
public:
  void move(ImVec2 position);
  void leave();  // the pointer has left the window
  void button(int button, bool down);
  void key(int key, bool down, KeyModifiers modifiers = {});
  void character(unsigned int codepoint);
  void scroll(float horizontal, float vertical);
  // A press and a release at once, as a hand that is quicker than a frame.
  void tap_key(int key, KeyModifiers modifiers = {});
  void click(ImVec2 position, int button = 0);

  // Applies waiting events to `io` up to and including the first change of a button or key. With
  // `whole_state` it then sets io's pointer, buttons, keys and modifiers to the state the events
  // have left (the window, whose backend writes them from the device each frame); otherwise only
  // what the events changed (headless tests, which also set io themselves).
  void feed(ImGuiIO& io, bool whole_state = true);
  bool empty() const { return events_.empty(); }
  // A key pressed in the frame last fed (e.g. Tab: keyboard navigation follows it).
  bool pressed_in_last_feed(int key) const;

private:
  struct Event {
    enum class Kind { move, button, key, character, scroll } kind = Kind::move;
    ImVec2 position;  // move; scroll amounts
    int index = 0;    // button or key
    bool down = false;
    KeyModifiers modifiers;
    unsigned int codepoint = 0;
  };
  std::deque<Event> events_;
  ImVec2 position_{-FLT_MAX, -FLT_MAX};
  std::array<bool, 5> buttons_{};
  std::array<bool, 512> keys_{};
  KeyModifiers modifiers_;
  int pressed_key_ = -1;
};

}  // namespace raekoda::app
