// libFuzzer entry for text tables: the input is a whole file. Its first byte also picks, now
// and then, a separator or encoding as the user could choose them in the preview.

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_limits.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using raekoda::import::ReadOptions;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  raekoda::fuzz::read_every_row(bytes);
  if (size > 0 && data[0] % 8 == 0) {
    ReadOptions options;
    static const char separators[] = {';', ',', '\t', '|'};
    static const char* const encodings[] = {"UTF-8", "UTF-16LE", "UTF-16BE", "WINDOWS-1257"};
    options.separator = separators[data[size - 1] % 4];
    options.encoding = encodings[(data[size - 1] / 4) % 4];
    raekoda::fuzz::read_every_row(bytes, options);
  }
  return 0;
}
