// The HTML reader: a saved web page (a crawl, a browser's "save page", a CommonCrawl extract) to
// the article it presents, without the page around it. The bytes are decoded by the charset the
// page declares or the one its bytes are (page_charset.hpp), parsed by libxml2's HTML parser
// (never fetching anything), the metadata taken from the most trustworthy source the page has
// (page_metadata.hpp) and the body found among the page's boilerplate (article_body.hpp).
#pragma once

#include <string_view>

#include "briefkit/model.hpp"
#include "briefkit/read_options.hpp"

namespace briefkit::formats {

/// Reads the article of one web page; `name` is used in errors. Throws InputError for a page
/// with no article text, LimitError past a limit.
[[nodiscard]] Document read_html(std::string_view bytes, std::string_view name, const ReadOptions& options);

/// True when `bytes` start (past a byte-order mark, white space and comments) with `<!DOCTYPE html` or `<html`.
[[nodiscard]] bool looks_like_html(std::string_view bytes);

}  // namespace briefkit::formats
