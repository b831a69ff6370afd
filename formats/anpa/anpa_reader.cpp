#include "formats/anpa/anpa_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "briefkit/error.hpp"
#include "briefkit/overloaded.hpp"
#include "formats/markup/body_markup.hpp"
#include "formats/markup/feed_document.hpp"
#include "pipeline/model/limits.hpp"
#include "pipeline/model/swar.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::formats {

namespace {

constexpr char kSyn = '\x16';
constexpr char kSoh = '\x01';
constexpr char kStx = '\x02';
constexpr char kEtx = '\x03';
constexpr char kEot = '\x04';

constexpr std::string_view kLacks =
    "ANPA-1312 carries no URL, no language, no links, lists or headings but lines set apart, and the year only in "
    "its time trailer";

/// One line of the transmission's text, its markers taken off.
struct TextLine {
    std::string_view text;  ///< The line without its leading `^` or indent and its closing `<` or `=`.
    int number = 0;       ///< 1-based line of the file.
    bool set_apart = false;  ///< It started with `^`.
    bool indented = false;   ///< It started with a tab or spaces: a paragraph's first line.
    bool closed_by_equals = false;  ///< It ended with `=` (AP's code after bylines and heads).
    bool tabular = false;    ///< It started with BS: a row of a table, its cells set apart by US or RS.
};

constexpr char kBackspace = '\x08';

bool is_blank(char c) { return c == ' ' || c == '\t'; }

/// True for the tab stops (US, RS) that set a table row's cells apart.
bool is_cell_separator(char c) { return c == '\x1E' || c == '\x1F'; }

// The trims and tests below loop over bytes: find_first_not_of() searches its set once per byte.

std::string_view trim_view(std::string_view s) {
    while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
    return s;
}

std::string trim(std::string_view s) { return std::string(trim_view(s)); }

/// `bytes` as UTF-8: as they are when valid, else read as ISO-8859-1 with a note.
std::string decode(std::string_view bytes, std::vector<Note>& notes) {
    if (utf8::is_valid(bytes)) return std::string(bytes);
    // ISO-8859-1's bytes are the code points U+0000 to U+00FF: ASCII is copied as it is.
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 4);
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x80) {
            out += c;
        } else {
            utf8::append(out, b);
        }
    }
    notes.push_back(Note{0, "encoding-guessed", "the transmission is not UTF-8; it was read as ISO-8859-1"});
    return out;
}

/// The transmission's envelope: the second header line's keyword slug and version, and its MM-DD.
struct Envelope {
    std::string slug;
    std::string version;
};

Envelope read_envelope(std::string_view header) {
    Envelope env;
    const std::size_t lf = header.find('\n');
    if (lf == std::string_view::npos) return env;
    std::string second(header.substr(lf + 1));
    std::replace_if(second.begin(), second.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }, ' ');
    std::vector<std::string> tokens;
    for (std::size_t pos = 0; pos < second.size();) {
        const std::size_t start = second.find_first_not_of(' ', pos);
        if (start == std::string::npos) break;
        const std::size_t end = std::min(second.find(' ', start), second.size());
        tokens.push_back(second.substr(start, end - start));
        pos = end;
    }
    // priority, category, slug, [version...], MM-DD, [word count]
    if (tokens.size() < 3) return env;
    env.slug = tokens[2];
    for (std::size_t i = 3; i < tokens.size(); ++i) {
        if (tokens[i].size() == 5 && tokens[i][2] == '-') break;
        env.version += (env.version.empty() ? "" : " ") + tokens[i];
    }
    return env;
}

/// Appends `line` to `out` without its control codes: tab stops (US, RS) set a row's cells
/// apart and stay in one (`tabular`), elsewhere they are spaces; the others (DLE, a fixed space
/// before a space) carry nothing. Never longer than `line`. Most lines hold no control code at
/// all, and are copied eight bytes at a time.
void append_clean_line(std::string_view line, bool tabular, std::string& out) {
    const std::size_t plain = swar::skip_words(line, [](std::uint64_t w) { return swar::has_below(w, 0x20); });
    out.append(line.substr(0, plain));
    for (const char c : line.substr(plain)) {
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') {
            out += c;
        } else if (is_cell_separator(c)) {
            out += tabular ? c : ' ';
        }
    }
}

