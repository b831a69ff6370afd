// Fuzz target: the web page reader on arbitrary bytes (charset detection, libxml2's HTML parser
// under Briefkit's limits, the metadata's JSON-LD, the article's extraction). Every article it
// accepts must be one every writer can carry: written as article XML, it reads back the same.
#include "formats/html/html_reader.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace briefkit;
    return fuzz::check_articles(data, size, [](std::string_view b, std::string_view n, const ReadOptions& o) { return std::vector<Document>{formats::read_html(b, n, o)}; }, "fuzz");
}
