#include "core/file_kind.h"

namespace raekoda {

FileKind file_kind(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  switch (fs::status(path, error).type()) {
    case fs::file_type::regular:
      return FileKind::regular;
    case fs::file_type::not_found:
    case fs::file_type::none:
      return FileKind::missing;
    case fs::file_type::directory:
      return FileKind::folder;
    case fs::file_type::fifo:
      return FileKind::pipe;
    case fs::file_type::block:
    case fs::file_type::character:
      return FileKind::device;
    case fs::file_type::socket:
      return FileKind::socket;
    default:
      return FileKind::other;
  }
}

}  // namespace raekoda
