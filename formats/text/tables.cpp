// Tables in plain text: column layouts (figures aligned in columns under a header) and wire
// copy's figure rows (`Shr 1.58 dlrs vs 1.93 dlrs`).
//
// A column layout is a run of two or more lines split into cells by runs of two or more spaces
// (or tabs). Its columns are the channels of white space its body rows share: positions no body
// row writes in. Header rows (lines over the labels, or with no figures) are fitted to those
// columns. A layout whose body rows do not fall cleanly into the channels (two cells of one row
// in one column) is kept as preformatted text, never reflowed into prose. Lines with two spaces
// after a sentence's full stop are typing, not columns, and stay prose.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <limits>

#include "formats/text/article_parts.hpp"
#include "pipeline/model/text.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::formats::text {

namespace {

/// One cell of a laid-out line, at its columns in the line as typed.
struct Cell {
    std::size_t begin = 0;  ///< First column.
    std::size_t end = 0;    ///< One past the last column.
    std::string text;       ///< Its text.
};

constexpr std::size_t kMaxRowLength = 160;  // longer lines are prose, not table rows

bool has_digit(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return ascii_digit(static_cast<unsigned char>(c)); });
}

/// True when a cell of `row` holds a figure.
bool has_figures(const std::vector<Cell>& row) {
    return std::any_of(row.begin(), row.end(), [](const Cell& c) { return has_digit(c.text); });
}

/// The cells of `line`, split at runs of two or more spaces; columns count code points.
std::vector<Cell> cells_of(const Line& line) {
    std::vector<Cell> cells;
    const std::string& text = line.layout();
    std::size_t column = static_cast<std::size_t>(line.indent);
    std::size_t spaces = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        const char32_t cp = utf8::next(text, pos);
        if (cp == ' ') {
            ++spaces;
        } else {
            if (cells.empty() || spaces >= 2) {
                cells.push_back(Cell{column, column, {}});
            } else if (spaces == 1) {
                cells.back().text += ' ';
            }
            cells.back().text.append(text, start, pos - start);
            cells.back().end = column + 1;
            spaces = 0;
        }
        ++column;
    }
    return cells;
}

/// True when the gap before cell `i` of `cells` is two spaces typed after a sentence's end.
bool sentence_gap(const std::vector<Cell>& cells, std::size_t i) {
    return ends_sentence(cells[i - 1].text) && starts_upper_or_digit(cells[i].text) && !has_digit(cells[i].text);
}

/// True when `line` is laid out in columns: two or more cells, not all of them sentences.
bool columnar(const Line& line, std::vector<Cell>& cells) {
    if (line.spaced.empty() || line.layout().size() > kMaxRowLength) return false;
    cells = cells_of(line);
    if (cells.size() < 2) return false;
    for (std::size_t i = 1; i < cells.size(); ++i) {
        if (!sentence_gap(cells, i)) return true;
    }
    return false;
}

/// A units line of its own over a table, such as `(in thousands of tonnes)` or `In mln dlrs`:
/// after a blank line or in brackets, never the end of a sentence that runs into the table.
bool caption_like(const Line& line, const Line* before) {
    if (line.text.empty() || length(line.text) > 60) return false;
    const bool bracketed = line.text.front() == '(' && line.text.back() == ')';
    if (!bracketed && starts_lower(line.text)) return false;
    if (!bracketed && ((before != nullptr && !before->blank()) || ends_sentence(line.text) || line.text.back() == '-')) {
        return false;
    }
    const std::string folded = fold_case(line.text);
    static constexpr std::array<std::string_view, 18> kUnits{
        "in thousands", "in millions", "in billions", "in 000",   "000's",      "000s",
        "in mln",       "in dlrs",     "in dollars",  "in euros", "in pounds",  "in yen",
        "in tonnes",    "in tons",     "in pct",      "in percent", "in barrels", "in bushels"};
    return std::any_of(kUnits.begin(), kUnits.end(), [&](std::string_view u) { return folded.find(u) != std::string::npos; });
}

/// Columns: the spans of positions some body row writes in, between channels no body row writes in.
std::vector<std::pair<std::size_t, std::size_t>> channels(const std::vector<std::vector<Cell>>& rows, std::size_t first) {
    std::vector<bool> used;
    for (std::size_t r = first; r < rows.size(); ++r) {
        for (const Cell& c : rows[r]) {
            if (used.size() < c.end) used.resize(c.end, false);
            std::fill(used.begin() + static_cast<std::ptrdiff_t>(c.begin), used.begin() + static_cast<std::ptrdiff_t>(c.end), true);
        }
    }
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (std::size_t i = 0; i < used.size(); ++i) {
        if (!used[i]) continue;
        const std::size_t start = i;
        while (i < used.size() && used[i]) ++i;
        spans.emplace_back(start, i);
    }
    return spans;
}

/// The column of `spans` that `cell` overlaps most, or the nearest one.
std::size_t column_of(const Cell& cell, const std::vector<std::pair<std::size_t, std::size_t>>& spans) {
    std::size_t best = 0;
    long best_score = std::numeric_limits<long>::min();
    for (std::size_t k = 0; k < spans.size(); ++k) {
        const long overlap = static_cast<long>(std::min(cell.end, spans[k].second)) -
                             static_cast<long>(std::max(cell.begin, spans[k].first));
        if (overlap > best_score) {
            best_score = overlap;
            best = k;
        }
    }
    return best;
}

