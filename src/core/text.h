#pragma once
// Text as users type it: Estonian and Russian. SQLite's lower() folds ASCII only, so searching
// for "õun" would miss "Õunapuu" and "жалоба" would miss "Жалоба"; the program folds case itself.

#include <string>
#include <string_view>

namespace raekoda {

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Number of characters (code points) in well-formed UTF-8.
std::size_t utf8_length(std::string_view text);

// Appends the code point `c` to `out` in UTF-8.
void append_utf8(char32_t c, std::string& out);

// Lower case for Latin (ASCII, Latin-1, Latin Extended-A) and Cyrillic, the letters of Estonian
// and Russian records; other characters are kept. Invalid UTF-8 bytes are kept as they are.
std::string fold_case(std::string_view text);

// fold_case() and, for Latin letters, without their diacritics (š → s, õ → o, ł → l, ß → ss,
// combining marks dropped), Cyrillic ё as е: how names compare when one system writes "Žukov"
// and another "Zukov", or an old export lost its š. Spaces and punctuation are kept.
std::string fold_letters(std::string_view text);
// The same into `out`, which is cleared first: a search folds every row into one buffer.
void fold_letters_into(std::string_view text, std::string& out);

// True when `text`, folded by fold_letters(), holds `folded` (folded the same way by the
// caller, once): how the records table searches. `buffer` is scratch space kept between calls.
bool contains_folded(std::string_view text, std::string_view folded, std::string& buffer);

}  // namespace raekoda
