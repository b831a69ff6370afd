// What NewsML-G2's inlineXML/inlineData and NewsML 1.2's DataContent carry, read into a
// document: NITF (its metadata too), XHTML, HTML in a CDATA section, or plain text.
#pragma once

#include "formats/markup/xml_tree.hpp"

#include <string_view>

#include "briefkit/model.hpp"
#include "briefkit/read_options.hpp"

namespace briefkit::formats::newsml {

/// The article `holder` carries, its media type being `content_type` (`application/nitf+xml`,
/// `text/plain`, NewsML 1.2's format name; may be empty): body blocks and notes, and, for
/// NITF, the metadata NITF states. `name` is used in errors (HTML parsed from a CDATA section).
[[nodiscard]] Document read_item_content(const markup::XmlNode* holder, std::string_view content_type, std::string_view name,
                                         const ReadOptions& options);

/// Fills each empty field of `doc`'s metadata from `carried` (what the content itself stated),
/// and appends its body and notes.
void merge_content(Document& doc, Document carried);

/// Takes the dateline text off the start of the first paragraph, where a feed's body repeats
/// what its metadata states apart, with a note (`dateline-moved`).
void remove_repeated_dateline(Document& doc, std::string_view dateline);

}  // namespace briefkit::formats::newsml
