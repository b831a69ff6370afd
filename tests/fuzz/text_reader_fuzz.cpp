// Fuzz target: the plain-text reader on arbitrary bytes. Whatever it accepts must write as XML
// and YAML that Briefkit's own readers take back unchanged, so a reader bug that yields a model
// the writers cannot carry is a finding too.
#include "fuzz_support.hpp"
#include "formats/xml/xml_reader.hpp"
#include "formats/xml/xml_writer.hpp"
#include "formats/yaml/yaml_reader.hpp"
#include "formats/yaml/yaml_writer.hpp"
#include "pipeline/error.hpp"
#include "pipeline/reader/text_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace briefkit;
    static const auto xml = formats::make_xml_writer();
    static const auto yaml = formats::make_yaml_writer();
    Document doc;
    try {
        doc = read_text(fuzz::as_text(data, size), "fuzz.txt", {});
    } catch (const InputError&) {
        return 0;  // refused with an error a user sees: fine
    }
    try {
        fuzz::require(formats::read_xml(write_to_string(*xml, doc), "fuzz.xml", {}) == doc, "XML round trip changed the document");
        fuzz::require(formats::read_yaml(write_to_string(*yaml, doc), "fuzz.yaml", {}) == doc, "YAML round trip changed the document");
    } catch (const Error& e) {
        std::fprintf(stderr, "%s\n", describe(e).c_str());
        fuzz::require(false, "a document the text reader made was refused by the XML or YAML reader");
    }
    return 0;
}
