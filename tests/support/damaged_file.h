#pragma once
// A file damaged in one table, as a failing disk leaves it: the page type of the table's root
// page overwritten, which every read of the table and SQLite's quick_check notice.

#include <filesystem>
#include <fstream>
#include <string>

#include <sqlite3.h>

#include <catch2/catch.hpp>

namespace raekoda::testing {

inline void damage_table(const std::filesystem::path& file, const std::string& table) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* select = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_schema "
                     "WHERE type = 'table' AND name = ?",
                     -1, &select, nullptr);
  sqlite3_bind_text(select, 1, table.c_str(), -1, SQLITE_TRANSIENT);
  REQUIRE(sqlite3_step(select) == SQLITE_ROW);
  std::streamoff offset = (sqlite3_column_int64(select, 0) - 1) * sqlite3_column_int64(select, 1);
  sqlite3_finalize(select);
  sqlite3_close(db);
  REQUIRE(offset > 0);
  std::fstream bytes(file, std::ios::in | std::ios::out | std::ios::binary);
  bytes.seekp(offset);
  bytes.put('\x01');  // no b-tree page has type 1
  REQUIRE(bytes.good());
}

}  // namespace raekoda::testing