/// Fits a row's cells to the columns; false when two cells fall in one column and `strict`.
bool fit_row(const std::vector<Cell>& cells, const std::vector<std::pair<std::size_t, std::size_t>>& spans, bool strict,
             std::vector<std::string>& out) {
    out.assign(spans.size(), std::string());
    for (const Cell& c : cells) {
        std::string& slot = out[column_of(c, spans)];
        if (!slot.empty() && strict) return false;
        slot += (slot.empty() ? "" : " ") + c.text;
    }
    return true;
}

/// The number of leading header rows: lines that start right of the labels' column (over the
/// figures), or hold no figures. The labels' column is measured on the lower half of the rows,
/// which are body rows in any table with a body.
std::size_t header_rows(const std::vector<std::vector<Cell>>& rows) {
    std::size_t label_end = 0;
    for (std::size_t r = rows.size() / 2; r < rows.size(); ++r) label_end = std::max(label_end, rows[r].front().end);
    std::size_t h = 0;
    while (h + 1 < rows.size()) {
        const bool over_labels = rows[h].front().begin >= label_end;
        if (!over_labels && has_figures(rows[h])) break;
        ++h;
    }
    return h;
}

Inlines cell_inlines(const std::string& text) { return text.empty() ? Inlines{} : Inlines{Text{text}}; }

/// The table the rows make, or nullopt when their cells do not fall cleanly into columns.
std::optional<Table> clean_table(const std::vector<std::vector<Cell>>& rows) {
    const std::size_t head = header_rows(rows);
    const auto spans = channels(rows, head);
    if (spans.size() < 2) return std::nullopt;
    Table table;
    std::vector<int> figures(spans.size(), 0);
    std::vector<int> filled(spans.size(), 0);
    std::vector<std::string> cells;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if (!fit_row(rows[r], spans, r >= head, cells)) return std::nullopt;
        std::vector<Inlines>& row = (r < head ? table.head : table.rows).emplace_back();
        for (std::size_t k = 0; k < cells.size(); ++k) {
            if (r >= head && !cells[k].empty()) {
                ++filled[k];
                figures[k] += has_digit(cells[k]) || cells[k] == "--" || cells[k] == "-";
            }
            row.push_back(cell_inlines(cells[k]));
        }
    }
    bool any_figures = false;
    for (std::size_t k = 0; k < spans.size(); ++k) {
        const bool numeric = filled[k] > 0 && figures[k] * 2 > filled[k];
        any_figures = any_figures || numeric;
        table.columns.push_back(numeric && k > 0 ? Alignment::right : Alignment::left);
    }
    if (!any_figures && table.rows.size() < 3) return std::nullopt;
    return table;
}

/// The lines [begin, end) as they were typed, less their common indent.
Preformatted as_typed(const Draft& d, std::size_t begin, std::size_t end) {
    int indent = std::numeric_limits<int>::max();
    for (std::size_t i = begin; i < end; ++i) indent = std::min(indent, d.lines[i].indent);
    Preformatted pre;
    for (std::size_t i = begin; i < end; ++i) {
        if (i > begin) pre.text += '\n';
        pre.text.append(static_cast<std::size_t>(d.lines[i].indent - indent), ' ');
        pre.text += d.lines[i].layout();
    }
    return pre;
}

}  // namespace

std::vector<LineTable> find_column_tables(const Draft& d, NoteLog& notes) {
    std::vector<LineTable> out;
    std::vector<std::vector<Cell>> rows;
    std::vector<Cell> cells;
    for (std::size_t i = d.body_begin; i < d.body_end;) {
        rows.clear();
        std::size_t end = i;
        while (end < d.body_end && columnar(d.lines[end], cells)) {
            rows.push_back(cells);
            ++end;
        }
        if (rows.size() < 2) {
            i = std::max(end, i + 1);
            continue;
        }
        LineTable found{i, end, {}};
        const int first = d.lines[i].number;
        const int last = d.lines[end - 1].number;
        if (std::optional<Table> table = clean_table(rows)) {
            if (i > d.body_begin && caption_like(d.lines[i - 1], i - 1 > d.body_begin ? &d.lines[i - 2] : nullptr)) {
                table->caption = Inlines{Text{d.lines[i - 1].text}};
                found.begin = i - 1;
            }
            notes.add(first, "table-found",
                      fmt::format("lines {}-{} read as a table of {} rows ({} of them a header) and {} columns", first,
                                  last, table->head.size() + table->rows.size(), table->head.size(),
                                  table->columns.size()));
            found.block = std::move(*table);
        } else {
            const auto with_figures = static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), has_figures));
            if (with_figures * 2 < rows.size()) {
                i = end;
                continue;  // columns of words without figures: most likely spaced-out prose
            }
            notes.add(first, "layout-kept",
                      fmt::format("lines {}-{} are laid out in columns that do not form a clean table; kept as "
                                  "preformatted text",
                                  first, last));
            found.block = as_typed(d, i, end);
        }
        out.push_back(std::move(found));
        i = end;
    }
    return out;
}

}  // namespace briefkit::formats::text
