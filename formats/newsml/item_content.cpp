#include "formats/newsml/item_content.hpp"

#include <fmt/format.h>

#include "formats/markup/body_markup.hpp"
#include "formats/markup/nitf_tree.hpp"
#include "formats/markup/xml_tree.hpp"

namespace briefkit::formats::newsml {

using markup::XmlNode;

namespace {

using markup::child;
using markup::first_element;
using markup::is;

void take_blocks(Document& doc, markup::BodyRead read) {
    for (Block& b : read.blocks) doc.body.push_back(std::move(b));
    for (Note& n : read.notes) doc.notes.push_back(std::move(n));
}

/// Plain text, with stray paragraph tags (`<p>` in a text/plain body) taken out and noted.
void read_plain(std::string text, const XmlNode* holder, Document& doc) {
    bool tags = false;
    for (const std::string_view tag : {"<p>", "</p>", "<P>", "</P>"}) {
        for (std::size_t at = text.find(tag); at != std::string::npos; at = text.find(tag, at)) {
            text.replace(at, tag.size(), "\n\n");
            tags = true;
        }
    }
    if (tags) {
        doc.notes.push_back(Note{markup::line(holder), "markup-in-plain-text",
                                 "the plain-text body held <p> tags; they were read as paragraph breaks"});
    }
    markup::append_text_paragraphs(text, doc.body);
}

/// The position past the spaces and the dash (`-`, `_`, `:`, an en or em dash) at `at` in `text`.
std::size_t skip_dash(std::string_view text, std::size_t at) {
    while (at < text.size()) {
        if (text[at] == ' ' || text[at] == '-' || text[at] == ':' || text[at] == '_') {
            ++at;
        } else if (text.substr(at).starts_with("\u2013") || text.substr(at).starts_with("\u2014")) {
            at += 3;
        } else {
            break;
        }
    }
    return at;
}

}  // namespace

Document read_item_content(const XmlNode* holder, std::string_view content_type, std::string_view name,
                           const ReadOptions& options) {
    Document doc;
    const XmlNode* element = first_element(holder);
    if (element != nullptr && is(element, "nitf")) return markup::read_nitf_tree(element);
    if (element != nullptr && (is(element, "html") || is(element, "body"))) {
        const XmlNode* body = is(element, "body") ? element : child(element, "body");
        if (body != nullptr) take_blocks(doc, markup::read_blocks(body->children, true));
        return doc;
    }
    if (element != nullptr) {
        take_blocks(doc, markup::read_blocks(holder->children, true));
        return doc;
    }
    const std::string text = markup::all_text(holder);
    const bool plain = content_type.find("plain") != std::string_view::npos;
    const std::string start = markup::collapse_space(text.substr(0, 64));
    if (!plain && start.starts_with('<')) {
        const markup::XmlTree html = markup::parse_html(text, name, options);
        take_blocks(doc, markup::read_blocks(html.root(), false));
        return doc;
    }
    read_plain(text, holder, doc);
    return doc;
}

void merge_content(Document& doc, Document carried) {
    Metadata& m = doc.meta;
    const Metadata& c = carried.meta;
    if (m.title.empty()) m.title = c.title;
    if (!m.date) m.date = c.date;
    if (m.source.name.empty()) m.source.name = c.source.name;
    if (!m.source.date) m.source.date = c.source.date;
    if (m.place.empty()) m.place = c.place;
    if (m.url.empty()) m.url = c.url;
    if (m.authors.empty()) m.authors = c.authors;
    if (m.language.empty()) m.language = c.language;
    for (Block& b : carried.body) doc.body.push_back(std::move(b));
    for (Note& n : carried.notes) doc.notes.push_back(std::move(n));
}

void remove_repeated_dateline(Document& doc, std::string_view dateline) {
    std::string stated = markup::collapse_space(dateline);
    while (!stated.empty() && (stated.back() == '-' || stated.back() == ' ' || stated.back() == ':')) stated.pop_back();
    if (stated.size() < 3 || doc.body.empty() || !std::holds_alternative<Paragraph>(doc.body.front())) return;
    Inlines& first = std::get<Paragraph>(doc.body.front()).content;
    if (first.empty() || !std::holds_alternative<Text>(first.front())) return;
    std::string& text = std::get<Text>(first.front()).text;
    if (!text.starts_with(stated)) return;
    std::size_t cut = skip_dash(text, stated.size());
    // The agency's credit may follow the dateline: `FORT WASHINGTON, Pa. (AP) _ `.
    if (cut < text.size() && text[cut] == '(') {
        const std::size_t close = text.find(')', cut);
        if (close != std::string::npos && close - cut <= 32) {
            const std::size_t after = skip_dash(text, close + 1);
            if (after > close + 2) cut = after;
        }
    }
    if (cut >= text.size()) return;
    doc.notes.push_back(Note{0, "dateline-moved",
                             fmt::format("the dateline '{}' was taken off the start of the first paragraph, where "
                                         "the body repeated it",
                                         text.substr(0, cut))});
    text.erase(0, cut);
}

}  // namespace briefkit::formats::newsml
