// The tagged PDF's structure: while a briefing's pages are drawn, each block's marked content
// (its page and marked-content id) is recorded under the block's structure element, in
// reading order; the tree is then written into the file (PdfFile::set_structure()).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "formats/pdf/pagination.hpp"

namespace briefkit::formats::pdf {

/// One element of a tagged PDF's structure tree, or one of its kids that refers to what the
/// pages draw: marked content (a page and an MCID) or a link annotation.
struct StructElement {
    std::string type;                 ///< Such as `P`, `H1`, `L`, `TR`; empty for a reference.
    std::vector<StructElement> kids;  ///< Child elements and references, in reading order.
    int page = -1;                    ///< For a reference to marked content: its page index,
    int mcid = -1;                    ///< and its marked-content id.
    int link = -1;                    ///< For a reference to a link annotation: PdfFile's number.
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

    /// Where a table's cell is: in a header row or not, its row and its column.
    struct CellPlace {
        bool head = false;        ///< In a header row.
        std::size_t row = 0;      ///< Its row.
        std::size_t column = 0;   ///< Its column.
    };
    /// The tag (`Link`) and a new marked-content id on `page` for the text of a link to
    /// `target` (an identity: the same for every piece of one link) in the block `key`, or in
    /// its cell `cell` (a table's); the Link element that holds it is the block's or the cell's.
    [[nodiscard]] std::pair<std::string_view, int> mark_link(std::size_t key, Role role, int page, const void* target,
                                                             const std::optional<CellPlace>& cell = {});
    /// Records that the link annotation numbered `link` (PdfFile::link_to_url()) lies on the
    /// text of marked content `mcid` on `page`: the Link element holding that text holds it.
    void link(int page, int mcid, int link);

    /// The structure tree of everything marked: a Document element whose kids are the blocks'
    /// elements, list items gathered into lists.
    [[nodiscard]] StructElement document() const;

private:
    struct Content {
        int page = 0, mcid = 0;
        const void* link_target = nullptr;  // the link whose text it is; null for the rest
        std::vector<int> annotations;       // that link's annotations lying on it
    };
    struct Cell {
        std::size_t row = 0, column = 0;
        bool head = false;
        std::vector<Content> content;  // each of its parts
    };
    struct Block {
        std::size_t key = 0;
        Role role = Role::paragraph;
        std::vector<Content> body;
        std::vector<Content> label;
        std::vector<Cell> cells;  // a table's, in the order first drawn
    };
    Block& block(std::size_t key, Role role);  // the block `key`, opened when it is new
    Cell& cell(std::size_t key, bool head, std::size_t row, std::size_t column);  // a table block's cell, opened when new
    int next_mcid(int page) { return next_mcid_[page]++; }
    [[nodiscard]] static std::vector<StructElement> kids_of(const std::vector<Content>& content);
    [[nodiscard]] static StructElement element_of(const Block& b);
    [[nodiscard]] static StructElement table_element(const Block& b);
    std::vector<Block> blocks_;
    std::map<int, int> next_mcid_;  // per page
};

}  // namespace briefkit::formats::pdf
