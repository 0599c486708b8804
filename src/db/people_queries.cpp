#include "db/people_queries.h"

#include "db/database.h"

namespace raekoda::db {

std::optional<std::string> email_of(Database& db, Id person) {
  Statement select = db.prepare("SELECT trim(email) FROM people WHERE id = ?");
  select.bind(1, person);
  if (!select.step() || select.is_null(0)) return std::nullopt;
  std::string address = select.text(0);
  if (address.empty()) return std::nullopt;
  return address;
}

}  // namespace raekoda::db
