#include "db/people_queries.h"

#include "db/database.h"
#include "db/record_store.h"

namespace raekoda::db {

std::optional<std::string> email_of(Database& db, Id person) {
  Statement select = db.prepare("SELECT trim(email) FROM people WHERE id = ?");
  select.bind(1, person);
  if (!select.step() || select.is_null(0)) return std::nullopt;
  std::string address = select.text(0);
  if (address.empty()) return std::nullopt;
  return address;
}

namespace {

void add_permissions_of(Database& db, Role role, Viewer& viewer) {
  Statement select = db.prepare("SELECT permission FROM role_permissions WHERE role = ?");
  select.bind(1, key_of(role));
  while (select.step())
    if (auto permission = enum_from_key<Permission>(select.text(0)))
      viewer.permissions.insert(*permission);
}

}  // namespace

Viewer find_viewer(Database& db, const std::string& login, Date today) {
  Viewer viewer;
  viewer.login = login;
  Statement person = db.prepare(
      "SELECT id, full_name FROM people WHERE login = ? AND (left_on IS NULL OR left_on > ?)");
  person.bind_all(login, today);
  if (person.step()) {
    viewer.person = person.integer(0);
    viewer.name = person.text(1);
    Statement roles = db.prepare("SELECT role FROM person_roles WHERE person_id = ? ORDER BY role");
    roles.bind(1, *viewer.person);
    while (roles.step())
      if (auto role = enum_from_key<Role>(roles.text(0))) viewer.roles.push_back(*role);
  }
  if (viewer.roles.empty()) viewer.roles.push_back(Role::viewer);
  for (Role role : viewer.roles) add_permissions_of(db, role, viewer);
  return viewer;
}

bool logins_set_up(Database& db) {
  return db.query_integer("SELECT count(*) FROM people WHERE login IS NOT NULL", 0) > 0;
}

std::string session_login(Database& db) {
  if (db.backend() == Backend::postgresql) {
    Statement select = db.prepare("SELECT current_user");
    if (select.step()) return select.text(0);
  }
  return current_author().user;
}

}  // namespace raekoda::db
