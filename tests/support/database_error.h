#pragma once
// The DatabaseError a piece of work throws, for tests of what the user is told about it.

#include <catch2/catch.hpp>

#include "db/database.h"

namespace raekoda::testing {

template <class Work>
db::DatabaseError error_of(Work work) {
  try {
    work();
  } catch (const db::DatabaseError& error) {
    return error;
  }
  FAIL("no database error");
  return db::DatabaseError(db::ErrorKind::other, "");
}

}  // namespace raekoda::testing
