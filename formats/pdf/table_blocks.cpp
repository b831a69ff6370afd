// Tables and preformatted blocks on the briefing page.
//
// A table is one flow block whose lines are its rows: each cell is set ragged in its column and
// placed left, right (figures) or centred; a cell too long for its column wraps, so a row may
// take several lines. Rules run above and below each page's part of the table and under its
// header rows, in the booktabs manner: no vertical rules, nothing justified across cells.
// A preformatted block keeps every space and line break, in the monospace face.
#include <algorithm>
#include <numeric>

#include "formats/pdf/briefing.hpp"
#include "pipeline/model/text.hpp"

namespace briefkit::formats::pdf {

namespace {

constexpr double kTableSizeDrop = 1;       // tables are set this much smaller than the body
constexpr double kTableLeading = 1.3;      // their leading, times their size
constexpr double kTableColumnGap = 1.4;    // least space between two columns, times their size
constexpr double kTablePadding = 3;        // space between a rule and the rows beside it
constexpr double kWidthSlack = 0.5;        // points added to a measured width, against rounding
constexpr double kShareForFigures = 0.7;   // right-aligned columns keep their width up to this share
constexpr double kRuleOuter = 0.8;         // thickness of the rules above and below a table
constexpr double kRuleHead = 0.4;          // thickness of the rule under the header rows
constexpr double kPreSizeDrop = 1.5;       // preformatted text is set this much smaller than the body
constexpr double kPreLeading = 1.25;       // its leading, times its size
constexpr double kPreMinSize = 5.5;        // the smallest size a wide listing is shrunk to
constexpr double kPrePadding = 4;          // space inside the preformatted block's box

/// `text` cut into lines, at `\n`.
std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find('\n', start);
        out.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return out;
        start = end + 1;
    }
}

/// The glyphs of `glyphs` placed from x = 0 at `size`, one piece per run of one font.
TextLine place_monospace(const std::vector<Glyph>& glyphs, double size, const Rgb& colour) {
    TextLine line;
    double x = 0;
    for (const Glyph& g : glyphs) {
        if (line.pieces.empty() || line.pieces.back().font != g.font) {
            line.pieces.push_back(Placed{g.font, size, colour, x, 0, {}, {}, false, 0, 0, nullptr, 0, {}});
        }
        Placed& piece = line.pieces.back();
        piece.codes.push_back(g.code);
        piece.width += g.advance * size / 1000.0;
        x += g.advance * size / 1000.0;
    }
    line.width = x;
    return line;
}

}  // namespace

void BriefingComposer::add_table(const Table& table, const BodyFlow& flow, std::vector<FlowBlock>& blocks) {
    const Style& s = style_;
    const double size = s.size_body - kTableSizeDrop;
    const double leading = size * kTableLeading;
    double space = flow.space;
    if (!table.caption.empty()) {
        FlowBlock caption = text_block(spans_of(table.caption, size, Face::sans, s.muted), size, leading, space, false);
        caption.keep_with_next = true;
        caption.splittable = false;
        blocks.push_back(std::move(caption));
        space = 0;
    }
    const double gap = size * kTableColumnGap;
    const std::vector<double> widths = column_widths(table, size, gap);
    FlowBlock block;
    block.role = Role::table;
    block.size = size;
    block.leading = leading;
    block.space_before = space;
    block.padding = kTablePadding;
    std::vector<std::size_t> row_of_line;
    add_table_rows(table, table.head, Face::sans_bold, widths, gap, block, row_of_line);
    const std::size_t head_lines = block.lines.size();
    add_table_rows(table, table.rows, Face::sans, widths, gap, block, row_of_line);
    const double width = std::accumulate(widths.begin(), widths.end(), 0.0) + gap * static_cast<double>(widths.size() - 1);
    block.table_rules = TableRules{s.muted, width, head_lines, std::move(row_of_line)};
    block.repeat_lines = head_lines;
    blocks.push_back(std::move(block));
}

std::vector<double> BriefingComposer::column_widths(const Table& table, double size, double gap) {
    std::vector<double> natural(table.columns.size(), 0.0);
    for (const auto& [rows, face] : {std::pair{&table.head, Face::sans_bold}, std::pair{&table.rows, Face::sans}}) {
        for (const std::vector<Inlines>& row : *rows) {
            for (std::size_t c = 0; c < row.size() && c < natural.size(); ++c) {
                natural[c] = std::max(natural[c], fonts_.width(plain_text(row[c]), face, size) + kWidthSlack);
            }
        }
    }
    const double room = content_width_ - gap * static_cast<double>(natural.size() - 1);
    const double total = std::accumulate(natural.begin(), natural.end(), 0.0);
    if (total <= room) return natural;
    // Too wide: figures keep their width while they take less than most of the line, and the
    // text columns share what is left; otherwise every column gives up the same share.
    double figures = 0;
    for (std::size_t c = 0; c < natural.size(); ++c) {
        if (table.columns[c] != Alignment::left) figures += natural[c];
    }
    std::vector<double> widths = natural;
    const bool keep_figures = figures < room * kShareForFigures;
    const double shared = keep_figures ? total - figures : total;
    const double scale = (keep_figures ? room - figures : room) / shared;
    for (std::size_t c = 0; c < widths.size(); ++c) {
        if (!keep_figures || table.columns[c] == Alignment::left) widths[c] = std::max(natural[c] * scale, size);
    }
    return widths;
}

