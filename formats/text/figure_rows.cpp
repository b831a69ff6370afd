// Wire copy's figure rows: paragraphs such as `Shr profit three cts vs loss 14 cts` or
// `Net 86,220,000 vs 102,629,000`, each a label, this period's figure and the prior period's.
// A run of them (with the label rows between them, `Year`, and the `Pay April one` rows after
// a dividend) becomes one table of three columns (five when a row also compares the year to
// date: `..., making 16.4p vs 13.8p`), so that no writer prints them as prose. Every word
// stays: the prior figure keeps its `vs` (`Shr | 1.58 dlrs | vs 1.93 dlrs`). A row is short,
// a label that names a figure (no clause: `Profit rose to`, no sentence opener: `The board`),
// and no sentence inside, so prose with figures stays prose.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "formats/text/article_parts.hpp"

namespace briefkit::formats::text {

namespace {

constexpr std::size_t kMaxRowLength = 100;
constexpr std::size_t kMaxRowWords = 16;
constexpr std::size_t kMaxLabelWords = 8;
constexpr std::size_t kMaxLabelRowWords = 3;
constexpr std::size_t kMaxValueRowWords = 5;

/// One figure row: a label and one or two figures.
struct FigureRow {
    std::string label;
    std::string current;
    std::string prior;
    std::string running;        // a second comparison: `making 16.4p` ...
    std::string running_prior;  // ... `vs 12.7p for nine months`
    bool compared = false;      // a `vs` row
};

/// True when `text` holds ` vs`. Found from its `v`s, which are rare, not from its spaces,
/// which are every few bytes: this runs over every paragraph of every article.
bool has_vs(std::string_view text) {
    for (std::size_t v = text.find('v', 1); v != std::string_view::npos; v = text.find('v', v + 1)) {
        if (text[v - 1] == ' ' && v + 1 < text.size() && text[v + 1] == 's') return true;
    }
    return false;
}

/// True when `word` is one of the lower-case ASCII `words`, in any letter case; no allocation.
template <std::size_t N>
bool in_list(std::string_view word, const std::array<std::string_view, N>& words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) {
        return w.size() == word.size() && std::equal(w.begin(), w.end(), word.begin(), [](char a, char b) {
                   return a == (b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : b);
               });
    });
}

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> out;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string joined(const std::vector<std::string_view>& words, std::size_t begin, std::size_t end) {
    std::string out;
    for (std::size_t i = begin; i < end; ++i) {
        if (i > begin) out += ' ';
        out += words[i];
    }
    return out;
}

/// A figure: digits first (`1.58`, `86,220,000`, `$5`, `(12)`), or a number written as a word.
bool figure(std::string_view word) {
    while (!word.empty() && (word.front() == '$' || word.front() == '(' || word.front() == '-' || word.front() == '+')) {
        word.remove_prefix(1);
    }
    if (!word.empty() && ascii_digit(static_cast<unsigned char>(word.front()))) return true;
    static constexpr std::array<std::string_view, 14> kNumberWords{"one", "two",   "three",  "four", "five",
                                                                   "six", "seven", "eight",  "nine", "ten",
                                                                   "eleven", "twelve", "nil", "n.a."};
    return in_list(word, kNumberWords);
}

/// Words a figure may carry before it: `profit two cts`, `loss 12 cts`, `March 15`.
bool figure_prefix(std::string_view word) {
    static constexpr std::array<std::string_view, 17> kPrefixes{
        "profit", "loss", "gain", "credit", "january", "february", "march", "april", "may",
        "june",   "july", "august", "september", "october", "november", "december", "about"};
    return in_list(word, kPrefixes);
}

/// True when `text` holds a sentence's end before more text: a full stop after a word of three
/// or more letters, then a capital (`... rose. The ...`); `U.K. 37` and `vs. 8.51` are not.
bool sentence_inside(std::string_view text) {
    for (std::size_t dot = text.find(". "); dot != std::string_view::npos; dot = text.find(". ", dot + 1)) {
        if (dot + 2 >= text.size() || !starts_upper_or_digit(text.substr(dot + 2)) || ascii_digit(static_cast<unsigned char>(text[dot + 2]))) {
            continue;
        }
        std::size_t letters = 0;
        for (std::size_t k = dot; k > 0 && std::isalpha(static_cast<unsigned char>(text[k - 1])) != 0; --k) ++letters;
        if (letters >= 3) return true;
    }
    return false;
}

