#include "formats/pdf/shaping.hpp"

#include <hb.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>

#include "pipeline/model/utf8.hpp"

namespace briefkit::formats::pdf {

namespace {

struct FontFree {
    void operator()(hb_font_t* font) const { hb_font_destroy(font); }
};
struct BufferFree {
    void operator()(hb_buffer_t* buffer) const { hb_buffer_destroy(buffer); }
};
using ShapingFont = std::unique_ptr<hb_font_t, FontFree>;

/// What a run is shaped with: HarfBuzz's font of a face, and the language it is shaped in.
struct Shaping {
    hb_font_t* font;
    hb_language_t language;
};

/// HarfBuzz's font of `face`, scaled to thousandths of an em, made once per process, and the
/// process's default language. The face (and its bytes, which HarfBuzz reads in place) is kept
/// alive beside it. HarfBuzz makes its default language lazily, with atomics of its own that a
/// thread sanitizer cannot see: made here, under the lock every caller takes, it is seen made.
Shaping shaping_font(const std::shared_ptr<const FontFace>& face) {
    static std::mutex mutex;
    static std::map<const FontFace*, std::pair<std::shared_ptr<const FontFace>, ShapingFont>> fonts;
    const std::lock_guard<std::mutex> lock(mutex);
    static const hb_language_t language = hb_language_get_default();
    auto& entry = fonts[face.get()];
    if (!entry.second) {
        const std::string_view bytes = face->bytes();
        hb_blob_t* blob = hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
        hb_face_t* hb_face = hb_face_create(blob, 0);
        hb_blob_destroy(blob);
        entry.second.reset(hb_font_create(hb_face));
        hb_face_destroy(hb_face);
        hb_font_set_scale(entry.second.get(), 1000, 1000);
        entry.first = face;
        // HarfBuzz loads a face's tables on first use: shaping once here loads them under the lock.
        std::unique_ptr<hb_buffer_t, BufferFree> warm(hb_buffer_create());
        hb_buffer_add_utf8(warm.get(), "AVTo", 4, 0, 4);
        hb_buffer_set_language(warm.get(), language);
        hb_buffer_guess_segment_properties(warm.get());
        hb_shape(entry.second.get(), warm.get(), nullptr, 0);
    }
    return {entry.second.get(), language};
}

/// What kerning() returns, shaped by HarfBuzz.
std::vector<int> shaped_kerning(const std::shared_ptr<const FontFace>& face, std::string_view text) {
    thread_local std::unique_ptr<hb_buffer_t, BufferFree> buffer(hb_buffer_create());
    const Shaping shaping = shaping_font(face);
    hb_font_t* font = shaping.font;
    hb_buffer_t* b = buffer.get();
    hb_buffer_clear_contents(b);
    hb_buffer_add_utf8(b, text.data(), static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
    hb_buffer_set_language(b, shaping.language);
    hb_buffer_guess_segment_properties(b);
    if (hb_buffer_get_direction(b) != HB_DIRECTION_LTR) return {};
    static const hb_feature_t kNoLigatures[] = {{HB_TAG('l', 'i', 'g', 'a'), 0, 0, ~0U}, {HB_TAG('c', 'l', 'i', 'g'), 0, 0, ~0U},
                                                {HB_TAG('d', 'l', 'i', 'g'), 0, 0, ~0U}, {HB_TAG('r', 'l', 'i', 'g'), 0, 0, ~0U}};
    hb_shape(font, b, kNoLigatures, 4);
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(b, &count);
    const hb_glyph_position_t* position = hb_buffer_get_glyph_positions(b, &count);
    std::vector<int> out;
    out.reserve(count);
    std::size_t chars = 0;
    for (std::size_t at = 0; at < text.size(); ++at) chars += (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80 ? 1 : 0;
    if (count != chars) return {};
    for (unsigned i = 0; i < count; ++i) {
        // One glyph a character, in order: each cluster the byte offset of its own character.
        if (i > 0 && info[i].cluster <= info[i - 1].cluster) return {};
        out.push_back(position[i].x_advance - static_cast<int>(hb_font_get_glyph_h_advance(font, info[i].codepoint)));
    }
    return out;
}

/// The characters of bytes [from, to) of `text`.
std::u32string characters(std::string_view text, std::size_t from, std::size_t to) {
    std::u32string out;
    while (from < to) out.push_back(utf8::next(text, from));
    return out;
}

/// Gives each glyph of the cluster `glyphs[first, last)` the text it stands for: one character a
/// glyph when the counts agree and no glyph is a mark, else the whole cluster on its first
/// glyph that advances and nothing on the others. A mark drawn off the pen that spoke for
/// itself would stand apart from its letter, and text extraction would part the word there.
/// Right-to-left text is drawn, and so stated, in visual order, as text extraction expects
/// (pdftotext and Acrobat turn each right-to-left run back into reading order): a ligature
/// of lam and alef stands for alef, lam.
void assign_cluster_text(std::vector<ShapedGlyph>& glyphs, std::size_t first, std::size_t last, std::u32string text, bool rtl) {
    const std::size_t count = last - first;
    if (rtl) std::reverse(text.begin(), text.end());
    std::size_t base = last;
    bool mark = false;
    for (std::size_t k = first; k < last; ++k) {
        if (glyphs[k].x_advance == 0) {
            mark = true;
        } else if (base == last) {
            base = k;
        }
    }
    if (count == text.size() && !mark) {
        for (std::size_t k = 0; k < count; ++k) glyphs[first + k].text = std::u32string(1, text[k]);
        return;
    }
    glyphs[base == last ? first : base].text = std::move(text);
}

/// What shape_run() returns, shaped by HarfBuzz.
std::vector<ShapedGlyph> shape_whole(const std::shared_ptr<const FontFace>& face, std::string_view text, std::size_t start,
                                     std::size_t length, bool rtl) {
    thread_local std::unique_ptr<hb_buffer_t, BufferFree> buffer(hb_buffer_create());
    const Shaping shaping = shaping_font(face);
    hb_buffer_t* b = buffer.get();
    hb_buffer_clear_contents(b);
    hb_buffer_add_utf8(b, text.data(), static_cast<int>(text.size()), static_cast<unsigned>(start), static_cast<int>(length));
    hb_buffer_set_language(b, shaping.language);
    hb_buffer_guess_segment_properties(b);
    hb_buffer_set_direction(b, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_shape(shaping.font, b, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(b, &count);
    const hb_glyph_position_t* position = hb_buffer_get_glyph_positions(b, &count);
    std::vector<ShapedGlyph> out(count);
    for (unsigned i = 0; i < count; ++i) {
        out[i].gid = static_cast<std::uint16_t>(info[i].codepoint);
        out[i].x_advance = position[i].x_advance;
        out[i].x_offset = position[i].x_offset;
        out[i].y_offset = position[i].y_offset;
    }
    // Clusters are byte offsets, monotone in visual order (rising left to right, falling right
    // to left); a cluster's text runs to the next cluster in reading order.
    std::vector<std::size_t> starts;
    for (unsigned i = 0; i < count; ++i) starts.push_back(info[i].cluster);
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    starts.push_back(start + length);
    for (unsigned first = 0; first < count;) {
        unsigned last = first + 1;
        while (last < count && info[last].cluster == info[first].cluster) ++last;
        const std::size_t end = *std::upper_bound(starts.begin(), starts.end() - 1, info[first].cluster);
        assign_cluster_text(out, first, last, characters(text, info[first].cluster, end), rtl);
        first = last;
    }
    return out;
}

/// The start of a memory key for what is shaped in `face`: faces live as long as the process
/// (shaping_font() keeps them), so their address names them.
std::string face_key(const std::shared_ptr<const FontFace>& face) {
    return std::to_string(reinterpret_cast<std::uintptr_t>(face.get())) + ':';
}

/// What `make()` gives for `key`, remembered in `memory` (one per thread: words recur, and a
/// batch's articles share most of theirs), which forgets everything when it holds `bound`.
template <typename Result, typename Make>
Result remembered(std::unordered_map<std::string, Result>& memory, std::size_t bound, std::string key, const Make& make) {
    if (const auto it = memory.find(key); it != memory.end()) return it->second;
    if (memory.size() >= bound) memory.clear();
    return memory.emplace(std::move(key), make()).first->second;
}

}  // namespace

bool needs_shaping(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const unsigned char lead = static_cast<unsigned char>(text[pos]);
        if (lead == 'f' && pos + 1 < text.size() && std::string_view("fijl").find(text[pos + 1]) != std::string_view::npos) {
            return true;  // the standard ligatures: fi, fl, ff, ffi, ffl, fj
        }
        if (lead < 0xCC) {  // below U+0300: Latin, and no mark
            pos += lead < 0x80 ? 1 : 2;
            continue;
        }
        const char32_t cp = utf8::next(text, pos);
        const int category = u_charType(static_cast<UChar32>(cp));
        if (category == U_NON_SPACING_MARK || category == U_COMBINING_SPACING_MARK || category == U_ENCLOSING_MARK) return true;
        UErrorCode error = U_ZERO_ERROR;
        switch (uscript_getScript(static_cast<UChar32>(cp), &error)) {
            case USCRIPT_COMMON: case USCRIPT_INHERITED: case USCRIPT_LATIN: case USCRIPT_GREEK: case USCRIPT_CYRILLIC:
            case USCRIPT_ARMENIAN: case USCRIPT_GEORGIAN: case USCRIPT_HAN: case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA:
            case USCRIPT_BOPOMOFO: case USCRIPT_UNKNOWN:
                break;
            default:
                return true;
        }
    }
    return false;
}

std::vector<ShapedGlyph> shape_run(const std::shared_ptr<const FontFace>& face, std::string_view text, std::size_t start,
                                   std::size_t length, bool rtl) {
    thread_local std::unordered_map<std::string, std::vector<ShapedGlyph>> memory;
    std::string key = face_key(face) + (rtl ? 'R' : 'L') + std::to_string(start) + ',' + std::to_string(length) + ',';
    key.append(text);
    return remembered(memory, 100000, std::move(key), [&] { return shape_whole(face, text, start, length, rtl); });
}

std::vector<int> kerning(const std::shared_ptr<const FontFace>& face, std::string_view text) {
    thread_local std::unordered_map<std::string, std::vector<int>> memory;
    std::string key = face_key(face);
    key.append(text);
    return remembered(memory, 200000, std::move(key), [&] { return shaped_kerning(face, text); });
}

}  // namespace briefkit::formats::pdf
