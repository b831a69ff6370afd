// The faces one PDF uses: shaping text into glyph codes, and embedding compact subsets.
//
// Codes are assigned per document in order of first use, one per (glyph, character) pair,
// so the ToUnicode map gives back exactly the text that was drawn. Characters a face lacks
// are drawn from the fallback faces; a character no face has is drawn as U+FFFD and reported.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "formats/pdf/style.hpp"
#include "formats/pdf/truetype.hpp"

namespace briefkit::formats::pdf {

/// The style's faces, by role.
enum class Face { body, body_bold, sans, sans_bold, mono };

/// One shaped glyph: which font resource draws it, with which code, and how wide it is.
struct Glyph {
    int font = 0;             ///< Index of the font resource (see FontSet::resource_name()).
    std::uint16_t code = 0;   ///< Two-byte code in that font.
    int advance = 0;          ///< Advance in thousandths of the font size.
    int kern = 0;             ///< What shaping adds to its advance (kerning; minus the advance for a mark), in thousandths.
    int dx = 0;               ///< How far right of the pen it is drawn, in thousandths (a mark over its base).
    int dy = 0;               ///< How far above the baseline it is drawn, in thousandths.
};

/// The fonts of one PDF document. Not thread-safe; one per document.
class FontSet {
public:
    /// Loads (or takes from the process cache) every face `style` names.
    explicit FontSet(const Style& style);

    /// Appends the glyphs of UTF-8 `text` set in `face` to `out`, in visual order, right to left
    /// when `rtl`. Zero-width format characters and soft hyphens are skipped. Text of a script
    /// that joins, reorders or takes marks, and any right-to-left text, is shaped whole (see
    /// shaping.hpp), each stretch in the first face that has all its letters.
    void shape(std::string_view text, Face face, std::vector<Glyph>& out, bool rtl = false);

    /// Width in points of `text` in `face` at `size`.
    [[nodiscard]] double width(std::string_view text, Face face, double size);

    /// The glyph of a space in `face`.
    [[nodiscard]] Glyph space(Face face);

    /// Characters that no face could draw, as messages ("U+1F600 ... drawn as U+FFFD"), in order of first use.
    [[nodiscard]] const std::vector<std::string>& missing() const { return missing_; }

    /// Number of font resources.
    [[nodiscard]] std::size_t size() const { return fonts_.size(); }

    /// The page resource name of font `index`, such as `F1`.
    [[nodiscard]] static std::string resource_name(int index);

    /// True when font `index` drew anything.
    [[nodiscard]] bool used(int index) const;

    /// Ascent of `face` in thousandths of the font size.
    [[nodiscard]] int ascent(Face face) const;

    /// The TrueType subset of font `index`, with the glyph each code draws (for a /CIDToGIDMap),
    /// the advance of each code and the text each code stands for.
    struct Embedding {
        std::string tag;                      ///< Six-letter subset tag.
        std::string font_file;                ///< The subset TrueType file, or OpenType for a CFF face.
        bool cff = false;                     ///< True for a CFF face: a CIDFontType0 whose codes are glyph ids.
        std::vector<std::uint16_t> cid_to_gid;  ///< Glyph in the subset for each code (TrueType only).
        std::vector<std::uint16_t> codes;     ///< The codes in use, ascending.
        std::vector<int> widths;              ///< Advance of each code, thousandths of the size.
        std::vector<std::u32string> unicode;  ///< Text each code stands for.
        std::shared_ptr<const FontFace> face;   ///< The face it came from.
    };

    /// Builds the embedding of font `index`.
    [[nodiscard]] Embedding embedding(int index) const;

private:
    struct Font {
        std::string path;
        mutable std::shared_ptr<const FontFace> face;  // a fallback's is read on first need
        std::vector<std::uint16_t> glyph_of_code;  // original glyph id per code
        std::vector<std::u32string> text_of_code;
        std::unordered_map<std::uint64_t, std::uint16_t> code_index;  // (glyph << 32 | cp) -> code
        std::unordered_map<std::u32string, std::uint16_t> cluster_code_index;  // glyph (+0x10000 when zero-width), then its text -> code
        std::vector<int> advance_of_code;  // the advance stated for each code (none for a mark)
    };
    int font_for_path(const std::string& path, bool load = true);
    std::uint16_t code(Font& font, std::uint16_t gid, char32_t cp);
    std::uint16_t code(Font& font, std::uint16_t gid, const std::u32string& text, bool zero_width);
    static std::uint16_t cff_code(Font& font, std::uint16_t gid, const std::u32string& text, bool zero_width);
    [[nodiscard]] static Embedding cff_embedding(const Font& font);
    [[nodiscard]] static std::string subset_tag(const std::vector<std::uint16_t>& glyphs, const FontFace& face);
    Glyph simple_glyph(char32_t cp, int primary);
    int font_with(char32_t cp, int primary) const;
    void shape_simple(std::string_view text, Face face, std::vector<Glyph>& out);
    void shape_complex(std::string_view text, Face face, std::vector<Glyph>& out, bool rtl);

    std::vector<Font> fonts_;
    int role_[5] = {0, 0, 0, 0, 0};
    std::vector<int> fallback_;
    std::vector<int> fallback_bold_;  // for text in a bold face
    std::vector<std::string> missing_;
    std::vector<char32_t> missing_seen_;
};

}  // namespace briefkit::formats::pdf