/// True for a word that makes a label a clause (`Profit rose to 12 mln`): a row's label names a figure.
bool clause_word(std::string_view word) {
    // Not `to`: `Year to end-June Shr 81.2p vs 70.4p` is a label.
    static constexpr std::array<std::string_view, 15> kWords{"was",  "were", "is",    "are",  "rose",     "fell",
                                                             "said", "has",  "had",   "will", "would",    "says",
                                                             "rises", "includes", "excludes"};
    return in_list(word, kWords);
}

/// True for a word that starts a sentence, never a row's label: `The board proposed ...`.
bool sentence_opener(std::string_view word) {
    static constexpr std::array<std::string_view, 14> kOpeners{"the", "a",  "an", "this", "that", "these", "its",
                                                               "it",  "he", "she", "they", "we",  "i",     "there"};
    return in_list(word, kOpeners);
}

/// Where the figure of `words` [0, end) starts: its first figure after at least one label word,
/// with the word before it when that word belongs to it; 0 when there is none.
std::size_t figure_start(const std::vector<std::string_view>& words, std::size_t end) {
    for (std::size_t k = 1; k < end; ++k) {
        if (!figure(words[k])) continue;
        return k >= 2 && figure_prefix(words[k - 1]) ? k - 1 : k;
    }
    return 0;
}

/// Where the second comparison of a row starts, between its two `vs`: at `making` (or `and`),
/// after the prior figure; 0 when the words between are not `figure [unit], making figure`.
std::size_t running_start(const std::vector<std::string_view>& words, std::size_t vs, std::size_t second_vs) {
    for (std::size_t k = vs + 2; k + 1 < second_vs; ++k) {
        if (in_list(words[k], std::array<std::string_view, 2>{"making", "and"}) && figure(words[k + 1])) return k;
    }
    return 0;
}

std::optional<FigureRow> figure_row(std::string_view text, bool compared_only) {
    if (text.size() > kMaxRowLength || text.empty()) return std::nullopt;
    if (compared_only && !has_vs(text)) return std::nullopt;  // most paragraphs
    const std::vector<std::string_view> words = words_of(text);
    if (words.size() > kMaxRowWords) return std::nullopt;
    std::size_t vs = 0;
    std::size_t second_vs = 0;  // `Shr 6.2p vs 5.3p, making 16.4p vs 13.8p`: the year to date after the quarter
    for (std::size_t k = 1; k + 1 < words.size(); ++k) {
        if (words[k] != "vs" && words[k] != "vs.") continue;
        if (second_vs != 0) return std::nullopt;  // three comparisons: prose
        (vs != 0 ? second_vs : vs) = k;
    }
    const std::size_t value_end = vs != 0 ? vs : words.size();
    std::size_t start = figure_start(words, value_end);
    // `profit` belongs to the figure when the prior one is signed too (`profit 3 cts vs loss 14 cts`),
    // else to the label (`Pre-tax profit | 612 mln stg | vs 540 mln`).
    const auto signed_word = [](std::string_view w) {
        return in_list(w, std::array<std::string_view, 4>{"profit", "loss", "gain", "credit"});
    };
    if (start != 0 && vs != 0 && signed_word(words[start]) && !signed_word(words[vs + 1])) ++start;
    FigureRow row;
    if (start == 0) {
        if (vs != 0 || words.size() > kMaxLabelRowWords || ends_sentence(text)) return std::nullopt;
        row.label = std::string(text);  // a label row such as `Year` or `Nine mths`
        return row;
    }
    if (start > kMaxLabelWords || sentence_opener(words.front()) ||
        std::any_of(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(start), clause_word)) {
        return std::nullopt;
    }
    row.label = joined(words, 0, start);
    // A label is a name (`Net`, `Earnings per share:`), not a sentence or a `NOTE: ...` line.
    const std::size_t colon = row.label.find(':');
    if (colon != std::string::npos && colon + 1 != row.label.size()) return std::nullopt;
    if (sentence_inside(row.label)) return std::nullopt;
    row.current = joined(words, start, value_end);
    if (vs != 0) {
        // A row may end in a full stop after its last figure (`vs 3.40 billion.`), no sentence inside.
        if (sentence_inside(text)) return std::nullopt;
        bool prior_figure = false;
        for (std::size_t k = vs + 1; k < words.size(); ++k) prior_figure = prior_figure || figure(words[k]);
        if (!prior_figure) return std::nullopt;
        const std::size_t prior_end = second_vs != 0 ? running_start(words, vs, second_vs) : words.size();
        if (prior_end == 0) return std::nullopt;
        row.prior = joined(words, vs, prior_end);  // `vs 1.93 dlrs`: every word of the row is kept
        if (second_vs != 0) {
            row.running = joined(words, prior_end, second_vs);
            row.running_prior = joined(words, second_vs, words.size());
        }
        row.compared = true;
    } else if (words.size() > kMaxValueRowWords || ends_sentence(text)) {
        return std::nullopt;
    }
    return row;
}

