#pragma once
// What the application asks about a person beyond the name in the reference labels.

#include <optional>
#include <string>

#include "core/record_spec.h"
#include "core/roles.h"

namespace raekoda::db {

class Database;

// The person's e-mail address; nullopt when none is kept (or it is blank) or the person is gone.
std::optional<std::string> email_of(Database& db, Id person);

// The person whose login `login` is, with their roles and what those allow (role_permissions);
// a viewer with no person and only the viewer's permissions when no one has that login. A
// person who has left by `today` is not found.
Viewer find_viewer(Database& db, const std::string& login, Date today);

// True once someone in the database has a login. Until then the city has not said who is who,
// and everyone at the keyboard may do everything, as before roles existed.
bool logins_set_up(Database& db);

// Who this session is by default: the database user on a server, the operating-system user on
// a file.
std::string session_login(Database& db);

}  // namespace raekoda::db
