#include "formats/pdf/font_set.hpp"

#include <fmt/format.h>
#include <unicode/uchar.h>

#include <algorithm>

#include "formats/pdf/shaping.hpp"
#include "pipeline/model/hash.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::formats::pdf {

namespace {

// Characters that take no room and draw nothing: soft hyphen, zero-width and bidi marks, BOM.
bool invisible(char32_t cp) {
    return cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF || cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

}  // namespace

FontSet::FontSet(const Style& style) {
    role_[static_cast<int>(Face::body)] = font_for_path(style.font_body);
    role_[static_cast<int>(Face::body_bold)] = font_for_path(style.font_body_bold);
    role_[static_cast<int>(Face::sans)] = font_for_path(style.font_sans);
    role_[static_cast<int>(Face::sans_bold)] = font_for_path(style.font_sans_bold);
    role_[static_cast<int>(Face::mono)] = font_for_path(style.font_mono);
    // A fallback face is read when a character first needs it: most documents need none, and
    // a batch process reads each once.
    for (const std::string& path : style.font_fallback) fallback_.push_back(font_for_path(path, false));
    for (const std::string& path : style.font_fallback_bold) fallback_bold_.push_back(font_for_path(path, false));
    if (fallback_bold_.size() != fallback_.size()) fallback_bold_ = fallback_;  // a style made in code names none
}

int FontSet::font_for_path(const std::string& path, bool load) {
    for (std::size_t i = 0; i < fonts_.size(); ++i) {
        if (fonts_[i].path == path) return static_cast<int>(i);
    }
    Font font;
    font.path = path;
    if (load) font.face = FontFace::cached(path);
    font.glyph_of_code.push_back(0);  // code 0 is .notdef, never drawn
    font.text_of_code.emplace_back();
    font.advance_of_code.push_back(0);  // .notdef's is taken when embedding
    fonts_.push_back(std::move(font));
    return static_cast<int>(fonts_.size() - 1);
}

std::uint16_t FontSet::code(Font& font, std::uint16_t gid, char32_t cp) {
    if (font.face->cff()) return cff_code(font, gid, std::u32string(1, cp), false);
    const std::uint64_t key = (static_cast<std::uint64_t>(gid) << 32) | cp;
    if (const auto it = font.code_index.find(key); it != font.code_index.end()) return it->second;
    const auto c = static_cast<std::uint16_t>(font.glyph_of_code.size());
    font.glyph_of_code.push_back(gid);
    font.text_of_code.emplace_back(1, cp);
    font.advance_of_code.push_back(font.face->advance(gid));
    font.code_index.emplace(key, c);
    return c;
}

std::uint16_t FontSet::code(Font& font, std::uint16_t gid, const std::u32string& text, bool zero_width) {
    if (font.face->cff()) return cff_code(font, gid, text, zero_width);
    if (text.size() == 1 && !zero_width) return code(font, gid, text.front());
    std::u32string key(1, gid | (zero_width ? 0x10000U : 0U));
    key += text;
    if (const auto it = font.cluster_code_index.find(key); it != font.cluster_code_index.end()) return it->second;
    const auto c = static_cast<std::uint16_t>(font.glyph_of_code.size());
    font.glyph_of_code.push_back(gid);
    font.text_of_code.push_back(text);
    font.advance_of_code.push_back(zero_width ? 0 : font.face->advance(gid));
    font.cluster_code_index.emplace(std::move(key), c);
    return c;
}

std::uint16_t FontSet::cff_code(Font& font, std::uint16_t gid, const std::u32string& text, bool zero_width) {
    // A CIDFontType0 maps no codes to glyphs: its codes are the glyph ids, so a glyph stands
    // for the text and advance of its first use.
    if (font.glyph_of_code.size() <= gid) {
        font.glyph_of_code.resize(gid + 1U, 0);
        font.text_of_code.resize(gid + 1U);
        font.advance_of_code.resize(gid + 1U, 0);
    }
    if (gid != 0 && font.glyph_of_code[gid] == 0) {
        font.glyph_of_code[gid] = gid;
        font.text_of_code[gid] = text;
        font.advance_of_code[gid] = zero_width ? 0 : font.face->advance(gid);
    }
    return gid;
}

int FontSet::font_with(char32_t cp, int primary) const {
    if (fonts_[static_cast<std::size_t>(primary)].face->glyph(cp) != 0) return primary;
    const bool bold = primary == role_[static_cast<int>(Face::body_bold)] || primary == role_[static_cast<int>(Face::sans_bold)];
    for (const int f : bold ? fallback_bold_ : fallback_) {
        const Font& font = fonts_[static_cast<std::size_t>(f)];
        if (!font.face) font.face = FontFace::cached(font.path);
        if (font.face->glyph(cp) != 0) return f;
    }
    return -1;
}

Glyph FontSet::simple_glyph(char32_t cp, int primary) {
    const Font& first = fonts_[static_cast<std::size_t>(primary)];
    if (const std::uint16_t gid = first.face->glyph(cp); gid != 0) {
        Font& font = fonts_[static_cast<std::size_t>(primary)];
        const std::uint16_t c = code(font, gid, cp);
        return {primary, c, font.advance_of_code[c], 0, 0, 0};
    }
    int font = font_with(cp, primary);
    char32_t drawn = cp;
    if (font < 0) {
        if (std::find(missing_seen_.begin(), missing_seen_.end(), cp) == missing_seen_.end()) {
            missing_seen_.push_back(cp);
            std::string shown;
            utf8::append(shown, cp);
            missing_.push_back(fmt::format("U+{:04X} '{}' is in no font of the style; drawn as U+FFFD", static_cast<std::uint32_t>(cp), shown));
        }
        drawn = 0xFFFD;
        font = font_with(drawn, primary);
        if (font < 0) {
            drawn = '?';
            font = primary;
        }
    }
    Font& f = fonts_[static_cast<std::size_t>(font)];
    const std::uint16_t c = code(f, f.face->glyph(drawn), drawn);
    return {font, c, f.advance_of_code[c], 0, 0, 0};
}

void FontSet::shape(std::string_view text, Face face, std::vector<Glyph>& out, bool rtl) {
    if (rtl || needs_shaping(text)) {
        shape_complex(text, face, out, rtl);
    } else {
        shape_simple(text, face, out);
    }
}

void FontSet::shape_simple(std::string_view text, Face face, std::vector<Glyph>& out) {
    const int primary = role_[static_cast<int>(face)];
    const std::size_t first = out.size();
    std::string visible;  // the characters drawn, for kerning
    bool one_face = true;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t cp = utf8::next(text, pos);
        if (invisible(cp)) continue;
        visible.append(text.substr(start, pos - start));
        const Glyph g = simple_glyph(cp, primary);
        const std::u32string& drawn = fonts_[static_cast<std::size_t>(g.font)].text_of_code[g.code];
        one_face = one_face && g.font == primary && drawn.size() == 1 && drawn.front() == cp;
        out.push_back(g);
    }
    if (!one_face || out.size() - first < 2) return;
    const std::vector<int> kerns = kerning(fonts_[static_cast<std::size_t>(primary)].face, visible);
    if (kerns.size() != out.size() - first) return;
    for (std::size_t i = 0; i < kerns.size(); ++i) out[first + i].kern = kerns[i];
}

