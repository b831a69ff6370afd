// Bytes to UTF-8: byte-order marks, UTF-16, legacy code pages, invalid sequences.
#pragma once

#include <string>
#include <string_view>

#include "briefkit/read_options.hpp"
#include "formats/text/note_log.hpp"

namespace briefkit::formats::text {

/// Text decoded to UTF-8, with the encoding it was read as.
struct Decoded {
    std::string text;   ///< Valid UTF-8; line endings not yet touched.
    Encoding encoding;  ///< The encoding actually used.
};

/// Decodes `bytes` as `encoding` (or detects it), noting every conversion and replacement.
/// Throws InputError naming `name` for binary data.
[[nodiscard]] Decoded decode(std::string_view bytes, Encoding encoding, std::string_view name, NoteLog& notes);

}  // namespace briefkit::formats::text
