// Each part of the figures names every table its queries read: a table left out would leave a
// colleague's change to it unseen until another of the part's tables changed. And what a reader
// keeps by change counts is forgotten where the window knows of a change the reader's own
// connection may not have heard of yet.

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <set>
#include <string>

#include "db/database.h"
#include "db/demo_writer.h"
#include "db/figure_parts.h"
#include "support/temp_dir.h"
#include "support/test_database.h"

using namespace raekoda;

namespace {

// SQLite asks before a statement reads a column; the table is the authorizer's first argument.
int note_read(void* tables, int action, const char* table, const char*, const char*, const char*) {
  if (action == SQLITE_READ && table) static_cast<std::set<std::string>*>(tables)->insert(table);
  return SQLITE_OK;
}

}  // namespace

TEST_CASE("each part of the figures reads only the tables it names", "[sqlite]") {
  testing::TempDir dir;
  std::string file = (dir / "city.sqlite").string();
  Date today = *Date::parse_iso("2026-11-22");
  {
    db::Database db = db::Database::open(file, db::OpenMode::create_if_missing);
    db::write_demo_data(db, DemoOptions{1, 1, 1, today});
  }
  for (db::FigurePart part : db::all_figure_parts) {
    INFO(db::part_key(part));
    // A connection of its own: every statement is prepared, and so authorized, afresh.
    db::Database db = db::Database::open(file, db::OpenMode::reader);
    std::set<std::string> read;
    sqlite3_set_authorizer(db.sqlite_handle(), note_read, &read);
    db::FigureParts parts;
    db::read_figure_part(db, part, DateTime::end_of(today), AreaOptions{}, parts);
    sqlite3_set_authorizer(db.sqlite_handle(), nullptr, nullptr);
    CHECK(parts.read == std::set{part});
    CHECK_FALSE(read.empty());
    auto named = db::tables_read_by(part);
    for (const std::string& table : read) {
      if (table.starts_with("sqlite_")) continue;
      // The tables' change counts: what a part keeping figures tells its changes by.
      if (table == "table_versions") continue;
      INFO(table);
      CHECK(std::find(named.begin(), named.end(), table) != named.end());
    }
  }
}

TEST_CASE("what the window heard of, or saved itself, is not used again from what was kept") {
  Date today = *Date::parse_iso("2026-11-22");
  db::Database db = testing::open_test_database();
  db::write_demo_data(db, DemoOptions{2, 1, 1, today});
  db::ReaderMemory memory;
  auto read_all = [&] {
    db::FigureParts parts;
    for (db::FigurePart part :
         {db::FigurePart::overview, db::FigurePart::deadlines, db::FigurePart::access})
      db::read_figure_part(db, part, DateTime::end_of(today), AreaOptions{}, parts, memory);
  };
  read_all();
  auto kept = [](const std::vector<std::int64_t>& versions) { return !versions.empty(); };
  REQUIRE(std::all_of(memory.overview.states.versions.begin(),
                      memory.overview.states.versions.end(), kept));
  REQUIRE(kept(memory.overview[db::TileGroup::accounts].versions));
  REQUIRE(kept(memory.deadlines.names.versions));
  REQUIRE(memory.access.figures);

  SECTION("a document heard of: the overdue documents only") {
    std::vector<std::string> heard = {"documents"};
    for (db::FigurePart part : db::all_figure_parts) db::forget_kept(memory, part, false, heard);
    CHECK_FALSE(kept(memory.overview.states.versions[0]));
    CHECK(kept(memory.overview.states.versions[1]));
    CHECK(kept(memory.overview.states.versions[3]));
    CHECK(kept(memory.overview[db::TileGroup::accounts].versions));
    CHECK_FALSE(kept(memory.overview[db::TileGroup::documents].versions));
    CHECK(kept(memory.overview[db::TileGroup::activities].versions));
    CHECK(kept(memory.deadlines.names.versions));
    CHECK(memory.access.figures);
  }
  SECTION("a person heard of: what names or counts people") {
    std::vector<std::string> heard = {"audit_log", "people"};
    for (db::FigurePart part : db::all_figure_parts) db::forget_kept(memory, part, false, heard);
    CHECK(kept(memory.overview.states.versions[0]));
    CHECK_FALSE(kept(memory.overview.states.versions[3]));
    CHECK_FALSE(kept(memory.overview[db::TileGroup::accounts].versions));
    CHECK_FALSE(kept(memory.deadlines.names.versions));
    CHECK_FALSE(memory.access.figures);
  }
  SECTION("the window's own save: all of the part") {
    db::forget_kept(memory, db::FigurePart::overview, true, {});
    CHECK_FALSE(kept(memory.overview.states.versions[1]));
    CHECK_FALSE(kept(memory.overview[db::TileGroup::accounts].versions));
    CHECK(kept(memory.deadlines.names.versions));
    db::forget_kept(memory, db::FigurePart::access, true, {});
    CHECK_FALSE(memory.access.figures);
  }
  // The month-keyed answers and incidents are read from the database itself: never forgotten.
  CHECK_FALSE(memory.deadlines.answers.versions.empty());
}
