#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "db/database.h"
#include "db/record_store.h"
#include "support/temp_dir.h"
#include "support/test_database.h"

using namespace raekoda;
using db::Database;
using db::SaveStatus;

namespace {

const db::Author mari{"mari", "2026-11-22 10:15:00"};
const db::Author jaan{"jaan", "2026-11-22 10:16:00"};

// A shared file with one unanswered information request, id 1.
std::string shared_file(const testing::TempDir& dir) {
  std::string path = testing::shared_test_target(dir.path().string(), "shared.sqlite");
  Database db = Database::open(path, db::OpenMode::create_if_missing);
  db.exec("INSERT INTO units (id, name) VALUES (1, 'Linnakantselei')");
  db.exec(
      "INSERT INTO people (id, full_name, unit_id, joined_on) VALUES (1, 'Õie Mägi', 1, "
      "'2020-01-01')");
  db.exec(
      "INSERT INTO documents (id, reg_number, doc_type, direction, registered_on, title, sender, "
      "due_on) "
      "VALUES (1, '7-1/2026-0042', 'information_request', 'incoming', '2026-11-16', 'Teabenõue', "
      "'Jelena Smirnova', '2026-11-23')");
  return path;
}

std::int64_t audit_rows(Database& db) {
  return db.query_integer("SELECT count(*) FROM audit_log", 0);
}

}  // namespace

TEST_CASE("a save writes the changed fields and one audit row per field, in one transaction") {
  testing::TempDir dir;
  Database db = Database::open(shared_file(dir), db::OpenMode::existing);
  Record original = *db::load_record(db, documents_spec(), 1);
  CHECK(original.version == 1);
  Record edited = original;
  edited.set("answered_on", "2026-11-20");
  edited.set("responder_id", "1");
  auto result = db::update_record(db, documents_spec(), original, edited, mari);
  REQUIRE(result.status == SaveStatus::saved);
  CHECK(result.current.version == 2);
  CHECK(result.current.value("answered_on") == "2026-11-20");
  auto history = db::record_history(db, documents_spec(), 1);
  REQUIRE(history.size() == 2);
  CHECK(history[0].changed_by == "mari");
  CHECK(history[0].changed_at == "2026-11-22 10:15:00");
  CHECK(history[0].action == "update");
  CHECK(history[0].field == "responder_id");
  CHECK_FALSE(history[0].before);
  CHECK(history[0].after == "1");
  CHECK(history[1].field == "answered_on");
}

TEST_CASE("a save without changes writes nothing") {
  testing::TempDir dir;
  Database db = Database::open(shared_file(dir), db::OpenMode::existing);
  Record original = *db::load_record(db, documents_spec(), 1);
  CHECK(db::update_record(db, documents_spec(), original, original, mari).status ==
        SaveStatus::nothing);
  CHECK(audit_rows(db) == 0);
}

TEST_CASE(
    "two connections editing the same record: the second save is a conflict and writes nothing") {
  testing::TempDir dir;
  auto path = shared_file(dir);
  Database mine = Database::open(path, db::OpenMode::existing);
  Database colleague = Database::open(path, db::OpenMode::existing);
  Record my_copy = *db::load_record(mine, documents_spec(), 1);
  Record their_copy = *db::load_record(colleague, documents_spec(), 1);

  Record theirs = their_copy;
  theirs.set("title", "Teabenõue: hankelepingu koopia");
  REQUIRE(db::update_record(colleague, documents_spec(), their_copy, theirs, jaan).status ==
          SaveStatus::saved);

  Record edited = my_copy;
  edited.set("answered_on", "2026-11-19");
  auto result = db::update_record(mine, documents_spec(), my_copy, edited, mari);
  CHECK(result.status == SaveStatus::conflict);
  CHECK(result.current.value("title") == "Teabenõue: hankelepingu koopia");  // theirs, to compare
  CHECK(result.current.version == 2);
  auto now = *db::load_record(mine, documents_spec(), 1);
  CHECK_FALSE(now.value("answered_on"));  // nothing overwritten silently
  CHECK(audit_rows(mine) == 1);

  // Merged on top of theirs, the save goes through.
  Record merged = result.current;
  merged.set("answered_on", "2026-11-19");
  CHECK(db::update_record(mine, documents_spec(), result.current, merged, mari).status ==
        SaveStatus::saved);
}

