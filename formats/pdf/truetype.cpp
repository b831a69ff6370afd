#include "formats/pdf/truetype.hpp"

#include "formats/pdf/cff_subset.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

namespace briefkit::formats::pdf {

namespace {

std::uint16_t u16(std::string_view s, std::size_t at) {
    if (at + 2 > s.size()) throw std::out_of_range("truetype: read past a table's end");
    return static_cast<std::uint16_t>((static_cast<unsigned char>(s[at]) << 8) | static_cast<unsigned char>(s[at + 1]));
}

std::int16_t i16(std::string_view s, std::size_t at) { return static_cast<std::int16_t>(u16(s, at)); }

std::uint32_t u32(std::string_view s, std::size_t at) {
    return (static_cast<std::uint32_t>(u16(s, at)) << 16) | u16(s, at + 2);
}

void put16(std::string& out, std::uint32_t v) {
    out.push_back(static_cast<char>((v >> 8) & 0xFF));
    out.push_back(static_cast<char>(v & 0xFF));
}

void put32(std::string& out, std::uint32_t v) {
    put16(out, v >> 16);
    put16(out, v & 0xFFFF);
}

void set16(std::string& s, std::size_t at, std::uint32_t v) {
    s[at] = static_cast<char>((v >> 8) & 0xFF);
    s[at + 1] = static_cast<char>(v & 0xFF);
}

void set32(std::string& s, std::size_t at, std::uint32_t v) {
    set16(s, at, v >> 16);
    set16(s, at + 2, v & 0xFFFF);
}

std::uint32_t checksum(std::string_view data) {
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < data.size(); i += 4) {
        std::uint32_t word = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            word = (word << 8) | (i + k < data.size() ? static_cast<unsigned char>(data[i + k]) : 0U);
        }
        sum += word;
    }
    return sum;
}

// Composite glyph flags (the `glyf` table's component records).
constexpr std::uint16_t kArgsAreWords = 0x0001;
constexpr std::uint16_t kHaveScale = 0x0008;
constexpr std::uint16_t kMoreComponents = 0x0020;
constexpr std::uint16_t kHaveXYScale = 0x0040;
constexpr std::uint16_t kHaveTwoByTwo = 0x0080;
constexpr std::uint16_t kHaveInstructions = 0x0100;

std::size_t component_size(std::uint16_t flags) {
    std::size_t size = 4 + ((flags & kArgsAreWords) != 0 ? 4 : 2);
    if ((flags & kHaveScale) != 0) size += 2;
    if ((flags & kHaveXYScale) != 0) size += 4;
    if ((flags & kHaveTwoByTwo) != 0) size += 8;
    return size;
}

// The components a composite glyph refers to; empty for a simple glyph.
std::vector<std::uint16_t> components(std::string_view glyph) {
    std::vector<std::uint16_t> out;
    if (glyph.size() < 10 || i16(glyph, 0) >= 0) return out;
    std::size_t at = 10;
    for (;;) {
        const std::uint16_t flags = u16(glyph, at);
        out.push_back(u16(glyph, at + 2));
        at += component_size(flags);
        if ((flags & kMoreComponents) == 0) break;
    }
    return out;
}

// `glyph` without hinting instructions, its component indices renumbered through `renumber`.
std::string rewrite_glyph(std::string_view glyph, const std::unordered_map<std::uint16_t, std::uint16_t>& renumber) {
    if (glyph.empty()) return {};
    const int contours = i16(glyph, 0);
    std::string out;
    if (contours >= 0) {
        const std::size_t instr_at = 10 + 2 * static_cast<std::size_t>(contours);
        const std::size_t instr_len = u16(glyph, instr_at);
        out.assign(glyph.substr(0, instr_at));
        put16(out, 0);
        out.append(glyph.substr(instr_at + 2 + instr_len));
    } else {
        out.assign(glyph.substr(0, 10));
        std::size_t at = 10;
        for (;;) {
            std::uint16_t flags = u16(glyph, at);
            const std::size_t size = component_size(flags);
            std::string record(glyph.substr(at, size));
            const bool more = (flags & kMoreComponents) != 0;
            flags = static_cast<std::uint16_t>(flags & ~kHaveInstructions);
            set16(record, 0, flags);
            set16(record, 2, renumber.at(u16(glyph, at + 2)));
            out += record;
            at += size;
            if (!more) break;
        }
    }
    while (out.size() % 4 != 0) out.push_back('\0');
    return out;
}

