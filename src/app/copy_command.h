#pragma once
// `raekoda copy --from SOURCE --to TARGET`: a city's database moved from its file to a server, or
// made a file again for offline work or an archive. SOURCE and TARGET are each a file or a
// PostgreSQL connection string; a missing target file is created, a server's database must exist.

#include <ostream>
#include <string>

namespace raekoda::app {

struct CopyCommand {
  std::string from;
  std::string to;
};

// Returns the exit code: 0 when copied (one summary line on `out`), 1 when refused or failed (one
// line on `err` says why; a target file this run created is removed again).
int run_copy_command(const CopyCommand& command, std::ostream& out, std::ostream& err);

}  // namespace raekoda::app
