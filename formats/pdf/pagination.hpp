// Pagination: flowing blocks of set lines onto pages, with keep-with-next and no widows or orphans.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "formats/pdf/paragraph.hpp"

namespace briefkit::formats::pdf {

/// The rules of a table: a rule above and below each page's part of it and a finer one under its
/// header rows; never vertical rules.
struct TableRules {
    Rgb colour;                ///< Colour of the rules.
    double width = 0;          ///< Width of the table, from the block's indent.
    std::size_t head_lines = 0;  ///< Lines of the header rows (no rule under them when 0).
    std::vector<std::size_t> row_of_line;  ///< For each line, the table row it belongs to (header rows first).
};

/// What a block is in the tagged PDF's structure tree (ISO 32000's standard structure types).
enum class Role {
    paragraph,   ///< P.
    title,       ///< H1: the headline.
    heading,     ///< H2: a heading of the body.
    list_item,   ///< LI (with its LBody), inside an L of the items next to it.
    quote,       ///< BlockQuote.
    table,       ///< Table, each line a TR.
    code,        ///< Code: a preformatted block.
};

/// A block of set lines that flows onto pages: a paragraph, a heading, a box, a list item.
struct FlowBlock {
    Role role = Role::paragraph;     ///< Its structure type.
    std::vector<TextLine> lines;     ///< The set lines.
    double leading = 14;             ///< Distance from one line to the next.
    double size = 10;                ///< Main type size, which places the baseline in the line.
    double space_before = 0;         ///< Space above the block, dropped at the top of a page.
    double indent = 0;               ///< Left indent of every line, from the left margin.
    std::vector<Placed> marker;      ///< Drawn on the first line at the left margin (a bullet, a label).
    bool keep_with_next = false;     ///< Never end a page after this block (headings).
    bool splittable = true;          ///< May be split across pages (at least 2 lines either side).
    std::optional<Rgb> background;   ///< A filled box behind the block.
    double padding = 0;              ///< Space inside the box, around the lines.
    std::optional<Rgb> rule_left;    ///< A rule down the left of the block (quotes).
    std::optional<TableRules> table_rules;  ///< The rules of a table set as this block.
    /// Lines at the block's start printed again at the top of each page it continues on (a
    /// table's header rows); its first page keeps at least two more lines with them.
    std::size_t repeat_lines = 0;
    bool new_page = false;  ///< Starts a new page (an appendix).
    std::optional<Rgb> rule_above;  ///< A hairline across the column above the block (between a digest's stories).
};

/// The part of a block on one page.
struct Slice {
    std::size_t block = 0;  ///< Index of the block.
    std::size_t first = 0;  ///< First line on this page.
    std::size_t last = 0;   ///< One past the last line on this page.
    double top = 0;         ///< Distance of the slice's top from the page's top edge.
    std::size_t repeated = 0;  ///< Lines from the block's start drawn again above `first` (header rows).
    bool at_top = false;       ///< Starts its page, where the space (and the rule) above the block is dropped.
};

/// Where the text may go: from `first_top` (page 1) or `top` (later pages) down to `bottom`,
/// all measured from the page's top edge.
struct Frame {
    double first_top = 0;  ///< Top of the text on the first page.
    double top = 0;        ///< Top of the text on later pages.
    double bottom = 0;     ///< Lowest point text may reach.
    /// How many pages start at `first_top`: a page here may be a column, and every column of a
    /// first page starts below what heads it.
    std::size_t first_pages = 1;
    /// Pages to a sheet, when a page here is a column: a block marked new_page starts a sheet.
    std::size_t per_sheet = 1;
};

/// The baseline of a line of `block` whose line box starts `line_top` from the page's top: the
/// line's extra leading is shared above and below, and the baseline sits 0.8 of the type size
/// down the remaining em (the fonts' ascent).
[[nodiscard]] double line_baseline(const FlowBlock& block, double line_top);

/// The height of lines [first, last) of `block`, with its padding.
[[nodiscard]] double slice_height(const FlowBlock& block, std::size_t first, std::size_t last);

/// The height of `slice` of `block`: its lines, the repeated ones above them and its padding.
[[nodiscard]] double slice_height(const FlowBlock& block, const Slice& slice);

/// Flows `blocks` into pages; a block marked new_page starts one. A block that does not fit is split only when at least two lines
/// stay on each side; a block marked keep_with_next keeps at least its last two lines on the page
/// where the first two lines of the block after it go (moving whole when it cannot split). A
/// block taller than a page is split anyway.
[[nodiscard]] std::vector<std::vector<Slice>> paginate(const std::vector<FlowBlock>& blocks, const Frame& frame);

/// Evens out the columns of the last sheet of `pages`, paginated from `blocks` in `frame` (each
/// page a column, `frame.per_sheet` to a sheet): what stands there is flowed again into columns
/// as short as hold it in as many columns, so that a sheet's last text does not stand alone at
/// the top of its last column. Left as it is where the sheet begins inside a block.
void balance_last_sheet(std::vector<std::vector<Slice>>& pages, const std::vector<FlowBlock>& blocks, const Frame& frame);

}  // namespace briefkit::formats::pdf
