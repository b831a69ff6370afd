// Speed of the interchange formats, side by side in one run on one core: each writer's time per
// article against the YAML writer's, over every article of the shared corpus's text folders; and
// each reader's articles per second over the agency deliveries of feeds/ (and over the corpus
// written as article JSON), read from memory. Rounds alternate between the formats so that a
// noisy machine slows each alike.
//
//   build/release/bench/briefkit_formats_speed [CORPUS_DIR] [ROUNDS] [FORMAT]
//
// FORMAT, when given, times that writer and that reader alone (for a profiler); `read` after it
// times only the reader.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/convert.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/registry.hpp"

namespace fs = std::filesystem;
using namespace briefkit;
using Clock = std::chrono::steady_clock;

namespace {

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

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
    const std::vector<Document> docs = corpus_documents(corpus);
    const std::string only = argc > 3 ? argv[3] : "";
    std::vector<std::string> writer_names{"yaml", "json", "nitf", "ninjs", "newsml", "xml"};
    if (!only.empty()) std::erase_if(writer_names, [&](const std::string& n) { return n != only && n != "yaml"; });
    if (argc > 4 && std::string(argv[4]) == "read") writer_names.clear();
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
    std::map<std::string, double> read_seconds;
    std::map<std::string, std::size_t> read_articles;
    for (int r = 0; r < rounds; ++r) {
        for (const auto& [name, files] : by_reader) {
            const ReaderEntry& reader = *find_reader(name);
            const auto start = Clock::now();
            for (const auto& [file, bytes] : files) read_articles[name] += reader.read(bytes, file, {}).size();
            read_seconds[name] += seconds_since(start);
        }
    }
    fmt::print("Readers, in memory, one core ({} rounds):\n", rounds);
    for (const auto& [name, files] : by_reader) {
        fmt::print("  {:<8} {:4} files {:9.0f} articles/s  {:7.1f} us/article\n", name, files.size(),
                   read_articles[name] / read_seconds[name], read_seconds[name] / read_articles[name] * 1e6);
    }
    return 0;
}
