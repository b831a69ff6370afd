// The XML writer: `urn:briefkit:article:1` documents, valid against formats/xml/article.xsd.
//
// Written by hand in UTF-8 (escaped as libxml2 escapes), indented with two spaces, deterministic.
// Characters that XML 1.0 cannot carry never reach the output (they become U+FFFD).
#pragma once

#include <memory>

#include "pipeline/model/writer.hpp"

namespace briefkit::formats {

/// A new XML writer.
[[nodiscard]] std::unique_ptr<Writer> make_xml_writer(const WriterOptions& options = {});

}  // namespace briefkit::formats
