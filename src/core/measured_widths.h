#pragma once
// Widths of the figures' texts in pixels, measured once for a font: figures do not change while
// they are shown (a new read, a new language, is new figures), and measuring thousands of names in
// every frame was most of that frame. The reader's thread measures them before it hands the
// figures over, so that the frame they arrive in measures nothing; the view measures what comes
// without them, or in another font. The core knows no fonts: a font is only an address and a size
// here.

#include <cstddef>
#include <optional>
#include <vector>

namespace raekoda {

class MeasuredWidths {
public:
  // The width kept in `slot` for this font, measured by `measure` the first time it is asked for.
  template <typename Measure>
  float get(std::size_t slot, const void* font, float size, Measure&& measure) const {
    std::optional<float>& width = in(slot, font, size);
    if (!width) width = measure();
    return *width;
  }
  // A width measured ahead, before the figures are shown.
  void set(std::size_t slot, const void* font, float size, float width) {
    in(slot, font, size) = width;
  }
  // Widths are a cache of the view's, not a figure: any two are the same figures' widths.
  bool operator==(const MeasuredWidths&) const { return true; }

private:
  std::optional<float>& in(std::size_t slot, const void* font, float size) const {
    if (font != font_ || size != size_) {
      widths_.clear();
      font_ = font;
      size_ = size;
    }
    if (slot >= widths_.size()) widths_.resize(slot + 1);
    return widths_[slot];
  }

  // Mutable: filled while the figures are drawn, which is reading them; one thread draws, and the
  // figures reach it only after set().
  mutable const void* font_ = nullptr;
  mutable float size_ = 0;
  mutable std::vector<std::optional<float>> widths_;
};

}  // namespace raekoda
