// Bidirectional text by the Unicode Bidirectional Algorithm (UAX #9, by ICU): the embedding
// level of each character of a paragraph, and the order a line's runs are drawn in.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace briefkit::formats::pdf {

/// The resolved embedding levels of one paragraph: even is left to right, odd right to left.
struct BidiLevels {
    std::uint8_t paragraph = 0;         ///< The paragraph's level: 1 when its first strong character is right to left.
    std::vector<std::uint8_t> of_byte;  ///< Level of the character each byte of the text belongs to; empty when all are 0.

    /// The level of the character at byte `at`.
    [[nodiscard]] std::uint8_t at(std::size_t byte) const { return of_byte.empty() ? 0 : of_byte[byte]; }
};

/// Resolves the levels of UTF-8 `text`, one paragraph whose direction is that of its first
/// strong character (rules P2 and P3). Text with no right-to-left character is all level 0,
/// found without calling ICU.
[[nodiscard]] BidiLevels resolve_levels(std::string_view text);

/// The order in which a line's runs, of `levels` in logical order, are drawn left to right
/// (rule L2: from the highest level down to the lowest odd one, each stretch at that level or
/// above is reversed). Returns the runs' indexes.
[[nodiscard]] std::vector<std::size_t> visual_order(const std::vector<std::uint8_t>& levels);

}  // namespace briefkit::formats::pdf
