#pragma once
// Raekoda's roles as the server's own: one group role per duty, granted on this database what
// the duty writes; every role reads everything, and the audit log takes rows but never loses or
// changes one, except by its owner. A person's login is made a member of a role by the city's
// database administrator (GRANT raekoda_city_secretary TO mari). Personal data is read only by
// the roles that handle it (personal_columns()); the others read NULL in its place
// (record_columns). Employees' names in access reviews are not withheld yet: the figures name
// responders and owners everywhere, and hiding them needs the masking of the program's own roles.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace raekoda::db {

class Database;

struct ServerRole {
  std::string_view key;                  // "city_secretary": the catalog's role.city_secretary
  std::string_view name;                 // "raekoda_city_secretary": the server's role
  std::vector<std::string_view> writes;  // the tables the role adds to, changes and deletes from
};

// Council chair, city secretary, information specialist, communications, IT lead, viewer.
const std::vector<ServerRole>& server_roles();

// A column of personal data and the roles that may read it.
struct PersonalColumn {
  std::string_view table;
  std::string_view column;
  std::vector<std::string_view> readers;  // ServerRole keys
};
// Requesters' and senders' names: the city secretary and the information specialist.
const std::vector<PersonalColumn>& personal_columns();

// The SQL that creates the roles the server lacks (when the user may create roles) and grants
// each its tables on this database; run by the schema's owner when the schema is made.
std::string server_roles_sql();

// The role the connected user acts in: "owner" for the schema's owner, a ServerRole's key for a
// member of one (the first in server_roles() order), nullopt for anyone else and on a file.
std::optional<std::string> server_role_of(Database& db);

}  // namespace raekoda::db
