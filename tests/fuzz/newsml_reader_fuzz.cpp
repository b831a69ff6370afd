// Fuzz target: the NewsML-G2 reader on arbitrary bytes (XML and JSON parsed under Briefkit's limits).
// Every article it accepts must be one every writer can carry: written as article XML, it
// reads back the same.
#include "formats/newsml/newsml_reader.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace briefkit;
    return fuzz::check_articles(data, size, &formats::read_newsml_g2, "fuzz");
}
