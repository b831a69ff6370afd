#include "formats/pdf/paragraph.hpp"

#include <cctype>
#include <cmath>

#include "formats/pdf/bidi.hpp"
#include "formats/pdf/east_asian_breaks.hpp"
#include "formats/pdf/line_breaker.hpp"
#include "pipeline/model/text.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::formats::pdf {

namespace {

/// A part of a word in one span.
struct Part {
    std::size_t span = 0;    // the span it is in
    std::string text;        // its text
    std::size_t offset = 0;  // where it starts in the paragraph's text (all spans' text, one after another)
};

/// A paragraph's words, each a list of parts.
using Words = std::vector<std::vector<Part>>;

constexpr double kHyphenPenalty = 50;
constexpr double kNameHyphenPenalty = 1000;  // a capitalised word, likely a name: only where nothing else sets the lines
constexpr double kSlashPenalty = 150;
constexpr double kEmergencyPenalty = 500;  // inside a token wider than the line
constexpr double kPretolerance = 100;  // TeX's \pretolerance: the unhyphenated pass
// The most a justified line's room stretches, as a share of its stretch: 3 times a word space,
// the breaker's last tolerance. A line that would need more (a long address alone with a word
// or two) is set at that and left short of the margin, not spread into gaps.
constexpr double kMostStretch = 4;
constexpr double kEastAsianStretch = 0.1;  // between two East Asian letters, ems
constexpr double kEastAsianShrink = 0.02;

// A fragment of a word in one span; a line may break after it, as `after` says.
struct Fragment {
    std::size_t span = 0;
    std::string text;
    std::size_t offset = 0;  // in the paragraph's text
    enum class After { nothing, hyphenate, hyphenate_name, author_hyphen, slash_break, east_asian_break } after = After::nothing;
};

// What an Item stands for, kept beside the items the breaker sees.
struct ItemInfo {
    std::vector<Placed> pieces;  // for a box
    std::size_t span = 0;        // for glue and penalties: the span whose space or hyphen it is
    bool space = false;          // glue that is a word space (as opposed to ragged-right filler)
};

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r'; }

using Cuts = std::vector<std::pair<std::size_t, Fragment::After>>;  // byte offsets after which to cut, in order

// The cuts of a long address: after a slash, or before the punctuation of its path (as the
// Chicago Manual has it: the mark that starts the next line shows the line goes on).
Cuts address_cuts(std::string_view text) {
    Cuts cuts;
    if (text.size() <= 16 || text.find('/') == std::string_view::npos) return cuts;
    const std::size_t scheme = text.find("//");
    const std::size_t host = scheme == std::string_view::npos ? 0 : scheme + 2;  // never `http://` alone on a line
    const std::size_t path = text.find('/', host);
    for (std::size_t at = std::max<std::size_t>(3, host + 1); at + 2 < text.size(); ++at) {
        const bool after_slash = text[at - 1] == '/' && text[at] != '/';
        const bool before_mark = at > path && std::string_view("-._?#&=").find(text[at]) != std::string_view::npos && text[at - 1] != '/';
        if (after_slash || before_mark) cuts.emplace_back(at, Fragment::After::slash_break);
    }
    return cuts;
}

// The hyphenation points of `letters`, a run of a word starting at byte `at` of it: a
// capitalised run is marked a name where the hyphenator says capitals mark names.
void add_hyphenation_cuts(std::string_view letters, std::size_t at, const Hyphenator& hyphenator, Cuts& cuts) {
    if (letters.empty()) return;
    std::size_t first = 0;
    const bool name = hyphenator.capitals_mark_names() && unicode::is_upper_or_title(utf8::next(letters, first));
    for (const std::size_t point : hyphenator.points(letters)) {
        cuts.emplace_back(at + point, name ? Fragment::After::hyphenate_name : Fragment::After::hyphenate);
    }
}

// The cuts of a word: after each hyphen the author wrote between letters (`Start-|up-|Unternehmen`,
// at least two letters on each side), and, with a hyphenator, at the hyphenation points of each
// run of letters between them, inside any leading and trailing punctuation (`«`, `„`, `),`).
Cuts word_cuts(std::string_view text, const Hyphenator* hyphenator) {
    // Each character's first byte and whether it is a letter; one more entry marks the end.
    thread_local std::vector<std::pair<std::size_t, bool>> chars;
    chars.clear();
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t at = pos;
        const char32_t cp = utf8::next(text, pos);
        chars.emplace_back(at, unicode::is_letter(cp));
    }
    chars.emplace_back(text.size(), false);
    std::size_t first = 0;  // index of the first letter, and one past the last
    std::size_t last = chars.size() - 1;
    while (first < last && !chars[first].second) ++first;
    while (last > first && !chars[last - 1].second) --last;
    Cuts cuts;
    std::size_t run = chars[first].first;  // byte where the run of letters being hyphenated starts
    const auto letter = [](std::size_t i) { return chars[i].second; };
    for (std::size_t i = first + 2; i + 2 < last; ++i) {
        const std::size_t at = chars[i].first;
        if (text[at] != '-' || !letter(i - 1) || !letter(i - 2) || !letter(i + 1) || !letter(i + 2)) continue;
        if (hyphenator != nullptr) add_hyphenation_cuts(text.substr(run, at - run), run, *hyphenator, cuts);
        cuts.emplace_back(at + 1, Fragment::After::author_hyphen);
        run = at + 1;
    }
    const std::size_t end = chars[last].first;
    if (hyphenator != nullptr && end > run) add_hyphenation_cuts(text.substr(run, end - run), run, *hyphenator, cuts);
    return cuts;
}

