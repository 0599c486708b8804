#pragma once
// Where a database file lies: on a disk of this computer, or on a share of the city's network.
// The difference matters to SQLite's WAL mode: its index of the log is memory shared by every
// program that has the file open, and a network filesystem shares no memory between computers.
// The rollback journal needs only file locks, which SMB and NFS do carry.

#include <cstdint>
#include <filesystem>

namespace raekoda::db {

enum class FileSystemKind {
  local,          // a disk of this computer, or a filesystem not known to be shared
  smb,            // a Windows or Samba share, as a NAS gives: CIFS, SMB 1, SMB 2 and 3
  nfs,            // NFS 2 to 4
  other_network,  // AFS, Ceph, Coda, NetWare, 9P: shared between computers, or with a host
  // A filesystem in user space: sshfs, but also ntfs-3g on a USB disk or an encrypted home
  // folder. statfs(2) cannot tell which, so it is taken as local: a file there in WAL mode opens
  // as on a disk, since refusing to write to every such file would lock out local disks' users.
  fuse,
};

// The kind of the filesystem whose statfs(2) `f_type` is `magic`.
FileSystemKind classify_file_system(std::uint32_t magic);
// True for the kinds whose files are shared between computers.
bool is_network(FileSystemKind kind);
// The filesystem `path` lies on: the file's own (through symbolic links), or its folder's when the
// file does not exist yet; local when statfs(2) cannot tell.
FileSystemKind file_system_kind(const std::filesystem::path& path);

// How the opening of a file learns where it lies: file_system_kind, or a test's stand-in for a
// share that the test machine does not have.
using FileSystemProbe = FileSystemKind (*)(const std::filesystem::path&);

}  // namespace raekoda::db
