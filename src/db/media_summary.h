#pragma once
// The media items published each day, by tone, in media_by_day (schema version 10), which
// triggers keep in the writer's own transaction: the overview's coverage and the media view's
// trend and tones read a row a day and tone instead of every item of half a year.

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace raekoda::db {

class Database;

// Derived data: a copy of a database leaves it to the target's triggers.
inline constexpr std::string_view media_summary_table = "media_by_day";

// Creates the table and its triggers as `db`'s backend writes them, and counts it: part of the
// migration to schema version 10.
void create_media_summary(Database& db);

// Counts every media item afresh into the table, replacing what it held.
void rebuild_media_summary(Database& db);

struct MediaOnDay {
  Date day;
  std::string tone;
  std::int64_t items = 0;
  bool operator==(const MediaOnDay&) const = default;
};
// The whole table as it stands, in key order.
std::vector<MediaOnDay> read_media_summary(Database& db);

}  // namespace raekoda::db
