// Setting one paragraph: styled text in, justified (or ragged) lines of placed glyphs out.
//
// The paragraph becomes boxes (word fragments), glue (spaces) and penalties (hyphenation
// points and the breaks after explicit hyphens, dashes and slashes), and the total-fit
// line breaker chooses the breaks.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "formats/pdf/font_set.hpp"
#include "formats/pdf/hyphenation.hpp"
#include "formats/pdf/style.hpp"

namespace briefkit::formats::pdf {

/// A run of text in one face, size and colour, optionally a link.
struct Span {
    std::string text;  ///< UTF-8 text; spaces separate words.
    Face face = Face::body;  ///< Face it is set in.
    double size = 10;  ///< Size in points.
    Rgb colour;        ///< Text colour.
    std::string href;  ///< Link target; empty for plain text.
};

/// Glyphs of one font, size and colour placed on a line.
struct Placed {
    int font = 0;                     ///< Font resource index.
    double size = 10;                 ///< Size in points.
    Rgb colour;                       ///< Colour.
    double x = 0;                     ///< Left edge, from the line's start, in points.
    double width = 0;                 ///< Advance of the glyphs, in points.
    std::vector<std::uint16_t> codes; ///< Glyph codes.
    std::vector<int> kerns;           ///< For each glyph, the kerning after it, thousandths of the size.
    bool space_before = false;        ///< True when a word space precedes it on the line.
    std::uint16_t space_code = 0;     ///< Code of a space in the same font, drawn in that gap.
    int space_advance = 0;            ///< Advance of that space, thousandths of the size.
    /// Link target, shared by every piece of its span (a long address cut into one piece per
    /// character must not carry one copy each); null for plain text.
    std::shared_ptr<const std::string> href;
    std::uint8_t level = 0;           ///< Bidirectional embedding level: odd for right-to-left text.
    /// For each glyph, how far right and up of the pen it is drawn, thousandths of the size;
    /// empty when every glyph sits on the pen (all but marks).
    std::vector<std::pair<int, int>> offsets;
};

/// One set line.
struct TextLine {
    std::vector<Placed> pieces;  ///< Pieces in drawing order.
    double width = 0;            ///< Width from the line's start to the end of its last piece.
    bool hyphenated = false;     ///< True when the line ends in an inserted hyphen.
    /// For a line of a table: where each cell's part of it starts (index of its first piece)
    /// and the cell's column, in order; empty for other lines.
    std::vector<std::pair<std::size_t, std::size_t>> cells;
};

/// How a paragraph is set.
struct ParagraphSetting {
    double width = 400;                     ///< Line width in points.
    bool justify = true;                    ///< Justify, else ragged right.
    const Hyphenator* hyphenator = nullptr; ///< Hyphenation points; nullptr for none.
};

/// Breaks `spans` into lines of `setting.width` points. Right-to-left text (UAX #9) is drawn in
/// visual order, and a paragraph that opens with a right-to-left letter is set flush right.
[[nodiscard]] std::vector<TextLine> set_paragraph(const std::vector<Span>& spans, FontSet& fonts,
                                                  const ParagraphSetting& setting);

}  // namespace briefkit::formats::pdf
