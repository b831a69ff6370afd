// Subsets of OpenType fonts with CFF outlines, by HarfBuzz's subsetter (libharfbuzz-subset0).
//
// Briefkit's own subsetter (truetype.cpp) rewrites `glyf` outlines and is 7 to 47 times faster
// than hb-subset on them (bench/subset_speed.cpp); CFF charstrings, with their subroutines, are
// what hb-subset is for. The subset keeps every glyph at its id (HB_SUBSET_FLAGS_RETAIN_GIDS):
// a CIDFontType0 has no /CIDToGIDMap, so the codes drawn are the glyph ids themselves.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace briefkit::formats::pdf {

/// An OpenType file of the CFF font `font_bytes` holding `glyphs` (and the components they use)
/// at their own glyph ids, with the tables a PDF's /FontFile3 /OpenType needs; throws
/// std::runtime_error naming font `name` when HarfBuzz cannot subset it.
[[nodiscard]] std::string subset_cff(std::string_view font_bytes, const std::vector<std::uint16_t>& glyphs, const std::string& name);

}  // namespace briefkit::formats::pdf
