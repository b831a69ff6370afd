// Code page tables for legacy single-byte text.
#pragma once

#include "briefkit/read_options.hpp"

namespace briefkit::formats::text {

/// The code point of byte `byte` in single-byte `encoding` (Windows-1252, Windows-1251 or
/// Latin-1): the byte itself below 0x80 and in Latin-1, U+FFFD where the code page leaves it undefined.
[[nodiscard]] char32_t code_point(unsigned char byte, Encoding encoding);

}  // namespace briefkit::formats::text
