#pragma once
// The queries behind the media view. Called when the data, the day or the period changes, never
// from a frame.

#include "core/media_figures.h"

namespace raekoda::db {

class Database;

MediaFigures load_media_figures(Database& db, Date today, const PeriodChoice& choice);

}  // namespace raekoda::db
