#include "formats/pdf/paragraph.hpp"

#include <cctype>
#include <cmath>

#include "formats/pdf/line_breaker.hpp"
#include "pipeline/model/text.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::formats::pdf {

namespace {

/// A paragraph's words, each a list of (span index, text) parts.
using Words = std::vector<std::vector<std::pair<std::size_t, std::string>>>;

constexpr double kHyphenPenalty = 50;
constexpr double kNameHyphenPenalty = 1000;  // a capitalised word, likely a name: only where nothing else sets the lines
constexpr double kSlashPenalty = 150;
constexpr double kEmergencyPenalty = 500;  // inside a token wider than the line
constexpr double kPretolerance = 100;  // TeX's \pretolerance: the unhyphenated pass

// A fragment of a word in one span; a line may break after it, as `after` says.
struct Fragment {
    std::size_t span = 0;
    std::string text;
    enum class After { nothing, hyphenate, hyphenate_name, slash_break } after = After::nothing;
};

// What an Item stands for, kept beside the items the breaker sees.
struct ItemInfo {
    std::vector<Placed> pieces;  // for a box
    std::size_t span = 0;        // for glue and penalties: the span whose space or hyphen it is
    bool space = false;          // glue that is a word space (as opposed to ragged-right filler)
};

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r'; }

// Splits a word into fragments at hyphenation points, and in long addresses after a slash or
// before the punctuation of the path.
// There is no break after a hyphen or dash the author wrote: text extraction (pdftotext) takes a
// line-final hyphen for an inserted one and drops it, so "Petro-|Chemical" would come back as
// "PetroChemical".
void split_word(const std::vector<std::pair<std::size_t, std::string>>& parts, const ParagraphSetting& setting,
                std::vector<Fragment>& out) {
    for (const auto& [span, text] : parts) {
        std::vector<std::pair<std::size_t, Fragment::After>> cuts;  // byte offset after which to cut
        if (text.size() > 16 && text.find('/') != std::string::npos) {
            // An address breaks after a slash, or before the punctuation of its path (as the
            // Chicago Manual has it: the mark that starts the next line shows the line goes on).
            const std::size_t scheme = text.find("//");
            const std::size_t host = scheme == std::string::npos ? 0 : scheme + 2;  // never `http://` alone on a line
            const std::size_t path = text.find('/', host);
            for (std::size_t at = std::max<std::size_t>(3, host + 1); at + 2 < text.size(); ++at) {
                const bool after_slash = text[at - 1] == '/' && text[at] != '/';
                const bool before_mark = at > path && std::string_view("-._?#&=").find(text[at]) != std::string_view::npos &&
                                         text[at - 1] != '/';
                if (after_slash || before_mark) cuts.emplace_back(at, Fragment::After::slash_break);
            }
        }
        if (setting.hyphenator != nullptr && cuts.empty()) {
            // Hyphenate the letters inside any leading and trailing punctuation.
            std::size_t b = 0;
            std::size_t e = text.size();
            const auto alpha = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
            while (b < e && !alpha(text[b]) && static_cast<unsigned char>(text[b]) < 0x80) ++b;
            while (e > b && !alpha(text[e - 1]) && static_cast<unsigned char>(text[e - 1]) < 0x80) --e;
            const std::string_view letters = std::string_view(text).substr(b, e - b);
            std::size_t first = 0;
            const bool name = setting.hyphenator->capitals_mark_names() && !letters.empty() &&
                              unicode::is_upper_or_title(utf8::next(letters, first));
            for (const std::size_t at : setting.hyphenator->points(letters)) {
                cuts.emplace_back(b + at, name ? Fragment::After::hyphenate_name : Fragment::After::hyphenate);
            }
        }
        std::size_t from = 0;
        for (const auto& [at, kind] : cuts) {
            out.push_back({span, text.substr(from, at - from), kind});
            from = at;
        }
        out.push_back({span, text.substr(from), Fragment::After::nothing});
    }
}

std::vector<Placed> place_glyphs(const std::string& text, const Span& span, const std::shared_ptr<const std::string>& href,
                                 FontSet& fonts) {
    std::vector<Glyph> glyphs;
    fonts.shape(text, span.face, glyphs);
    std::vector<Placed> pieces;
    for (const Glyph& g : glyphs) {
        if (pieces.empty() || pieces.back().font != g.font) {
            Placed p;
            p.font = g.font;
            p.size = span.size;
            p.colour = span.colour;
            p.href = href;
            pieces.push_back(p);
        }
        pieces.back().codes.push_back(g.code);
        pieces.back().kerns.push_back(g.kern);
        pieces.back().width += (g.advance + g.kern) * span.size / 1000.0;
    }
    return pieces;
}

// `text` whole, or, when it is wider than the line (a 5,000-letter string, a huge address), cut
// into its characters, so that the line breaker may break it anywhere rather than let it run
// off the page. A UTF-8 sequence is never split.
std::vector<std::string> fit_chunks(const std::string& text, const Span& span, FontSet& fonts, double width) {
    if (fonts.width(text, span.face, span.size) <= width) return {text};
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        utf8::next(text, pos);
        out.emplace_back(text, start, pos - start);
    }
    return out;
}

