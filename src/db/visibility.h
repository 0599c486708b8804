#pragma once
// What the person at the keyboard may read, decided in the one place every row and figure is
// read through, so that tables, the editor, tooltips, exports and reminders agree on both
// backends:
//   - requesters' and senders' names (documents.sender) show as initials, and a document with
//     restricted access shows "restricted access" for its title and sender, except to those with
//     the personal_data permission and to the document's own responder;
//   - the employees of access reviews show by name only to those with review_people and to the
//     owner of the system the account is in; others see initials.
// A column the server withholds from the user's role (db/server_roles.h) reads as NULL.

#include <string>
#include <string_view>

#include "db/database.h"

namespace raekoda::db {

// The SQL expression that reads `column` of `table` (qualified as `alias.column` when `alias`
// is given) as the viewer may see it; the column itself when nothing is hidden. Searching and
// sorting use it too, so that a hidden name can neither be found nor ordered by.
std::string visible_column(Database& db, std::string_view table, std::string_view column,
                           std::string_view alias = {});

// True when the server withholds `column` of `table` from the user's role (a file withholds
// nothing): it cannot even be read to be compared.
bool withheld_by_server(Database& db, std::string_view table, std::string_view column);

// True when `column` of `table` is hidden from the viewer in some rows or all.
bool masked_column(Database& db, std::string_view table, std::string_view column);

// A person's name in an access review as the viewer may see it: `name_sql` unless hidden, then
// its initials; `owner_sql` is the system owner's person id in the same query.
std::string visible_employee(Database& db, std::string_view name_sql, std::string_view owner_sql);
// An account's user name in the same query, shown to whoever sees its holder's name; to others
// its first letter and "…", since "natalja.bogdanova" would give away whom "N. B." stands for.
std::string visible_username(Database& db, std::string_view username_sql,
                             std::string_view owner_sql);

// A person's name where a row is the person across systems (the people × systems table):
// `name_sql` to those with review_people and to the owner of a system the person
// (`person_sql`, their id in the same query) holds an active account in; initials to others.
std::string visible_account_holder(Database& db, std::string_view name_sql,
                                   std::string_view person_sql);

}  // namespace raekoda::db