void FontSet::shape_complex(std::string_view text, Face face, std::vector<Glyph>& out, bool rtl) {
    // Stretches of one font in logical order: each character in the first face that has it; a
    // mark or an invisible joiner stays in the stretch of the letter before it.
    struct Stretch {
        std::size_t from = 0, to = 0;
        int font = -1;  // -1: in no face
    };
    const int primary = role_[static_cast<int>(face)];
    std::vector<Stretch> stretches;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t cp = utf8::next(text, pos);
        const int category = u_charType(static_cast<UChar32>(cp));
        const bool follows = invisible(cp) || category == U_NON_SPACING_MARK || category == U_COMBINING_SPACING_MARK ||
                             category == U_ENCLOSING_MARK;
        if (follows && !stretches.empty()) {
            stretches.back().to = pos;
            continue;
        }
        if (follows && invisible(cp)) continue;
        const int font = font_with(cp, primary);
        if (!stretches.empty() && stretches.back().font == font && font >= 0) {
            stretches.back().to = pos;
        } else {
            stretches.push_back({start, pos, font});
        }
    }
    if (rtl) std::reverse(stretches.begin(), stretches.end());
    for (const Stretch& s : stretches) {
        if (s.font < 0) {
            std::vector<Glyph> missing;
            std::size_t at = s.from;
            while (at < s.to) missing.push_back(simple_glyph(utf8::next(text, at), primary));
            if (rtl) std::reverse(missing.begin(), missing.end());
            out.insert(out.end(), missing.begin(), missing.end());
            continue;
        }
        Font& f = fonts_[static_cast<std::size_t>(s.font)];
        for (const ShapedGlyph& g : shape_run(f.face, text, s.from, s.to - s.from, rtl)) {
            // A mark the shaper gives no advance is stated with none (text extraction takes a
            // glyph that reaches into the next for the end of a word).
            const bool zero_width = g.x_advance == 0 && f.face->advance(g.gid) != 0;
            const std::uint16_t c = code(f, g.gid, g.text, zero_width);
            const int advance = f.advance_of_code[c];  // a CFF glyph's stated at its first use
            out.push_back({s.font, c, advance, g.x_advance - advance, g.x_offset, g.y_offset});
        }
    }
}

