// Speed of the interchange formats, side by side in one run on one core: each writer's time per
// article against the YAML writer's, over every article of the shared corpus's text folders; and
// each reader's articles per second over the agency deliveries of feeds/ (and over the corpus
// written as article JSON), read from memory. Rounds alternate between the formats so that a
// noisy machine slows each alike.
//
//   build/release/bench/briefkit_formats_speed [CORPUS_DIR] [ROUNDS] [FORMAT]
//
// FORMAT, when given (and not `all`), times that writer and that reader alone (for a profiler);
// `read` after it times only the readers.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "briefkit/error.hpp"
#include "pipeline/convert.hpp"
#include "pipeline/registry.hpp"
#include "slurp.hpp"

namespace fs = std::filesystem;
using namespace briefkit;
using Clock = std::chrono::steady_clock;
using bench::slurp;

namespace {

std::vector<Document> corpus_documents(const fs::path& corpus) {
    std::vector<Document> docs;
    for (const char* folder : {"seed", "seedstyle", "reuters"}) {
        for (const auto& e : fs::directory_iterator(corpus / folder)) {
            if (e.path().extension() != ".txt") continue;
            docs.push_back(read_document(Input{e.path(), e.path().string(), e.path().stem(), false, {}, {}}, {}));
        }
    }
    return docs;
}

/// The files of feeds/ each reader takes, in memory: reader name -> (file name, bytes).
std::map<std::string, std::vector<std::pair<std::string, std::string>>> feed_files(const fs::path& corpus) {
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> by_reader;
    for (const auto& e : fs::recursive_directory_iterator(corpus / "feeds")) {
        if (!e.is_regular_file()) continue;
        std::string bytes = slurp(e.path());
        const ReaderEntry& reader = choose_reader(e.path().string(), bytes, {});
        try {
            (void)reader.read(bytes, e.path().string(), {});
        } catch (const Error&) {
            continue;  // files that hold no text item are not timed
        }
        by_reader[std::string(reader.name)].emplace_back(e.path().string(), std::move(bytes));
    }
    return by_reader;
}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

}  // namespace

int main(int argc, char** argv) {
    const fs::path corpus = argc > 1 ? fs::path(argv[1]) : fs::path("../shared/corpus");
    const int rounds = argc > 2 ? std::stoi(argv[2]) : 5;
    const std::string only = argc > 3 && std::string(argv[3]) != "all" ? argv[3] : "";
    const bool read_only = argc > 4 && std::string(argv[4]) == "read";
    // The corpus is read only when something needs it, so that a profile of one reader shows it alone.
    const std::vector<Document> docs =
        read_only && !only.empty() && only != "json" ? std::vector<Document>{} : corpus_documents(corpus);
    std::vector<std::string> writer_names{"yaml", "json", "nitf", "ninjs", "newsml", "xml"};
    if (!only.empty()) std::erase_if(writer_names, [&](const std::string& n) { return n != only && n != "yaml"; });
    if (read_only) writer_names.clear();
    std::map<std::string, double> write_seconds;
    std::map<std::string, std::string> json_of_corpus;  // for the JSON reader's timing
    for (int r = 0; r < rounds; ++r) {
        for (const std::string& name : writer_names) {
            const auto writer = find_writer(name)->make({});
            std::size_t bytes = 0;
            const auto start = Clock::now();
            for (const Document& doc : docs) bytes += write_to_string(*writer, doc).size();
            write_seconds[name] += seconds_since(start);
            if (bytes == 0) return 1;
        }
    }
    if (!writer_names.empty()) fmt::print("Writers, {} articles x {} rounds, one core:\n", docs.size(), rounds);
    const double yaml = write_seconds["yaml"] / (docs.size() * static_cast<double>(rounds));
    for (const std::string& name : writer_names) {
        const double each = write_seconds[name] / (docs.size() * static_cast<double>(rounds));
        fmt::print("  {:<7} {:8.2f} us/article  {:5.2f}x the YAML writer's time\n", name, each * 1e6, each / yaml);
    }

    auto by_reader = feed_files(corpus);
    const auto json_writer = find_writer("json")->make({});
    for (const Document& doc : docs) by_reader["json"].emplace_back("corpus.json", write_to_string(*json_writer, doc));
    if (!only.empty()) std::erase_if(by_reader, [&](const auto& entry) { return entry.first != only; });
    // Each round's time is kept: the median round is the figure, steadier on a shared machine
    // than the sum, and the fastest round shows what a quiet minute gives.
    std::map<std::string, std::vector<double>> round_seconds;
    std::map<std::string, std::size_t> articles_per_round;
    for (int r = 0; r < rounds; ++r) {
        for (const auto& [name, files] : by_reader) {
            const ReaderEntry& reader = *find_reader(name);
            std::size_t articles = 0;
            const auto start = Clock::now();
            for (const auto& [file, bytes] : files) articles += reader.read(bytes, file, {}).size();
            round_seconds[name].push_back(seconds_since(start));
            articles_per_round[name] = articles;
        }
    }
    fmt::print("Readers, in memory, one core ({} rounds; articles/s in the median round and the fastest):\n", rounds);
    for (auto& [name, seconds] : round_seconds) {
        std::sort(seconds.begin(), seconds.end());
        const double median = seconds[seconds.size() / 2];
        const auto n = static_cast<double>(articles_per_round[name]);
        fmt::print("  {:<8} {:4} files {:9.0f} articles/s  {:7.1f} us/article  (fastest round {:.0f}/s)\n", name,
                   by_reader[name].size(), n / median, median / n * 1e6, n / seconds.front());
    }
    return 0;
}
