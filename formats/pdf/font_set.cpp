#include "formats/pdf/font_set.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "formats/pdf/kerning.hpp"
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
    for (const std::string& path : style.font_fallback) fallback_.push_back(font_for_path(path));
}

int FontSet::font_for_path(const std::string& path) {
    for (std::size_t i = 0; i < fonts_.size(); ++i) {
        if (fonts_[i].path == path) return static_cast<int>(i);
    }
    Font font;
    font.path = path;
    font.face = FontFace::cached(path);
    font.glyph_of_code.push_back(0);  // code 0 is .notdef, never drawn
    font.char_of_code.push_back(0);
    fonts_.push_back(std::move(font));
    return static_cast<int>(fonts_.size() - 1);
}

std::uint16_t FontSet::code(Font& font, std::uint16_t gid, char32_t cp) {
    const std::uint64_t key = (static_cast<std::uint64_t>(gid) << 32) | cp;
    if (const auto it = font.code_index.find(key); it != font.code_index.end()) return it->second;
    const auto c = static_cast<std::uint16_t>(font.glyph_of_code.size());
    font.glyph_of_code.push_back(gid);
    font.char_of_code.push_back(cp);
    font.code_index.emplace(key, c);
    return c;
}

void FontSet::shape(std::string_view text, Face face, std::vector<Glyph>& out) {
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
        int font = primary;
        std::uint16_t gid = fonts_[static_cast<std::size_t>(font)].face->glyph(cp);
        for (std::size_t f = 0; gid == 0 && f < fallback_.size(); ++f) {
            font = fallback_[f];
            gid = fonts_[static_cast<std::size_t>(font)].face->glyph(cp);
        }
        char32_t drawn = cp;
        if (gid == 0) {
            if (std::find(missing_seen_.begin(), missing_seen_.end(), cp) == missing_seen_.end()) {
                missing_seen_.push_back(cp);
                std::string shown;
                utf8::append(shown, cp);
                missing_.push_back(fmt::format("U+{:04X} '{}' is in no font of the style; drawn as U+FFFD", static_cast<std::uint32_t>(cp), shown));
            }
            drawn = 0xFFFD;
            font = primary;
            gid = fonts_[static_cast<std::size_t>(font)].face->glyph(drawn);
            for (std::size_t f = 0; gid == 0 && f < fallback_.size(); ++f) {
                font = fallback_[f];
                gid = fonts_[static_cast<std::size_t>(font)].face->glyph(drawn);
            }
            if (gid == 0) {
                drawn = '?';
                font = primary;
                gid = fonts_[static_cast<std::size_t>(font)].face->glyph(drawn);
            }
        }
        Font& f = fonts_[static_cast<std::size_t>(font)];
        one_face = one_face && font == primary && drawn == cp;
        out.push_back({font, code(f, gid, drawn), f.face->advance(gid), 0});
    }
    if (!one_face || out.size() - first < 2) return;
    const std::vector<int> kerns = kerning(fonts_[static_cast<std::size_t>(primary)].face, visible);
    if (kerns.size() != out.size() - first) return;
    for (std::size_t i = 0; i < kerns.size(); ++i) out[first + i].kern = kerns[i];
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
    std::string key;
    for (const std::uint16_t g : glyphs) key += fmt::format("{},", g);
    e.font_file = font.face->subset(glyphs);
    for (std::size_t c = 0; c < font.glyph_of_code.size(); ++c) {
        e.widths.push_back(font.face->advance(font.glyph_of_code[c]));
        e.unicode.emplace_back(1, font.char_of_code[c]);
    }
    // The subset tag is derived from the glyph set, so the same text gives the same bytes.
    const std::string hash = sha256_hex(key + font.face->postscript_name());
    for (std::size_t i = 0; i < 6; ++i) e.tag.push_back(static_cast<char>('A' + (hash[i] % 26)));
    return e;
}

}  // namespace briefkit::formats::pdf
