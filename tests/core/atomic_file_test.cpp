#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/atomic_file.h"
#include "core/file_size_limit.h"
#include "core/i18n.h"
#include "support/temp_dir.h"

using namespace raekoda;
using testing::names_in;

namespace {

const std::string earlier = "the earlier file, which a failed write must leave as it was\n";

}  // namespace

TEST_CASE("a file is written whole and replaces the earlier one, keeping its permissions") {
  testing::TempDir dir;
  std::filesystem::path file = dir / "seaded.toml";
  testing::write_file(file, earlier);
  ::chmod(file.c_str(), 0600);
  std::string bytes(100000, 'x');
  CHECK(write_file_atomically(file, bytes) == "");
  CHECK(testing::read_file(file) == bytes);
  struct stat written {};
  REQUIRE(::stat(file.c_str(), &written) == 0);
  CHECK((written.st_mode & 0777) == 0600);
  CHECK(names_in(dir.path()) == std::vector<std::string>{"seaded.toml"});
}

TEST_CASE("a full disk leaves the earlier file byte for byte and no temporary beside it") {
  set_language(Language::et);
  testing::TempDir dir;
  std::filesystem::path file = dir / "eksport.csv";
  testing::write_file(file, earlier);
  std::string problem;
  {
    testing::FileSizeLimit full(4096);
    problem = write_file_atomically(file, std::string(100000, 'x'));
  }
  CHECK(problem == tr("file.error.too_large"));
  CHECK(testing::read_file(file) == earlier);
  CHECK(names_in(dir.path()) == std::vector<std::string>{"eksport.csv"});
  // The same write, room enough: the limit alone made it fail.
  CHECK(write_file_atomically(file, std::string(100000, 'x')) == "");
}

TEST_CASE("a library that fails half-way leaves the earlier file and no temporary") {
  testing::TempDir dir;
  std::filesystem::path file = dir / "tabel.xlsx";
  testing::write_file(file, earlier);
  std::filesystem::path given;
  std::string problem = write_file_atomically(file, [&](const std::filesystem::path& temporary) {
    given = temporary;
    testing::write_file(temporary, "half a workbook");
    throw std::runtime_error("cannot write the workbook");
  });
  CHECK(problem == "cannot write the workbook");
  // Beside the file, so that the rename stays on one disk.
  CHECK(given.parent_path() == dir.path());
  CHECK(given.filename().string().rfind("tabel.xlsx.part-", 0) == 0);
  CHECK(testing::read_file(file) == earlier);
  CHECK(names_in(dir.path()) == std::vector<std::string>{"tabel.xlsx"});
}

TEST_CASE("a library's write past a full disk is said as a full disk, in the user's language") {
  set_language(Language::ru);
  testing::TempDir dir;
  std::filesystem::path file = dir / "aruanne.pdf";
  testing::write_file(file, earlier);
  std::string problem;
  {
    testing::FileSizeLimit full(4096);
    problem = write_file_atomically(file, [&](const std::filesystem::path& temporary) {
      std::FILE* out = std::fopen(temporary.c_str(), "wb");
      REQUIRE(out);
      std::string bytes(100000, 'x');
      bool whole = std::fwrite(bytes.data(), 1, bytes.size(), out) == bytes.size();
      whole = std::fclose(out) == 0 && whole;
      if (!whole) throw std::runtime_error("error while writing to output stream");
    });
  }
  set_language(Language::et);
  CHECK(problem == "файл больше допустимого размера");
  CHECK(testing::read_file(file) == earlier);
  CHECK(names_in(dir.path()) == std::vector<std::string>{"aruanne.pdf"});
}

TEST_CASE("a folder that is not there is named in the refusal") {
  set_language(Language::en);
  testing::TempDir dir;
  std::filesystem::path missing = dir / "puudub";
  std::string problem = write_file_atomically(missing / "x.csv", "a;b\r\n");
  set_language(Language::et);
  CHECK(problem == "the folder " + missing.string() + " does not exist");
  CHECK(names_in(dir.path()).empty());
}

TEST_CASE("a folder the user may not write to is refused and left empty") {
  testing::TempDir dir;
  std::filesystem::path locked = dir / "lukus";
  std::filesystem::create_directory(locked);
  testing::write_file(locked / "x.csv", earlier);
  ::chmod(locked.c_str(), 0555);
  ::chmod(dir.path().c_str(), 0755);
  int result = testing::as_unprivileged_user([&] {
    set_language(Language::et);
    std::string problem = write_file_atomically(locked / "x.csv", "new");
    if (problem != trf("file.error.denied", locked.string())) return 1;
    return testing::read_file(locked / "x.csv") == earlier ? 0 : 2;
  });
  ::chmod(locked.c_str(), 0755);
  CHECK(result == 0);
  CHECK(names_in(locked) == std::vector<std::string>{"x.csv"});
}

TEST_CASE("a linked settings file stays a link and the file it points to is replaced") {
  testing::TempDir dir;
  std::filesystem::create_directory(dir / "dotfiles");
  testing::write_file(dir / "dotfiles" / "settings.toml", earlier);
  std::filesystem::create_symlink(dir / "dotfiles" / "settings.toml", dir / "settings.toml");
  CHECK(write_file_atomically(dir / "settings.toml", "language = \"ru\"\n") == "");
  CHECK(std::filesystem::is_symlink(dir / "settings.toml"));
  CHECK(testing::read_file(dir / "dotfiles" / "settings.toml") == "language = \"ru\"\n");
  CHECK(names_in(dir / "dotfiles") == std::vector<std::string>{"settings.toml"});
}