// Splits a word into fragments where a line may break: in a long address after a slash or
// before the punctuation of its path; between East Asian letters; else after a hyphen the
// author wrote and at hyphenation points.
void split_word(const std::vector<Part>& parts, const ParagraphSetting& setting, std::vector<Fragment>& out) {
    for (const auto& [span, text, offset] : parts) {
        Cuts cuts = address_cuts(text);
        if (cuts.empty()) {
            for (const std::size_t at : east_asian_breaks(text)) cuts.emplace_back(at, Fragment::After::east_asian_break);
        }
        if (cuts.empty()) cuts = word_cuts(text, setting.hyphenator);
        std::size_t from = 0;
        for (const auto& [at, kind] : cuts) {
            out.push_back({span, text.substr(from, at - from), offset + from, kind});
            from = at;
        }
        out.push_back({span, text.substr(from), offset + from, Fragment::After::nothing});
    }
}

/// Appends `glyphs`, of embedding level `level`, to `pieces`: one piece per run of one font.
void add_glyphs(const std::vector<Glyph>& glyphs, std::uint8_t level, const Span& span,
                const std::shared_ptr<const std::string>& href, std::vector<Placed>& pieces) {
    bool first = true;
    for (const Glyph& g : glyphs) {
        if (first || pieces.back().font != g.font) {
            Placed p;
            p.font = g.font;
            p.size = span.size;
            p.colour = span.colour;
            p.href = href;
            p.level = level;
            pieces.push_back(p);
            first = false;
        }
        Placed& p = pieces.back();
        if ((g.dx != 0 || g.dy != 0) && p.offsets.empty()) p.offsets.resize(p.codes.size());
        p.codes.push_back(g.code);
        p.kerns.push_back(g.kern);
        if (!p.offsets.empty()) p.offsets.emplace_back(g.dx, g.dy);
        p.width += (g.advance + g.kern) * span.size / 1000.0;
    }
}

/// The glyphs of `text`, which starts at byte `offset` of the paragraph whose embedding levels
/// are `levels`: each run of one level shaped in its direction.
std::vector<Placed> place_glyphs(std::string_view text, std::size_t offset, const Span& span,
                                 const std::shared_ptr<const std::string>& href, FontSet& fonts, const BidiLevels& levels) {
    std::vector<Placed> pieces;
    std::vector<Glyph> glyphs;
    std::size_t from = 0;
    while (from < text.size()) {
        const std::uint8_t level = levels.at(offset + from);
        std::size_t to = from + 1;
        while (to < text.size() && levels.at(offset + to) == level) ++to;
        glyphs.clear();
        fonts.shape(text.substr(from, to - from), span.face, glyphs, (level & 1) != 0);
        add_glyphs(glyphs, level, span, href, pieces);
        from = to;
    }
    return pieces;
}