/// The lines of the text, each with its markers read. Their text is kept in `kept`, which must
/// outlive them; no line is a string of its own.
std::vector<TextLine> text_lines(std::string_view text, int first_line, std::string& kept) {
    std::vector<TextLine> lines;
    lines.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
    // The lines' views point into `kept`, which must therefore never grow past this.
    kept.clear();
    kept.reserve(text.size());
    int number = first_line;
    for (std::size_t pos = 0; pos <= text.size(); ++number) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view slice = text.substr(pos, end - pos);
        pos = end + 1;
        const std::string_view content = trim_view(slice);
        const bool tabular = !content.empty() && content.front() == kBackspace;
        const std::size_t start = kept.size();
        append_clean_line(slice, tabular, kept);
        std::string_view raw(kept.data() + start, kept.size() - start);
        // Two set-apart codes may share a line: `^*9006< ^AP-Top-...<`.
        for (std::size_t split = raw.find("< ^"); split != std::string_view::npos && trim_view(raw).starts_with('^');
             split = raw.find("< ^")) {
            lines.push_back({trim_view(raw.substr(0, split + 1)).substr(1), number, true, false, false});
            raw.remove_prefix(split + 2);
        }
        TextLine line;
        line.number = number;
        line.tabular = tabular;
        line.indented = !raw.empty() && (raw[0] == '\t' || raw[0] == ' ');
        std::string_view text_part = trim_view(raw);
        line.set_apart = text_part.starts_with('^');
        if (line.set_apart) text_part.remove_prefix(1);
        while (!text_part.empty() && (text_part.back() == '<' || text_part.back() == ' ' || text_part.back() == '=')) {
            line.closed_by_equals = line.closed_by_equals || text_part.back() == '=';
            text_part.remove_suffix(1);
        }
        line.text = text_part;
        lines.push_back(std::move(line));
        if (end == text.size()) break;
    }
    return lines;
}

/// The time trailer `AP-WF-08-29-16 1626GMT` as a date in UTC; nullopt for any other text.
std::optional<Date> trailer_date(std::string_view text) {
    const std::size_t space = text.rfind(' ');
    if (space == std::string_view::npos || space < 8 || !text.ends_with("GMT")) return std::nullopt;
    const std::string_view stamp = text.substr(space - 8, 8);  // MM-DD-YY
    const std::string_view time = text.substr(space + 1, 4);
    const auto number = [](std::string_view s) {
        int v = 0;
        for (const char c : s) {
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    };
    if (stamp[2] != '-' || stamp[5] != '-') return std::nullopt;
    const int month = number(stamp.substr(0, 2));
    const int day = number(stamp.substr(3, 2));
    const int year = number(stamp.substr(6, 2));
    const int hhmm = number(time);
    if (month < 0 || day < 0 || year < 0 || hhmm < 0 || hhmm / 100 > 23 || hhmm % 100 > 59) return std::nullopt;
    Date date{{year < 70 ? 2000 + year : 1900 + year, month, day}, TimeOfDay{hhmm / 100, hhmm % 100, 0}, 0,
              std::string(text), false};
    if (!date.day.valid()) return std::nullopt;
    return date;
}

/// True for a row of a table: a line starting with BS, or one whose cells `;` sets apart.
bool is_table_row(const TextLine& line) {
    return line.tabular || (!line.set_apart && std::count(line.text.begin(), line.text.end(), ';') >= 2);
}

/// The cells of a table row: split at `;`, or at its tab stops (US, RS).
std::vector<std::string> row_cells(const TextLine& line) {
    const std::string_view text = line.text;
    std::vector<std::string> cells;
    if (text.find(';') != std::string_view::npos) {
        for (std::size_t pos = 0;;) {
            const std::size_t semi = text.find(';', pos);
            std::string cell(text.substr(pos, semi == std::string_view::npos ? std::string_view::npos : semi - pos));
            std::replace_if(cell.begin(), cell.end(), is_cell_separator, ' ');
            cells.push_back(trim(cell));
            if (semi == std::string_view::npos) break;
            pos = semi + 1;
        }
        return cells;
    }
    // A row that starts at a tab stop has an empty first cell (a header row's stub).
    const std::size_t first = text.find_first_not_of(' ');
    if (first != std::string_view::npos && is_cell_separator(text[first])) cells.emplace_back();
    for (std::size_t pos = 0; pos <= text.size();) {
        const std::size_t next = static_cast<std::size_t>(
            std::find_if(text.begin() + static_cast<std::ptrdiff_t>(pos), text.end(), is_cell_separator) - text.begin());
        if (std::string cell = trim(text.substr(pos, next - pos)); !cell.empty()) {
            cells.push_back(std::move(cell));
        }
        pos = next + 1;
    }
    return cells;
}

bool has_digit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// True for a cell that is a figure: digits with `.`, `,`, `-`, `+`, `%` or AP's `{` (a half).
bool is_figure(std::string_view s) {
    return has_digit(s) && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-' || c == '+' || c == '%' || c == '{';
           });
}

