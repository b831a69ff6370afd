// The body: lines between header and trailer become paragraphs, lists, quotes and headings.
// Hard-wrapped lines are joined, words hyphenated across a line end are rejoined, and a
// paragraph broken mid-sentence across a blank line is made whole again; each repair is noted.
#include <fmt/format.h>

#include <map>
#include <regex>

#include "formats/text/article_parts.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::formats::text {

namespace {

enum class Kind { paragraph, bullet_item, ordered_item, quote, heading, table };

/// A run of lines that forms one block (or one list item) before joining.
struct Piece {
    Kind kind = Kind::paragraph;
    std::vector<const Line*> lines;
    std::string marker_free_first;  // first line without its list, quote or heading marker
    int number = 0;                 // ordered list number, heading level, index of a table
    bool after_gap = false;         // a blank line (or indentation) separates it from the piece before
};

struct Marker {
    Kind kind;
    int number;
    std::string rest;
};

std::optional<Marker> block_marker(std::string_view text) {
    static const std::regex bullet(R"(^(?:[-*]|•|·|▪|◦|‣)\s+(\S.*)$)");
    static const std::regex ordered(R"(^(\d{1,3})[.)]\s+(\S.*)$)");
    static const std::regex heading(R"(^(#{1,6})\s+(.*?)(?:\s+#+)?$)");
    std::cmatch m;
    if (text.size() < 3) return std::nullopt;
    // Every marker starts with '-', '*', '#', a digit, or a bullet sign (its UTF-8 starts C2 or E2).
    const auto first = static_cast<unsigned char>(text.front());
    if (first != '-' && first != '*' && first != '#' && (first < '0' || first > '9') && first != 0xC2 && first != 0xE2) {
        return std::nullopt;
    }
    // Each form's start, checked before its regex: a sign, digits or hashes, then a space.
    const auto space_at = [&](std::size_t i) { return i < text.size() && regex_space(text[i]); };
    std::size_t run = 0;
    while (run < text.size() && ascii_digit(text[run])) ++run;
    std::size_t hashes = 0;
    while (hashes < text.size() && text[hashes] == '#') ++hashes;
    const bool bullet_start = ((first == '-' || first == '*') && space_at(1)) || first == 0xC2 || first == 0xE2;
    const bool ordered_start = run >= 1 && run <= 3 && run < text.size() && (text[run] == '.' || text[run] == ')') &&
                               space_at(run + 1);
    const bool heading_start = hashes >= 1 && hashes <= 6 && space_at(hashes);
    if (bullet_start && std::regex_match(text.begin(), text.end(), m, bullet)) {
        return Marker{Kind::bullet_item, 0, m[1].str()};
    }
    if (ordered_start && std::regex_match(text.begin(), text.end(), m, ordered)) {
        return Marker{Kind::ordered_item, std::atoi(m[1].str().c_str()), m[2].str()};
    }
    if (heading_start && std::regex_match(text.begin(), text.end(), m, heading) && m[2].length() > 0) {
        return Marker{Kind::heading, static_cast<int>(m[1].length()), m[2].str()};
    }
    return std::nullopt;
}

std::string_view quote_rest(std::string_view text) {
    text.remove_prefix(1);
    if (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    return text;
}

/// Lines longer than this were never hard-wrapped: each is a paragraph of its own.
constexpr std::size_t kNeverWrappedWidth = 110;

std::string_view first_word(std::string_view text) { return text.substr(0, text.find(' ')); }

/// Letters at the end of `text` before a final hyphen (`infec-` gives `infec`), or empty.
std::string_view hyphenated_stem(std::string_view text) {
    if (text.size() < 3 || text.back() != '-') return {};
    std::size_t start = text.size() - 1;
    while (start > 0 && std::isalpha(static_cast<unsigned char>(text[start - 1]))) --start;
    if (start == text.size() - 1) return {};
    return text.substr(start, text.size() - 1 - start);
}

std::string_view leading_letters(std::string_view text) {
    std::size_t n = 0;
    while (n < text.size() && std::isalpha(static_cast<unsigned char>(text[n]))) ++n;
    return text.substr(0, n);
}

class BodyReader {
public:
    BodyReader(Draft& draft, NoteLog& notes) : d_(draft), notes_(notes) {}

    void run() {
        if (d_.body_begin >= d_.body_end) return;
        indented_ = d_.wire || indented_layout();
        tables_ = find_column_tables(d_, notes_);
        std::vector<Piece> pieces = indented_ ? indented_pieces() : blank_separated_pieces();
        // An indent marks a paragraph start explicitly; only blank-line breaks can be accidents.
        if (!indented_) rejoin_broken(pieces);
        emit(pieces);
    }

private:
    /// Paragraphs start with an indented line and continue flush left (wire copy).
    bool indented_layout() const {
        int indented = 0;
        int flush = 0;
        int blank = 0;
        for (std::size_t i = d_.body_begin; i < d_.body_end; ++i) {
            const Line& l = d_.lines[i];
            if (l.blank()) {
                ++blank;
            } else if (l.indent >= 2) {
                ++indented;
            } else {
                ++flush;
            }
        }
        return indented >= 2 && flush >= 1 && blank < indented;
    }

    /// The width lines [begin, end) were wrapped at: their longest line. It is measured per
    /// block, since one file may hold paragraphs wrapped at 70 columns and others on one line each.
    std::size_t wrap_width(std::size_t begin, std::size_t end) const {
        std::size_t w = 0;
        for (std::size_t i = begin; i < end; ++i) w = std::max(w, length(d_.lines[i].text));
        return w;
    }

    /// The indentation that starts a paragraph: the commonest indent of two or more spaces.
    /// Wire copy indents by four; a line indented less continues the paragraph.
    int paragraph_indent() const {
        std::map<int, int> counts;
        for (std::size_t i = d_.body_begin; i < d_.body_end; ++i) {
            if (d_.lines[i].indent >= 2 && !d_.lines[i].blank()) ++counts[d_.lines[i].indent];
        }
        int best = 2;
        int best_count = 0;
        for (const auto& [indent, count] : counts) {
            if (count >= best_count) {  // ties go to the deeper indent
                best = indent;
                best_count = count;
            }
        }
        return best;
    }

    /// In indented text only the indent starts a paragraph: a flush-left line after a blank
    /// line still continues the paragraph before it, and the blank line is noted as a repair.
    std::vector<Piece> indented_pieces() {
        const int indent = paragraph_indent();
        std::vector<Piece> pieces;
        bool gap = false;
        for (std::size_t i = d_.body_begin; i < d_.body_end; ++i) {
            const Line& l = d_.lines[i];
            if (l.blank()) {
                gap = true;
                continue;
            }
            if (const std::size_t end = take_table(i, pieces); end != i) {
                i = end - 1;
                gap = false;
                continue;
            }
            if (pieces.empty() || l.indent >= indent || pieces.back().kind == Kind::table) {
                pieces.push_back(Piece{Kind::paragraph, {}, l.text, 0, !pieces.empty()});
            } else if (gap) {
                notes_.add(l.number, "paragraph-rejoined",
                           fmt::format("blank line before line {} inside an indented paragraph removed", l.number));
                rejoined_.push_back(l.number);
            }
            pieces.back().lines.push_back(&l);
            gap = false;
        }
        return pieces;
    }

    /// True when the line break between `a` and `b` ends a paragraph in blank-separated text
    /// wrapped at `width`. `per_line` says that the run of lines holds one paragraph per line.
    static bool breaks_between(const Line& a, const Line& b, bool per_line, std::size_t width) {
        if (!hyphenated_stem(a.text).empty()) return false;
        if (starts_lower(b.text)) return false;
        // Text never wrapped this wide, or every line ends a sentence: each line is a paragraph.
        if (width > kNeverWrappedWidth || (per_line && ends_sentence(a.text))) return true;
        // The next word would have fitted on this line, so the break was meant.
        const bool fits = length(a.text) + 1 + length(first_word(b.text)) <= width;
        return fits && (ends_sentence(a.text) || (starts_upper_or_digit(b.text) && length(a.text) * 10 < width * 6));
    }

    /// The column table that starts at line `i`, or null.
    const LineTable* table_starting(std::size_t i) const {
        for (const LineTable& t : tables_) {
            if (t.begin == i) return &t;
        }
        return nullptr;
    }

    /// Adds the table starting at line `i` as a piece and returns its end; returns `i` when none starts there.
    std::size_t take_table(std::size_t i, std::vector<Piece>& pieces) const {
        const LineTable* t = table_starting(i);
        if (t == nullptr) return i;
        Piece piece{Kind::table, {}, {}, static_cast<int>(t - tables_.data()), !pieces.empty()};
        for (std::size_t k = t->begin; k < t->end; ++k) piece.lines.push_back(&d_.lines[k]);
        pieces.push_back(std::move(piece));
        return t->end;
    }

    std::vector<Piece> blank_separated_pieces() const {
        std::vector<Piece> pieces;
        std::size_t i = d_.body_begin;
        while (i < d_.body_end) {
            if (d_.lines[i].blank()) {
                ++i;
                continue;
            }
            if (const std::size_t table_end = take_table(i, pieces); table_end != i) {
                i = table_end;
                continue;
            }
            std::size_t end = i;
            while (end < d_.body_end && !d_.lines[end].blank() && table_starting(end) == nullptr) ++end;
            split_chunk(i, end, pieces);
            i = end;
        }
        return pieces;
    }

    /// True when every line of [begin, end) ends a sentence: one paragraph per line.
    /// Hard-wrapped text breaks mostly inside sentences.
    bool paragraph_per_line(std::size_t begin, std::size_t end) const {
        if (end - begin < 2) return false;
        for (std::size_t i = begin; i + 1 < end; ++i) {
            if (!ends_sentence(d_.lines[i].text)) return false;
        }
        return true;
    }

    /// Splits the blank-free run of lines [begin, end) into pieces.
    void split_chunk(std::size_t begin, std::size_t end, std::vector<Piece>& pieces) const {
        const bool first_after_gap = !pieces.empty();
        const bool per_line = paragraph_per_line(begin, end);
        const std::size_t width = wrap_width(begin, end);
        bool all_quoted = true;
        for (std::size_t i = begin; i < end; ++i) all_quoted = all_quoted && d_.lines[i].text.front() == '>';
        if (all_quoted) {
            Piece q{Kind::quote, {}, {}, 0, first_after_gap};
            for (std::size_t i = begin; i < end; ++i) q.lines.push_back(&d_.lines[i]);
            pieces.push_back(std::move(q));
            return;
        }
        for (std::size_t i = begin; i < end; ++i) {
            const Line& l = d_.lines[i];
            const auto marker = block_marker(l.text);
            const bool after_break = i == begin || ends_sentence(d_.lines[i - 1].text) || in_item(pieces, i, begin);
            const bool starts_item = marker && after_break &&
                                     (marker->kind == Kind::bullet_item ||
                                      (marker->kind == Kind::ordered_item && marker->number <= 99));
            const bool starts_heading = marker && marker->kind == Kind::heading && i == begin && end == begin + 1;
            if (starts_item || starts_heading) {
                pieces.push_back(Piece{marker->kind, {&l}, marker->rest, marker->number, i == begin && first_after_gap});
                continue;
            }
            const bool continues_item = in_item(pieces, i, begin) && l.indent >= 1;
            if (i == begin || (!continues_item && breaks_between(d_.lines[i - 1], l, per_line, width))) {
                pieces.push_back(Piece{Kind::paragraph, {&l}, l.text, 0, i == begin && first_after_gap});
            } else {
                pieces.back().lines.push_back(&l);
            }
        }
    }

    /// True when line `i` of a chunk starting at `begin` follows a list item of that chunk.
    static bool in_item(const std::vector<Piece>& pieces, std::size_t i, std::size_t begin) {
        return i > begin && !pieces.empty() &&
               (pieces.back().kind == Kind::bullet_item || pieces.back().kind == Kind::ordered_item);
    }

    /// Joins a paragraph broken mid-sentence across a blank line with the part before it.
    void rejoin_broken(std::vector<Piece>& pieces) {
        for (std::size_t i = 1; i < pieces.size();) {
            Piece& prev = pieces[i - 1];
            Piece& next = pieces[i];
            const std::string& tail = prev.lines.back()->text;
            // Two figure rows are whole lines, whatever the case of the second (`net 7.6 mln vs 7.5 mln`).
            const auto rows = [&] {
                return prev.lines.size() == 1 && next.lines.size() == 1 && compared_figure_row(tail) &&
                       compared_figure_row(next.lines.front()->text);
            };
            const bool broken = prev.kind == Kind::paragraph && next.kind == Kind::paragraph && next.after_gap &&
                                !ends_sentence(tail) && starts_lower(next.lines.front()->text) && !rows();
            if (!broken) {
                ++i;
                continue;
            }
            notes_.add(next.lines.front()->number, "paragraph-rejoined",
                       fmt::format("paragraph broken mid-sentence between lines {} and {} rejoined ('{}' / '{}')",
                                   prev.lines.back()->number, next.lines.front()->number, last_words(tail),
                                   first_words(next.lines.front()->text)));
            rejoined_.push_back(next.lines.front()->number);
            prev.lines.insert(prev.lines.end(), next.lines.begin(), next.lines.end());
            pieces.erase(pieces.begin() + static_cast<std::ptrdiff_t>(i));
        }
    }

    static std::string last_words(std::string_view s) {
        std::size_t cut = s.size();
        for (int words = 0; words < 3 && cut != std::string_view::npos && cut > 0; ++words) cut = s.rfind(' ', cut - 1);
        return std::string(cut == std::string_view::npos ? s : s.substr(cut + 1));
    }

    static std::string first_words(std::string_view s) {
        std::size_t cut = 0;
        for (int words = 0; words < 3 && cut != std::string_view::npos; ++words) cut = s.find(' ', cut + 1);
        return std::string(cut == std::string_view::npos ? s : s.substr(0, cut));
    }

    /// Joins the lines of one piece into text; `first` is the first line without its marker.
    std::string join(const std::vector<const Line*>& lines, std::string_view first) {
        std::string text(first);
        for (std::size_t k = 1; k < lines.size(); ++k) append(text, *lines[k]);
        return text;
    }

    void append(std::string& text, const Line& next) {
        const std::string stem(hyphenated_stem(text));  // a copy: `text` changes below
        const bool rejoin_note = std::find(rejoined_.begin(), rejoined_.end(), next.number) == rejoined_.end();
        if (!stem.empty() && !next.text.empty() && std::isalpha(static_cast<unsigned char>(next.text.front()))) {
            const std::string_view rest = leading_letters(next.text);
            const std::string joined = std::string(stem) + std::string(rest);
            const bool keep = !starts_lower(next.text) || keeps_hyphen(stem, rest);
            if (!keep) text.pop_back();
            text += next.text;
            notes_.add(next.number, "hyphen-rejoined",
                       keep ? fmt::format("'{}-' and '{}' across a line end joined as '{}-{}'", stem, rest, stem, rest)
                            : fmt::format("word split across a line end ('{}-' / '{}') rejoined as '{}'", stem, rest,
                                          joined));
            return;
        }
        text += ' ';
        text += next.text;
        if (rejoin_note) notes_.tally(next.number, "wrapped-lines-joined", "hard-wrapped lines joined into paragraphs");
    }

    /// Keeps the hyphen only when the document itself writes the hyphenated form and never the joined one.
    bool keeps_hyphen(std::string_view stem, std::string_view rest) {
        if (corpus_.empty()) {
            for (std::size_t i = d_.body_begin; i < d_.body_end; ++i) {
                corpus_ += fold_case(d_.lines[i].text);
                corpus_ += '\n';
            }
        }
        const std::string hyphenated = fold_case(std::string(stem) + "-" + std::string(rest));
        const std::string joined = fold_case(std::string(stem) + std::string(rest));
        return corpus_.find(hyphenated) != std::string::npos && corpus_.find(joined) == std::string::npos;
    }

    void emit(const std::vector<Piece>& pieces) {
        std::size_t i = 0;
        while (i < pieces.size()) {
            const Piece& p = pieces[i];
            const int line = p.lines.front()->number;
            switch (p.kind) {
                case Kind::paragraph:
                    add(Paragraph{link_inlines(join(p.lines, p.marker_free_first))}, line);
                    ++i;
                    break;
                case Kind::heading:
                    notes_.tally(line, "heading-marker-removed", "'#' heading markers removed");
                    add(Heading{p.number, link_inlines(join(p.lines, p.marker_free_first))}, line);
                    ++i;
                    break;
                case Kind::quote: i = emit_quote(pieces, i); break;
                case Kind::table:
                    add(tables_[static_cast<std::size_t>(p.number)].block, line);
                    ++i;
                    break;
                case Kind::bullet_item:
                case Kind::ordered_item: i = emit_list(pieces, i); break;
            }
        }
    }

    std::size_t emit_quote(const std::vector<Piece>& pieces, std::size_t i) {
        Quote quote;
        const int line = pieces[i].lines.front()->number;
        for (; i < pieces.size() && pieces[i].kind == Kind::quote; ++i) {
            std::vector<Line> stripped;
            stripped.reserve(pieces[i].lines.size());
            for (const Line* l : pieces[i].lines) {
                notes_.tally(l->number, "quote-markers-removed", "'>' quotation markers removed");
                stripped.push_back(Line{l->number, 0, std::string(quote_rest(l->text)), {}});
            }
            std::size_t k = 0;
            while (k < stripped.size()) {
                while (k < stripped.size() && stripped[k].blank()) ++k;
                if (k == stripped.size()) break;
                std::vector<const Line*> lines;
                while (k < stripped.size() && !stripped[k].blank()) lines.push_back(&stripped[k++]);
                quote.paragraphs.push_back(link_inlines(join(lines, lines.front()->text)));
            }
        }
        if (!quote.paragraphs.empty()) add(std::move(quote), line);
        return i;
    }

    /// Emits consecutive items of one kind as a list; a lone item stays a paragraph with its marker.
    std::size_t emit_list(const std::vector<Piece>& pieces, std::size_t i) {
        const Kind kind = pieces[i].kind;
        std::size_t end = i + 1;
        while (end < pieces.size() && pieces[end].kind == kind &&
               (kind == Kind::bullet_item || pieces[end].number == pieces[end - 1].number + 1)) {
            ++end;
        }
        if (end - i < 2) {
            const Piece& p = pieces[i];
            add(Paragraph{link_inlines(join(p.lines, p.lines.front()->text))}, p.lines.front()->number);
            return i + 1;
        }
        List list{kind == Kind::ordered_item, {}};
        for (std::size_t k = i; k < end; ++k) {
            notes_.tally(pieces[k].lines.front()->number, "list-markers-removed", "list item markers removed");
            list.items.push_back(link_inlines(join(pieces[k].lines, pieces[k].marker_free_first)));
        }
        add(std::move(list), pieces[i].lines.front()->number);
        return end;
    }

    void add(Block block, int line) {
        d_.body.push_back(std::move(block));
        d_.block_lines.push_back(line);
    }

    Draft& d_;
    NoteLog& notes_;
    bool indented_ = false;
    std::string corpus_;
    std::vector<int> rejoined_;  // first lines of rejoined paragraph parts: noted already
    std::vector<LineTable> tables_;  // the column layouts among the lines, in order
};

}  // namespace

void read_body(Draft& draft, NoteLog& notes) { BodyReader(draft, notes).run(); }

}  // namespace briefkit::formats::text
