// The manual page and the bash and zsh completions, written from the command line's own table.
//
// cli.cpp describes its parser (every subcommand and option, with the text --help prints) as a
// ProgramDoc; these functions turn that one description into briefkit(1) and the completion
// scripts, so that --help, the man page and completion never disagree.
#pragma once

#include <string>
#include <vector>

namespace briefkit::cli {

/// One option or positional argument of a subcommand, as --help describes it.
struct OptionDoc {
    std::vector<std::string> names;    ///< `-t`, `--to`; empty for a positional argument.
    std::string value;                 ///< What it takes (`FORMATS`, `FILE`); empty for a flag.
    std::string description;           ///< The --help text.
    std::vector<std::string> choices;  ///< The only values it accepts; empty when any.
    bool required = false;             ///< True when the command needs it.
    bool repeats = false;              ///< True when it takes several values.
};

/// One subcommand.
struct CommandDoc {
    std::string name;                ///< Such as `convert`.
    std::string description;         ///< The one line --help gives it.
    std::vector<OptionDoc> options;  ///< Its options, then its positional arguments.
};

/// The whole command line.
struct ProgramDoc {
    std::string name;                  ///< `briefkit`.
    std::string description;           ///< What the program does, in a few words, for the man page's NAME.
    std::string datadir;               ///< Where the installed package keeps its schemas and styles.
    std::string version;               ///< Such as `0.1.0`.
    std::vector<CommandDoc> commands;  ///< Every subcommand, in --help's order.
};

/// briefkit(1) in roff (man(7) macros): every command and option, the formats, styles, exit
/// codes, environment, files and examples.
[[nodiscard]] std::string man_page(const ProgramDoc& program);

/// A bash completion script: subcommands, options, formats, styles, and input files by the
/// extensions Briefkit reads.
[[nodiscard]] std::string bash_completion(const ProgramDoc& program);

/// A zsh completion script (`#compdef briefkit`), completing what bash_completion() does, with
/// each option's description.
[[nodiscard]] std::string zsh_completion(const ProgramDoc& program);

}  // namespace briefkit::cli
