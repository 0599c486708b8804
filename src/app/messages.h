#pragma once
// Errors as one sentence in the user's language.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "db/database.h"

namespace raekoda::app {

// The sentence a database error is said in, in the user's language only; it goes wherever a
// message goes. It carries what SQLite or the server said, for a tooltip, and the kind of
// failure, so that the notice line knows a busy file from other problems.
struct DatabaseMessage : std::string {
  std::string detail;  // SQLite's or the server's English (detail_of), empty for none
  db::ErrorKind kind = db::ErrorKind::other;
};

DatabaseMessage describe(const db::DatabaseError& error);

// What SQLite or the server said, in its English, for a tooltip or a log ("SQLite: disk I/O
// error"); empty where the sentence says it all.
std::string detail_of(const db::DatabaseError& error);

// The sentence with its detail in parentheses, for a command's one line on stderr.
std::string describe_with_detail(const db::DatabaseError& error);

// What stands at `path` when it is no file a database can be in (a folder, a pipe, a device, a
// socket), in a sentence; nothing for a file or no file at all.
std::optional<std::string> not_a_database_file(const std::string& path);

// The same for a command that opened `targets` (paths or servers' URIs): a path that is a pipe,
// a device or a socket is said to be no database file, whatever SQLite made of it.
std::string describe_opening(const db::DatabaseError& error,
                             std::initializer_list<std::string_view> targets);

}  // namespace raekoda::app