std::string utf16be_to_ascii(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i + 1 < s.size(); i += 2) {
        const char c = s[i + 1];
        if (s[i] == 0 && c > 32 && c < 127) out.push_back(c);
    }
    return out;
}

}  // namespace

std::shared_ptr<const FontFace> FontFace::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open font file " + path);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return from_bytes(buffer.str(), path);
}

std::shared_ptr<const FontFace> FontFace::from_bytes(std::string bytes, const std::string& name) {
    std::shared_ptr<FontFace> face(new FontFace());
    face->bytes_ = std::move(bytes);
    face->parse(name);
    return face;
}

void FontFace::check_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) throw std::runtime_error("cannot open font file " + path);
    const auto size = static_cast<std::uint64_t>(in.tellg());
    std::string directory(12, '\0');
    in.seekg(0);
    in.read(directory.data(), 12);
    try {
        if (in) {
            directory.resize(12 + 16 * static_cast<std::size_t>(u16(directory, 4)));
            in.read(directory.data() + 12, static_cast<std::streamsize>(directory.size() - 12));
        }
        if (!in) directory.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
        (void)check_directory(directory, size);
    } catch (const std::out_of_range&) {
        throw std::runtime_error("damaged font file " + path + ": its table directory is cut short");
    } catch (const std::runtime_error& e) {
        throw std::runtime_error("font file " + path + ": " + e.what());
    }
}

bool FontFace::check_directory(std::string_view directory, std::uint64_t file_size) {
    const bool cff = directory.size() >= 12 && directory.substr(0, 4) == "OTTO";
    if (directory.size() < 12 || (u32(directory, 0) != 0x00010000 && directory.substr(0, 4) != "true" && !cff)) {
        throw std::runtime_error("not a TrueType or OpenType font (font collections are not supported)");
    }
    const std::uint16_t count = u16(directory, 4);
    int required = 0;
    for (std::uint16_t i = 0; i < count; ++i) {
        const std::size_t rec = 12 + 16 * static_cast<std::size_t>(i);
        const std::string_view tag = directory.substr(rec, 4);
        const std::uint64_t end = std::uint64_t{u32(directory, rec + 8)} + u32(directory, rec + 12);
        if (end > file_size) throw std::runtime_error("table '" + std::string(tag) + "' lies outside the file");
        if (tag == "CFF2") throw std::runtime_error("a variable OpenType font (CFF2 outlines) is not supported");
        for (const std::string_view needed : {"head", "hhea", "maxp", "hmtx", "cmap"}) required += tag == needed ? 1 : 0;
        if (cff ? tag == "CFF " : tag == "loca" || tag == "glyf") ++required;
    }
    if (required < (cff ? 6 : 7)) {
        throw std::runtime_error(cff ? "a required table (head, hhea, maxp, hmtx, cmap, CFF) is missing"
                                     : "a required table (head, hhea, maxp, hmtx, loca, glyf, cmap) is missing");
    }
    return cff;
}

std::shared_ptr<const FontFace> FontFace::cached(const std::string& path) {
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const FontFace>> faces;
    const std::lock_guard<std::mutex> lock(mutex);
    auto& slot = faces[path];
    if (!slot) slot = load(path);
    return slot;
}

std::string_view FontFace::table(std::string_view tag) const {
    const std::string_view all = bytes_;
    const std::uint16_t count = u16(all, 4);
    for (std::uint16_t i = 0; i < count; ++i) {
        const std::size_t rec = 12 + 16 * static_cast<std::size_t>(i);
        if (all.substr(rec, 4) == tag) {
            const std::uint32_t offset = u32(all, rec + 8);
            const std::uint32_t length = u32(all, rec + 12);
            if (offset > all.size() || length > all.size() - offset) {
                throw std::runtime_error("table '" + std::string(tag) + "' lies outside the file");
            }
            return all.substr(offset, length);
        }
    }
    return {};
}

