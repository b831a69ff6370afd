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

/// A Link element for each link annotation.
std::vector<StructElement> link_elements(const std::vector<int>& links) {
    std::vector<StructElement> out;
    for (const int link : links) out.push_back({"Link", {}, {}, {link}});
    return out;
}

/// The element of one block: its content directly, or for a list item its label and body, for
/// a table a row (with one cell) per line; a link's element beside the content its text is in
/// (`links`: (index in `body`, link annotation)).
StructElement element_of(Role role, const std::vector<std::pair<int, int>>& body, const std::vector<std::pair<int, int>>& label,
                         const std::vector<bool>& head, const std::vector<std::pair<std::size_t, int>>& links) {
    const auto links_of_row = [&](std::size_t row) {
        std::vector<int> out;
        for (const auto& [at, link] : links) {
            if (at == row) out.push_back(link);
        }
        return out;
    };
    std::vector<int> all;
    for (const auto& [at, link] : links) all.push_back(link);
    StructElement e{std::string(type_of(role)), {}, {}, {}};
    if (role == Role::list_item) {
        if (!label.empty()) e.kids.push_back({"Lbl", label, {}, {}});
        e.kids.push_back({"LBody", body, link_elements(all), {}});
    } else if (role == Role::table) {
        for (std::size_t r = 0; r < body.size(); ++r) {
            e.kids.push_back({"TR", {}, {{head[r] ? "TH" : "TD", {body[r]}, link_elements(links_of_row(r)), {}}}, {}});
        }
    } else {
        e.content = body;
        e.kids = link_elements(all);
    }
    return e;
}

}  // namespace

std::pair<std::string_view, int> StructureRecorder::mark(std::size_t key, Role role, int page, Part part) {
    if (blocks_.empty() || blocks_.back().key != key) blocks_.push_back({key, role, {}, {}, {}, {}});
    const int mcid = next_mcid_[page]++;
    (part == Part::label ? blocks_.back().label : blocks_.back().body).emplace_back(page, mcid);
    if (part != Part::label) blocks_.back().head.push_back(part == Part::head);
    return {tag_of(role, part), mcid};
}

void StructureRecorder::link(int page, int mcid, int link) {
    for (Block& b : blocks_) {
        for (std::size_t i = 0; i < b.body.size(); ++i) {
            if (b.body[i] == std::pair<int, int>(page, mcid)) {
                b.links.emplace_back(i, link);
                return;
            }
        }
    }
}

StructElement StructureRecorder::document() const {
    StructElement document{"Document", {}, {}, {}};
    for (std::size_t i = 0; i < blocks_.size(); ++i) {
        const Block& b = blocks_[i];
        StructElement element = element_of(b.role, b.body, b.label, b.head, b.links);
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
