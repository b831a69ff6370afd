// The `briefkit` command line.
#pragma once

namespace briefkit::cli {

/// Runs `briefkit` with the process's arguments and returns its exit code (see ExitCode).
int run(int argc, char** argv);

}  // namespace briefkit::cli
