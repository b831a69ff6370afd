#include "pipeline/cli/report.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cstdio>

namespace briefkit::cli {

void report(const Error& error) { report(describe(error)); }

void report(std::string_view message) {
    fmt::print(stderr, "briefkit: error: {}\n", message);
    std::fflush(stderr);
}

Progress::Progress(bool quiet)
    : live_(!quiet && ::isatty(STDERR_FILENO) != 0), start_(std::chrono::steady_clock::now()), last_() {}

void Progress::clear() {
    if (shown_) {
        fmt::print(stderr, "\r\033[K");
        shown_ = false;
    }
}

void Progress::update(const BatchResult& so_far) {
    if (!live_) return;
    const auto now = std::chrono::steady_clock::now();
    const std::size_t done = so_far.converted + so_far.skipped + so_far.failed;
    if (now - last_ < std::chrono::milliseconds(100) && done != so_far.total) return;
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
    const double eta = rate > 0 ? static_cast<double>(so_far.total - done) / rate : 0;
    fmt::print(stderr, "\r\033[Kbriefkit: {}/{} inputs, {:.0f}/s, ETA {:.0f} s, {} failed", done, so_far.total, rate,
               eta, so_far.failed);
    std::fflush(stderr);
    shown_ = true;
}

void Progress::error(const Error& e) {
    clear();
    report(e);
}

void Progress::warning(const std::string& file, const std::string& message) {
    clear();
    report_warning(file, message);
}

void Progress::summary(const BatchResult& r) {
    clear();
    fmt::print(stderr, "briefkit: {} converted, {} skipped, {} failed in {:.2f} s{}\n", r.converted, r.skipped, r.failed,
               r.seconds, r.interrupted ? fmt::format(" (interrupted; {} not started)",
                                                      r.total - r.converted - r.skipped - r.failed)
                                        : std::string());
    std::fflush(stderr);
}

void report_warning(std::string_view file, std::string_view message) {
    // Formatted as errors are, so that a file name with a line break stays on one line.
    fmt::print(stderr, "briefkit: warning: {}\n", describe(Error(std::string(message), std::string(file))));
    std::fflush(stderr);
}

}  // namespace briefkit::cli
