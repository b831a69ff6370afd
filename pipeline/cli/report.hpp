// The one place where Briefkit prints errors.
#pragma once

#include <string_view>

#include <chrono>
#include <string>

#include "briefkit/error.hpp"
#include "pipeline/batch.hpp"

namespace briefkit::cli {

/// Prints `briefkit: error: FILE:LINE: message` to standard error.
void report(const Error& error);

/// Prints `briefkit: error: message` to standard error.
void report(std::string_view message);

/// Prints `briefkit: warning: FILE: message` to standard error.
void report_warning(std::string_view file, std::string_view message);

/// A live progress line on standard error while a batch runs (only on a terminal and when
/// not quiet), which errors and warnings print above without garbling; then a summary line.
class Progress {
public:
    /// A progress line when standard error is a terminal and `quiet` is false.
    explicit Progress(bool quiet);

    /// Redraws the line for `so_far` (at most ten times a second).
    void update(const BatchResult& so_far);

    /// Prints an error above the line.
    void error(const Error& error);

    /// Prints a warning above the line.
    void warning(const std::string& file, const std::string& message);

    /// Clears the line and prints `briefkit: N converted, N skipped, N failed in S s`.
    void summary(const BatchResult& result);

private:
    void clear();

    bool live_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_;
};

}  // namespace briefkit::cli