/// The table of `rows` (whose cells' text it moves out): a header row when the first holds no
/// figure, and columns of figures aligned right.
Table make_table(std::vector<std::vector<std::string>>& rows) {
    Table table;
    std::size_t columns = 0;
    for (const auto& row : rows) columns = std::max(columns, row.size());
    const bool header = rows.size() > 1 && std::none_of(rows.front().begin(), rows.front().end(), [](const std::string& c) {
                            return is_figure(c);
                        });
    for (std::size_t c = 0; c < columns; ++c) {
        std::size_t numeric = 0;
        std::size_t filled = 0;
        for (std::size_t r = header ? 1 : 0; r < rows.size(); ++r) {
            if (c >= rows[r].size() || rows[r][c].empty()) continue;
            ++filled;
            if (is_figure(rows[r][c]) || rows[r][c] == "_") ++numeric;
        }
        table.columns.push_back(filled > 0 && numeric * 2 > filled ? Alignment::right : Alignment::left);
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::vector<Inlines> cells(columns);
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            if (!rows[r][c].empty()) cells[c].emplace_back(Text{std::move(rows[r][c])});
        }
        (header && r == 0 ? table.head : table.rows).push_back(std::move(cells));
    }
    return table;
}


/// AP's typewriter conventions restored in `text`: `` and '' as curly quotes, ` _ ` (or `_` as
/// a whole table cell) as a dash, `{` after a figure (or as a whole cell) as a half. Counts what it changed into `restored`.
std::string restore_typewriter(std::string text, std::size_t& restored) {
    const auto replace_all = [&](std::string_view from, std::string_view to) {
        for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
            text.replace(at, from.size(), to);
            ++restored;
        }
    };
    if (text == "_") {  // a table's empty figure
        ++restored;
        return "\u2014";
    }
    // Most runs hold no code at all, which a scan eight bytes at a time shows.
    const auto is_code = [](char c) { return c == '`' || c == '\'' || c == '_' || c == '{'; };
    const std::size_t words = swar::skip_words(text, [](std::uint64_t w) {
        return swar::has_byte(w, '`') || swar::has_byte(w, '\'') || swar::has_byte(w, '_') || swar::has_byte(w, '{');
    });
    if (std::none_of(text.begin() + static_cast<std::ptrdiff_t>(words), text.end(), is_code)) return text;
    replace_all("``", "\u201C");
    replace_all("''", "\u201D");
    replace_all(" _ ", " \u2014 ");
    for (std::size_t at = text.find('{'); at != std::string::npos; at = text.find('{', at + 1)) {
        if (text.size() == 1 || (at > 0 && text[at - 1] >= '0' && text[at - 1] <= '9')) {
            text.replace(at, 1, "\u00BD");
            ++restored;
        }
    }
    return text;
}

/// Reads the lines of a transmission's text into a document.
class TextReader {
public:
    TextReader(Document& doc, const Envelope& envelope) : doc_(doc), envelope_(envelope) {}

    void run(const std::vector<TextLine>& lines) {
        for (const TextLine& line : lines) take(line);
        flush_paragraph();
        flush_table();
        finish_summary();
        move_dateline();
        restore();
    }

private:
    void take(const TextLine& line) {
        if (is_table_row(line)) {
            flush_paragraph();
            table_.push_back(row_cells(line));
            body_started_ = true;
            return;
        }
        flush_table();
        if (line.text.empty()) {
            flush_paragraph();
        } else if (std::all_of(line.text.begin(), line.text.end(), [](char c) { return c == '_' || c == '-'; })) {
            flush_paragraph();
            note(line, "separator-dropped", fmt::format("the separator line '{}' was left out", line.text));
        } else if (line.set_apart) {
            flush_paragraph();
            set_apart(line);
        } else if (line.indented || paragraph_.empty()) {
            flush_paragraph();
            paragraph_ = line.text;
            body_started_ = true;
        } else {
            paragraph_ += ' ';
            paragraph_ += line.text;
        }
    }

