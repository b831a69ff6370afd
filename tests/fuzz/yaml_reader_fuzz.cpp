// Fuzz target: the YAML reader (yaml-cpp, then the article schema's keys and types) on arbitrary
// bytes. A document it accepts must survive being written and read again.
#include "briefkit/error.hpp"
#include "formats/yaml/yaml_reader.hpp"
#include "formats/yaml/yaml_writer.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace briefkit;
    static const auto yaml = formats::make_yaml_writer();
    Document doc;
    try {
        doc = formats::read_yaml(fuzz::as_text(data, size), "fuzz.yaml", {});
    } catch (const InputError&) {
        return 0;
    }
    fuzz::require_round_trip(doc, *yaml, &formats::read_yaml, "YAML");
    return 0;
}
