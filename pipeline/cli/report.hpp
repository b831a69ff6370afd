// The one place where Briefkit prints errors.
#pragma once

#include <string_view>

#include "pipeline/error.hpp"

namespace briefkit::cli {

/// Prints `briefkit: error: FILE:LINE: message` to standard error.
void report(const Error& error);

/// Prints `briefkit: error: message` to standard error.
void report(std::string_view message);

/// Prints `briefkit: warning: FILE: message` to standard error.
void report_warning(std::string_view file, std::string_view message);

}  // namespace briefkit::cli
