#include "core/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <exception>
#include <random>

#include "core/i18n.h"

namespace raekoda {
namespace {

std::filesystem::path folder_of(const std::filesystem::path& target) {
  return target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
}

// What the user can act on: free space, ask for rights, pick another folder.
std::string reason(int code, const std::filesystem::path& target) {
  std::string folder = folder_of(target).string();
  switch (code) {
    case ENOSPC:
    case EDQUOT:
      return tr("file.error.disk_full");
    case EFBIG:
      return tr("file.error.too_large");
    case EACCES:
    case EPERM:
      return trf("file.error.denied", folder);
    case EROFS:
      return trf("file.error.read_only", folder);
    case ENOENT:
    case ENOTDIR:
      return trf("export.error.no_folder", folder);
    default:
      return trf("file.error.system", std::strerror(code));
  }
}

// A settings file linked from a dotfiles folder stays a link: the file it points to is the one
// replaced, not the link.
std::filesystem::path followed(const std::filesystem::path& target) {
  std::error_code error;
  if (!std::filesystem::is_symlink(target, error)) return target;
  std::filesystem::path real = std::filesystem::canonical(target, error);
  return error ? target : real;
}

// A temporary that removes itself unless it was renamed into place.
class Temporary {
public:
  explicit Temporary(const std::filesystem::path& target) : target_(followed(target)) {}
  ~Temporary() {
    if (fd_ >= 0) ::close(fd_);
    if (!path_.empty() && !placed_) ::unlink(path_.c_str());
  }
  Temporary(const Temporary&) = delete;
  Temporary& operator=(const Temporary&) = delete;

  const std::filesystem::path& path() const { return path_; }
  int fd() const { return fd_; }

  // A fresh name each time, opened exclusively: two exports of the same file at once, from two
  // windows or two processes, never write into one temporary.
  int create() {
    static thread_local std::mt19937 random(std::random_device{}());
    static constexpr char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::uniform_int_distribution<std::size_t> pick(0, sizeof letters - 2);
    for (int attempt = 0; attempt < 100; ++attempt) {
      std::string suffix = ".part-";
      for (int i = 0; i < 6; ++i) suffix += letters[pick(random)];
      std::filesystem::path candidate = target_;
      candidate += suffix;
      // 0666 under the user's umask, as an ordinary new file would be.
      int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd >= 0) {
        fd_ = fd;
        path_ = candidate;
        keep_permissions();
        return 0;
      }
      if (errno != EEXIST) return errno;
    }
    return EEXIST;
  }

  int close() {
    int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0 ? 0 : errno;
  }

  // Flushed to the disk before the rename, so that after a power cut the name holds either the
  // old file or the new one, never an empty one.
  int sync() {
    int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno;
    int problem = ::fsync(fd) == 0 ? 0 : errno;
    if (::close(fd) != 0 && problem == 0) problem = errno;
    return problem;
  }

  int rename() {
    if (::rename(path_.c_str(), target_.c_str()) != 0) return errno;
    placed_ = true;
    // The rename itself reaches the disk with the folder; a folder that cannot be synced (some
    // network shares) still holds the whole file.
    int folder = ::open(folder_of(target_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder >= 0) {
      ::fsync(folder);
      ::close(folder);
    }
    return 0;
  }

private:
  // A settings file the user made private stays private when it is replaced.
  void keep_permissions() {
    struct stat earlier {};
    if (::stat(target_.c_str(), &earlier) == 0 && S_ISREG(earlier.st_mode))
      ::fchmod(fd_, earlier.st_mode & 07777);
  }

  std::filesystem::path target_;
  std::filesystem::path path_;
  int fd_ = -1;
  bool placed_ = false;
};

int write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return 0;
}

}  // namespace

std::string write_file_atomically(const std::filesystem::path& target, std::string_view bytes) {
  Temporary temporary(target);
  int problem = temporary.create();
  if (problem == 0) problem = write_all(temporary.fd(), bytes);
  if (problem == 0 && ::fsync(temporary.fd()) != 0) problem = errno;
  if (int closed = temporary.fd() >= 0 ? temporary.close() : 0; problem == 0) problem = closed;
  if (problem == 0) problem = temporary.rename();
  return problem == 0 ? std::string() : reason(problem, target);
}

std::string write_file_atomically(
    const std::filesystem::path& target,
    const std::function<void(const std::filesystem::path& temporary)>& write) {
  Temporary temporary(target);
  int problem = temporary.create();
  if (problem == 0) problem = temporary.close();
  if (problem != 0) return reason(problem, target);
  errno = 0;
  try {
    write(temporary.path());
  } catch (const std::exception& failure) {
    // Libraries say "cannot write the file" in English; the write that failed left its reason in
    // errno, and these three come only from a write, so they are not stale.
    if (errno == ENOSPC || errno == EDQUOT || errno == EFBIG) return reason(errno, target);
    return failure.what();
  }
  problem = temporary.sync();
  if (problem == 0) problem = temporary.rename();
  return problem == 0 ? std::string() : reason(problem, target);
}

}  // namespace raekoda