// The boxes, glue and penalties of a paragraph of `words`, with what each stands for.
void build_items(const Words& words, const std::vector<Span>& spans,
                 const std::vector<std::shared_ptr<const std::string>>& hrefs, FontSet& fonts,
                 const ParagraphSetting& setting, std::vector<Item>& items, std::vector<ItemInfo>& info) {
    items.clear();
    info.clear();
    const auto add = [&](Item item, ItemInfo i) {
        items.push_back(item);
        info.push_back(std::move(i));
    };
    for (std::size_t w = 0; w < words.size(); ++w) {
        if (w > 0) {
            const std::size_t span = words[w].front().first;
            const Span& sp = spans[span];
            const double space = fonts.space(sp.face).advance * sp.size / 1000.0;
            // A line never ends in a hyphen the author wrote (see split_word).
            const bool breakable = words[w - 1].back().second.back() != '-';
            if (!breakable) {
                add({Item::Kind::penalty, 0, 0, 0, kNoBreak, false}, {});
                add({Item::Kind::glue, space, setting.justify ? space / 2 : 0, setting.justify ? space / 3 : 0, 0, false},
                    {{}, span, true});
            } else if (setting.justify) {
                add({Item::Kind::glue, space, space / 2, space / 3, 0, false}, {{}, span, true});
            } else {
                const double filler = 3 * sp.size;
                add({Item::Kind::glue, 0, filler, 0, 0, false}, {{}, span, false});
                add({Item::Kind::penalty, 0, 0, 0, 0, false}, {{}, span, false});
                add({Item::Kind::glue, space, -filler, 0, 0, false}, {{}, span, true});
            }
        }
        std::vector<Fragment> fragments;
        split_word(words[w], setting, fragments);
        for (const Fragment& f : fragments) {
            for (const std::string& chunk : fit_chunks(f.text, spans[f.span], fonts, setting.width)) {
                if (!items.empty() && items.back().kind == Item::Kind::box) {
                    add({Item::Kind::penalty, 0, 0, 0, kEmergencyPenalty, false}, {{}, f.span, false});
                }
                std::vector<Placed> pieces = place_glyphs(chunk, spans[f.span], hrefs[f.span], fonts);
                double width = 0;
                for (const Placed& p : pieces) width += p.width;
                add({Item::Kind::box, width, 0, 0, 0, false}, {std::move(pieces), f.span, false});
            }
            if (f.after == Fragment::After::hyphenate || f.after == Fragment::After::hyphenate_name) {
                const Span& sp = spans[f.span];
                const double penalty = f.after == Fragment::After::hyphenate_name ? kNameHyphenPenalty : kHyphenPenalty;
                add({Item::Kind::penalty, fonts.width("-", sp.face, sp.size), 0, 0, setting.justify ? penalty : 5 * penalty, true},
                    {{}, f.span, false});
            } else if (f.after == Fragment::After::slash_break) {
                add({Item::Kind::penalty, 0, 0, 0, kSlashPenalty, false}, {{}, f.span, false});
            }
        }
    }
    if (items.empty()) return;
    add({Item::Kind::glue, 0, kFill, 0, 0, false}, {});
    add({Item::Kind::penalty, 0, 0, 0, kForcedBreak, false}, {});
}

