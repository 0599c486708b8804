#include "db/file_system.h"

#include <linux/magic.h>
#include <sys/vfs.h>

namespace raekoda::db {

FileSystemKind classify_file_system(std::uint32_t magic) {
  switch (magic) {
    case CIFS_SUPER_MAGIC:
    case SMB_SUPER_MAGIC:
    case SMB2_SUPER_MAGIC:
      return FileSystemKind::smb;
    case NFS_SUPER_MAGIC:
      return FileSystemKind::nfs;
    case AFS_SUPER_MAGIC:  // OpenAFS
    case AFS_FS_MAGIC:     // the kernel's kAFS
    case CEPH_SUPER_MAGIC:
    case CODA_SUPER_MAGIC:
    case NCP_SUPER_MAGIC:
    // A virtual machine's shared folder, or a WSL 2 drive: another kernel has the file open.
    case V9FS_MAGIC:
      return FileSystemKind::other_network;
    case FUSE_SUPER_MAGIC:
      return FileSystemKind::fuse;
    default:
      return FileSystemKind::local;
  }
}

bool is_network(FileSystemKind kind) {
  return kind == FileSystemKind::smb || kind == FileSystemKind::nfs ||
         kind == FileSystemKind::other_network;
}

FileSystemKind file_system_kind(const std::filesystem::path& path) {
  std::error_code error;
  std::filesystem::path where = path;
  if (!std::filesystem::exists(where, error)) {
    where = path.parent_path();
    if (where.empty()) where = ".";
  }
  struct statfs about {};
  if (::statfs(where.c_str(), &about) != 0) return FileSystemKind::local;
  // f_type is a signed word: CIFS's magic 0xFF534D42 would not compare equal sign-extended.
  return classify_file_system(static_cast<std::uint32_t>(about.f_type));
}

}  // namespace raekoda::db