/// The figure row paragraph `b` of the body makes: one run of text, short and shaped as a row
/// (a row the file wrapped or broke across a blank line was rejoined before, with a note).
/// `compared_only` asks for a `vs` row only, as a run's first row must be.
std::optional<FigureRow> row_at(const Draft& d, std::size_t b, bool compared_only) {
    const auto* p = std::get_if<Paragraph>(&d.body[b]);
    if (p == nullptr || p->content.size() != 1 || !std::holds_alternative<Text>(p->content.front())) return std::nullopt;
    return figure_row(std::get<Text>(p->content.front()).text, compared_only);
}

/// Three columns (label, figure, prior figure), or five when a row also compares the year to date.
Table figure_table(const std::vector<FigureRow>& rows) {
    const bool running = std::any_of(rows.begin(), rows.end(), [](const FigureRow& r) { return !r.running.empty(); });
    Table table;
    table.columns = {Alignment::left, Alignment::right, Alignment::right};
    if (running) table.columns.insert(table.columns.end(), {Alignment::right, Alignment::right});
    for (const FigureRow& r : rows) {
        const auto cell = [](const std::string& s) { return s.empty() ? Inlines{} : Inlines{Text{s}}; };
        std::vector<Inlines>& row = table.rows.emplace_back();
        row = {cell(r.label), cell(r.current), cell(r.prior)};
        if (running) row.insert(row.end(), {cell(r.running), cell(r.running_prior)});
    }
    return table;
}

}  // namespace

bool compared_figure_row(std::string_view text) {
    const std::optional<FigureRow> row = figure_row(text, true);
    return row && row->compared;
}

void gather_figure_rows(Draft& d, NoteLog& notes) {
    const bool any = std::any_of(d.body.begin(), d.body.end(), [](const Block& b) {
        const auto* p = std::get_if<Paragraph>(&b);
        return p != nullptr && p->content.size() == 1 && std::holds_alternative<Text>(p->content.front()) &&
               has_vs(std::get<Text>(p->content.front()).text);
    });
    if (!any) return;  // no row can start: the body stays as it is, unmoved
    std::vector<Block> body;
    std::vector<int> lines;
    for (std::size_t b = 0; b < d.body.size();) {
        std::vector<FigureRow> rows;
        std::size_t end = b;
        std::size_t last_compared = b;  // one past the last `vs` row of the run
        while (end < d.body.size()) {
            std::optional<FigureRow> row = row_at(d, end, rows.empty());
            if (!row) break;
            // Label rows only between compared rows; value rows only after one.
            if (row->current.empty() && rows.empty()) break;
            if (!row->compared && !row->current.empty() && rows.empty()) break;
            if (row->compared) last_compared = end + 1;
            rows.push_back(std::move(*row));
            ++end;
        }
        // Trailing label rows belong to what follows; value rows stay with the table.
        while (!rows.empty() && rows.back().current.empty()) {
            rows.pop_back();
            --end;
        }
        if (last_compared == b || rows.empty()) {
            body.push_back(std::move(d.body[b]));
            lines.push_back(d.block_lines[b]);
            ++b;
            continue;
        }
        const int first = d.block_lines[b];
        Table table = figure_table(rows);
        notes.add(first, "table-found",
                  fmt::format("{} figure row{} from line {} ('label figure vs figure') read as a table of {} columns",
                              rows.size(), rows.size() == 1 ? "" : "s", first, table.columns.size()));
        body.emplace_back(std::move(table));
        lines.push_back(first);
        b = end;
    }
    d.body = std::move(body);
    d.block_lines = std::move(lines);
}

}  // namespace briefkit::formats::text
