#pragma once

namespace raekoda::app {

// The command line: the dashboard and its subcommands. Returns the process exit code: 0 on
// success, 1 when the work failed (one line on stderr says why), 2 for a malformed command line.
int run_cli(int argc, char** argv);

}  // namespace raekoda::app
