#pragma once
// Files written whole or not at all. A full disk, a quota or a crash half-way must never leave a
// truncated export where the user expects a good one, nor destroy the earlier file of that name:
// every file Raekoda writes goes to a temporary beside it, is flushed to the disk, and is renamed
// over the old one only when whole.

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace raekoda {

// Writes `bytes` as `target`. Returns why it failed, in the user's language ("the disk is
// full"), or "" when the file is in place. On failure `target` is as it was and the temporary
// (`<name>.part-XXXXXX`, beside it) is gone. A file that is replaced keeps its permissions; a
// symbolic link keeps pointing to the file, which is replaced.
[[nodiscard]] std::string write_file_atomically(const std::filesystem::path& target,
                                                std::string_view bytes);

// The same for a library that writes a file by name itself (libxlsxwriter, cairo): `write` is
// given the temporary's path, writes it whole, and throws std::exception saying what failed.
[[nodiscard]] std::string write_file_atomically(
    const std::filesystem::path& target,
    const std::function<void(const std::filesystem::path& temporary)>& write);

}  // namespace raekoda