double FontSet::width(std::string_view text, Face face, double size) {
    std::vector<Glyph> glyphs;
    shape(text, face, glyphs);
    int total = 0;
    for (const Glyph& g : glyphs) total += g.advance + g.kern;
    return total * size / 1000.0;
}

Glyph FontSet::space(Face face) {
    std::vector<Glyph> glyphs;
    shape(" ", face, glyphs);
    return glyphs.front();
}

std::string FontSet::resource_name(int index) { return fmt::format("F{}", index + 1); }

bool FontSet::used(int index) const { return fonts_[static_cast<std::size_t>(index)].glyph_of_code.size() > 1; }

int FontSet::ascent(Face face) const {
    return fonts_[static_cast<std::size_t>(role_[static_cast<int>(face)])].face->ascent();
}

FontSet::Embedding FontSet::embedding(int index) const {
    const Font& font = fonts_[static_cast<std::size_t>(index)];
    if (font.face->cff()) return cff_embedding(font);
    Embedding e;
    e.face = font.face;
    // Glyphs in order of first use, .notdef first; the subset renumbers them 0..n-1.
    std::vector<std::uint16_t> glyphs{0};
    std::vector<std::pair<std::uint16_t, std::uint16_t>> new_id;  // original -> subset
    new_id.emplace_back(0, 0);
    for (const std::uint16_t gid : font.glyph_of_code) {
        const auto it = std::find_if(new_id.begin(), new_id.end(), [gid](const auto& p) { return p.first == gid; });
        if (it != new_id.end()) {
            e.cid_to_gid.push_back(it->second);
            continue;
        }
        const auto id = static_cast<std::uint16_t>(glyphs.size());
        glyphs.push_back(gid);
        new_id.emplace_back(gid, id);
        e.cid_to_gid.push_back(id);
    }
    e.tag = subset_tag(glyphs, *font.face);  // before the subset appends composites' components
    e.font_file = font.face->subset(glyphs);
    e.unicode = font.text_of_code;
    e.widths = font.advance_of_code;
    e.widths.front() = font.face->advance(0);  // code 0, .notdef, states its own (a fallback face is read late)
    for (std::size_t c = 0; c < e.widths.size(); ++c) e.codes.push_back(static_cast<std::uint16_t>(c));
    return e;
}

FontSet::Embedding FontSet::cff_embedding(const Font& font) {
    Embedding e;
    e.face = font.face;
    e.cff = true;
    std::vector<std::uint16_t> glyphs{0};
    for (std::size_t g = 1; g < font.glyph_of_code.size(); ++g) {
        if (font.glyph_of_code[g] != 0) glyphs.push_back(static_cast<std::uint16_t>(g));
    }
    e.codes = glyphs;  // each code is its glyph id
    e.tag = subset_tag(glyphs, *font.face);
    e.font_file = font.face->subset(glyphs);
    e.unicode = font.text_of_code;
    e.widths = font.advance_of_code;
    e.widths.front() = font.face->advance(0);
    return e;
}

std::string FontSet::subset_tag(const std::vector<std::uint16_t>& glyphs, const FontFace& face) {
    // Derived from the glyph set, so the same text gives the same bytes.
    std::string glyph_list;
    for (const std::uint16_t g : glyphs) glyph_list += fmt::format("{},", g);
    const std::string hash = sha256_hex(glyph_list + face.postscript_name());
    std::string tag;
    for (std::size_t i = 0; i < 6; ++i) tag.push_back(static_cast<char>('A' + (hash[i] % 26)));
    return tag;
}

}  // namespace briefkit::formats::pdf
