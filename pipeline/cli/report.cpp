#include "pipeline/cli/report.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace briefkit::cli {

void report(const Error& error) { report(describe(error)); }

void report(std::string_view message) {
    fmt::print(stderr, "briefkit: error: {}\n", message);
    std::fflush(stderr);
}

void report_warning(std::string_view file, std::string_view message) {
    fmt::print(stderr, "briefkit: warning: {}: {}\n", file, message);
    std::fflush(stderr);
}

}  // namespace briefkit::cli
