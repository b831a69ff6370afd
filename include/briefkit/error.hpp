// The one error hierarchy of Briefkit and its documented exit codes.
//
// Every failure a user can cause is thrown as a briefkit::Error subclass,
// carrying the file (and line, where there is one) it concerns. Errors are
// printed in exactly one place: the command line's error reporter.
#pragma once

#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <string_view>

#include "briefkit/export.hpp"

namespace briefkit {

/// Process exit codes, as documented in `briefkit --help` and the README.
enum class ExitCode : int {
    ok = 0,           ///< Every input converted.
    some_failed = 1,  ///< At least one input failed; every other input was still written.
    usage = 2,        ///< The command line was wrong; nothing was converted.
    interrupted = 130,  ///< SIGINT or SIGTERM: the inputs in flight were finished, the manifest written.
};

/// An exit code and what it tells a user, as `briefkit --help` lists it.
struct ExitCodeMeaning {
    ExitCode code;             ///< The code.
    std::string_view meaning;  ///< One line saying when the program exits with it.
};

/// Every exit code, in the order `briefkit --help` and the README list them.
[[nodiscard]] BRIEFKIT_API std::span<const ExitCodeMeaning> exit_codes();

/// Base of every error Briefkit reports to a user.
class BRIEFKIT_API Error : public std::runtime_error {
public:
    /// An error about `file` (empty when none) at 1-based `line` (0 when none).
    explicit Error(std::string message, std::string file = {}, int line = 0);

    /// The class the manifest and stream results name the error by: `limit`, `input`, `output`,
    /// `usage`, or `error` for any other (error_classes() lists them).
    [[nodiscard]] virtual const char* error_class() const noexcept { return "error"; }

    /// The file the error concerns; empty when it concerns none.
    [[nodiscard]] const std::string& file() const noexcept { return file_; }

    /// The 1-based line the error concerns; 0 when there is none.
    [[nodiscard]] int line() const noexcept { return line_; }

    /// The message alone, without file or line.
    [[nodiscard]] const std::string& message() const noexcept { return message_; }

    /// Names `file` as the one the error concerns, unless it names one already (a writer's error
    /// learns its input's name from the code that called the writer).
    void name_file_if_unnamed(const std::string& file) {
        if (file_.empty()) file_ = file;
    }

private:
    std::string message_;
    std::string file_;
    int line_;
};

/// An input that cannot be read as an article: empty, binary, too large, unreadable.
class BRIEFKIT_API InputError : public Error {
public:
    using Error::Error;

    /// `input`.
    [[nodiscard]] const char* error_class() const noexcept override { return "input"; }
};

/// An input over one of the per-document limits (size, line length, paragraphs, nesting depth,
/// time); the message names the option that raises the limit.
class BRIEFKIT_API LimitError : public InputError {
public:
    using InputError::InputError;

    /// `limit`.
    [[nodiscard]] const char* error_class() const noexcept override { return "limit"; }
};

/// An output that cannot be written: unwritable folder, full disk, path collision.
class BRIEFKIT_API OutputError : public Error {
public:
    using Error::Error;

    /// `output`.
    [[nodiscard]] const char* error_class() const noexcept override { return "output"; }
};

/// A wrong command line: unknown option or format, missing input. Exits with ExitCode::usage.
class BRIEFKIT_API UsageError : public Error {
public:
    using Error::Error;

    /// `usage`.
    [[nodiscard]] const char* error_class() const noexcept override { return "usage"; }
};

/// The error an input fails with when converting it ran out of memory (std::bad_alloc): it
/// fails alone, as an input over a limit, and the batch goes on.
[[nodiscard]] BRIEFKIT_API LimitError out_of_memory(const std::string& file);

/// Every error class a manifest or stream result can name, each with what it means.
[[nodiscard]] BRIEFKIT_API std::span<const std::pair<std::string_view, std::string_view>> error_classes();

/// The one-line form every error is printed in: `FILE:LINE: message`, `FILE: message` or `message`.
/// A file name holding control characters is quoted with them escaped, and a message longer than
/// a few hundred characters is cut, so that one error is always one readable line.
[[nodiscard]] BRIEFKIT_API std::string describe(const Error& error);

}  // namespace briefkit
