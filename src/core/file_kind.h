#pragma once
// What stands at a path, asked before a file is opened as a database: opening a named pipe waits
// for a writer that never comes, and a folder or a device is no database either.

#include <filesystem>

namespace raekoda {

enum class FileKind { regular, missing, folder, pipe, device, socket, other };

// Follows links, as open(2) would.
FileKind file_kind(const std::filesystem::path& path);

}  // namespace raekoda
