// The tagged PDF's structure: while a briefing's pages are drawn, each block's marked content
// (its page and marked-content id) is recorded under the block's structure element, in
// reading order; the tree is then written into the file (PdfFile::set_structure()).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "formats/pdf/pagination.hpp"

namespace briefkit::formats::pdf {

/// One element of a tagged PDF's structure tree: its standard type, and the marked content it
/// holds ((page, MCID) pairs, in reading order) or its child elements.
struct StructElement {
    std::string type;                           ///< Such as `P`, `H1`, `L`, `TR`.
    std::vector<std::pair<int, int>> content;   ///< Marked content: (page index, MCID).
    std::vector<StructElement> kids;            ///< Child elements, in reading order.
    std::vector<int> links;                     ///< For a `Link`: the link annotations it holds (PdfFile's numbers).
};

/// Which part of a block a piece of marked content draws.
enum class Part {
    body,   ///< The block's lines.
    label,  ///< A list item's marker (its Lbl).
};

/// Records the structure of pages as they are drawn.
class StructureRecorder {
public:
    /// The tag and a new marked-content id on `page` for `part` of the block `key` (unique per
    /// block, in the order blocks are first drawn) whose role is `role` (a table's cells are
    /// marked by mark_cell()).
    [[nodiscard]] std::pair<std::string_view, int> mark(std::size_t key, Role role, int page, Part part = Part::body);

    /// The tag (TH in a header row, else TD) and a new marked-content id on `page` for a part
    /// of the cell at `row` and `column` of the table block `key` (a cell's text may run over
    /// several lines and pages; each part is marked alone).
    [[nodiscard]] std::pair<std::string_view, int> mark_cell(std::size_t key, int page, bool head, std::size_t row, std::size_t column);

    /// Records that the link annotation numbered `link` (PdfFile::link_to_url()) lies on the
    /// text of marked content `mcid` on `page`: its block gets a Link element for it.
    void link(int page, int mcid, int link);

    /// The structure tree of everything marked: a Document element whose kids are the blocks'
    /// elements, list items gathered into lists.
    [[nodiscard]] StructElement document() const;

private:
    struct Cell {
        std::size_t row = 0, column = 0;
        bool head = false;
        std::vector<std::pair<int, int>> content;  // (page, MCID) of each of its parts
    };
    struct Block {
        std::size_t key = 0;
        Role role = Role::paragraph;
        std::vector<std::pair<int, int>> body;
        std::vector<std::pair<int, int>> label;
        std::vector<Cell> cells;  // a table's, in the order first drawn
        std::vector<std::pair<std::pair<int, int>, int>> links;  // ((page, MCID) its text is in, link annotation)
    };
    Block& block(std::size_t key, Role role);  // the block `key`, opened when it is new
    [[nodiscard]] static StructElement element_of(const Block& b);
    [[nodiscard]] static StructElement table_element(const Block& b);
    std::vector<Block> blocks_;
    std::map<int, int> next_mcid_;  // per page
};

}  // namespace briefkit::formats::pdf
