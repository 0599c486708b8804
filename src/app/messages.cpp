#include "app/messages.h"

#include "core/i18n.h"

namespace raekoda::app {

std::string describe(const db::DatabaseError& error) {
  const char* key = "error.db.other";
  switch (error.kind()) {
    case db::ErrorKind::missing_file:
      key = "error.db.missing_file";
      break;
    case db::ErrorKind::missing_folder:
      key = "error.db.missing_folder";
      break;
    case db::ErrorKind::not_a_database:
      key = "error.db.not_a_database";
      break;
    case db::ErrorKind::foreign_database:
      key = "error.db.foreign_database";
      break;
    case db::ErrorKind::newer_schema:
      key = "error.db.newer_schema";
      break;
    case db::ErrorKind::read_only:
      key = "error.db.read_only";
      break;
    case db::ErrorKind::busy:
      key = "error.db.busy";
      break;
    case db::ErrorKind::constraint:
      key = "error.db.constraint";
      break;
    case db::ErrorKind::other:
      break;
  }
  return trf(key, error.what());
}

}  // namespace raekoda::app
