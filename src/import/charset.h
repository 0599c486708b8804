#pragma once
// The encoding of a text export, and its conversion to UTF-8. The city's systems write UTF-8
// (with or without a byte order mark), UTF-16 (Excel's "Unicode text", Meltwater) and the old
// Windows code pages: 1257 for Estonian, 1251 for Russian.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <iconv.h>

namespace raekoda::import {

struct ByteOrderMark {
  std::string encoding;  // an iconv name: "UTF-8", "UTF-16LE", "UTF-16BE"
  std::size_t length = 0;
};
std::optional<ByteOrderMark> detect_bom(std::string_view head);

// True when `bytes` is UTF-8. With `complete` false the bytes are a sample cut from a longer
// file, so a character cut at the very end still counts as valid.
bool is_valid_utf8(std::string_view bytes, bool complete = true);
// `bytes` with every byte that is not part of a UTF-8 character replaced by U+FFFD, so a
// damaged cell can still be shown.
std::string make_valid_utf8(std::string_view bytes);
// The length of the longest prefix that does not end inside a UTF-8 character.
std::size_t utf8_boundary_before(std::string_view bytes, std::size_t limit);

// UTF-16 without a byte order mark, told by the zero bytes every other byte of Latin text has:
// "UTF-16LE", "UTF-16BE" or nothing.
std::optional<std::string> detect_utf16_without_bom(std::string_view head);

// Many zero or control bytes in `head` (already known not to be UTF-16): a program, a picture,
// an old .xls, not a text table.
bool looks_binary(std::string_view head);

// uchardet's name for an encoding ("WINDOWS-1257", "ASCII", "MAC-CYRILLIC") as glibc iconv
// knows it; empty when there is no such encoding.
std::string iconv_name_for(std::string_view uchardet_name);

// The encoding of a text that has no byte order mark: UTF-8 when it is valid UTF-8 (pure ASCII
// included), otherwise uchardet's guess corrected for what the city's files hold (see the .cpp).
// `complete` tells whether `sample` is the whole file or its beginning.
std::string detect_encoding(std::string_view sample, bool complete);

// True when every non-ASCII byte of `bytes` is an Estonian letter read alike in Windows-1257
// and Latin-1 (õ ä ö ü é, either case), punctuation both read alike, or one of 1257's š ž Š Ž
// next to a letter: the text is Estonian in Windows-1257, whatever a Latin-1 guess says.
bool looks_estonian_windows_1257(std::string_view bytes);

// Converts text of one encoding to UTF-8 piece by piece, as it is read: a character cut at the
// end of one piece is completed by the next. Bytes that are not text in the encoding become
// U+FFFD.
class Utf8Converter {
public:
  // Throws ReadError when iconv does not know the encoding.
  explicit Utf8Converter(const std::string& encoding);
  ~Utf8Converter();
  Utf8Converter(const Utf8Converter&) = delete;
  Utf8Converter& operator=(const Utf8Converter&) = delete;

  // Appends the UTF-8 of `input` to `out`; with `at_end`, a character left unfinished becomes
  // U+FFFD.
  void convert(std::string_view input, std::string& out, bool at_end);
  std::size_t replaced() const { return replaced_; }

private:
  iconv_t descriptor_;
  std::size_t unit_ = 1;  // the size of a code unit: 2 for UTF-16
  std::string pending_;   // the start of a character cut at the end of the last piece
  std::size_t replaced_ = 0;
};

// The whole of `bytes` in `encoding` as UTF-8.
std::string to_utf8(std::string_view bytes, const std::string& encoding);

}  // namespace raekoda::import
