// Options that steer how readers interpret their input, and which reader to use.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "briefkit/export.hpp"

namespace briefkit {

/// The order of day and month in an all-numeric date such as `04/03/1987`.
enum class DateOrder {
    dmy,  ///< Day first, as in most of the world: 04/03/1987 is 4 March.
    mdy,  ///< Month first, as in the United States: 04/03/1987 is 3 April.
};

/// The character encoding of an input file.
enum class Encoding {
    automatic,    ///< Detect: byte-order mark, UTF-8 validity, then the legacy code pages.
    utf8,         ///< UTF-8, with or without a byte-order mark.
    utf16le,      ///< UTF-16, little-endian.
    utf16be,      ///< UTF-16, big-endian.
    windows1252,  ///< Windows-1252 (Western European).
    windows1251,  ///< Windows-1251 (Cyrillic).
    latin1,       ///< ISO-8859-1.
};

/// The encoding named `name` (`auto`, `utf-8`, `utf-16le`, `windows-1252`, ...); nullopt if unknown.
[[nodiscard]] BRIEFKIT_API std::optional<Encoding> parse_encoding(std::string_view name);

/// Every encoding's name, as parse_encoding() accepts them, `auto` first.
[[nodiscard]] BRIEFKIT_API std::vector<std::string> encoding_names();

/// The canonical name of `encoding`, as parse_encoding() accepts it.
[[nodiscard]] BRIEFKIT_API std::string_view encoding_name(Encoding encoding);

/// Everything a reader needs to know besides the bytes, and which reader to use.
struct ReadOptions {
    DateOrder date_order = DateOrder::dmy;              ///< Order used for ambiguous numeric dates.
    Encoding encoding = Encoding::automatic;            ///< Input encoding, or automatic detection.
    std::size_t max_input_size = std::size_t{2} << 20;     ///< Larger inputs are refused (bytes).
    std::size_t max_line_length = std::size_t{256} << 10;  ///< Text inputs with a longer line or paragraph are refused (bytes).
    std::size_t max_paragraphs = 20000;                    ///< Inputs with more body blocks are refused.
    std::size_t max_depth = 32;                            ///< XML or YAML inputs nested deeper are refused.
    std::string from;  ///< The input format's name (`-f/--from`); empty: by extension, then content.
};

}  // namespace briefkit
