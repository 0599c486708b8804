#pragma once
// Who is at the keyboard: the person Raekoda found by the login, the roles the city gave them and
// what those roles allow. A role's permissions are kept in the database (role_permissions), so
// that the IT lead can change them; these are the defaults a new database starts with.
//
// On a shared SQLite file anyone who can read the file can read all of it: roles there decide
// what each person is shown and offered, not what they could read with another program. On a
// PostgreSQL server the server's own roles enforce the same (db/server_roles.h).

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/enums.h"
#include "core/records.h"

namespace raekoda {

// The permission that changing rows of `table` needs; none for a table no one edits by hand.
std::optional<Permission> permission_to_edit(std::string_view table);

// The permission an import of `kind` needs ("documents", "media", "incidents", "accounts",
// "people", "activities"): that of changing its rows.
std::optional<Permission> permission_to_import(std::string_view kind);

// The defaults of a new database: which role may do what.
const std::vector<std::pair<Role, Permission>>& default_role_permissions();

// The person at the keyboard as Raekoda found them.
struct Viewer {
  std::optional<Id> person;  // none: nobody's login matched, and Raekoda shows a viewer's screen
  std::string name;          // the person's full name
  std::string login;         // what they were found by
  std::vector<Role> roles;
  std::set<Permission> permissions;  // of all their roles together

  bool may(Permission permission) const { return permissions.count(permission) != 0; }
  // Review decisions and revocations of an account in a system owned by `system_owner`: the
  // IT lead's for every system, the owner's for their own.
  bool decides_for(std::optional<Id> system_owner) const {
    return may(Permission::decide_reviews) || (person && system_owner == person);
  }
  bool has(Role role) const;
  // The role the top bar names: the first of the person's roles in Role's order.
  Role main_role() const;
  bool operator==(const Viewer&) const = default;
};

// Full rights, for tools that are not a person at the keyboard (the command line's import,
// demo data, copies, tests of the data layer).
Viewer unrestricted_viewer();

// A name a viewer may not read, as they see it: "Liis Kukk" → "L. K.".
std::string initials(std::string_view full_name);

}  // namespace raekoda
