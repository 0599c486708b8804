// A database file on the city's share: kept in the rollback journal and written as on a disk,
// but never written in WAL mode, whose shared memory a network filesystem does not share between
// computers. The test machine has no share: the tests tell the opening which filesystem it is on.

#include <catch2/catch.hpp>

#include <linux/magic.h>

#include "db/database.h"
#include "db/file_system.h"
#include "db/sqlite_connection.h"
#include "support/temp_dir.h"

using namespace raekoda;
using db::Database;
using db::DatabaseError;
using db::ErrorKind;
using db::FileSystemKind;
using db::OpenMode;
using testing::read_file;

namespace {

FileSystemKind on_smb(const std::filesystem::path&) {
  return FileSystemKind::smb;
}
FileSystemKind on_nfs(const std::filesystem::path&) {
  return FileSystemKind::nfs;
}
FileSystemKind on_local_disk(const std::filesystem::path&) {
  return FileSystemKind::local;
}

std::filesystem::path beside(const std::filesystem::path& file, const char* suffix) {
  return file.string() + suffix;
}

std::int64_t units(Database& db) {
  return db.query_integer("SELECT count(*) FROM units", -1);
}

// A Raekoda file that another program switched to WAL mode, left closed: its header says WAL,
// and no -wal or -shm is beside it.
void make_wal_file(const std::filesystem::path& path) {
  Database db = Database::open(path, OpenMode::create_if_missing, on_local_disk);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("INSERT INTO units (name) VALUES ('Kantselei')");
}

// The kind of error the write `sql` meets, or `other` when it went through.
ErrorKind write_error(Database& db, const char* sql) {
  try {
    db.exec(sql);
  } catch (const DatabaseError& error) {
    return error.kind();
  }
  return ErrorKind::other;
}

}  // namespace

TEST_CASE("statfs's magic numbers tell a Windows, Samba or NFS share from a local disk",
          "[sqlite]") {
  CHECK(db::classify_file_system(0xFF534D42) == FileSystemKind::smb);  // cifs.ko, SMB 1 to 3
  CHECK(db::classify_file_system(0xFE534D42) == FileSystemKind::smb);  // smb3 of newer kernels
  CHECK(db::classify_file_system(0x517B) == FileSystemKind::smb);      // smbfs of old kernels
  CHECK(db::classify_file_system(0x6969) == FileSystemKind::nfs);
  for (std::uint32_t magic : {AFS_SUPER_MAGIC, AFS_FS_MAGIC, CEPH_SUPER_MAGIC, CODA_SUPER_MAGIC,
                              NCP_SUPER_MAGIC, V9FS_MAGIC}) {
    INFO("magic " << std::hex << magic);
    CHECK(db::classify_file_system(magic) == FileSystemKind::other_network);
  }
  CHECK(db::classify_file_system(0xEF53) == FileSystemKind::local);      // ext2, ext3, ext4
  CHECK(db::classify_file_system(0x58465342) == FileSystemKind::local);  // XFS
  CHECK(db::classify_file_system(0x9123683E) == FileSystemKind::local);  // Btrfs
  CHECK(db::classify_file_system(0x01021994) == FileSystemKind::local);  // tmpfs
  CHECK(db::classify_file_system(0x794C7630) == FileSystemKind::local);  // overlayfs
  // sshfs cannot be told from ntfs-3g on a USB disk: both are FUSE.
  CHECK(db::classify_file_system(0x65735546) == FileSystemKind::fuse);

  CHECK(db::is_network(FileSystemKind::smb));
  CHECK(db::is_network(FileSystemKind::nfs));
  CHECK(db::is_network(FileSystemKind::other_network));
  CHECK_FALSE(db::is_network(FileSystemKind::local));
  CHECK_FALSE(db::is_network(FileSystemKind::fuse));
}

TEST_CASE("a file in a temporary folder of this computer is not taken for one on a share",
          "[sqlite]") {
  testing::TempDir dir;
  auto path = dir / "raekoda.sqlite";
  // Not there yet, the file lies where its folder does.
  FileSystemKind folder = db::file_system_kind(path);
  CHECK_FALSE(db::is_network(folder));
  testing::write_file(path, "");
  CHECK(db::file_system_kind(path) == folder);
  CHECK(db::file_system_kind(dir / "no-folder" / "x.sqlite") == FileSystemKind::local);
}

