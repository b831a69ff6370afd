// Fuzz target: the ANPA-1312 reader on arbitrary bytes (XML and JSON parsed under Briefkit's limits).
// Every article it accepts must be one every writer can carry: written as article XML, it
// reads back the same.
#include "formats/anpa/anpa_reader.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace briefkit;
    return fuzz::check_articles(data, size, [](std::string_view b, std::string_view n, const ReadOptions& o) { return std::vector<Document>{formats::read_anpa(b, n, o)}; }, "fuzz");
}
