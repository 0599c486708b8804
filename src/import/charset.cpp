#include "import/charset.h"

#include <cerrno>
#include <memory>

#include <uchardet/uchardet.h>

#include "core/i18n.h"
#include "import/row_reader.h"

namespace raekoda::import {

namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

unsigned char byte_at(std::string_view bytes, std::size_t i) {
  return static_cast<unsigned char>(bytes[i]);
}

// The length of the UTF-8 character at `i`: 1..4, 0 when it is not a valid character, or
// `bytes.size() - i + 1` (more than is left) when the bytes end inside a character that is
// valid so far.
std::size_t utf8_char_length(std::string_view bytes, std::size_t i) {
  const unsigned char lead = byte_at(bytes, i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char min_second = 0x80, max_second = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) min_second = 0xA0;  // overlong
    if (lead == 0xED) max_second = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) min_second = 0x90;  // overlong
    if (lead == 0xF4) max_second = 0x8F;  // beyond U+10FFFF
  } else {
    return 0;
  }
  for (std::size_t k = 1; k < length; ++k) {
    if (i + k >= bytes.size()) return bytes.size() - i + 1;
    const unsigned char next = byte_at(bytes, i + k);
    const unsigned char low = k == 1 ? min_second : 0x80;
    const unsigned char high = k == 1 ? max_second : 0xBF;
    if (next < low || next > high) return 0;
  }
  return length;
}

bool in_list(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view candidate : names)
    if (candidate == name) return true;
  return false;
}

// Estonian letters that Windows-1257 and Latin-1 (and 1252, 8859-15) place alike:
// Ä Õ Ö Ü É ä õ ö ü é.
bool is_shared_estonian_letter(unsigned char b) {
  switch (b) {
    case 0xC4:
    case 0xD5:
    case 0xD6:
    case 0xDC:
    case 0xC9:
    case 0xE4:
    case 0xF5:
    case 0xF6:
    case 0xFC:
    case 0xE9:
      return true;
    default:
      return false;
  }
}

// Š Ž š ž in Windows-1257; Ð Þ ð þ (Icelandic) in Latin-1.
bool is_1257_caron_letter(unsigned char b) {
  return b == 0xD0 || b == 0xDE || b == 0xF0 || b == 0xFE;
}

// Punctuation Windows-1257 and Windows-1252 place alike: € „ … ‘ ’ “ ” – — no-break space § « ° ».
bool is_shared_punctuation(unsigned char b) {
  switch (b) {
    case 0x80:
    case 0x84:
    case 0x85:
    case 0x91:
    case 0x92:
    case 0x93:
    case 0x94:
    case 0x96:
    case 0x97:
    case 0xA0:
    case 0xA7:
    case 0xAB:
    case 0xB0:
    case 0xBB:
      return true;
    default:
      return false;
  }
}

bool is_estonian_letter_byte(unsigned char b) {
  return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || is_shared_estonian_letter(b) ||
         is_1257_caron_letter(b);
}

bool iconv_knows(const std::string& encoding) {
  iconv_t descriptor = iconv_open("UTF-8", encoding.c_str());
  if (descriptor == reinterpret_cast<iconv_t>(-1)) return false;
  iconv_close(descriptor);
  return true;
}

std::string uchardet_guess(std::string_view sample) {
  std::unique_ptr<uchardet, decltype(&uchardet_delete)> detector(uchardet_new(), uchardet_delete);
  if (!detector) return {};
  uchardet_handle_data(detector.get(), sample.data(), sample.size());
  uchardet_data_end(detector.get());
  const char* name = uchardet_get_charset(detector.get());
  return name ? std::string(name) : std::string();
}

// What the city's old systems write when nothing else can be told: Estonian Windows.
constexpr const char* fallback_encoding = "WINDOWS-1257";

}  // namespace

std::optional<ByteOrderMark> detect_bom(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) return ByteOrderMark{"UTF-8", 3};
  if (head.starts_with("\xFF\xFE")) return ByteOrderMark{"UTF-16LE", 2};
  if (head.starts_with("\xFE\xFF")) return ByteOrderMark{"UTF-16BE", 2};
  return std::nullopt;
}

