// The check every feed-reader fuzz target makes of what it accepts.
#include "fuzz_support.hpp"
#include "formats/xml/xml_reader.hpp"
#include "formats/xml/xml_writer.hpp"

namespace briefkit::fuzz {

void require_carried(const Document& doc) {
    static const auto xml = formats::make_xml_writer({});
    require_round_trip(doc, *xml, &formats::read_xml, "XML");
}

}  // namespace briefkit::fuzz
