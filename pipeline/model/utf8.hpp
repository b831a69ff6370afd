// Small UTF-8 helpers shared by the reader and the writers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace briefkit::utf8 {

/// Appends the UTF-8 encoding of code point `cp` (U+FFFD for a surrogate or an out-of-range value).
void append(std::string& out, char32_t cp);

/// Decodes the code point at `pos` in valid UTF-8 `s` and advances `pos` past it.
/// Returns U+FFFD and advances one byte on malformed input, so it never loops forever.
char32_t next(std::string_view s, std::size_t& pos);

/// The length of the valid UTF-8 sequence at `pos` of `s` (1 to 4), or 0 when the bytes there are
/// not one: a stray continuation byte, an overlong form, a surrogate, a value past U+10FFFF or a cut sequence.
[[nodiscard]] std::size_t sequence_length(std::string_view s, std::size_t pos) noexcept;

/// `s` as UTF-16 (for ICU), and in `byte_of_unit` the byte of `s` each code unit's character
/// starts at.
[[nodiscard]] std::u16string to_utf16(std::string_view s, std::vector<std::size_t>& byte_of_unit);

/// True when `test` holds for a character of valid UTF-8 `s` whose first byte is `lead` or
/// above; characters below (all of ASCII, and more as `lead` rises) are passed over undecoded.
template <typename Test>
[[nodiscard]] bool any_from_lead(std::string_view s, unsigned char lead, Test test) {
    for (std::size_t pos = 0; pos < s.size();) {
        if (static_cast<unsigned char>(s[pos]) < lead) {
            ++pos;
            continue;
        }
        if (test(next(s, pos))) return true;
    }
    return false;
}

/// True when every byte of `s` is ASCII.
[[nodiscard]] bool is_ascii(std::string_view s) noexcept;

/// How many bytes from the start of `s` are valid UTF-8: the offset of the first byte that is
/// not, or `s.size()`.
[[nodiscard]] std::size_t valid_prefix(std::string_view s) noexcept;

/// True when `s` is valid UTF-8 throughout (every sequence_length() is non-zero).
[[nodiscard]] inline bool is_valid(std::string_view s) noexcept { return valid_prefix(s) == s.size(); }

/// Where the run of bytes from `from` ends that a double-quoted JSON or YAML string carries as
/// they are: printable ASCII up to `last` (`~` where DEL is escaped, as YAML does; DEL where
/// it is not, as in JSON), other than `"` and `\`.
[[nodiscard]] constexpr std::size_t quoted_plain_run(std::string_view s, std::size_t from, char last) noexcept {
    while (from < s.size() && s[from] >= 0x20 && s[from] <= last && s[from] != '"' && s[from] != '\\') ++from;
    return from;
}

/// True for a code point that XML 1.0 allows in a document.
[[nodiscard]] constexpr bool xml_allowed(char32_t cp) noexcept {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

}  // namespace briefkit::utf8
