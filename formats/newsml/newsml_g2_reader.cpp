#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "briefkit/error.hpp"
#include "formats/markup/body_markup.hpp"
#include "formats/markup/feed_document.hpp"
#include "formats/markup/iso_date.hpp"
#include "formats/markup/xml_tree.hpp"
#include "formats/newsml/item_content.hpp"
#include "formats/newsml/newsml_reader.hpp"
#include "pipeline/model/handling.hpp"

namespace briefkit::formats {

using markup::XmlNode;

namespace {

using markup::attribute;
using markup::child;
using markup::collapsed_text;
using markup::for_each_element;
using markup::is;

constexpr std::string_view kLacks =
    "NewsML-G2 carries no reader notes, one heading level in its NITF body, and no date as the article printed it";

constexpr std::array<std::string_view, 6> kItemKinds{"newsItem",     "packageItem", "conceptItem",
                                                     "planningItem", "knowledgeItem", "catalogItem"};

/// The name a G2 party or concept element gives: its `name` child, else `literal`, else its qcode's code.
std::string party_name(const XmlNode* node) {
    if (node == nullptr) return {};
    if (const XmlNode* n = child(node, "name")) {
        if (std::string text = collapsed_text(n); !text.empty()) return text;
    }
    if (std::string literal = markup::collapse_space(attribute(node, "literal")); !literal.empty()) return literal;
    const std::string_view qcode = attribute(node, "qcode");
    return std::string(qcode.substr(qcode.find(':') == std::string::npos ? 0 : qcode.find(':') + 1));
}

/// The item class's code: `text` from `ninat:text` or `icls:text`.
std::string item_class(const XmlNode* item) {
    const std::string_view qcode = attribute(child(child(item, "itemMeta"), "itemClass"), "qcode");
    return std::string(qcode.substr(qcode.find(':') == std::string::npos ? 0 : qcode.find(':') + 1));
}

std::optional<Date> date_of(const XmlNode* node, Document& doc) {
    if (node == nullptr) return std::nullopt;
    const std::string text = collapsed_text(node);
    std::optional<Date> date = markup::parse_iso8601(text);
    if (!date && !text.empty()) {
        doc.notes.push_back(Note{markup::line(node), "date-unreadable",
                                 fmt::format("<{}> '{}' is not an ISO 8601 date; it was left out",
                                             node->name, text)});
    }
    return date;
}

/// The value of the contentMetaExtProperty Briefkit writes with `rel`; empty for none.
std::string ext_property(const XmlNode* content_meta, std::string_view rel) {
    std::string value;
    for_each_element(content_meta, [&](const XmlNode* p) {
        if (is(p, "contentMetaExtProperty") && attribute(p, "rel") == rel) value = attribute(p, "value");
    });
    return value;
}

/// The main headline: one without a role or with a main role, else the first.
std::string headline(const XmlNode* content_meta) {
    std::string first;
    std::string main;
    for_each_element(content_meta, [&](const XmlNode* h) {
        if (!is(h, "headline")) return;
        const std::string_view role = attribute(h, "role");
        std::string text = collapsed_text(h);
        if (first.empty()) first = text;
        if (main.empty() && (role.empty() || role.find("main") != std::string::npos)) main = std::move(text);
    });
    return main.empty() ? first : main;
}

/// True for an item Briefkit wrote: its provider and versionCreated are filled in for the
/// schema, and say nothing about the article.
bool made_by_briefkit(const XmlNode* item) {
    const XmlNode* generator = child(child(item, "itemMeta"), "generator");
    return generator != nullptr && collapsed_text(generator) == "Briefkit";
}

void read_dates(const XmlNode* item, Document& doc) {
    const XmlNode* item_meta = child(item, "itemMeta");
    const XmlNode* content_meta = child(item, "contentMeta");
    Metadata& m = doc.meta;
    m.date = date_of(child(content_meta, "contentCreated"), doc);
    if (!m.date) m.date = date_of(child(item_meta, "firstCreated"), doc);
    if (!m.date && !made_by_briefkit(item)) m.date = date_of(child(item_meta, "versionCreated"), doc);
    if (const std::string iso = ext_property(content_meta, "bkprop:sourceDate"); !iso.empty()) {
        m.source.date = markup::parse_iso8601(iso);
    }
}

/// The source: the first info source that originated the content, else the provider.
std::string agency(const XmlNode* item) {
    std::string found;
    for_each_element(child(item, "contentMeta"), [&](const XmlNode* s) {
        if (!found.empty() || !is(s, "infoSource")) return;
        const std::string_view role = attribute(s, "role");
        if (role.empty() || role.find("orig") != std::string::npos || role.find("source") != std::string::npos) {
            found = party_name(s);
        }
    });
    if (found.empty() && !made_by_briefkit(item)) found = party_name(child(child(item, "itemMeta"), "provider"));
    return found;
}

void read_people_and_place(const XmlNode* content_meta, Metadata& m) {
    for_each_element(content_meta, [&](const XmlNode* c) {
        if (!is(c, "creator")) return;
        // A creator known only by a code is no name to print; an organisation credited as
        // creator (the agency, a data provider) is no byline.
        const bool named = child(c, "name") != nullptr || !attribute(c, "literal").empty();
        if (std::string who = party_name(c); named && !who.empty() && who != m.source.name) {
            m.authors.push_back(std::move(who));
        }
    });
    if (m.authors.empty()) {
        if (const XmlNode* by = child(content_meta, "by")) m.authors = markup::authors_from_byline(collapsed_text(by));
    }
    m.place = party_name(child(content_meta, "located"));
    if (m.place.empty()) {
        if (const XmlNode* dateline = child(content_meta, "dateline")) m.place = markup::dateline_place(collapsed_text(dateline));
    }
}

/// The first inline content of the item's contentSet in a text form, with its media type.
std::pair<const XmlNode*, std::string> text_content(const XmlNode* item) {
    const XmlNode* found = nullptr;
    std::string type;
    for_each_element(child(item, "contentSet"), [&](const XmlNode* c) {
        if (found != nullptr || (!is(c, "inlineXML") && !is(c, "inlineData"))) return;
        std::string t(attribute(c, "contenttype"));
        if (t.starts_with("image/") || t.starts_with("video/") || t.starts_with("audio/")) return;
        found = c;
        type = std::move(t);
    });
    return {found, type};
}

Document read_item(const XmlNode* item, std::string_view name, const ReadOptions& options) {
    Document doc;
    Metadata& m = doc.meta;
    const XmlNode* content_meta = child(item, "contentMeta");
    m.title = headline(content_meta);
    read_dates(item, doc);
    m.source.name = agency(item);
    read_people_and_place(content_meta, m);
    if (const XmlNode* language = child(content_meta, "language")) m.language = attribute(language, "tag");
    if (m.language.empty()) {
        m.language = markup::xml_lang(item);
    }
    if (!is_language_tag(m.language)) m.language.clear();
    m.url = ext_property(content_meta, "bkprop:url");
    if (const auto tlp = handling::tlp_label(ext_property(content_meta, "bkprop:handling"))) m.handling = tlp->label;
    const auto [content, type] = text_content(item);
    if (content != nullptr) newsml::merge_content(doc, newsml::read_item_content(content, type, name, options));
    if (const XmlNode* dateline = child(content_meta, "dateline")) {
        newsml::remove_repeated_dateline(doc, collapsed_text(dateline));
    }
    markup::finish_feed_document(doc, "NewsML-G2", kLacks, name, options);
    return doc;
}

/// Every item element of a newsMessage (inside its itemSet), or the root item itself.
std::vector<const XmlNode*> items_of(const XmlNode* root) {
    std::vector<const XmlNode*> items;
    const auto is_item = [](const XmlNode* n) {
        return std::any_of(kItemKinds.begin(), kItemKinds.end(), [&](std::string_view k) { return is(n, k); });
    };
    if (is_item(root)) return {root};
    for_each_element(child(root, "itemSet"), [&](const XmlNode* n) {
        if (is_item(n)) items.push_back(n);
    });
    return items;
}

/// What a document without a text item holds, for its error: `1 picture item, 1 package item`.
std::string holdings(const std::vector<const XmlNode*>& items) {
    std::vector<std::pair<std::string, int>> kinds;
    for (const XmlNode* item : items) {
        std::string element(item->name);
        std::string kind = is(item, "newsItem") ? item_class(item) : element.substr(0, element.size() - 4);
        if (kind.empty()) kind = "unclassed news";
        auto it = std::find_if(kinds.begin(), kinds.end(), [&](const auto& k) { return k.first == kind; });
        if (it == kinds.end()) {
            kinds.emplace_back(std::move(kind), 1);
        } else {
            ++it->second;
        }
    }
    std::string out;
    for (const auto& [kind, count] : kinds) {
        out += fmt::format("{}{} {} item{}", out.empty() ? "" : ", ", count, kind, count == 1 ? "" : "s");
    }
    return out.empty() ? "no items" : out;
}

}  // namespace

bool looks_like_newsml_g2(std::string_view bytes) {
    const markup::RootElement root = markup::root_element(bytes);
    return root.namespace_uri == "http://iptc.org/std/nar/2006-10-01/";
}

std::vector<Document> read_newsml_g2(std::string_view bytes, std::string_view name, const ReadOptions& options) {
    std::vector<Note> notes;
    const markup::XmlTree xml =
        markup::parse_xml(bytes, name, options, markup::Doctype::external_only, "NewsML-G2", &notes);
    const XmlNode* root = xml.root();
    const std::vector<const XmlNode*> items = items_of(root);
    std::vector<Document> docs;
    for (const XmlNode* item : items) {
        if (!is(item, "newsItem") || item_class(item) != "text") continue;
        docs.push_back(read_item(item, name, options));
        docs.back().notes.insert(docs.back().notes.begin(), notes.begin(), notes.end());
    }
    if (docs.empty()) {
        throw InputError(fmt::format("holds no text item: this NewsML-G2 {} holds {}", root->name,
                                     holdings(items)),
                         std::string(name), markup::line(root));
    }
    return docs;
}

}  // namespace briefkit::formats