    /// A line set apart with `^`: the keyword line, notes to editors, the byline, the headline,
    /// summary lines before the body, and headings or lines of their own within it.
    void set_apart(const TextLine& line) {
        const std::string_view text = line.text;
        if (!keyword_seen_ && names_slug(text)) {
            keyword_seen_ = true;
            note(line, "keyword-line-read", fmt::format("the keyword line '{}' is the slug, not text", text));
        } else if (!keyword_seen_ && text.starts_with('*')) {
            note(line, "keyword-line-read", fmt::format("the line '{}' is a transmission code, not text", text));
        } else if (text == "END" || text == "MORE" || text == "(END)" || text == "(MORE)") {
            note(line, "end-mark-read", fmt::format("the mark '{}' ends a take; it is not text", text));
        } else if (text.starts_with("Eds:") || text.starts_with("(Eds:")) {
            note(line, "editors-note-read", fmt::format("note to editors, not article text: {}", text));
        } else if (text.starts_with("AP Photo")) {
            note(line, "photo-reference-read", fmt::format("photo reference, not article text: {}", text));
        } else if (!body_started_ && text.starts_with("By ")) {
            for (std::string& a : markup::authors_from_byline(text)) doc_.meta.authors.push_back(std::move(a));
            after_byline_ = true;
        } else if (!body_started_ && after_byline_ && line.closed_by_equals && markup::is_byline_title(text)) {
            note(line, "byline-title-read", fmt::format("the byline's title '{}' is not text", text));
            after_byline_ = false;
        } else if (doc_.meta.title.empty()) {
            doc_.meta.title = text;
        } else if (!body_started_ && !line.closed_by_equals) {
            summary_.push_back(line);
        } else if (line.closed_by_equals && text.size() < 80) {
            doc_.body.emplace_back(Heading{2, {Text{std::string(text)}}});
        } else {
            doc_.body.emplace_back(Paragraph{{Text{std::string(text)}}});
        }
    }

    /// True when `text` starts with the envelope's keyword slug, spaces aside (the slug is the
    /// keyword line's text cut to 24 characters and without its spaces).
    [[nodiscard]] bool names_slug(std::string_view text) const {
        std::string squeezed(text);
        std::erase(squeezed, ' ');
        const std::size_t n = std::min<std::size_t>(envelope_.slug.size(), 12);
        return n > 0 && squeezed.starts_with(std::string_view(envelope_.slug).substr(0, n));
    }

    void flush_paragraph() {
        if (!paragraph_.empty()) doc_.body.emplace_back(Paragraph{{Text{std::move(paragraph_)}}});
        paragraph_.clear();
    }

    /// Ends the table being read; rows that hold no cell at all (a lone BS) make none.
    void flush_table() {
        if (std::any_of(table_.begin(), table_.end(), [](const auto& row) { return !row.empty(); })) {
            doc_.body.emplace_back(make_table(table_));
        }
        table_.clear();
    }

    /// Lines set apart between the headline and the body: a summary where a body follows them
    /// (kept in a note: the body says it again), else the text itself (a list of headlines).
    void finish_summary() {
        const bool has_body = std::any_of(doc_.body.begin(), doc_.body.end(), [](const Block& b) {
            return !std::holds_alternative<Heading>(b);
        });
        if (has_body) {
            for (const TextLine& line : summary_) {
                note(line, "summary-read", fmt::format("the summary line '{}' sums up the body; it is not kept as text",
                                                       line.text));
            }
            return;
        }
        std::vector<Block> blocks;
        for (const TextLine& line : summary_) blocks.emplace_back(Paragraph{{Text{std::string(line.text)}}});
        doc_.body.insert(doc_.body.begin(), blocks.begin(), blocks.end());
    }

    /// The first paragraph's dateline, `BEIJING (AP) _ `: its place and its agency.
    void move_dateline() {
        for (Block& block : doc_.body) {
            auto* p = std::get_if<Paragraph>(&block);
            if (p == nullptr) continue;
            std::string& text = std::get<Text>(p->content.front()).text;
            const std::size_t open = text.find(" (");
            const std::size_t close = open == std::string::npos ? open : text.find(") _ ", open);
            if (close == std::string::npos || open > 80 || close - open > 32) return;
            doc_.meta.place = markup::dateline_place(text.substr(0, open));
            if (doc_.meta.source.name.empty()) doc_.meta.source.name = text.substr(open + 2, close - open - 2);
            doc_.notes.push_back(Note{0, "dateline-moved",
                                      fmt::format("dateline '{}' moved out of the first paragraph; place is '{}'",
                                                  text.substr(0, close + 3), doc_.meta.place)});
            text.erase(0, close + 4);
            return;
        }
    }