// `text` whole, or, when it is wider than the line (a 5,000-letter string, a huge address), cut
// into its characters, so that the line breaker may break it anywhere rather than let it run
// off the page. A UTF-8 sequence is never split.
// Each chunk is its offset in `text` and its text.
std::vector<std::pair<std::size_t, std::string_view>> fit_chunks(std::string_view text, const Span& span, FontSet& fonts,
                                                                double width) {
    if (fonts.width(text, span.face, span.size) <= width) return {{0, text}};
    std::vector<std::pair<std::size_t, std::string_view>> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        utf8::next(text, pos);
        out.emplace_back(start, text.substr(start, pos - start));
    }
    return out;
}

// The width of `word`, its parts in their spans' faces and sizes.
double word_width(const std::vector<Part>& word, const std::vector<Span>& spans, FontSet& fonts) {
    double width = 0;
    for (const Part& part : word) width += fonts.width(part.text, spans[part.span].face, spans[part.span].size);
    return width;
}

// Room of `width` points a line may end at, in span `span` of type size `size`: justified,
// glue that stretches and shrinks by `stretch` and `shrink`; ragged, a filler that ends the
// line there and is taken back where the line goes on. A word space (`space`) is drawn as one.
template <typename Add>
void add_break_room(double width, double stretch, double shrink, std::size_t span, double size, bool justify, bool space,
                    const Add& add) {
    if (justify) {
        add({Item::Kind::glue, width, stretch, shrink, 0, false}, {{}, span, space});
        return;
    }
    const double filler = 3 * size;
    add({Item::Kind::glue, 0, filler, 0, 0, false}, {{}, span, false});
    add({Item::Kind::penalty, 0, 0, 0, 0, false}, {{}, span, false});
    add({Item::Kind::glue, width, -filler, 0, 0, false}, {{}, span, space});
}

// The boxes, glue and penalties of a paragraph of `words`, with what each stands for.
void build_items(const Words& words, const std::vector<Span>& spans,
                 const std::vector<std::shared_ptr<const std::string>>& hrefs, const BidiLevels& levels, FontSet& fonts,
                 const ParagraphSetting& setting, std::vector<Item>& items, std::vector<ItemInfo>& info) {
    items.clear();
    info.clear();
    const auto add = [&](Item item, ItemInfo i) {
        items.push_back(item);
        info.push_back(std::move(i));
    };
    for (std::size_t w = 0; w < words.size(); ++w) {
        if (w > 0) {
            const std::size_t span = words[w].front().span;
            const Span& sp = spans[span];
            const double space = fonts.space(sp.face).advance * sp.size / 1000.0;
            // A line never ends in a hyphen the author wrote (see split_word).
            const bool breakable = words[w - 1].back().text.back() != '-';
            if (!breakable) {
                add({Item::Kind::penalty, 0, 0, 0, kNoBreak, false}, {});
                add({Item::Kind::glue, space, setting.justify ? space / 2 : 0, setting.justify ? space / 3 : 0, 0, false},
                    {{}, span, true});
            } else {
                add_break_room(space, space / 2, space / 3, span, sp.size, setting.justify, true, add);
            }
        }
        std::vector<Fragment> fragments;
        split_word(words[w], setting, fragments);
        // Where a word changes span (a link and its comma), a line breaks only if the whole word
        // is wider than the line; inside a span too wide, between any two characters.
        const bool wider_than_line = words[w].size() > 1 && word_width(words[w], spans, fonts) > setting.width;
        for (const Fragment& f : fragments) {
            for (const auto& [at, chunk] : fit_chunks(f.text, spans[f.span], fonts, setting.width)) {
                if ((at > 0 || wider_than_line) && !items.empty() && items.back().kind == Item::Kind::box) {
                    add({Item::Kind::penalty, 0, 0, 0, kEmergencyPenalty, false}, {{}, f.span, false});
                }
                std::vector<Placed> pieces = place_glyphs(chunk, f.offset + at, spans[f.span], hrefs[f.span], fonts, levels);
                double width = 0;
                for (const Placed& p : pieces) width += p.width;
                add({Item::Kind::box, width, 0, 0, 0, false}, {std::move(pieces), f.span, false});
            }
            if (f.after == Fragment::After::hyphenate || f.after == Fragment::After::hyphenate_name) {
                const Span& sp = spans[f.span];
                const double penalty = f.after == Fragment::After::hyphenate_name ? kNameHyphenPenalty : kHyphenPenalty;
                add({Item::Kind::penalty, fonts.width("-", sp.face, sp.size), 0, 0, setting.justify ? penalty : 5 * penalty, true},
                    {{}, f.span, false});
            } else if (f.after == Fragment::After::author_hyphen) {
                // The hyphen is already printed: a flagged break of no width (TeX's \exhyphenpenalty).
                add({Item::Kind::penalty, 0, 0, 0, setting.justify ? kHyphenPenalty : 5 * kHyphenPenalty, true}, {{}, f.span, false});
            } else if (f.after == Fragment::After::slash_break) {
                add({Item::Kind::penalty, 0, 0, 0, kSlashPenalty, false}, {{}, f.span, false});
            } else if (f.after == Fragment::After::east_asian_break) {
                // No room between East Asian letters, but room to stretch: a line of Chinese
                // is justified between its characters, having no spaces.
                const double size = spans[f.span].size;
                add_break_room(0, kEastAsianStretch * size, kEastAsianShrink * size, f.span, size, setting.justify, false, add);
            }
        }
    }
    if (items.empty()) return;
    add({Item::Kind::glue, 0, kFill, 0, 0, false}, {});
    add({Item::Kind::penalty, 0, 0, 0, kForcedBreak, false}, {});
}

