// NITF's tree read into the model, for the NITF reader and for NITF carried inside NewsML.
#pragma once

#include "formats/markup/xml_tree.hpp"

#include "briefkit/model.hpp"

namespace briefkit::formats::markup {

/// The article a parsed `nitf` element holds: the headline is `hl1` (else the head's `title`),
/// the date `date.issue` (else `date.release`, the dateline's `story.date`), the agency the
/// `distributor` (else the publication's name, the copyright holder, the doc-id's source), the
/// place the dateline's location, the authors the bylines, the language `baselang` or
/// `xml:lang`, and the body every `body.content` with `body.end`'s taglines. Notes say what was
/// left out. The document's id is not set.
[[nodiscard]] Document read_nitf_tree(const XmlNode* nitf);

}  // namespace briefkit::formats::markup