bool is_valid_utf8(std::string_view bytes, bool complete) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    const std::size_t length = utf8_char_length(bytes, i);
    if (length == 0) return false;
    if (i + length > bytes.size()) return !complete;  // cut at the end of the sample
    i += length;
  }
  return true;
}

std::string make_valid_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    const std::size_t length = utf8_char_length(bytes, i);
    if (length == 0 || i + length > bytes.size()) {
      out += replacement_character;
      ++i;
    } else {
      out.append(bytes.substr(i, length));
      i += length;
    }
  }
  return out;
}

std::size_t utf8_boundary_before(std::string_view bytes, std::size_t limit) {
  if (limit >= bytes.size()) return bytes.size();
  std::size_t end = limit;
  for (int step = 0; step < 3 && end > 0 && (byte_at(bytes, end) & 0xC0) == 0x80; ++step) --end;
  return (byte_at(bytes, end) & 0xC0) == 0x80 ? limit : end;
}

std::optional<std::string> detect_utf16_without_bom(std::string_view head) {
  const std::size_t pairs = std::min<std::size_t>(head.size(), 8192) / 2;
  if (pairs < 2) return std::nullopt;
  std::size_t zero_first = 0, zero_second = 0;
  for (std::size_t p = 0; p < pairs; ++p) {
    if (head[2 * p] == '\0') ++zero_first;
    if (head[2 * p + 1] == '\0') ++zero_second;
  }
  // Latin text in UTF-16 has a zero in nearly every pair, always on the same side.
  if (zero_second * 10 >= pairs * 4 && zero_first * 20 <= pairs) return "UTF-16LE";
  if (zero_first * 10 >= pairs * 4 && zero_second * 20 <= pairs) return "UTF-16BE";
  return std::nullopt;
}

bool looks_binary(std::string_view head) {
  std::size_t zeros = 0, controls = 0;
  for (char c : head) {
    const auto b = static_cast<unsigned char>(c);
    if (b == 0) {
      ++zeros;
    } else if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' &&
                b != 0x1A) ||
               b == 0x7F) {
      ++controls;
    }
  }
  // A stray zero byte in a long text is damage to one row, not a sign of a program.
  return zeros * 1000 > head.size() || (zeros + controls) * 50 > head.size();
}

std::string iconv_name_for(std::string_view uchardet_name) {
  std::string name;
  for (char c : uchardet_name) name += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  if (name.empty()) return {};
  if (name == "ASCII") return "UTF-8";
  // uchardet says UTF-16/32 without a byte order; a text without a BOM is little endian on
  // Windows, where these files come from.
  if (name == "UTF-16") return "UTF-16LE";
  if (name == "UTF-32") return "UTF-32LE";
  if (name == "X-ISO-10646-UCS-4-3412" || name == "X-ISO-10646-UCS-4-2143") return {};
  if (name == "EUC-TW") return "EUC-TW";
  if (name == "X-MAC-CYRILLIC") return "MAC-CYRILLIC";
  if (name == "X-MAC-CENTRALEUROPE") return "MAC-CENTRALEUROPE";
  if (!iconv_knows(name)) return {};
  return name;
}

bool looks_estonian_windows_1257(std::string_view bytes) {
  bool any = false;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const unsigned char b = byte_at(bytes, i);
    if (b < 0x80) continue;
    any = true;
    if (is_shared_estonian_letter(b) || is_shared_punctuation(b)) continue;
    if (is_1257_caron_letter(b)) {
      const bool letter_before = i > 0 && is_estonian_letter_byte(byte_at(bytes, i - 1));
      const bool letter_after =
          i + 1 < bytes.size() && is_estonian_letter_byte(byte_at(bytes, i + 1));
      if (letter_before || letter_after) continue;
    }
    return false;
  }
  return any;
}