void FontFace::parse(const std::string& path) {
    try {
        cff_ = check_directory(bytes_, bytes_.size());
        const std::string_view head = table("head");
        const std::string_view hhea = table("hhea");
        const std::string_view maxp = table("maxp");
        const std::string_view hmtx = table("hmtx");
        const std::string_view loca = table("loca");
        const std::string_view glyf = table("glyf");
        if (head.empty() || hhea.empty() || maxp.empty() || hmtx.empty() || (!cff_ && (loca.empty() || glyf.empty()))) {
            throw std::runtime_error("a required table (head, hhea, maxp, hmtx, loca, glyf) is empty");
        }
        units_per_em_ = u16(head, 18);
        if (units_per_em_ == 0) throw std::runtime_error("unitsPerEm is 0");
        const auto scale = [this](int v) { return static_cast<int>(std::lround(v * 1000.0 / units_per_em_)); };
        for (int i = 0; i < 4; ++i) bbox_[i] = scale(i16(head, 36 + 2 * static_cast<std::size_t>(i)));
        const bool long_loca = i16(head, 50) != 0;
        num_glyphs_ = u16(maxp, 4);
        if (num_glyphs_ == 0) throw std::runtime_error("the font has no glyphs (maxp numGlyphs is 0)");
        ascent_ = scale(i16(hhea, 4));
        descent_ = scale(i16(hhea, 6));
        cap_height_ = ascent_;
        if (const std::string_view os2 = table("OS/2"); os2.size() >= 90 && u16(os2, 0) >= 2) {
            cap_height_ = scale(i16(os2, 88));
        }
        if (const std::string_view post = table("post"); post.size() >= 16) {
            italic_angle_ = static_cast<std::int32_t>(u32(post, 4)) / 65536.0;
            fixed_pitch_ = u32(post, 12) != 0;
        }
        const std::size_t metrics = u16(hhea, 34);
        advances_.resize(static_cast<std::size_t>(num_glyphs_));
        for (std::size_t g = 0; g < advances_.size(); ++g) {
            advances_[g] = u16(hmtx, 4 * std::min(g, metrics - 1));
        }
        if (!cff_) loca_.resize(static_cast<std::size_t>(num_glyphs_) + 1);
        for (std::size_t g = 0; g < loca_.size(); ++g) {
            loca_[g] = long_loca ? u32(loca, 4 * g) : 2U * u16(loca, 2 * g);
            if (loca_[g] > glyf.size()) throw std::runtime_error("glyph offsets lie outside the glyf table");
        }
        if (const std::string_view name = table("name"); !name.empty()) {
            const std::uint16_t count = u16(name, 2);
            const std::size_t strings = u16(name, 4);
            for (std::uint16_t i = 0; i < count && ps_name_.empty(); ++i) {
                const std::size_t rec = 6 + 12 * static_cast<std::size_t>(i);
                if (u16(name, rec + 6) != 6) continue;
                const std::string_view text = name.substr(strings + u16(name, rec + 10), u16(name, rec + 8));
                ps_name_ = u16(name, rec) == 1 ? std::string(text) : utf16be_to_ascii(text);
            }
        }
        if (ps_name_.empty()) ps_name_ = "Font";
        ps_name_.erase(std::remove_if(ps_name_.begin(), ps_name_.end(),
                                      [](char c) { return c <= 32 || c >= 127 || c == '/' || c == '(' || c == ')'; }),
                       ps_name_.end());
        serif_ = ps_name_.find("Sans") == std::string::npos && ps_name_.find("Mono") == std::string::npos;
        parse_cmap();
    } catch (const std::out_of_range&) {
        throw std::runtime_error("damaged font file " + path + ": a table is shorter than it says");
    } catch (const std::runtime_error& e) {
        throw std::runtime_error("font file " + path + ": " + e.what());
    }
}