TEST_CASE("a file on a share is written in the rollback journal, as on a disk", "[sqlite]") {
  testing::TempDir dir;
  auto path = dir / "raekoda.sqlite";
  { Database::open(path, OpenMode::create_if_missing, on_smb); }
  Database db = Database::open(path, OpenMode::existing, on_smb);
  CHECK_FALSE(db.read_only());
  CHECK_FALSE(db.open_warning());
  {
    db::Transaction save(db);
    db.exec("INSERT INTO units (name) VALUES ('Linnakantselei')");
    save.commit();
  }
  CHECK(units(db) == 1);
  auto mode = db.prepare("PRAGMA journal_mode");
  REQUIRE(mode.step());
  CHECK(mode.text(0) == "delete");
  CHECK_FALSE(std::filesystem::exists(beside(path, "-wal")));
}

TEST_CASE("a file in WAL mode on a share opens read-only and says why", "[sqlite]") {
  testing::TempDir dir;
  auto path = dir / "raekoda.sqlite";
  make_wal_file(path);
  std::string before = read_file(path);
  for (auto where : {on_smb, on_nfs}) {
    for (OpenMode mode : {OpenMode::existing, OpenMode::create_if_missing, OpenMode::reader}) {
      Database db = Database::open(path, mode, where);
      CHECK(db.read_only());
      auto warning = db.open_warning();
      REQUIRE(warning);
      CHECK(warning->kind() == ErrorKind::wal_on_share);
      CHECK(std::string(warning->what()) == "raekoda.sqlite");
      CHECK(units(db) == 1);  // it is read
      CHECK(write_error(db, "INSERT INTO units (name) VALUES ('Uus')") == ErrorKind::read_only);
      // Nothing is written beside it: no -shm whose index a colleague's writer would trust.
      CHECK_FALSE(std::filesystem::exists(beside(path, "-shm")));
      CHECK_FALSE(std::filesystem::exists(beside(path, "-wal")));
    }
  }
  CHECK(read_file(path) == before);
}

TEST_CASE("a -wal file beside a file on a share keeps it from being written", "[sqlite]") {
  testing::TempDir dir;
  auto path = dir / "raekoda.sqlite";
  { Database::open(path, OpenMode::create_if_missing, on_smb); }
  // Its header says rollback journal, yet SQLite would read the -wal: someone's program on
  // another computer writes it in WAL mode.
  testing::write_file(beside(path, "-wal"), "");
  std::string before = read_file(path);
  Database db = Database::open(path, OpenMode::existing, on_smb);
  CHECK(db.read_only());
  REQUIRE(db.open_warning());
  CHECK(db.open_warning()->kind() == ErrorKind::wal_on_share);
  CHECK(write_error(db, "INSERT INTO units (name) VALUES ('Uus')") == ErrorKind::read_only);
  CHECK(read_file(path) == before);
}

TEST_CASE("a file in WAL mode on a local disk is written as before", "[sqlite]") {
  testing::TempDir dir;
  auto path = dir / "raekoda.sqlite";
  make_wal_file(path);
  for (auto where : {on_local_disk, db::file_system_kind}) {
    Database db = Database::open(path, OpenMode::existing, where);
    CHECK_FALSE(db.read_only());
    CHECK_FALSE(db.open_warning());
    std::string unit = "Uus osakond " + std::to_string(units(db));
    CHECK(write_error(db, ("INSERT INTO units (name) VALUES ('" + unit + "')").c_str()) ==
          ErrorKind::other);
  }
  Database db = Database::open(path, OpenMode::existing);
  CHECK(units(db) == 3);
  // The connection of its own reads through the -wal: a colleague's save is seen at once.
  Database colleague = Database::open(path, OpenMode::existing);
  colleague.exec("INSERT INTO units (name) VALUES ('Kolleegi osakond')");
  CHECK(units(db) == 4);
}

TEST_CASE("the backend is told the filesystem by the one who opens the file", "[sqlite]") {
  testing::TempDir dir;
  auto path = dir / "raekoda.sqlite";
  make_wal_file(path);
  auto local = db::open_sqlite_file(path, false, false, FileSystemKind::local);
  CHECK_FALSE(local->read_only());
  CHECK_FALSE(db::sqlite_open_warning(*local));
  auto shared = db::open_sqlite_file(path, false, false, FileSystemKind::other_network);
  CHECK(shared->read_only());
  CHECK(db::sqlite_open_warning(*shared) == ErrorKind::wal_on_share);
  // FUSE is taken as local: a file on ntfs-3g is written, WAL or not.
  auto fuse = db::open_sqlite_file(path, false, false, FileSystemKind::fuse);
  CHECK_FALSE(fuse->read_only());
  CHECK_FALSE(db::sqlite_open_warning(*fuse));
}
