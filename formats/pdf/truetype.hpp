// TrueType and OpenType (CFF) faces: parsed once, measured by the layout, subset for embedding.
//
// libharu 2.3.0's own TrueType path resolves composite glyphs one level deep, copies
// every font table whole and walks all 65,536 codes per face per document; this module
// reads the tables a PDF needs and writes a compact subset with every component glyph.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace briefkit::formats::pdf {

/// A parsed TrueType or OpenType (CFF outlines) face; immutable, so one instance may serve many threads.
class FontFace {
public:
    /// Loads and parses the TrueType file at `path`; throws std::runtime_error naming the file.
    static std::shared_ptr<const FontFace> load(const std::string& path);

    /// Parses the TrueType font `bytes`; `name` names it in errors (std::runtime_error).
    static std::shared_ptr<const FontFace> from_bytes(std::string bytes, const std::string& name);

    /// The font file's bytes, as loaded.
    [[nodiscard]] std::string_view bytes() const { return bytes_; }

    /// Checks, reading only its table directory, that the file at `path` is a TrueType or
    /// OpenType (CFF) font whose tables lie inside it; throws std::runtime_error naming the file when not.
    static void check_file(const std::string& path);

    /// The face at `path`, loaded once per process and shared.
    static std::shared_ptr<const FontFace> cached(const std::string& path);

    /// The glyph for code point `cp`, or 0 when the face has none.
    [[nodiscard]] std::uint16_t glyph(char32_t cp) const;

    /// The advance width of glyph `gid` in thousandths of the font size, as a PDF /W array states it.
    [[nodiscard]] int advance(std::uint16_t gid) const;

    /// The PostScript name from the `name` table (or the file's stem).
    [[nodiscard]] const std::string& postscript_name() const { return ps_name_; }

    /// Ascender in thousandths of the font size.
    [[nodiscard]] int ascent() const { return ascent_; }
    /// Descender in thousandths of the font size (negative).
    [[nodiscard]] int descent() const { return descent_; }
    /// Capital height in thousandths of the font size.
    [[nodiscard]] int cap_height() const { return cap_height_; }
    /// Italic angle in degrees.
    [[nodiscard]] double italic_angle() const { return italic_angle_; }
    /// Font bounding box in thousandths of the font size: xmin, ymin, xmax, ymax.
    [[nodiscard]] const int* bbox() const { return bbox_; }
    /// True for a fixed-pitch face.
    [[nodiscard]] bool fixed_pitch() const { return fixed_pitch_; }
    /// True when the face has serifs (guessed from its name, for the descriptor flags).
    [[nodiscard]] bool serif() const { return serif_; }

    /// True for a face with CFF outlines (an OpenType `.otf`), embedded whole-OpenType as a
    /// CIDFontType0 whose codes are its glyph ids (see cff_subset.hpp).
    [[nodiscard]] bool cff() const { return cff_; }

    /// A TrueType file holding `glyphs` renumbered 0..n-1 in the given order (the first must be 0,
    /// .notdef), plus every component a composite glyph needs, appended to `glyphs`. Only the
    /// tables a PDF CIDFontType2 needs are kept, and hinting instructions are dropped. For a CFF
    /// face, an OpenType file with `glyphs` kept at their own ids (subset_cff()). Throws
    /// std::runtime_error naming the font when a glyph it needs is damaged.
    [[nodiscard]] std::string subset(std::vector<std::uint16_t>& glyphs) const;

private:
    FontFace() = default;
    static bool check_directory(std::string_view directory, std::uint64_t file_size);  // true for CFF
    [[nodiscard]] std::string_view table(std::string_view tag) const;
    [[nodiscard]] std::string_view glyph_data(std::uint16_t gid) const;
    [[nodiscard]] std::string subset_glyphs(std::vector<std::uint16_t>& glyphs) const;
    void parse(const std::string& name);
    void parse_cmap();

    std::string bytes_;
    std::string ps_name_;
    std::vector<std::uint16_t> bmp_;                          // code point -> glyph, U+0000..U+FFFF
    std::vector<std::pair<char32_t, std::uint16_t>> astral_;  // sorted, above U+FFFF
    std::vector<std::uint32_t> loca_;
    std::vector<std::uint16_t> advances_;  // font units
    int units_per_em_ = 1000;
    int num_glyphs_ = 0;
    int ascent_ = 0, descent_ = 0, cap_height_ = 0;
    int bbox_[4] = {0, 0, 0, 0};
    double italic_angle_ = 0;
    bool fixed_pitch_ = false;
    bool serif_ = false;
    bool cff_ = false;
};

}  // namespace briefkit::formats::pdf
