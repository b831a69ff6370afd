// Fuzz target: the article JSON reader on arbitrary bytes. A document it accepts must survive
// being written and read again, exactly. (Like YAML, and unlike the feed readers, JSON keeps a
// paragraph's text runs as given, empty or side by side, which XML writes as one run; so the
// XML round trip is not asked of it.)
#include "fuzz_support.hpp"
#include "formats/json/json_reader.hpp"
#include "formats/json/json_writer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace briefkit;
    static const auto json = formats::make_json_writer({});
    Document doc;
    try {
        doc = formats::read_json(fuzz::as_text(data, size), "fuzz.json", {});
    } catch (const InputError&) {  // LimitError too
        return 0;
    }
    fuzz::require_round_trip(doc, *json, &formats::read_json, "JSON");
    return 0;
}
