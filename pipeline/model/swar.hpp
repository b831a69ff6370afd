// Tests on eight bytes at once, loaded into a 64-bit word: the escapers pass over plain text a
// word at a time with them, and look at single bytes only where a word holds one to escape.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace briefkit::swar {

/// 0x01 in every byte.
inline constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
/// 0x80 in every byte.
inline constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

/// The eight bytes from `p` as a word.
inline std::uint64_t load(const char* p) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, sizeof word);
    return word;
}

/// True when a byte of `word` is zero.
constexpr bool has_zero(std::uint64_t word) { return ((word - kOnes) & ~word & kHighBits) != 0; }

/// True when a byte of `word` is `byte`.
constexpr bool has_byte(std::uint64_t word, unsigned char byte) { return has_zero(word ^ (kOnes * byte)); }

/// True when a byte of `word` is below `limit`, which is at most 128.
constexpr bool has_below(std::uint64_t word, unsigned char limit) {
    return ((word - kOnes * limit) & ~word & kHighBits) != 0;
}

/// True when a byte of `word` is 0x80 or above (not ASCII).
constexpr bool has_high(std::uint64_t word) { return (word & kHighBits) != 0; }

/// Where in `s` a byte-at-a-time search for what `stop` looks for must start: the first
/// eight-byte word for which `stop(word)` holds, else the tail shorter than a word.
template <typename Stop>
std::size_t skip_words(std::string_view s, Stop stop) {
    std::size_t i = 0;
    while (i + 8 <= s.size() && !stop(load(s.data() + i))) i += 8;
    return i;
}

}  // namespace briefkit::swar
