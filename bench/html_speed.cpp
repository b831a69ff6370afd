// Speed and memory of the web page reader on one core: every page of a folder read from memory,
// ROUNDS times, through the registry's `html` reader (charset, parse, metadata, extraction),
// reported as pages and megabytes a second; and the process's peak resident memory.
//
//   build/release/bench/briefkit_html_speed PAGES_DIR [ROUNDS] [MAX_INPUT_BYTES]
//
// MAX_INPUT_BYTES raises --max-input-size (and --max-paragraphs with it) for one large page.
// bench/web_extraction.sh runs it over the shared corpus's 990 pages and over one 5 MB page.
#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "briefkit/error.hpp"
#include "pipeline/registry.hpp"
#include "slurp.hpp"

namespace fs = std::filesystem;
using namespace briefkit;
using Clock = std::chrono::steady_clock;
using bench::slurp;

namespace {

/// The process's peak resident memory so far, in MiB.
double peak_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        fmt::print(stderr, "usage: briefkit_html_speed PAGES_DIR [ROUNDS] [MAX_INPUT_BYTES]\n");
        return 2;
    }
    const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    ReadOptions options;
    if (argc > 3) {
        options.max_input_size = std::stoull(argv[3]);
        options.max_paragraphs = options.max_input_size;  // a page this large holds more paragraphs than the default allows
    }
    std::vector<std::pair<std::string, std::string>> pages;
    std::size_t bytes = 0;
    for (const auto& e : fs::directory_iterator(argv[1])) {
        if (e.path().extension() != ".html") continue;
        pages.emplace_back(e.path().string(), slurp(e.path()));
        bytes += pages.back().second.size();
    }
    std::sort(pages.begin(), pages.end());
    const double loaded = peak_mib();
    const ReaderEntry& html = *find_reader("html");
    std::size_t read = 0;
    std::size_t refused = 0;
    double best = 1e300;
    for (int r = 0; r < rounds; ++r) {
        read = refused = 0;
        const auto start = Clock::now();
        for (const auto& [name, text] : pages) {
            try {
                read += html.read(text, name, options).size();
            } catch (const Error&) {
                ++refused;
            }
        }
        best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
    }
    fmt::print("{} pages ({:.1f} MB) read {} times on one core: {} articles, {} refused\n", pages.size(),
               static_cast<double>(bytes) / 1e6, rounds, read, refused);
    fmt::print("fastest round: {:.3f} s = {:.0f} pages/s, {:.1f} MB/s\n", best, static_cast<double>(pages.size()) / best,
               static_cast<double>(bytes) / 1e6 / best);
    fmt::print("peak memory: {:.1f} MiB ({:.1f} MiB with the pages loaded, before reading)\n", peak_mib(), loaded);
    return 0;
}