/// The words of `spans`: runs of non-space characters, each a list of (span, text) parts.
Words split_words(const std::vector<Span>& spans) {
    Words words(1);
    for (std::size_t s = 0; s < spans.size(); ++s) {
        const std::string& text = spans[s].text;
        std::size_t pos = 0;
        while (pos < text.size()) {
            const std::size_t start = pos;
            const char32_t cp = utf8::next(text, pos);
            if (is_space(cp)) {
                if (!words.back().empty()) words.emplace_back();
                continue;
            }
            auto& word = words.back();
            if (word.empty() || word.back().first != s) word.emplace_back(s, std::string());
            word.back().second.append(text, start, pos - start);
        }
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

/// What a paragraph's lines are made from: its spans, their link targets, its items and their glyphs.
struct LineParts {
    const std::vector<Span>& spans;
    const std::vector<std::shared_ptr<const std::string>>& hrefs;
    const std::vector<Item>& items;
    const std::vector<ItemInfo>& info;
};

/// The line of items [start, br.position), with a hyphen when it breaks at a flagged penalty.
TextLine assemble_line(const LineParts& parts, std::size_t start, const Break& br, FontSet& fonts, bool justify) {
    const auto& [spans, hrefs, items, info] = parts;
    TextLine line;
    double x = 0;
    bool gap = false;
    for (std::size_t i = start; i < br.position; ++i) {
        const Item& item = items[i];
        if (item.kind == Item::Kind::box) {
            for (Placed p : info[i].pieces) {
                p.x = x;
                p.space_before = gap;
                if (gap) {
                    const Glyph space = fonts.space(spans[info[i].span].face);
                    p.space_code = space.font == p.font ? space.code : 0;
                    p.space_advance = space.font == p.font ? space.advance : 0;
                }
                gap = false;
                x += p.width;
                line.pieces.push_back(std::move(p));
            }
        } else if (item.kind == Item::Kind::glue) {
            const double ratio = std::isfinite(br.ratio) ? br.ratio : 0;
            const double adjust = ratio >= 0 ? ratio * item.stretch : ratio * item.shrink;
            x += item.width + (justify ? adjust : 0);
            if (info[i].space) gap = true;
        }
    }
    const Item& end = items[br.position];
    if (end.kind == Item::Kind::penalty && end.flagged && end.width > 0) {
        std::vector<Placed> hyphen = place_glyphs("-", spans[info[br.position].span], hrefs[info[br.position].span], fonts);
        for (Placed& p : hyphen) {
            p.x = x;
            x += p.width;
            line.pieces.push_back(std::move(p));
        }
        line.hyphenated = true;
    }
    line.width = line.pieces.empty() ? 0 : line.pieces.back().x + line.pieces.back().width;
    return line;
}

}  // namespace

std::vector<TextLine> set_paragraph(const std::vector<Span>& spans, FontSet& fonts, const ParagraphSetting& setting) {
    const Words words = split_words(spans);
    std::vector<std::shared_ptr<const std::string>> hrefs;
    for (const Span& span : spans) {
        hrefs.push_back(span.href.empty() ? nullptr : std::make_shared<const std::string>(span.href));
    }

    // As TeX does: first without hyphenation at a strict tolerance; hyphenate only when that fails.
    std::vector<Item> items;
    std::vector<ItemInfo> info;
    std::vector<Break> breaks;
    if (setting.hyphenator != nullptr) {
        ParagraphSetting plain = setting;
        plain.hyphenator = nullptr;
        build_items(words, spans, hrefs, fonts, plain, items, info);
        if (items.empty()) return {};
        breaks = break_lines(items, setting.width, {.tolerance = kPretolerance, .escalate = false});
    }
    if (breaks.empty()) {
        build_items(words, spans, hrefs, fonts, setting, items, info);
        if (items.empty()) return {};
        breaks = break_lines(items, setting.width);
    }
    std::vector<TextLine> lines;
    const LineParts parts{spans, hrefs, items, info};
    std::size_t start = 0;
    for (const Break& br : breaks) {
        while (start < br.position && items[start].kind != Item::Kind::box) ++start;
        lines.push_back(assemble_line(parts, start, br, fonts, setting.justify));
        start = br.position + 1;
    }
    return lines;
}

}  // namespace briefkit::formats::pdf
