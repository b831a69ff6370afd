// UTF-8 text to clean lines: line endings, invisible and control characters, NFC, spaces.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "formats/text/note_log.hpp"

namespace briefkit::formats::text {

/// One input line after cleaning.
struct Line {
    int number = 0;    ///< 1-based input line number.
    int indent = 0;    ///< Leading spaces before cleaning (a tab counts as four).
    std::string text;  ///< Cleaned text: NFC, single spaces, no leading or trailing space.
    /// The cleaned text with its runs of spaces kept and tabs expanded (to stops every 8 columns
    /// from the indent), when that differs from `text`: a column layout lives here. Else empty.
    std::string spaced;

    /// The text as laid out: `spaced` when the line has one, else `text`.
    [[nodiscard]] const std::string& layout() const noexcept { return spaced.empty() ? text : spaced; }

    /// True when the line holds nothing but spaces.
    [[nodiscard]] bool blank() const noexcept { return text.empty(); }
};

/// True for a code point that cleaning keeps as it is wherever it stands: not a space, control
/// or invisible character, and one that Unicode normalization (NFC) never changes, composes
/// with its neighbour or reorders. A line of these and printable ASCII is copied unexamined.
[[nodiscard]] bool kept_as_is(char32_t cp) noexcept;

/// Splits `text` at LF, CRLF and CR and cleans every line, noting each kind of repair.
[[nodiscard]] std::vector<Line> split_lines(std::string_view text, NoteLog& notes);

}  // namespace briefkit::formats::text
