#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "briefkit/error.hpp"
#include "formats/markup/body_markup.hpp"
#include "formats/markup/feed_document.hpp"
#include "formats/markup/iso_date.hpp"
#include "formats/markup/xml_tree.hpp"
#include "formats/newsml/item_content.hpp"
#include "formats/newsml/newsml_reader.hpp"

namespace briefkit::formats {

using markup::XmlNode;

namespace {

using markup::attribute;
using markup::child;
using markup::collapsed_text;
using markup::for_each_element;
using markup::is;

constexpr std::string_view kLacks = "NewsML 1.2 carries no reader notes";

/// A text ContentItem found in a NewsComponent tree, and whether its component's role is Main.
struct TextItem {
    const XmlNode* content_item = nullptr;
    bool main = false;
};

/// Every ContentItem of media type Text under `component`, depth first.
void find_text(const XmlNode* component, bool main, std::vector<TextItem>& found) {
    const XmlNode* role = child(component, "Role");
    main = main || (role != nullptr && attribute(role, "FormalName") == "Main");
    for_each_element(component, [&](const XmlNode* c) {
        if (is(c, "NewsComponent")) {
            find_text(c, main, found);
        } else if (is(c, "ContentItem") && attribute(child(c, "MediaType"), "FormalName") == "Text" &&
                   child(c, "DataContent") != nullptr) {
            found.push_back({c, main});
        }
    });
}

/// The first element called `name` in `component`'s tree, depth first.
const XmlNode* find_first(const XmlNode* component, std::string_view name) {
    if (component == nullptr) return nullptr;
    const XmlNode* found = nullptr;
    for_each_element(component, [&](const XmlNode* c) {
        if (found == nullptr) found = is(c, name) ? c : find_first(c, name);
    });
    return found;
}

std::optional<Date> date_of(const XmlNode* node) {
    return node == nullptr ? std::nullopt : markup::parse_iso8601(collapsed_text(node));
}

void read_lines(const XmlNode* component, Metadata& m) {
    if (const XmlNode* lines = find_first(component, "NewsLines")) {
        if (const XmlNode* headline = child(lines, "HeadLine")) m.title = collapsed_text(headline);
        for_each_element(lines, [&](const XmlNode* by) {
            if (!is(by, "ByLine")) return;
            for (std::string& a : markup::authors_from_byline(collapsed_text(by))) m.authors.push_back(std::move(a));
        });
    }
    for (const char* party : {"Provider", "Source", "Creator"}) {
        if (!m.source.name.empty()) break;
        if (const XmlNode* p = child(find_first(component, party), "Party")) m.source.name = attribute(p, "FormalName");
    }
    if (const XmlNode* language = find_first(component, "Language")) {
        m.language = attribute(language, "FormalName");
        for (char& c : m.language) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
}

Document read_news_item(const XmlNode* item, const TextItem& text, std::string_view name, const ReadOptions& options) {
    Document doc;
    Metadata& m = doc.meta;
    const XmlNode* component = child(item, "NewsComponent");
    read_lines(component, m);
    const XmlNode* management = child(item, "NewsManagement");
    m.date = date_of(child(management, "FirstCreated"));
    if (!m.date) m.date = date_of(child(management, "ThisRevisionCreated"));
    if (m.language.empty()) {
        m.language = markup::xml_lang(item);
    }
    if (!is_language_tag(m.language)) m.language.clear();
    const XmlNode* dateline = find_first(component, "DateLine");
    if (dateline != nullptr) m.place = markup::dateline_place(collapsed_text(dateline));
    const XmlNode* format = child(text.content_item, "Format");
    const std::string_view type = format != nullptr ? attribute(format, "FormalName") : std::string_view();
    newsml::merge_content(doc, newsml::read_item_content(child(text.content_item, "DataContent"), type, name, options));
    if (dateline != nullptr) newsml::remove_repeated_dateline(doc, collapsed_text(dateline));
    markup::finish_feed_document(doc, "NewsML 1.2", kLacks, name, options);
    return doc;
}

}  // namespace

bool looks_like_newsml_1(std::string_view bytes) { return markup::root_element(bytes).name == "NewsML"; }

std::vector<Document> read_newsml_1(std::string_view bytes, std::string_view name, const ReadOptions& options) {
    std::vector<Note> notes;
    const markup::XmlTree xml =
        markup::parse_xml(bytes, name, options, markup::Doctype::external_only, "NewsML 1.2", &notes);
    const XmlNode* root = xml.root();
    if (!is(root, "NewsML")) {
        throw InputError(fmt::format("not NewsML 1.2: the root element is <{}>, not <NewsML>", root->name),
                         std::string(name), markup::line(root));
    }
    std::vector<Document> docs;
    std::size_t items = 0;
    for_each_element(root, [&](const XmlNode* item) {
        if (!is(item, "NewsItem")) return;
        ++items;
        std::vector<TextItem> texts;
        find_text(child(item, "NewsComponent"), false, texts);
        if (texts.empty()) return;
        const auto main = std::find_if(texts.begin(), texts.end(), [](const TextItem& t) { return t.main; });
        docs.push_back(read_news_item(item, main != texts.end() ? *main : texts.front(), name, options));
        docs.back().notes.insert(docs.back().notes.begin(), notes.begin(), notes.end());
    });
    if (docs.empty()) {
        throw InputError(items == 1 ? std::string("holds no text item: its NewsItem carries no text content")
                                    : fmt::format("holds no text item: its {} NewsItems carry no text content", items),
                         std::string(name), markup::line(root));
    }
    return docs;
}

}  // namespace briefkit::formats
