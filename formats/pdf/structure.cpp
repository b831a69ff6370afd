#include "formats/pdf/structure.hpp"

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
    if (role == Role::table) return part == Part::head ? "TH" : "TD";
    return type_of(role);
}

/// The element of one block: its content directly, or for a list item its label and body, for
/// a table a row (with one cell) per line.
StructElement element_of(Role role, const std::vector<std::pair<int, int>>& body, const std::vector<std::pair<int, int>>& label,
                         const std::vector<bool>& head) {
    StructElement e{std::string(type_of(role)), {}, {}};
    if (role == Role::list_item) {
        if (!label.empty()) e.kids.push_back({"Lbl", label, {}});
        e.kids.push_back({"LBody", body, {}});
    } else if (role == Role::table) {
        for (std::size_t r = 0; r < body.size(); ++r) e.kids.push_back({"TR", {}, {{head[r] ? "TH" : "TD", {body[r]}, {}}}});
    } else {
        e.content = body;
    }
    return e;
}

}  // namespace

std::pair<std::string_view, int> StructureRecorder::mark(std::size_t key, Role role, int page, Part part) {
    if (blocks_.empty() || blocks_.back().key != key) blocks_.push_back({key, role, {}, {}, {}});
    const int mcid = next_mcid_[page]++;
    (part == Part::label ? blocks_.back().label : blocks_.back().body).emplace_back(page, mcid);
    if (part != Part::label) blocks_.back().head.push_back(part == Part::head);
    return {tag_of(role, part), mcid};
}

StructElement StructureRecorder::document() const {
    StructElement document{"Document", {}, {}};
    for (std::size_t i = 0; i < blocks_.size(); ++i) {
        const Block& b = blocks_[i];
        StructElement element = element_of(b.role, b.body, b.label, b.head);
        if (b.role != Role::list_item) {
            document.kids.push_back(std::move(element));
            continue;
        }
        const bool continues_list = i > 0 && blocks_[i - 1].role == Role::list_item && !document.kids.empty() && document.kids.back().type == "L";
        if (!continues_list) document.kids.push_back({"L", {}, {}});
        document.kids.back().kids.push_back(std::move(element));
    }
    return document;
}

}  // namespace briefkit::formats::pdf
