// The `briefkit` command line.
#pragma once

namespace briefkit::cli {

/// Runs `briefkit` with the process's arguments and returns its exit code (see ExitCode).
int run(int argc, char** argv);

/// Prints briefkit(1) in roff (argument `man`) or the `bash` or `zsh` completion script, all
/// written from the parser run() uses; returns the exit code. The build runs it (briefkit_docs).
int write_docs(int argc, char** argv);

}  // namespace briefkit::cli