void FontFace::parse_cmap() {
    const std::string_view cmap = table("cmap");
    if (cmap.empty()) throw std::runtime_error("the cmap table is missing");
    std::string_view format4;
    std::string_view format12;
    const std::uint16_t count = u16(cmap, 2);
    for (std::uint16_t i = 0; i < count; ++i) {
        const std::size_t rec = 4 + 8 * static_cast<std::size_t>(i);
        const std::uint16_t platform = u16(cmap, rec);
        const std::uint16_t encoding = u16(cmap, rec + 2);
        const std::string_view sub = cmap.substr(u32(cmap, rec + 4));
        const std::uint16_t format = u16(sub, 0);
        if (format == 12 && (platform == 0 || (platform == 3 && encoding == 10))) format12 = sub;
        if (format == 4 && (platform == 0 || (platform == 3 && encoding == 1))) format4 = sub;
    }
    bmp_.assign(0x10000, 0);
    if (!format12.empty()) {
        const std::uint32_t groups = u32(format12, 12);
        for (std::uint32_t g = 0; g < groups; ++g) {
            const std::size_t at = 16 + 12 * static_cast<std::size_t>(g);
            const std::uint32_t first = u32(format12, at);
            const std::uint32_t last = std::min<std::uint32_t>(u32(format12, at + 4), 0x10FFFF);
            const std::uint32_t gid = u32(format12, at + 8);
            for (std::uint32_t c = first; c <= last && c >= first; ++c) {
                const std::uint32_t glyph = gid + (c - first);
                if (glyph >= static_cast<std::uint32_t>(num_glyphs_)) continue;
                if (c < 0x10000) {
                    bmp_[c] = static_cast<std::uint16_t>(glyph);
                } else {
                    astral_.emplace_back(static_cast<char32_t>(c), static_cast<std::uint16_t>(glyph));
                }
            }
        }
    } else if (!format4.empty()) {
        const std::size_t segs = u16(format4, 6) / 2U;
        const std::size_t ends = 14;
        const std::size_t starts = ends + 2 * segs + 2;
        const std::size_t deltas = starts + 2 * segs;
        const std::size_t offsets = deltas + 2 * segs;
        for (std::size_t s = 0; s < segs; ++s) {
            const std::uint32_t end = u16(format4, ends + 2 * s);
            const std::uint32_t start = u16(format4, starts + 2 * s);
            const std::uint16_t delta = u16(format4, deltas + 2 * s);
            const std::uint16_t range = u16(format4, offsets + 2 * s);
            for (std::uint32_t c = start; c <= end && c < 0xFFFF; ++c) {
                std::uint32_t glyph = 0;
                if (range == 0) {
                    glyph = (c + delta) & 0xFFFF;
                } else {
                    const std::size_t at = offsets + 2 * s + range + 2 * (c - start);
                    glyph = u16(format4, at);
                    if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
                }
                if (glyph < static_cast<std::uint32_t>(num_glyphs_)) bmp_[c] = static_cast<std::uint16_t>(glyph);
            }
        }
    } else {
        throw std::runtime_error("no Unicode cmap (format 4 or 12)");
    }
    std::sort(astral_.begin(), astral_.end());
}

std::uint16_t FontFace::glyph(char32_t cp) const {
    if (cp < 0x10000) return bmp_[cp];
    const auto it = std::lower_bound(astral_.begin(), astral_.end(), std::make_pair(cp, std::uint16_t{0}));
    return it != astral_.end() && it->first == cp ? it->second : 0;
}

int FontFace::advance(std::uint16_t gid) const {
    if (gid >= advances_.size()) return 0;
    return static_cast<int>(std::lround(advances_[gid] * 1000.0 / units_per_em_));
}

std::string_view FontFace::glyph_data(std::uint16_t gid) const {
    const std::string_view glyf = table("glyf");
    if (gid + 1U >= loca_.size() || loca_[gid + 1U] < loca_[gid]) return {};
    return glyf.substr(loca_[gid], loca_[gid + 1U] - loca_[gid]);
}

std::string FontFace::subset(std::vector<std::uint16_t>& glyphs) const {
    if (cff_) {
        for (const std::uint16_t g : glyphs) {
            if (g >= num_glyphs_) throw std::runtime_error("font " + ps_name_ + " has no glyph " + std::to_string(g));
        }
        return subset_cff(bytes_, glyphs, ps_name_);
    }
    // A damaged glyph is found only here, when it is first needed: say which font it is in.
    try {
        return subset_glyphs(glyphs);
    } catch (const std::out_of_range&) {
        throw std::runtime_error("font " + ps_name_ + ": a glyph is damaged (shorter than it says)");
    }
}

