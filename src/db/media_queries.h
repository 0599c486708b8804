#pragma once
// The queries behind the media view. Called when the data, the day or the period changes, never
// from a frame.

#include "core/media_figures.h"

namespace raekoda::db {

class Database;

MediaFigures load_media_figures(Database& db, Date today, const PeriodChoice& choice);

// Media items per tone in buckets that start on `starts` (ascending, each running until the next
// begins), from the first start until `until`. Read by day in the order of the index that holds
// the day and tone, and summed here: grouping by a week or month column would read every row.
std::array<std::vector<std::int64_t>, Tone_count> items_by_tone(Database& db,
                                                                const std::vector<Date>& starts,
                                                                Date until);

}  // namespace raekoda::db
