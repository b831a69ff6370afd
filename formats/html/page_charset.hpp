// A saved web page's bytes to UTF-8: the byte-order mark, then the charset the page declares
// (`<meta charset>`, `<meta http-equiv="Content-Type">`), then what the bytes are. A page that
// declares one charset and is written in another is read as what its bytes are, with a note.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "briefkit/model.hpp"

namespace briefkit::formats::html {

/// The charset a page declares in a `<meta>` of its first 16 KB, lower-cased; empty for none.
[[nodiscard]] std::string declared_charset(std::string_view bytes);

/// `bytes` decoded to valid UTF-8 without a byte-order mark. Every choice a user may want to check
/// goes into `notes`: a charset that does not match the bytes (`charset-mislabelled`), one
/// guessed where none was declared (`charset-guessed`), bytes that are not text in any charset
/// (`invalid-bytes-replaced`). Throws InputError naming `name` for a charset iconv does not know
/// that the bytes need.
[[nodiscard]] std::string page_to_utf8(std::string_view bytes, std::string_view name, std::vector<Note>& notes);

}  // namespace briefkit::formats::html