std::string FontFace::subset_glyphs(std::vector<std::uint16_t>& glyphs) const {
    std::unordered_map<std::uint16_t, std::uint16_t> renumber;
    for (std::size_t i = 0; i < glyphs.size(); ++i) {
        if (glyphs[i] >= num_glyphs_) throw std::runtime_error("font " + ps_name_ + " has no glyph " + std::to_string(glyphs[i]));
        renumber.emplace(glyphs[i], static_cast<std::uint16_t>(i));
    }
    // Close over components, however deeply composites nest (libharu 2.3.0 stops at one level).
    for (std::size_t i = 0; i < glyphs.size(); ++i) {
        for (const std::uint16_t part : components(glyph_data(glyphs[i]))) {
            if (part >= num_glyphs_) {
                throw std::runtime_error("font " + ps_name_ + ": glyph " + std::to_string(glyphs[i]) +
                                         " is made of glyph " + std::to_string(part) + ", which the font does not have");
            }
            if (renumber.emplace(part, static_cast<std::uint16_t>(glyphs.size())).second) glyphs.push_back(part);
        }
    }
    const std::string_view hmtx = table("hmtx");
    const std::size_t metrics = u16(table("hhea"), 34);
    std::string glyf;
    std::vector<std::uint32_t> offsets;
    std::string hmtx_out;
    for (const std::uint16_t gid : glyphs) {
        offsets.push_back(static_cast<std::uint32_t>(glyf.size()));
        glyf += rewrite_glyph(glyph_data(gid), renumber);
        if (glyf.size() % 2 != 0) glyf.push_back('\0');  // even offsets, so the short loca format serves
        put16(hmtx_out, advances_[gid]);
        const std::size_t lsb_at = gid < metrics ? 4 * static_cast<std::size_t>(gid) + 2
                                                 : 4 * metrics + 2 * (static_cast<std::size_t>(gid) - metrics);
        put16(hmtx_out, u16(hmtx, lsb_at));
    }
    offsets.push_back(static_cast<std::uint32_t>(glyf.size()));
    // Offsets in halves, two bytes each, while they fit (most subsets); else four bytes each.
    const bool short_loca = glyf.size() <= 0x1FFFE;
    std::string loca;
    for (const std::uint32_t at : offsets) {
        if (short_loca) {
            put16(loca, at / 2);
        } else {
            put32(loca, at);
        }
    }

    std::string head(table("head"));
    set32(head, 8, 0);
    set16(head, 50, short_loca ? 0 : 1);
    std::string hhea(table("hhea"));
    set16(hhea, 34, static_cast<std::uint32_t>(glyphs.size()));
    std::string maxp(table("maxp"));
    set16(maxp, 4, static_cast<std::uint32_t>(glyphs.size()));

    // Tables in tag order, as the directory must list them.
    const std::array<std::pair<const char*, const std::string*>, 6> tables{{
        {"glyf", &glyf}, {"head", &head}, {"hhea", &hhea}, {"hmtx", &hmtx_out}, {"loca", &loca}, {"maxp", &maxp}}};
    std::string out;
    put32(out, 0x00010000);
    put16(out, tables.size());
    put16(out, 64);  // searchRange for 6 tables: 16 * 2^floor(log2 6)
    put16(out, 2);
    put16(out, tables.size() * 16 - 64);
    std::size_t offset = 12 + 16 * tables.size();
    for (const auto& [tag, data] : tables) {
        out.append(tag, 4);
        put32(out, checksum(*data));
        put32(out, static_cast<std::uint32_t>(offset));
        put32(out, static_cast<std::uint32_t>(data->size()));
        offset += (data->size() + 3) & ~std::size_t{3};
    }
    std::size_t head_at = 0;
    for (const auto& [tag, data] : tables) {
        if (std::string_view(tag) == "head") head_at = out.size();
        out += *data;
        while (out.size() % 4 != 0) out.push_back('\0');
    }
    set32(out, head_at + 8, 0xB1B0AFBAU - checksum(out));
    return out;
}

}  // namespace briefkit::formats::pdf
