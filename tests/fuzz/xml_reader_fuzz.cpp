// Fuzz target: the XML reader (libxml2 with DTDs refused, then schema validation) on arbitrary
// bytes. A document it accepts must survive being written and read again.
#include "fuzz_support.hpp"
#include "formats/xml/xml_reader.hpp"
#include "formats/xml/xml_writer.hpp"
#include "pipeline/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace briefkit;
    static const auto xml = formats::make_xml_writer();
    Document doc;
    try {
        doc = formats::read_xml(fuzz::as_text(data, size), "fuzz.xml", {});
    } catch (const InputError&) {
        return 0;
    }
    try {
        fuzz::require(formats::read_xml(write_to_string(*xml, doc), "again.xml", {}) == doc,
                      "writing and reading an accepted XML document changed it");
    } catch (const Error& e) {
        std::fprintf(stderr, "%s\n", describe(e).c_str());
        fuzz::require(false, "the XML writer's output of an accepted document was refused");
    }
    return 0;
}
