// Fuzz target: the TrueType and OpenType (CFF) reader and subsetters on arbitrary bytes, as a
// font a style file names could hold. A face it accepts must answer every lookup and subset the
// glyphs of a few common characters into a well-formed font of its kind (TrueType, or OpenType
// from HarfBuzz's subsetter for CFF outlines): a table directory whose every table lies inside
// the file (the subset keeps only the tables a PDF needs, so it has no cmap to parse).
#include "formats/pdf/truetype.hpp"
#include "fuzz_support.hpp"

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using briefkit::formats::pdf::FontFace;
    std::shared_ptr<const FontFace> face;
    try {
        face = FontFace::from_bytes(std::string(briefkit::fuzz::as_text(data, size)), "fuzz.ttf");
    } catch (const std::runtime_error&) {
        return 0;  // refused with a message naming the font: fine
    }
    std::vector<std::uint16_t> glyphs{0};
    for (const char32_t cp : {U'A', U'g', U'\u00E9', U'\u0436', U'\u2014', U'\U0001F600'}) {
        const std::uint16_t gid = face->glyph(cp);
        (void)face->advance(gid);
        if (gid != 0) glyphs.push_back(gid);
    }
    std::string subset;
    try {
        subset = face->subset(glyphs);
    } catch (const std::runtime_error&) {
        return 0;  // a damaged glyph, reported with the font's name: fine
    }
    const auto u = [&](std::size_t at, int bytes) {
        std::uint32_t v = 0;
        for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(subset.at(at + static_cast<std::size_t>(i)));
        return v;
    };
    const std::uint32_t version = face->cff() ? 0x4F54544FU : 0x00010000U;  // 'OTTO' for CFF outlines
    briefkit::fuzz::require(subset.size() >= 12 && u(0, 4) == version, "the subset is not a font of the face's kind");
    const std::size_t tables = u(4, 2);
    briefkit::fuzz::require(subset.size() >= 12 + 16 * tables, "the subset's table directory is cut short");
    for (std::size_t t = 0; t < tables; ++t) {
        const std::size_t offset = u(12 + 16 * t + 8, 4);
        const std::size_t length = u(12 + 16 * t + 12, 4);
        briefkit::fuzz::require(offset + length <= subset.size(), "a table of the subset lies outside it");
    }
    return 0;
}
