// Kerning: the pair adjustments a face's GPOS (or kern) table gives the glyphs of a run, by
// HarfBuzz, so that `To`, `AV` and `y.` sit as the type designer spaced them.
#pragma once

#include <memory>
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

}  // namespace briefkit::formats::pdf