TEST_CASE("two processes editing the same record: the stale save is a conflict") {
  testing::TempDir dir;
  auto path = shared_file(dir);
  Database mine = Database::open(path, db::OpenMode::existing);
  Record my_copy = *db::load_record(mine, documents_spec(), 1);
  int child = testing::in_other_process([&] {
    Database colleague = Database::open(path, db::OpenMode::existing);
    Record copy = *db::load_record(colleague, documents_spec(), 1);
    Record edited = copy;
    edited.set("sender", "Jelena Smirnova-Ivanova");
    return db::update_record(colleague, documents_spec(), copy, edited, jaan).status ==
                   SaveStatus::saved
               ? 0
               : 1;
  });
  REQUIRE(child == 0);
  Record edited = my_copy;
  edited.set("sender", "J. Smirnova");
  auto result = db::update_record(mine, documents_spec(), my_copy, edited, mari);
  CHECK(result.status == SaveStatus::conflict);
  CHECK(result.current.value("sender") == "Jelena Smirnova-Ivanova");
}

TEST_CASE("a busy database is reported after the busy timeout, and the same edit saves later") {
  testing::TempDir dir;
  auto path = shared_file(dir);
  Database mine = Database::open(path, db::OpenMode::existing);
  mine.set_busy_timeout(200);
  Database colleague = Database::open(path, db::OpenMode::existing);
  Record original = *db::load_record(mine, documents_spec(), 1);
  Record edited = original;
  edited.set("answered_on", "2026-11-20");
  // A colleague's save under way: SQLite's write lock on the file, a row lock on a server.
  colleague.exec(colleague.backend() == db::Backend::sqlite
                     ? "BEGIN IMMEDIATE"
                     : "BEGIN; UPDATE documents SET version = version WHERE id = 1");
  try {
    db::update_record(mine, documents_spec(), original, edited, mari);
    FAIL("saved while a colleague held the write lock");
  } catch (const db::DatabaseError& error) {
    CHECK(error.kind() == db::ErrorKind::busy);
  }
  colleague.exec("ROLLBACK");
  CHECK(db::update_record(mine, documents_spec(), original, edited, mari).status ==
        SaveStatus::saved);
}

TEST_CASE("a read-only file refuses a save with a reason and keeps the file as it was",
          "[sqlite]") {
  testing::TempDir dir;
  auto path = shared_file(dir);
  std::filesystem::permissions(
      path, std::filesystem::perms::owner_read | std::filesystem::perms::others_read);
  std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all |
                                               std::filesystem::perms::others_read |
                                               std::filesystem::perms::others_exec);
  std::string before = testing::read_file(path);
  int result = testing::as_unprivileged_user([&] {
    Database db = Database::open(path, db::OpenMode::existing);
    if (!db.read_only()) return 1;
    Record original = *db::load_record(db, documents_spec(), 1);
    Record edited = original;
    edited.set("answered_on", "2026-11-20");
    try {
      db::update_record(db, documents_spec(), original, edited, mari);
      return 2;
    } catch (const db::DatabaseError& error) {
      return error.kind() == db::ErrorKind::read_only ? 0 : 3;
    }
  });
  CHECK(result == 0);
  CHECK(testing::read_file(path) == before);
}

TEST_CASE("undo restores the user's last save, audited, and is not undone twice") {
  testing::TempDir dir;
  Database db = Database::open(shared_file(dir), db::OpenMode::existing);
  Record original = *db::load_record(db, documents_spec(), 1);
  Record edited = original;
  edited.set("answered_on", "2026-11-20");
  REQUIRE(db::update_record(db, documents_spec(), original, edited, mari).status ==
          SaveStatus::saved);

  auto undone = db::undo_last_change(db, mari);
  CHECK(undone.status == SaveStatus::saved);
  CHECK(undone.table == "documents");
  CHECK(undone.record_id == 1);
  Record now = *db::load_record(db, documents_spec(), 1);
  CHECK_FALSE(now.value("answered_on"));
  CHECK(now.version == 3);
  auto history = db::record_history(db, documents_spec(), 1);
  REQUIRE(history.size() == 2);
  CHECK(history[0].action == "undo");
  CHECK(history[0].before == "2026-11-20");
  CHECK_FALSE(history[0].after);
  CHECK(db::undo_last_change(db, mari).status == SaveStatus::nothing);
  CHECK(db::undo_last_change(db, jaan).status == SaveStatus::nothing);  // only one's own saves
}

TEST_CASE("undo refuses when a colleague has changed the field since") {
  testing::TempDir dir;
  Database db = Database::open(shared_file(dir), db::OpenMode::existing);
  Record original = *db::load_record(db, documents_spec(), 1);
  Record edited = original;
  edited.set("title", "Teabenõue: koopia");
  auto saved = db::update_record(db, documents_spec(), original, edited, mari);
  Record theirs = saved.current;
  theirs.set("title", "Teabenõue: lepingu koopia");
  REQUIRE(db::update_record(db, documents_spec(), saved.current, theirs, jaan).status ==
          SaveStatus::saved);
  CHECK(db::undo_last_change(db, mari).status == SaveStatus::conflict);
  CHECK(db::load_record(db, documents_spec(), 1)->value("title") == "Teabenõue: lepingu koopia");
}