void BriefingComposer::add_table_rows(const Table& table, const std::vector<std::vector<Inlines>>& rows, Face face,
                                      const std::vector<double>& widths, double gap, FlowBlock& block,
                                      std::vector<std::size_t>& row_of_line) {
    const Style& s = style_;
    const Glyph space = fonts_.space(face);
    const std::size_t first_row = row_of_line.empty() ? 0 : row_of_line.back() + 1;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const std::vector<Inlines>& row = rows[r];
        const std::size_t first_line = block.lines.size();
        double x = 0;
        for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
            const std::vector<TextLine> cell = set(spans_of(row[c], block.size, face, s.text), widths[c], false);
            for (std::size_t l = 0; l < cell.size(); ++l) {
                if (first_line + l >= block.lines.size()) block.lines.emplace_back();
                const double slack = widths[c] - cell[l].width;
                const double offset = x + (table.columns[c] == Alignment::right    ? slack
                                           : table.columns[c] == Alignment::center ? slack / 2
                                                                                    : 0.0);
                TextLine& line = block.lines[first_line + l];
                if (!cell[l].pieces.empty()) line.cells.emplace_back(line.pieces.size(), c);
                for (std::size_t k = 0; k < cell[l].pieces.size(); ++k) {
                    Placed piece = cell[l].pieces[k];
                    piece.x += offset;
                    if (k == 0 && !line.pieces.empty()) {
                        // A space glyph in the gap between cells, so that extracted text keeps them apart.
                        piece.space_before = true;
                        piece.space_code = space.code;
                        piece.space_advance = space.advance;
                    }
                    line.pieces.push_back(std::move(piece));
                }
                line.width = std::max(line.width, offset + cell[l].width);
            }
            x += widths[c] + gap;
        }
        if (block.lines.size() == first_line) block.lines.emplace_back();  // a row of empty cells
        row_of_line.resize(block.lines.size(), first_row + r);
    }
}

FlowBlock BriefingComposer::preformatted_block(const Preformatted& pre, const BodyFlow& flow) {
    const Style& s = style_;
    const std::string text = unicode::expand_tabs(pre.text);
    const std::vector<std::string_view> lines = lines_of(text);
    const double room = content_width_ - 2 * kPrePadding;
    double widest = 0;  // at a size of one point
    for (const std::string_view line : lines) widest = std::max(widest, fonts_.width(line, Face::mono, 1));
    double size = s.size_body - kPreSizeDrop;
    if (widest * size > room) size = std::max(kPreMinSize, room / widest);
    FlowBlock block;
    block.role = Role::code;
    block.size = size;
    block.leading = size * kPreLeading;
    block.space_before = flow.space;
    block.padding = kPrePadding;
    block.indent = kPrePadding;
    block.background = s.box;
    std::vector<Glyph> glyphs;
    for (const std::string_view line : lines) {
        glyphs.clear();
        fonts_.shape(line, Face::mono, glyphs);
        // A line still too wide at the smallest size continues on the next line.
        std::size_t start = 0;
        do {
            double width = 0;
            std::size_t end = start;
            while (end < glyphs.size() && (end == start || width + glyphs[end].advance * size / 1000.0 <= room)) {
                width += glyphs[end].advance * size / 1000.0;
                ++end;
            }
            const std::vector<Glyph> part(glyphs.begin() + static_cast<std::ptrdiff_t>(start),
                                          glyphs.begin() + static_cast<std::ptrdiff_t>(end));
            block.lines.push_back(place_monospace(part, size, s.text));
            start = end;
        } while (start < glyphs.size());
    }
    return block;
}

void BriefingComposer::draw_table_rules(Canvas& canvas, const FlowBlock& block, const Slice& slice, double height, double x) const {
    const TableRules& rules = *block.table_rules;
    const double left = x + block.indent;
    const double right = left + rules.width;
    canvas.rule(left, right, slice.top, kRuleOuter, rules.colour);
    canvas.rule(left, right, slice.top + height, kRuleOuter, rules.colour);
    // Under the header rows: those that open the table, or those repeated at the top of a page.
    const std::size_t head_here = slice.repeated > 0                                              ? slice.repeated
                                  : slice.first < rules.head_lines && slice.last > rules.head_lines ? rules.head_lines - slice.first
                                                                                                    : 0;
    if (head_here > 0) {
        canvas.rule(left, right, slice.top + block.padding + block.leading * static_cast<double>(head_here), kRuleHead,
                    rules.colour);
    }
}

}  // namespace briefkit::formats::pdf