std::string detect_encoding(std::string_view sample, bool complete) {
  if (is_valid_utf8(sample, complete)) return "UTF-8";
  const std::string guessed = uchardet_guess(sample);
  std::string encoding = iconv_name_for(guessed);
  if (encoding.empty()) return fallback_encoding;

  // Why Windows-1257 wins over a Latin-1 guess: uchardet takes Estonian text for Latin-1 or
  // 1252 when it holds only õ ä ö ü, which every one of these code pages places alike, so
  // choosing 1257 then changes nothing. When it also holds bytes 0xD0 0xDE 0xF0 0xFE next to
  // letters, Latin-1 reads them as the Icelandic Ð Þ ð þ, which no Estonian or Russian name
  // has, while 1257 reads them as Š Ž š ž ("Šumanov", "Žukova"). A real Latin-1 file with
  // any other accented letter (à, ñ, ß...) keeps uchardet's guess. The user can still choose
  // the encoding in the preview.
  if (in_list(encoding, {"ISO-8859-1", "ISO-8859-15", "WINDOWS-1252", "ISO-8859-2", "WINDOWS-1250",
                         "ISO-8859-4", "ISO-8859-9", "WINDOWS-1254", "ISO-8859-3", "ISO-8859-16",
                         "MAC-CENTRALEUROPE", "IBM852"}) &&
      looks_estonian_windows_1257(sample))
    return "WINDOWS-1257";

  // ISO-8859-13 is the Baltic code page of Unix: it places every letter as Windows-1257 does,
  // and differs where Windows programs write € and typographic quotes (0x80-0x9F).
  if (encoding == "ISO-8859-13") return "WINDOWS-1257";

  // uchardet takes a few Russian words in Windows-1251 for Mac Cyrillic. Mac Cyrillic puts the
  // capital letters at 0x80-0x9F, where 1251 has punctuation; without such bytes the two read
  // the small letters alike, and the city's files come from Windows.
  if (encoding == "MAC-CYRILLIC") {
    bool mac_capitals = false;
    for (char c : sample) {
      const auto b = static_cast<unsigned char>(c);
      if (b >= 0x80 && b <= 0x9F) mac_capitals = true;
    }
    if (!mac_capitals) return "WINDOWS-1251";
  }
  return encoding;
}

Utf8Converter::Utf8Converter(const std::string& encoding)
    : descriptor_(iconv_open("UTF-8", encoding.c_str())) {
  if (descriptor_ == reinterpret_cast<iconv_t>(-1))
    throw ReadError(trf("import.read.unknown_encoding", encoding));
  if (encoding.starts_with("UTF-16") || encoding.starts_with("UCS-2")) unit_ = 2;
  if (encoding.starts_with("UTF-32") || encoding.starts_with("UCS-4")) unit_ = 4;
}

Utf8Converter::~Utf8Converter() {
  iconv_close(descriptor_);
}

void Utf8Converter::convert(std::string_view input, std::string& out, bool at_end) {
  std::string joined;
  if (!pending_.empty()) {
    joined = pending_;
    joined.append(input);
    pending_.clear();
    input = joined;
  }
  char* in = const_cast<char*>(input.data());  // iconv's signature; it does not write
  std::size_t in_left = input.size();
  while (in_left > 0) {
    const std::size_t start = out.size();
    const std::size_t room = in_left * 4 + 16;
    out.resize(start + room);
    char* write = out.data() + start;
    std::size_t out_left = room;
    const std::size_t result = iconv(descriptor_, &in, &in_left, &write, &out_left);
    out.resize(out.size() - out_left);
    if (result != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) continue;
    if (errno == EINVAL && !at_end) {  // a character cut at the end of this piece
      pending_.assign(in, in_left);
      break;
    }
    // Not a character of the encoding (EILSEQ), or one left unfinished at the end of the file.
    out += replacement_character;
    ++replaced_;
    const std::size_t skip = errno == EINVAL ? in_left : std::min(unit_, in_left);
    in += skip;
    in_left -= skip;
  }
  if (at_end) {
    std::size_t room = 16;
    const std::size_t start = out.size();
    out.resize(start + room);
    char* write = out.data() + start;
    iconv(descriptor_, nullptr, nullptr, &write, &room);
    out.resize(out.size() - room);
  }
}

std::string to_utf8(std::string_view bytes, const std::string& encoding) {
  if (encoding == "UTF-8") return make_valid_utf8(bytes);
  Utf8Converter converter(encoding);
  std::string out;
  converter.convert(bytes, out, true);
  return out;
}

}  // namespace raekoda::import
