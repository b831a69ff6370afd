// The XML Schema of `urn:briefkit:article:1`, built into the program.
#pragma once

#include <string_view>

namespace briefkit::formats {

/// The text of formats/xml/article.xsd, as it was when the program was built.
[[nodiscard]] std::string_view article_xsd();

}  // namespace briefkit::formats
