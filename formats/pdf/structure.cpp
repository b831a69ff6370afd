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

/// A reference to marked content `mcid` on `page`.
StructElement marked(int page, int mcid) { return {{}, {}, page, mcid, -1}; }

}  // namespace

StructureRecorder::Block& StructureRecorder::block(std::size_t key, Role role) {
    if (blocks_.empty() || blocks_.back().key != key) blocks_.push_back({key, role, {}, {}, {}});
    return blocks_.back();
}

StructureRecorder::Cell& StructureRecorder::cell(std::size_t key, bool head, std::size_t row, std::size_t column) {
    std::vector<Cell>& cells = block(key, Role::table).cells;
    // A cell goes on from the line above, so it is sought from the last drawn.
    auto found = std::find_if(cells.rbegin(), cells.rend(), [&](const Cell& c) { return c.row == row && c.column == column; });
    if (found != cells.rend()) return *found;
    cells.push_back({row, column, head, {}});
    return cells.back();
}

std::pair<std::string_view, int> StructureRecorder::mark(std::size_t key, Role role, int page, Part part) {
    Block& b = block(key, role);
    const int mcid = next_mcid(page);
    (part == Part::label ? b.label : b.body).push_back({page, mcid, nullptr, {}});
    return {tag_of(role, part), mcid};
}

std::pair<std::string_view, int> StructureRecorder::mark_cell(std::size_t key, int page, bool head, std::size_t row,
                                                              std::size_t column) {
    const int mcid = next_mcid(page);
    cell(key, head, row, column).content.push_back({page, mcid, nullptr, {}});
    return {head ? "TH" : "TD", mcid};
}

std::pair<std::string_view, int> StructureRecorder::mark_link(std::size_t key, Role role, int page, const void* target,
                                                              const std::optional<CellPlace>& in_cell) {
    const int mcid = next_mcid(page);
    std::vector<Content>& content = in_cell ? cell(key, in_cell->head, in_cell->row, in_cell->column).content : block(key, role).body;
    content.push_back({page, mcid, target, {}});
    return {"Link", mcid};
}

void StructureRecorder::link(int page, int mcid, int link) {
    const auto holds = [&](std::vector<Content>& content) {
        for (Content& c : content) {
            if (c.page == page && c.mcid == mcid) {
                c.annotations.push_back(link);
                return true;
            }
        }
        return false;
    };
    // Links are added as each page is drawn: their text lies in the page's blocks, the last ones.
    for (auto it = blocks_.rbegin(); it != blocks_.rend(); ++it) {
        if (holds(it->body) || std::any_of(it->cells.begin(), it->cells.end(), [&](Cell& c) { return holds(c.content); })) return;
    }
}

std::vector<StructElement> StructureRecorder::kids_of(const std::vector<Content>& content) {
    // A link's text is a Link element holding it and its annotations, one element for the
    // parts of one link that follow each other (a link broken over two lines).
    std::vector<StructElement> kids;
    const void* open_link = nullptr;
    for (const Content& c : content) {
        if (c.link_target == nullptr) {
            kids.push_back(marked(c.page, c.mcid));
            open_link = nullptr;
            continue;
        }
        if (open_link != c.link_target) kids.push_back({"Link", {}, -1, -1, -1});
        open_link = c.link_target;
        std::vector<StructElement>& link_kids = kids.back().kids;
        // The Link's text first, then its annotations (PDF/UA reads them in that order).
        const auto first_annotation = std::find_if(link_kids.begin(), link_kids.end(), [](const StructElement& k) { return k.link >= 0; });
        link_kids.insert(first_annotation, marked(c.page, c.mcid));
        for (const int a : c.annotations) link_kids.push_back({{}, {}, -1, -1, a});
    }
    return kids;
}

StructElement StructureRecorder::table_element(const Block& b) {
    // Rows in order, each with a cell for every column (an empty one where a row has none); a
    // row none of whose cells drew anything is left out.
    StructElement table{"Table", {}, -1, -1, -1};
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
        StructElement tr{"TR", {}, -1, -1, -1};
        for (auto cell = first; cell != last; ++cell) {
            const bool head_cell = *cell == nullptr ? head : (*cell)->head;
            tr.kids.push_back({head_cell ? "TH" : "TD", *cell == nullptr ? std::vector<StructElement>{} : kids_of((*cell)->content), -1, -1, -1});
        }
        table.kids.push_back(std::move(tr));
    }
    return table;
}

StructElement StructureRecorder::element_of(const Block& b) {
    if (b.role == Role::table) return table_element(b);
    StructElement e{std::string(type_of(b.role)), {}, -1, -1, -1};
    if (b.role == Role::list_item) {
        if (!b.label.empty()) e.kids.push_back({"Lbl", kids_of(b.label), -1, -1, -1});
        e.kids.push_back({"LBody", kids_of(b.body), -1, -1, -1});
    } else {
        e.kids = kids_of(b.body);
    }
    return e;
}

StructElement StructureRecorder::document() const {
    StructElement document{"Document", {}, -1, -1, -1};
    for (std::size_t i = 0; i < blocks_.size(); ++i) {
        const Block& b = blocks_[i];
        StructElement element = element_of(b);
        if (b.role != Role::list_item) {
            document.kids.push_back(std::move(element));
            continue;
        }
        const bool continues_list = i > 0 && blocks_[i - 1].role == Role::list_item && !document.kids.empty() && document.kids.back().type == "L";
        if (!continues_list) document.kids.push_back({"L", {}, -1, -1, -1});
        document.kids.back().kids.push_back(std::move(element));
    }
    return document;
}

}  // namespace briefkit::formats::pdf