TEST_CASE("new and deleted records are audited, a stale delete is a conflict") {
  testing::TempDir dir;
  Database db = Database::open(shared_file(dir), db::OpenMode::existing);
  Record fresh;
  fresh.set("reg_number", "7-1/2026-0043");
  fresh.set("doc_type", "memorandum");
  fresh.set("direction", "incoming");
  fresh.set("registered_on", "2026-11-20");
  fresh.set("title", "Märgukiri: mänguväljak");
  fresh.set("sender", "Sergei Volkov");
  fresh.set("access_restricted", "0");
  Record saved = db::insert_record(db, documents_spec(), fresh, mari);
  CHECK(saved.id > 1);
  CHECK(saved.value("title") == "Märgukiri: mänguväljak");
  CHECK(db::record_history(db, documents_spec(), saved.id).size() == 7);

  Record stale = saved;
  Record changed = saved;
  changed.set("sender", "S. Volkov");
  REQUIRE(db::update_record(db, documents_spec(), saved, changed, jaan).status ==
          SaveStatus::saved);
  CHECK(db::delete_record(db, documents_spec(), stale, mari).status == SaveStatus::conflict);
  auto current = *db::load_record(db, documents_spec(), saved.id);
  CHECK(db::delete_record(db, documents_spec(), current, mari).status == SaveStatus::saved);
  CHECK_FALSE(db::load_record(db, documents_spec(), saved.id));
  CHECK(db::record_history(db, documents_spec(), saved.id)[0].action == "delete");
}

TEST_CASE("a media item's link is read, saved and audited with its other fields") {
  testing::TempDir dir;
  Database db = Database::open(shared_file(dir), db::OpenMode::existing);
  db.exec(
      "INSERT INTO media_outlets (id, name, channel, language) VALUES (1, 'ERR', 'online', "
      "'et')");
  Record item;
  item.set("outlet_id", "1");
  item.set("published_on", "2026-11-20");
  item.set("channel", "online");
  item.set("language", "et");
  item.set("title", "Volikogu arutas eelarvet");
  item.set("url", "https://www.err.ee/1609");
  item.set("tone", "neutral");
  item.set("subject", "council");
  item.set("reach", "0");
  item.set("misleading", "0");
  item.set("rebuttal_status", "not_needed");
  item.set("notes", "");
  Record saved = db::insert_record(db, media_items_spec(), item, mari);
  CHECK(saved.value("url") == "https://www.err.ee/1609");

  Record moved = saved;
  moved.set("url", "https://www.err.ee/1609/parandatud");
  REQUIRE(db::update_record(db, media_items_spec(), saved, moved, jaan).status ==
          SaveStatus::saved);
  CHECK(db::load_record(db, media_items_spec(), saved.id)->value("url") ==
        "https://www.err.ee/1609/parandatud");
  auto history = db::record_history(db, media_items_spec(), saved.id);
  REQUIRE_FALSE(history.empty());
  CHECK(history.front().field == "url");
  CHECK(history.front().before == "https://www.err.ee/1609");
}

TEST_CASE("a second connection sees a record changed by the first, with a new version") {
  testing::TempDir dir;
  auto path = shared_file(dir);
  Database mine = Database::open(path, db::OpenMode::existing);
  Database theirs = Database::open(path, db::OpenMode::existing);
  Record opened = *db::load_record(mine, documents_spec(), 1);
  std::int64_t seen = mine.data_version();
  Record changed = *db::load_record(theirs, documents_spec(), 1);
  changed.set("answered_on", "2026-11-20");
  REQUIRE(db::update_record(theirs, documents_spec(), opened, changed, jaan).status ==
          SaveStatus::saved);
  // What the editor's controller looks at once a second, then reads again. A server's notice
  // arrives a moment after the commit.
  auto waited = std::chrono::steady_clock::now();
  while (mine.data_version() == seen &&
         std::chrono::steady_clock::now() - waited < std::chrono::seconds(5))
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  CHECK(mine.data_version() != seen);
  Record now = *db::load_record(mine, documents_spec(), 1);
  CHECK(now.version == opened.version + 1);
  CHECK(changed_columns(documents_spec(), opened, now) == std::vector<std::string>{"answered_on"});
  REQUIRE(db::delete_record(theirs, documents_spec(), now, jaan).status == SaveStatus::saved);
  CHECK_FALSE(db::load_record(mine, documents_spec(), 1));
}
