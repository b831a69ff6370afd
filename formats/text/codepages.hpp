// Code page tables for legacy single-byte text.
#pragma once

#include <array>

namespace briefkit::formats::text {

/// Code points of bytes 0x80 to 0xFF in Windows-1252 (0xFFFD where undefined).
extern const std::array<char32_t, 128> kWindows1252High;

/// Code points of bytes 0x80 to 0xFF in Windows-1251 (0xFFFD where undefined).
extern const std::array<char32_t, 128> kWindows1251High;

}  // namespace briefkit::formats::text
