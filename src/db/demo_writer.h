#pragma once
// Writes the demo data set into an empty database, in one transaction.

#include <cstdint>

#include "core/demo_data.h"

namespace raekoda::db {

class Database;

// Returns the number of rows written. Throws DatabaseError (constraint) when the database
// already holds records: demo data never mixes with a city's own.
std::int64_t write_demo_data(Database& db, const DemoOptions& options);

}  // namespace raekoda::db
