// Shaping by HarfBuzz. A run of Latin, Greek or Cyrillic keeps one glyph a character and takes
// only the face's kerning; a run of a script whose letters join, reorder or stack (Arabic,
// Hebrew with points, Devanagari...), one set right to left, and a word with a pair a face may
// join (fi, fl, ff) are shaped whole: contextual forms, the font's required and standard
// ligatures, marks placed on their bases. A ligature's code stands for all its letters, so
// copied text keeps them.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "formats/pdf/truetype.hpp"

namespace briefkit::formats::pdf {

/// For each character of `text` set in `face`, in thousandths of an em, what the font's kerning
/// adds to its advance (0 for most; negative to tighten). Empty when HarfBuzz does not set the
/// run one glyph a character (a ligature it cannot skip, a script that reorders), so that the
/// caller keeps the plain advances. Ligatures are not asked for: copied text keeps its letters.
/// Thread-safe; the shaping font of each face is made once per process.
[[nodiscard]] std::vector<int> kerning(const std::shared_ptr<const FontFace>& face, std::string_view text);

/// True when a character of UTF-8 `text` belongs to a script that needs shaping whole (its
/// letters join, reorder or take marks), or is a combining mark, or when `text` holds a pair
/// of the standard Latin ligatures (fi, fl, ff, fj).
[[nodiscard]] bool needs_shaping(std::string_view text);

/// One glyph of a shaped run. Measures are thousandths of the font size.
struct ShapedGlyph {
    std::uint16_t gid = 0;  ///< Glyph in the face.
    std::u32string text;    ///< The characters it stands for, in logical order (empty for a glyph whose cluster another glyph speaks for).
    int x_advance = 0;      ///< How far it moves the pen.
    int x_offset = 0;       ///< How far right of the pen it is drawn (a mark over its base).
    int y_offset = 0;       ///< How far above the baseline it is drawn.
};

/// Shapes bytes [start, start + length) of UTF-8 `text` in `face`, the rest of `text` being the
/// context letters join across, left to right or right to left (`rtl`). The glyphs come in
/// visual order, left to right on the page. Thread-safe; each thread remembers the runs it
/// shaped (up to 100,000).
[[nodiscard]] std::vector<ShapedGlyph> shape_run(const std::shared_ptr<const FontFace>& face, std::string_view text,
                                                 std::size_t start, std::size_t length, bool rtl);

}  // namespace briefkit::formats::pdf
