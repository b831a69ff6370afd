#include "formats/nitf/nitf_reader.hpp"

#include <fmt/format.h>

#include "briefkit/error.hpp"
#include "formats/markup/feed_document.hpp"
#include "formats/markup/nitf_tree.hpp"
#include "formats/markup/xml_tree.hpp"

namespace briefkit::formats {

using markup::XmlNode;

namespace {

constexpr std::string_view kLacks =
    "NITF carries no reader notes, one heading level (hl2), and no date as the article printed it";

}  // namespace

bool looks_like_nitf(std::string_view bytes) { return markup::root_element(bytes).name == "nitf"; }

Document read_nitf(std::string_view bytes, std::string_view name, const ReadOptions& options) {
    std::vector<Note> notes;
    const markup::XmlTree xml = markup::parse_xml(bytes, name, options, markup::Doctype::external_only, "NITF", &notes);
    const XmlNode* root = xml.root();
    if (!markup::is(root, "nitf")) {
        throw InputError(fmt::format("not NITF: the root element is <{}>, not <nitf>", root->name),
                         std::string(name), markup::line(root));
    }
    Document doc = markup::read_nitf_tree(root);
    doc.notes.insert(doc.notes.begin(), notes.begin(), notes.end());
    markup::finish_feed_document(doc, "NITF", kLacks, name, options);
    return doc;
}

}  // namespace briefkit::formats