    void restore() {
        std::size_t restored = 0;
        doc_.meta.title = restore_typewriter(doc_.meta.title, restored);
        for (Block& block : doc_.body) {
            std::visit(overloaded{[&](Paragraph& p) { restore_run(p.content, restored); },
                                  [&](Heading& h) { restore_run(h.content, restored); },
                                  [&](Table& t) {
                                      for (auto* rows : {&t.head, &t.rows}) {
                                          for (auto& row : *rows) {
                                              for (Inlines& cell : row) restore_run(cell, restored);
                                          }
                                      }
                                  },
                                  [](List&) {}, [](Quote&) {}, [](Preformatted&) {}},
                       block);
        }
        if (restored > 0) {
            doc_.notes.push_back(Note{0, "typewriter-restored",
                                      fmt::format("{} of AP's typewriter codes read as what they stand for: `` and '' as "
                                                  "curly quotes, ' _ ' as a dash, '{{' after a figure as a half",
                                                  restored)});
        }
    }

    static void restore_run(Inlines& run, std::size_t& restored) {
        for (Inline& node : run) {
            if (auto* t = std::get_if<Text>(&node)) t->text = restore_typewriter(std::move(t->text), restored);
        }
    }

    void note(const TextLine& line, std::string rule, std::string message) {
        doc_.notes.push_back(Note{line.number, std::move(rule), std::move(message)});
    }

    Document& doc_;
    const Envelope& envelope_;
    std::string paragraph_;
    std::vector<std::vector<std::string>> table_;
    std::vector<TextLine> summary_;
    bool keyword_seen_ = false;
    bool after_byline_ = false;
    bool body_started_ = false;
};

}  // namespace

bool looks_like_anpa(std::string_view bytes) {
    std::size_t at = 0;
    while (at < bytes.size() && at < 8 && bytes[at] == kSyn) ++at;
    return at < bytes.size() && bytes[at] == kSoh;
}

}  // namespace briefkit::formats

namespace briefkit::formats {

Document read_anpa(std::string_view bytes, std::string_view name, const ReadOptions& options) {
    check_input_size(bytes.size(), name, options);
    if (!looks_like_anpa(bytes)) {
        throw InputError("not an ANPA-1312 transmission: it does not start with SOH (after any SYN characters)",
                         std::string(name), 1);
    }
    const std::size_t stx = bytes.find(kStx);
    if (stx == std::string_view::npos) {
        throw InputError("holds no text: the ANPA-1312 transmission has no STX, where its text would start",
                         std::string(name));
    }
    // The text ends at ETX or EOT (a byte loop: find_first_of searches its set once per byte).
    const std::size_t end = static_cast<std::size_t>(
        std::find_if(bytes.begin() + static_cast<std::ptrdiff_t>(stx), bytes.end(),
                     [](char c) { return c == kEtx || c == kEot; }) -
        bytes.begin());
    Document doc;
    const Envelope envelope = read_envelope(bytes.substr(bytes.find(kSoh) + 1, stx - bytes.find(kSoh) - 1));
    const std::string text = decode(bytes.substr(stx + 1, end - stx - 1), doc.notes);
    const int first_line = 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(stx), '\n'));
    std::string line_text;
    TextReader(doc, envelope).run(text_lines(text, first_line, line_text));
    // After ETX comes the time trailer, `AP-WF-08-29-16 1626GMT`: the agency and the time sent.
    if (end < bytes.size() && bytes[end] == kEtx) {
        const std::size_t eot = bytes.find(kEot, end);
        std::string trailer = trim(decode(bytes.substr(end + 1, eot == std::string_view::npos ? std::string_view::npos
                                                                                               : eot - end - 1),
                                          doc.notes));
        std::erase_if(trailer, [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == '<'; });
        if (std::optional<Date> date = trailer_date(trailer)) {
            doc.meta.date = std::move(date);
            if (doc.meta.source.name.empty()) doc.meta.source.name = trailer.substr(0, trailer.find('-'));
        }
    }
    if (!doc.meta.date) {
        doc.notes.push_back(Note{0, "date-incomplete",
                                 "the transmission has no time trailer; its header's month and day name no year"});
    }
    markup::finish_feed_document(doc, "ANPA-1312", kLacks, name, options);
    return doc;
}

}  // namespace briefkit::formats