/// The words of `spans`: runs of non-space characters, each a list of parts.
Words split_words(const std::vector<Span>& spans) {
    Words words(1);
    std::size_t span_offset = 0;
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
            if (word.empty() || word.back().span != s) word.push_back({s, std::string(), span_offset + start});
            word.back().text.append(text, start, pos - start);
        }
        span_offset += text.size();
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

/// What a paragraph's lines are made from: its spans, their link targets, its items and their
/// glyphs, its embedding levels, and the line width.
struct LineParts {
    const std::vector<Span>& spans;
    const std::vector<std::shared_ptr<const std::string>>& hrefs;
    const std::vector<Item>& items;
    const std::vector<ItemInfo>& info;
    const BidiLevels& levels;
    double width;
};

/// A piece of a line in logical order, with the room before it.
struct Cell {
    Placed piece;
    double gap = 0;           // room before it, in points
    bool space = false;       // that room is a word space
    Face space_face = Face::body;  // the face of that space
};

/// True when a line ending at `end` ends in an inserted hyphen.
bool ends_hyphenated(const Item& end) { return end.kind == Item::Kind::penalty && end.flagged && end.width > 0; }

/// The cells of items [start, br.position), with a hyphen when it breaks at a flagged penalty.
std::vector<Cell> line_cells(const LineParts& parts, std::size_t start, const Break& br, FontSet& fonts, bool justify) {
    const auto& [spans, hrefs, items, info, levels, width] = parts;
    std::vector<Cell> cells;
    Cell next;
    for (std::size_t i = start; i < br.position; ++i) {
        const Item& item = items[i];
        if (item.kind == Item::Kind::box) {
            for (const Placed& p : info[i].pieces) {
                next.piece = p;
                cells.push_back(std::move(next));
                next = Cell();
            }
        } else if (item.kind == Item::Kind::glue) {
            const double ratio = std::isfinite(br.ratio) ? std::min(br.ratio, kMostStretch) : 0;
            const double adjust = ratio >= 0 ? ratio * item.stretch : ratio * item.shrink;
            next.gap += item.width + (justify ? adjust : 0);
            if (info[i].space) {
                next.space = true;
                next.space_face = spans[info[i].span].face;
            }
        }
    }
    if (ends_hyphenated(items[br.position])) {
        const std::size_t span = info[br.position].span;
        for (Placed& p : place_glyphs("-", 0, spans[span], hrefs[span], fonts, BidiLevels())) {
            p.level = cells.empty() ? 0 : cells.back().piece.level;
            cells.push_back({std::move(p), 0, false, Face::body});
        }
    }
    return cells;
}

