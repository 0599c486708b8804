#include "core/text.h"

#include <cstdint>

namespace raekoda {
namespace {

// Decodes one code point at `i`; returns its length in bytes, or 0 when the bytes are not UTF-8.
std::size_t decode(std::string_view text, std::size_t i, char32_t& out) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  std::size_t length = lead < 0x80           ? 1
                       : (lead >> 5) == 0x6  ? 2
                       : (lead >> 4) == 0xE  ? 3
                       : (lead >> 3) == 0x1E ? 4
                                             : 0;
  if (length == 0 || i + length > text.size()) return 0;
  char32_t value = length == 1   ? lead
                   : length == 2 ? lead & 0x1F
                   : length == 3 ? lead & 0x0F
                                 : lead & 0x07;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    value = (value << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < smallest[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
    return 0;
  out = value;
  return length;
}

char32_t lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;  // Latin-1: À..Þ, not ×
  if (c >= 0x100 && c <= 0x137 && c % 2 == 0) return c + 1;  // Ā..ķ pairs
  if (c >= 0x139 && c <= 0x148 && c % 2 == 1) return c + 1;  // Ĺ..ň pairs
  if (c >= 0x14A && c <= 0x177 && c % 2 == 0) return c + 1;  // Ŋ..ŷ pairs: Š š
  if (c == 0x178) return 0xFF;                               // Ÿ
  if (c >= 0x179 && c <= 0x17E && c % 2 == 1) return c + 1;  // Ź..ž pairs: Ž ž
  if (c >= 0x410 && c <= 0x42F) return c + 32;               // А..Я
  if (c >= 0x400 && c <= 0x40F) return c + 80;               // Ѐ..Џ, Ё among them
  return c;
}

// The base letter of each Latin-1 and Latin Extended-A letter (U+00C0..U+017F), either case;
// '*' marks the few that become two letters, ' ' those that are not letters (× ÷).
constexpr std::string_view latin_base =
    "aaaaaa*ceeeeiiii"
    "dnooooo ouuuuy**"
    "aaaaaa*ceeeeiiii"
    "dnooooo ouuuuy*y"
    "aaaaaaccccccccdd"
    "ddeeeeeeeeeegggg"
    "gggghhhhiiiiiiii"
    "ii**jjkkklllllll"
    "lllnnnnnnnnnoooo"
    "oo**rrrrrrssssss"
    "ssttttttuuuuuuuu"
    "uuuuwwyyyzzzzzzs";
static_assert(latin_base.size() == 0x180 - 0xC0);

// Appends `c` without its diacritics when it is a Latin letter that has some; false otherwise.
bool append_base_letter(char32_t c, std::string& out) {
  if (c >= 0xC0 && c <= 0x17F) {
    char base = latin_base[c - 0xC0];
    if (base == ' ') return false;
    if (base != '*') {
      out += base;
      return true;
    }
    switch (c) {
      case 0xC6:
      case 0xE6:
        out += "ae";
        return true;
      case 0xDE:
      case 0xFE:
        out += "th";
        return true;
      case 0xDF:
        out += "ss";
        return true;
      case 0x132:
      case 0x133:
        out += "ij";
        return true;
      default:  // Œ œ
        out += "oe";
        return true;
    }
  }
  if (c >= 0x218 && c <= 0x21B) {  // Romanian Ș ș Ț ț
    out += c < 0x21A ? 's' : 't';
    return true;
  }
  return false;
}

}  // namespace

void append_utf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    std::size_t length = decode(text, i, c);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++count;
  return count;
}

std::string fold_case(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    std::size_t length = decode(text, i, c);
    if (length == 0) {
      out += text[i++];
      continue;
    }
    append_utf8(lower(c), out);
    i += length;
  }
  return out;
}

std::string fold_letters(std::string_view text) {
  std::string out;
  fold_letters_into(text, out);
  return out;
}

bool contains_folded(std::string_view text, std::string_view folded, std::string& buffer) {
  if (folded.empty()) return true;
  fold_letters_into(text, buffer);
  return std::string_view(buffer).find(folded) != std::string_view::npos;
}

void fold_letters_into(std::string_view text, std::string& out) {
  out.clear();
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    unsigned char byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {  // most of any export is ASCII
      out += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
      ++i;
      continue;
    }
    char32_t c = 0;
    std::size_t length = decode(text, i, c);
    if (length == 0) {
      out += text[i++];
      continue;
    }
    i += length;
    c = lower(c);
    if (c >= 0x300 && c <= 0x36F) continue;  // a combining mark: "s" + U+030C is "š" decomposed
    if (c == 0x451) c = 0x435;               // ё is written е in most Russian text
    if (!append_base_letter(c, out)) append_utf8(c, out);
  }
}

}  // namespace raekoda
