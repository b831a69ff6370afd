// Which articles of some folders tell the same story, as a digest folds them, and how fast:
// every .txt file read with the text reader, then briefkit::brief's story groups. Prints one
// line per pair of articles in one group (`PAIR a b resemblance containment`), then the time.
//
//   build/release/bench/briefkit_same_story FOLDER...
//
// bench/same_story.sh scores the pairs against labels built from the shared corpus.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "formats/brief/same_story.hpp"
#include "pipeline/registry.hpp"
#include "slurp.hpp"

namespace fs = std::filesystem;
using namespace briefkit;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    if (argc < 2) {
        fmt::print(stderr, "usage: briefkit_same_story FOLDER...\n");
        return 2;
    }
    std::vector<std::string> names;
    std::vector<Document> docs;
    const ReaderEntry& text = *find_reader("text");
    for (int a = 1; a < argc; ++a) {
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(argv[a])) {
            if (e.path().extension() == ".txt") files.push_back(e.path());
        }
        std::sort(files.begin(), files.end());
        for (const fs::path& f : files) {
            for (Document& d : text.read(bench::slurp(f), f.string(), {})) {
                names.push_back(f.parent_path().filename().string() + "/" + f.filename().string());
                docs.push_back(std::move(d));
            }
        }
    }
    const auto start = Clock::now();
    std::vector<brief::Shingles> shingles;
    for (const Document& d : docs) shingles.push_back(brief::shingles_of(d));
    const brief::StoryIndex index(shingles);
    const std::vector<std::vector<std::size_t>> groups = index.groups();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    for (const auto& g : groups) {
        for (std::size_t i = 0; i < g.size(); ++i) {
            for (std::size_t j = i + 1; j < g.size(); ++j) {
                const brief::Overlap o = index.overlap(g[i], g[j]);
                fmt::print("PAIR {} {} {:.3f} {:.3f}\n", names[g[i]], names[g[j]], o.resemblance, o.containment);
            }
        }
    }
    fmt::print("{} articles, {} stories; shingles and groups in {:.3f} s\n", docs.size(), groups.size(), seconds);
    return 0;
}
