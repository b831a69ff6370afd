// The NewsML readers: NewsML-G2 (a `newsItem`, alone or in a `newsMessage`) and NewsML 1.2 (a
// `NewsML` document's NewsItem), the text items agencies deliver (AP, dpa, ANSA, STT, Reuters,
// AFP, ANA...). A text item's headline, dates with their zones, provider or info source, creators,
// located place or dateline, language and body are read; the body is NITF, XHTML or plain text
// carried inline. A file whose item is a picture, video, event or package is refused, naming it.
#pragma once

#include <string_view>
#include <vector>

#include "briefkit/model.hpp"
#include "briefkit/read_options.hpp"

namespace briefkit::formats {

/// Reads the text items of a NewsML-G2 document (a newsItem, or each text newsItem of a
/// newsMessage, in order); `name` is used in errors. Throws InputError when it holds none.
[[nodiscard]] std::vector<Document> read_newsml_g2(std::string_view bytes, std::string_view name, const ReadOptions& options);

/// True when `bytes` hold XML whose root is a NewsML-G2 `newsItem`, `newsMessage` or other item.
[[nodiscard]] bool looks_like_newsml_g2(std::string_view bytes);

/// Reads the text items of a NewsML 1.2 document (each NewsItem holding text, in order); `name`
/// is used in errors. Throws InputError when it holds none.
[[nodiscard]] std::vector<Document> read_newsml_1(std::string_view bytes, std::string_view name, const ReadOptions& options);

/// True when `bytes` hold XML whose root element is NewsML 1.x's `NewsML`.
[[nodiscard]] bool looks_like_newsml_1(std::string_view bytes);

}  // namespace briefkit::formats
