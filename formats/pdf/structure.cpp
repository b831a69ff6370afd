#include "formats/pdf/structure.hpp"

#include <algorithm>

namespace briefkit::formats::pdf {

namespace {

/// The standard structure type of a block's element.
std::string_view type_of(Role role) {
    switch (role) {
        case Role::paragraph: return "P";
        case Role::title: return "H1";
        case Role::heading: return "H2";
        case Role::list_item: return "LI";
        case Role::quote: return "BlockQuote";
        case Role::table: return "Table";
        case Role::code: return "Code";
    }
    return "P";
}

/// The tag of the marked content of `part` of a block of `role`: the type of the element
/// that holds it directly.
std::string_view tag_of(Role role, Part part) {
    if (role == Role::list_item) return part == Part::label ? "Lbl" : "LBody";
    return type_of(role);
}

/// A Link element for each link annotation whose text lies in one of `content`.
std::vector<StructElement> link_elements(const std::vector<std::pair<int, int>>& content,
                                         const std::vector<std::pair<std::pair<int, int>, int>>& links) {
    std::vector<StructElement> out;
    for (const auto& [where, link] : links) {
        if (std::find(content.begin(), content.end(), where) != content.end()) out.push_back({"Link", {}, {}, {link}});
    }
    return out;
}

}  // namespace

StructureRecorder::Block& StructureRecorder::block(std::size_t key, Role role) {
    if (blocks_.empty() || blocks_.back().key != key) blocks_.push_back({key, role, {}, {}, {}, {}});
    return blocks_.back();
}

std::pair<std::string_view, int> StructureRecorder::mark(std::size_t key, Role role, int page, Part part) {
    Block& b = block(key, role);
    const int mcid = next_mcid_[page]++;
    (part == Part::label ? b.label : b.body).emplace_back(page, mcid);
    return {tag_of(role, part), mcid};
}

std::pair<std::string_view, int> StructureRecorder::mark_cell(std::size_t key, int page, bool head, std::size_t row,
                                                              std::size_t column) {
    std::vector<Cell>& cells = block(key, Role::table).cells;
    // A cell goes on from the line above, so it is sought from the last drawn.
    auto cell = std::find_if(cells.rbegin(), cells.rend(), [&](const Cell& c) { return c.row == row && c.column == column; });
    if (cell == cells.rend()) {
        cells.push_back({row, column, head, {}});
        cell = cells.rbegin();
    }
    const int mcid = next_mcid_[page]++;
    cell->content.emplace_back(page, mcid);
    return {head ? "TH" : "TD", mcid};
}

void StructureRecorder::link(int page, int mcid, int link) {
    const std::pair<int, int> where(page, mcid);
    // Links are added as each page is drawn: their text lies in the page's blocks, the last ones.
    for (auto it = blocks_.rbegin(); it != blocks_.rend(); ++it) {
        Block& b = *it;
        const bool in_body = std::find(b.body.begin(), b.body.end(), where) != b.body.end();
        const bool in_cell = std::any_of(b.cells.begin(), b.cells.end(), [&](const Cell& c) {
            return std::find(c.content.begin(), c.content.end(), where) != c.content.end();
        });
        if (in_body || in_cell) {
            b.links.emplace_back(where, link);
            return;
        }
    }
}

StructElement StructureRecorder::table_element(const Block& b) {
    // Rows in order, each with a cell for every column (an empty one where a row has none); a
    // row none of whose cells drew anything is left out.
    StructElement table{"Table", {}, {}, {}};
    std::size_t rows = 0;
    std::size_t columns = 0;
    for (const Cell& c : b.cells) {
        rows = std::max(rows, c.row + 1);
        columns = std::max(columns, c.column + 1);
    }
    std::vector<const Cell*> grid(rows * columns, nullptr);
    for (const Cell& c : b.cells) grid[c.row * columns + c.column] = &c;
    for (std::size_t r = 0; r < rows; ++r) {
        const auto first = grid.begin() + static_cast<std::ptrdiff_t>(r * columns);
        const auto last = first + static_cast<std::ptrdiff_t>(columns);
        if (std::all_of(first, last, [](const Cell* c) { return c == nullptr; })) continue;
        const bool head = std::any_of(first, last, [](const Cell* c) { return c != nullptr && c->head; });
        StructElement tr{"TR", {}, {}, {}};
        for (auto cell = first; cell != last; ++cell) {
            if (*cell == nullptr) {
                tr.kids.push_back({head ? "TH" : "TD", {}, {}, {}});
            } else {
                tr.kids.push_back({(*cell)->head ? "TH" : "TD", (*cell)->content, link_elements((*cell)->content, b.links), {}});
            }
        }
        table.kids.push_back(std::move(tr));
    }
    return table;
}

StructElement StructureRecorder::element_of(const Block& b) {
    if (b.role == Role::table) return table_element(b);
    StructElement e{std::string(type_of(b.role)), {}, {}, {}};
    if (b.role == Role::list_item) {
        if (!b.label.empty()) e.kids.push_back({"Lbl", b.label, {}, {}});
        e.kids.push_back({"LBody", b.body, link_elements(b.body, b.links), {}});
    } else {
        e.content = b.body;
        e.kids = link_elements(b.body, b.links);
    }
    return e;
}

StructElement StructureRecorder::document() const {
    StructElement document{"Document", {}, {}, {}};
    for (std::size_t i = 0; i < blocks_.size(); ++i) {
        const Block& b = blocks_[i];
        StructElement element = element_of(b);
        if (b.role != Role::list_item) {
            document.kids.push_back(std::move(element));
            continue;
        }
        const bool continues_list = i > 0 && blocks_[i - 1].role == Role::list_item && !document.kids.empty() && document.kids.back().type == "L";
        if (!continues_list) document.kids.push_back({"L", {}, {}, {}});
        document.kids.back().kids.push_back(std::move(element));
    }
    return document;
}

}  // namespace briefkit::formats::pdf
