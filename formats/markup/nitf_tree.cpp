#include "formats/markup/nitf_tree.hpp"

#include <fmt/format.h>

#include "formats/markup/body_markup.hpp"
#include "formats/markup/feed_document.hpp"
#include "formats/markup/iso_date.hpp"
#include "formats/markup/xml_tree.hpp"
#include "pipeline/model/handling.hpp"

namespace briefkit::formats::markup {

namespace {



/// The date in attribute `norm` of `node`; nullopt without one. One that is not ISO 8601 is noted.
std::optional<Date> norm_date(const XmlNode* node, const char* name, std::vector<Note>& notes) {
    if (node == nullptr) return std::nullopt;
    const std::string_view norm = attribute(node, name);
    if (norm.empty()) return std::nullopt;
    std::optional<Date> date = parse_iso8601(norm);
    if (!date) {
        notes.push_back(Note{line(node), "date-unreadable",
                             fmt::format("<{} {}=\"{}\"> is not an ISO 8601 date; it was left out",
                                         node->name, name, norm)});
    }
    return date;
}

/// The agency: the distributor, else the publication's name, the copyright holder, the doc-id's source.
std::string agency(const XmlNode* head, const XmlNode* body_head) {
    if (const XmlNode* d = child(body_head, "distributor")) {
        if (std::string name = collapsed_text(d); !name.empty()) return name;
    }
    const XmlNode* docdata = child(head, "docdata");
    for (const auto& [element, attr] : {std::pair{child(head, "pubdata"), "name"},
                                        std::pair{child(docdata, "doc.copyright"), "holder"},
                                        std::pair{child(docdata, "doc-id"), "regsrc"},
                                        std::pair{child(child(docdata, "del-list"), "from-src"), "src-name"}}) {
        if (element == nullptr) continue;
        if (std::string name = collapse_space(attribute(element, attr)); !name.empty()) return name;
    }
    return {};
}

/// The byline's people, else its text without the title (`byttl`).
void read_bylines(const XmlNode* body_head, std::vector<std::string>& authors) {
    for_each_element(body_head, [&](const XmlNode* byline) {
        if (!is(byline, "byline")) return;
        std::string text;
        bool people = false;
        for (const XmlNode* c = byline->children; c != nullptr; c = c->next) {
            if (is(c, "person")) {
                authors.push_back(collapsed_text(c));
                people = true;
            } else if (c->type == NodeType::text) {
                text += c->content;
            } else if (c->type == NodeType::element && !is(c, "byttl")) {
                text += all_text(c);
            }
        }
        if (!people) {
            for (std::string& a : authors_from_byline(text)) authors.push_back(std::move(a));
        }
    });
}

/// The dateline's place: its city, else its location, else what its text names first.
std::string place(const XmlNode* body_head) {
    const XmlNode* dateline = child(body_head, "dateline");
    if (dateline == nullptr) return {};
    if (const XmlNode* location = child(dateline, "location")) {
        if (const XmlNode* city = child(location, "city")) return collapsed_text(city);
        return collapsed_text(location);
    }
    std::string text;
    for (const XmlNode* c = dateline->children; c != nullptr; c = c->next) {
        if (c->type == NodeType::text) text += c->content;
    }
    return dateline_place(text);
}

/// The taglines of `body.end`: the writer's credit line for the article's own source is
/// recognized and noted; any other tagline is article text and ends the body.
void read_body_end(const XmlNode* body, Document& doc) {
    for_each_element(body, [&](const XmlNode* end) {
        if (!is(end, "body.end")) return;
        for_each_element(end, [&](const XmlNode* tagline) {
            const std::string text = collapsed_text(tagline);
            if (text.empty()) return;
            if (!doc.meta.source.name.empty() && text.starts_with("Source: " + doc.meta.source.name)) {
                doc.notes.push_back(Note{line(tagline), "credit-line-read",
                                         fmt::format("the tagline '{}' credits the source and is not kept as text", text)});
                return;
            }
            doc.body.emplace_back(Paragraph{{Text{text}}});
        });
    });
}

}  // namespace

Document read_nitf_tree(const XmlNode* root) {
    Document doc;
    Metadata& m = doc.meta;
    const XmlNode* head = child(root, "head");
    const XmlNode* body = child(root, "body");
    const XmlNode* body_head = child(body, "body.head");
    if (const XmlNode* hl1 = child(child(body_head, "hedline"), "hl1")) m.title = collapsed_text(hl1);
    if (m.title.empty() && child(head, "title") != nullptr) m.title = collapsed_text(child(head, "title"));
    const XmlNode* docdata = child(head, "docdata");
    m.date = norm_date(child(docdata, "date.issue"), "norm", doc.notes);
    if (!m.date) m.date = norm_date(child(docdata, "date.release"), "norm", doc.notes);
    if (!m.date) m.date = norm_date(child(child(body_head, "dateline"), "story.date"), "norm", doc.notes);
    m.source.name = agency(head, body_head);
    m.source.date = norm_date(child(head, "pubdata"), "date.publication", doc.notes);
    if (const XmlNode* pubdata = child(head, "pubdata")) m.url = attribute(pubdata, "ex-ref");
    if (const auto tlp = handling::tlp_label(attribute(child(docdata, "doc.rights"), "limitations"))) m.handling = tlp->label;
    read_bylines(body_head, m.authors);
    m.place = place(body_head);
    m.language = attribute(root, "baselang");
    if (m.language.empty() && body != nullptr) m.language = xml_lang(body);
    if (!m.language.empty() && !is_language_tag(m.language)) m.language.clear();
    if (body != nullptr) {
        for_each_element(body, [&](const XmlNode* content) {
            if (!is(content, "body.content")) return;
            BodyRead read = read_blocks(content->children, true);
            for (Block& b : read.blocks) doc.body.push_back(std::move(b));
            for (Note& n : read.notes) doc.notes.push_back(std::move(n));
        });
        read_body_end(body, doc);
    }
    return doc;
}


}  // namespace briefkit::formats::markup
