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

// A file whose free pages are damaged and whose tables are whole: the rows of `table` deleted,
// which frees their pages, then the first free page's first entry pointed far past the file's
// end. Only a check of the whole file sees it; the next save that reuses a free page would not.
inline void damage_free_pages(const std::filesystem::path& file, const std::string& table) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, ("DELETE FROM " + table).c_str(), nullptr, nullptr, nullptr) ==
          SQLITE_OK);
  sqlite3_close(db);
  std::fstream bytes(file, std::ios::in | std::ios::out | std::ios::binary);
  auto big_endian = [&](std::streamoff at) {
    unsigned char four[4] = {};
    bytes.seekg(at);
    bytes.read(reinterpret_cast<char*>(four), 4);
    return (std::streamoff{four[0]} << 24) | (four[1] << 16) | (four[2] << 8) | four[3];
  };
  const std::streamoff page_size = big_endian(16) >> 16;  // two bytes at 16
  const std::streamoff first_trunk = big_endian(32);
  REQUIRE(first_trunk > 0);
  REQUIRE(big_endian((first_trunk - 1) * page_size + 4) > 0);  // the trunk lists free pages
  bytes.seekp((first_trunk - 1) * page_size + 8);
  bytes.write("\x7f\xff\xff\xff", 4);
  REQUIRE(bytes.good());
}

}  // namespace raekoda::testing
