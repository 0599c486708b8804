#pragma once
// `raekoda backup --db FILE --out FILE`: a consistent copy of the city's file made while
// colleagues work, opened and checked whole before it is put in place; and `raekoda verify --db
// FILE`: the same check of a file, which changes nothing. A restore test in one step. Both also
// walk the audit log's hash chain; verify does that alone on a server.

#include <ostream>
#include <string>

namespace raekoda::app {

struct BackupCommand {
  std::string db_path;
  std::string out;  // for backup; empty for verify
};

// Return the exit code: 0 when the copy is in place and whole, with one line on `out` (verify:
// the file is whole, and a second line with the audit chain's row count and head; on a server
// that line alone); 1 with one line on `err` saying why (the earlier backup at the path, if
// any, is left as it was).
int run_backup_command(const BackupCommand& command, std::ostream& out, std::ostream& err);
int run_verify_command(const BackupCommand& command, std::ostream& out, std::ostream& err);

}  // namespace raekoda::app
