#include "app/fonts.h"

#include <cstdio>
#include <filesystem>

namespace raekoda::app {
namespace {

constexpr const char* regular_path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr const char* bold_path = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

const ImWchar* glyph_ranges() {
  // Built once and kept: the atlas reads the ranges when it is built, after this returns.
  static ImVector<ImWchar> ranges = [] {
    ImFontGlyphRangesBuilder builder;
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    builder.AddRanges(atlas->GetGlyphRangesDefault());
    builder.AddRanges(atlas->GetGlyphRangesCyrillic());
    static const ImWchar extra[] = {
        0x0100, 0x017F,  // Latin Extended-A: š ž and the rest of Central European letters
        0x2010, 0x2027,  // General Punctuation: – — ‘ ’ “ ” „ • …
        0x2212, 0x2212,  // minus sign
        0x2190, 0x2193,  // arrows
        0x25B2, 0x25BC,  // ▲ ▼ for changes
        0,
    };
    builder.AddRanges(extra);
    ImVector<ImWchar> built;
    builder.BuildRanges(&built);
    return built;
  }();
  return ranges.Data;
}

}  // namespace

ui::Fonts load_fonts() {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  std::error_code error;
  if (!std::filesystem::exists(regular_path, error) || !std::filesystem::exists(bold_path, error)) {
    std::fprintf(
        stderr,
        "raekoda: %s not found; install fonts-dejavu-core for Estonian and Cyrillic letters\n",
        regular_path);
    ImFont* fallback = atlas->AddFontDefault();
    return {fallback, fallback, fallback, fallback};
  }
  const ImWchar* ranges = glyph_ranges();
  ui::Fonts fonts;
  fonts.regular = atlas->AddFontFromFileTTF(regular_path, 16.0f, nullptr, ranges);
  fonts.bold = atlas->AddFontFromFileTTF(bold_path, 16.0f, nullptr, ranges);
  fonts.headline = atlas->AddFontFromFileTTF(bold_path, 36.0f, nullptr, ranges);
  fonts.title = atlas->AddFontFromFileTTF(bold_path, 22.0f, nullptr, ranges);
  return fonts;
}

}  // namespace raekoda::app
