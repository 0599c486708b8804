// How a file that opened only to be read, as it was at the opening, is said to the user: once,
// in the notice line, in their language, with the file's name, as a problem that stays.

#include <catch2/catch.hpp>

#include <set>

#include "app/controller.h"
#include "core/i18n.h"
#include "support/temp_dir.h"

using namespace raekoda;
using db::Database;
using db::FileSystemKind;
using db::OpenMode;

namespace {

const Date today = *Date::parse_iso("2026-11-22");

FileSystemKind on_smb(const std::filesystem::path&) {
  return FileSystemKind::smb;
}
FileSystemKind on_local_disk(const std::filesystem::path&) {
  return FileSystemKind::local;
}

}  // namespace

TEST_CASE("a file in WAL mode on a share says why it is read-only in the user's language",
          "[sqlite]") {
  testing::TempDir dir;
  auto path = dir / "raekoda.sqlite";
  {
    Database db = Database::open(path, OpenMode::create_if_missing, on_local_disk);
    db.exec("PRAGMA journal_mode = WAL");
  }
  Language was = current_language();
  std::set<std::string> said;
  for (Language language : {Language::et, Language::en, Language::ru}) {
    set_language(language);
    app::Controller controller(Database::open(path, OpenMode::existing, on_smb), today);
    const ui::SessionInfo& session = controller.session();
    CHECK(session.read_only);
    CHECK(session.notice_is_problem);
    CHECK(session.notice == trf("error.db.wal_on_share", "raekoda.sqlite"));
    CHECK(session.notice.find("raekoda.sqlite") != std::string::npos);
    CHECK(session.notice.find("error.db") == std::string::npos);  // a sentence, not its key
    said.insert(session.notice);
  }
  set_language(was);
  CHECK(said.size() == 3);
}

TEST_CASE("a file in WAL mode on a local disk opens without a word of it", "[sqlite]") {
  testing::TempDir dir;
  auto path = dir / "raekoda.sqlite";
  {
    Database db = Database::open(path, OpenMode::create_if_missing, on_local_disk);
    db.exec("PRAGMA journal_mode = WAL");
  }
  app::Controller controller(Database::open(path, OpenMode::existing, on_local_disk), today);
  CHECK_FALSE(controller.session().read_only);
  CHECK(controller.session().notice.empty());
}
