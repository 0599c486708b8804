// A file in WAL mode in a folder the user may only read, as a colleague's archive share gives it:
// it opens read-only like any file the user cannot write. SQLite reads it through the -wal and
// -shm when they are there to read, following colleagues' saves; without them only as the file
// is at the opening, and the user is told so. CI runs as root, whom no permission stops: each
// open runs in a child process as an ordinary user (testing::as_unprivileged_user).

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

#include "db/database.h"
#include "support/temp_dir.h"

using namespace raekoda;
using db::Database;
using db::DatabaseError;
using db::ErrorKind;
using db::OpenMode;
using testing::read_file;

namespace {

namespace fs = std::filesystem;

fs::path beside(const fs::path& file, const char* suffix) {
  return file.string() + suffix;
}

std::int64_t units(Database& db) {
  return db.query_integer("SELECT count(*) FROM units", -1);
}

// A Raekoda file that another program switched to WAL mode, holding one unit.
void make_wal_file(const fs::path& path) {
  Database db = Database::open(path, OpenMode::create_if_missing);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("INSERT INTO units (name) VALUES ('Kantselei')");
}

// The file, its folder and whatever lies beside the file readable by all, writable by none but
// root: `folder` is the file's own and every folder up to the temporary one.
void only_readable(const fs::path& file, const std::vector<fs::path>& folders) {
  for (const char* suffix : {"", "-wal", "-shm"})
    if (fs::exists(beside(file, suffix)))
      fs::permissions(beside(file, suffix), fs::perms::owner_read | fs::perms::owner_write |
                                                fs::perms::group_read | fs::perms::others_read);
  for (const fs::path& folder : folders)
    fs::permissions(folder, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec);
}

// What a child process tells: 0 when every check held, else the number of the first that failed.
int first_failure(std::initializer_list<bool> checks) {
  int number = 1;
  for (bool held : checks) {
    if (!held) return number;
    ++number;
  }
  return 0;
}

// A colleague's Raekoda, in a process of its own (SQLite's connections must not cross a fork),
// with the file open in WAL mode: what it saves stays in the -wal until it closes. It has saved
// one unit once constructed, and saves one more at each save(), asked from this process or any
// forked from it.
class Colleague {
public:
  explicit Colleague(const fs::path& path) {
    if (pipe(commands_) != 0 || pipe(answers_) != 0) throw std::runtime_error("pipe failed");
    process_ = fork();
    if (process_ == 0) {
      close(commands_[1]);
      close(answers_[0]);
      _exit(serve(path));
    }
    // Only the colleague answers: should it fail, a read here ends instead of waiting forever.
    close(commands_[0]);
    close(answers_[1]);
    commands_[0] = answers_[1] = -1;
    if (!answered()) throw std::runtime_error("the colleague could not open " + path.string());
  }
  ~Colleague() {
    if (process_ > 0) {
      command('q');
      waitpid(process_, nullptr, 0);
    }
    close(commands_[1]);
    close(answers_[0]);
  }
  Colleague(const Colleague&) = delete;
  Colleague& operator=(const Colleague&) = delete;

  bool save() { return command('s'); }
  // Gone as in a power cut: the -wal and -shm stay, the save in the -wal not yet in the file.
  void crash() {
    command('k');
    waitpid(process_, nullptr, 0);
    process_ = 0;
  }

private:
  bool command(char what) { return write(commands_[1], &what, 1) == 1 && answered(); }
  bool answered() {
    char done = 0;
    return read(answers_[0], &done, 1) == 1 && done == 1;
  }
  int serve(const fs::path& path) {
    try {
      Database db = Database::open(path, OpenMode::existing);
      db.exec("PRAGMA wal_autocheckpoint = 0");
      int saved = 0;
      auto save = [&] {
        db.exec("INSERT INTO units (name) VALUES ('Kolleegi osakond " + std::to_string(++saved) +
                "')");
      };
      const char done = 1;
      save();
      for (char what = 0;; what = 0) {
        if (write(answers_[1], &done, 1) != 1) return 2;
        if (read(commands_[0], &what, 1) != 1 || what == 'q') return 0;
        if (what == 'k') _exit(write(answers_[1], &done, 1) == 1 ? 0 : 2);  // without a close
        if (what == 's') save();
      }
    } catch (const DatabaseError& error) {
      std::fprintf(stderr, "colleague: %s\n", error.what());
      return 1;
    }
  }

