// Fuzz target: the XML reader (libxml2 with DTDs refused, then schema validation) on arbitrary
// bytes. A document it accepts must survive being written and read again.
#include "briefkit/error.hpp"
#include "formats/xml/xml_reader.hpp"
#include "formats/xml/xml_writer.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace briefkit;
    static const auto xml = formats::make_xml_writer();
    Document doc;
    try {
        doc = formats::read_xml(fuzz::as_text(data, size), "fuzz.xml", {});
    } catch (const InputError&) {
        return 0;
    }
    fuzz::require_round_trip(doc, *xml, &formats::read_xml, "XML");
    return 0;
}
