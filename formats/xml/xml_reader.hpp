// The XML reader: `urn:briefkit:article:1` documents, as the XML writer writes them or as a
// person edited them, back into the model.
//
// The document is parsed without network access, without a document type declaration (one is
// refused before its internal subset is read, so no external entity is fetched and no entity
// bomb expands) and within libxml2's default size limits. It is then validated against the
// schema built into the program, formats/xml/article.xsd, and only then read. Every error
// names the file, the line and what was expected there.
#pragma once

#include <string_view>

#include "briefkit/model.hpp"
#include "briefkit/read_options.hpp"

namespace briefkit::formats {

/// Reads one article XML document; `name` is used in errors. Throws InputError.
[[nodiscard]] Document read_xml(std::string_view bytes, std::string_view name, const ReadOptions& options);

/// True when `bytes` look like article XML: a root element `article` in the article namespace.
[[nodiscard]] bool looks_like_xml(std::string_view bytes);

}  // namespace briefkit::formats