  int commands_[2] = {-1, -1};
  int answers_[2] = {-1, -1};
  pid_t process_ = 0;
};

bool write_refused(Database& db) {
  try {
    db.exec("INSERT INTO units (name) VALUES ('Uus osakond')");
  } catch (const DatabaseError& error) {
    return error.kind() == ErrorKind::read_only;
  }
  return false;
}

}  // namespace

TEST_CASE("a WAL file closed by its last user opens read-only in a folder one cannot write",
          "[sqlite]") {
  testing::TempDir dir;
  // A folder's name that a URI would otherwise cut or change.
  fs::path folder = dir / "Arhiiv #2 ?50% õigusaktid";
  fs::create_directory(folder);
  fs::path path = folder / "raekoda.sqlite";
  make_wal_file(path);
  REQUIRE_FALSE(fs::exists(beside(path, "-wal")));  // checkpointed and removed at the close
  only_readable(path, {dir.path(), folder});
  std::string before = read_file(path);
  for (OpenMode mode : {OpenMode::existing, OpenMode::as_it_is, OpenMode::reader}) {
    int result = testing::as_unprivileged_user([&] {
      try {
        Database db = Database::open(path.string(), mode);
        auto warning = db.open_warning();
        return first_failure({db.read_only(), warning.has_value(),
                              warning && warning->kind() == ErrorKind::wal_read_only,
                              warning && std::string(warning->what()) == "raekoda.sqlite",
                              units(db) == 1, write_refused(db)});
      } catch (const DatabaseError& error) {
        return 100 + static_cast<int>(error.kind());  // it did not open, as before
      }
    });
    INFO("open mode " << static_cast<int>(mode));
    CHECK(result == 0);
  }
  CHECK(read_file(path) == before);
  CHECK_FALSE(fs::exists(beside(path, "-shm")));
}

TEST_CASE("a WAL file in a folder one cannot write follows colleagues' saves through its -shm",
          "[sqlite]") {
  testing::TempDir dir;
  fs::path path = dir / "raekoda.sqlite";
  make_wal_file(path);
  {
    // A colleague who may write has the file open: the -wal holds their save, the -shm its index.
    Colleague colleague(path);
    REQUIRE(fs::exists(beside(path, "-shm")));
    only_readable(path, {dir.path()});
    int result = testing::as_unprivileged_user([&] {
      try {
        Database db = Database::open(path.string(), OpenMode::existing);
        bool opened_plainly = db.read_only() && !db.open_warning() && units(db) == 2;
        std::int64_t version = db.data_version();
        if (!colleague.save()) return 50;
        return first_failure(
            {opened_plainly, db.data_version() != version, units(db) == 3, write_refused(db)});
      } catch (const DatabaseError& error) {
        return 100 + static_cast<int>(error.kind());
      }
    });
    CHECK(result == 0);
  }
  Database db = Database::open(path, OpenMode::existing);
  CHECK(units(db) == 3);
}

TEST_CASE("a WAL file whose -shm one may not read opens as it was, and says so", "[sqlite]") {
  testing::TempDir dir;
  fs::path path = dir / "raekoda.sqlite";
  make_wal_file(path);
  Colleague(path).crash();
  REQUIRE(fs::exists(beside(path, "-wal")));
  only_readable(path, {dir.path()});
  // The colleague's umask kept their files to themselves.
  fs::permissions(beside(path, "-shm"), fs::perms::owner_read | fs::perms::owner_write);
  int result = testing::as_unprivileged_user([&] {
    try {
      Database db = Database::open(path.string(), OpenMode::existing);
      auto warning = db.open_warning();
      // The colleague's save still in the -wal is not seen: the figures are not the newest,
      // which is what the notice line says.
      return first_failure({db.read_only(), warning && warning->kind() == ErrorKind::wal_read_only,
                            units(db) == 1, write_refused(db)});
    } catch (const DatabaseError& error) {
      return 100 + static_cast<int>(error.kind());
    }
  });
  CHECK(result == 0);
  // The save was not lost: whoever may write reads it from the -wal.
  Database db = Database::open(path, OpenMode::existing);
  CHECK(units(db) == 2);
}
