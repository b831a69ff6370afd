// Fuzz target: the plain-text reader on arbitrary bytes. Whatever it accepts must write as XML
// and YAML that Briefkit's own readers take back unchanged, so a reader bug that yields a model
// the writers cannot carry is a finding too.
#include "briefkit/error.hpp"
#include "formats/text/text_reader.hpp"
#include "formats/xml/xml_reader.hpp"
#include "formats/xml/xml_writer.hpp"
#include "formats/yaml/yaml_reader.hpp"
#include "formats/yaml/yaml_writer.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace briefkit;
    static const auto xml = formats::make_xml_writer();
    static const auto yaml = formats::make_yaml_writer();
    Document doc;
    try {
        doc = formats::read_text(fuzz::as_text(data, size), "fuzz.txt", {});
    } catch (const InputError&) {
        return 0;  // refused with an error a user sees: fine
    }
    fuzz::require_round_trip(doc, *xml, &formats::read_xml, "XML");
    fuzz::require_round_trip(doc, *yaml, &formats::read_yaml, "YAML");
    return 0;
}