/// The order in which `cells` and the room before each are drawn, left to right: entry 2k is
/// the room before cell k, 2k + 1 the cell (UAX #9 rule L2; a room takes the lower level of
/// the cells beside it).
std::vector<std::size_t> visual_cells(const std::vector<Cell>& cells) {
    std::vector<std::uint8_t> levels;
    for (std::size_t k = 0; k < cells.size(); ++k) {
        const std::uint8_t own = cells[k].piece.level;
        levels.push_back(k == 0 ? own : std::min(own, cells[k - 1].piece.level));
        levels.push_back(own);
    }
    return visual_order(levels);
}

/// The line of items [start, br.position), its pieces in visual order; a line of a
/// right-to-left paragraph that does not fill the width is set flush right.
TextLine assemble_line(const LineParts& parts, std::size_t start, const Break& br, FontSet& fonts, bool justify) {
    std::vector<Cell> cells = line_cells(parts, start, br, fonts, justify);
    std::vector<std::size_t> order;
    if (parts.levels.of_byte.empty()) {
        for (std::size_t k = 0; k < 2 * cells.size(); ++k) order.push_back(k);
    } else {
        order = visual_cells(cells);
    }
    TextLine line;
    line.hyphenated = ends_hyphenated(parts.items[br.position]);
    double x = 0;
    const Cell* space = nullptr;  // the word space just passed, if any
    for (std::size_t k = 0; k < order.size(); ++k) {
        Cell& cell = cells[order[k] / 2];
        if (order[k] % 2 == 0) {
            if (k > 0) x += cell.gap;  // no room before the line's first piece
            if (cell.space && k > 0) space = &cell;
            continue;
        }
        Placed p = std::move(cell.piece);
        p.x = x;
        p.space_before = space != nullptr;
        if (space != nullptr) {
            const Glyph glyph = fonts.space(space->space_face);
            p.space_code = glyph.font == p.font ? glyph.code : 0;
            p.space_advance = glyph.font == p.font ? glyph.advance : 0;
        }
        space = nullptr;
        x += p.width;
        line.pieces.push_back(std::move(p));
    }
    line.width = line.pieces.empty() ? 0 : line.pieces.back().x + line.pieces.back().width;
    if ((parts.levels.paragraph & 1) != 0 && line.width < parts.width) {
        const double shift = parts.width - line.width;
        for (Placed& p : line.pieces) p.x += shift;
        line.width = parts.width;
    }
    return line;
}

}  // namespace

std::vector<TextLine> set_paragraph(const std::vector<Span>& spans, FontSet& fonts, const ParagraphSetting& setting) {
    const Words words = split_words(spans);
    std::string text;
    for (const Span& span : spans) text += span.text;
    const BidiLevels levels = resolve_levels(text);
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
        build_items(words, spans, hrefs, levels, fonts, plain, items, info);
        if (items.empty()) return {};
        breaks = break_lines(items, setting.width, {.tolerance = kPretolerance, .escalate = false});
    }
    if (breaks.empty()) {
        build_items(words, spans, hrefs, levels, fonts, setting, items, info);
        if (items.empty()) return {};
        breaks = break_lines(items, setting.width);
    }
    std::vector<TextLine> lines;
    const LineParts parts{spans, hrefs, items, info, levels, setting.width};
    std::size_t start = 0;
    for (const Break& br : breaks) {
        while (start < br.position && items[start].kind != Item::Kind::box) ++start;
        lines.push_back(assemble_line(parts, start, br, fonts, setting.justify));
        start = br.position + 1;
    }
    return lines;
}

}  // namespace briefkit::formats::pdf
