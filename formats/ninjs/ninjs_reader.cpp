#include "formats/ninjs/ninjs_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "briefkit/error.hpp"
#include "formats/markup/body_markup.hpp"
#include "formats/markup/feed_document.hpp"
#include "formats/markup/iso_date.hpp"
#include "formats/markup/json_tree.hpp"
#include "formats/markup/xml_tree.hpp"
#include "pipeline/model/handling.hpp"

namespace briefkit::formats {

namespace {

using markup::JsonValue;

constexpr std::string_view kLacks =
    "ninjs carries no reader notes, and no date as the article printed it";

/// The string member `key` of `object` (the first of several spellings that is there); empty if none.
std::string_view string_member(const JsonValue& object, std::initializer_list<std::string_view> keys) {
    for (const std::string_view key : keys) {
        const JsonValue* value = object.find(key);
        if (value != nullptr && value->is_string() && !value->text.empty()) return value->text;
    }
    return {};
}

/// The array member `key` of `object`, or nullptr.
const JsonValue* array_member(const JsonValue& object, std::string_view key) {
    const JsonValue* value = object.find(key);
    return value != nullptr && value->is_array() ? value : nullptr;
}

/// The `value` of the entry with role `role` (or the first, when `role` is empty) of a 3.x list.
std::string_view role_value(const JsonValue& object, std::string_view key, std::string_view role) {
    const JsonValue* list = array_member(object, key);
    if (list == nullptr) return {};
    for (const JsonValue& entry : list->items()) {
        if (!entry.is_object()) continue;
        if (!role.empty() && string_member(entry, {"role"}) != role) continue;
        if (const std::string_view value = string_member(entry, {"value"}); !value.empty()) return value;
    }
    return {};
}

/// The item an envelope holds: AP Media API's `data.item`, or the one entry of an `item` list.
const JsonValue& unwrap(const JsonValue& root, std::string_view name) {
    if (const JsonValue* data = root.find("data"); data != nullptr && data->is_object()) {
        if (const JsonValue* item = data->find("item"); item != nullptr && item->is_object()) return *item;
        if (const JsonValue* items = data->find("items"); items != nullptr && items->is_array()) {
            throw InputError(fmt::format("holds no article: it is a feed listing of {} item{} (references to content, "
                                         "not the content itself)",
                                         items->size, items->size == 1 ? "" : "s"),
                             std::string(name));
        }
    }
    if (const JsonValue* items = array_member(root, "item")) {
        if (items->size == 1 && items->items().front().is_object()) return items->items().front();
        throw InputError(fmt::format("holds a list of {} ninjs items; Briefkit reads a file of one", items->size),
                         std::string(name));
    }
    if (root.find("uri") == nullptr && root.find("guid") == nullptr) {
        throw InputError("not ninjs: the object has neither 'uri' nor 'guid'", std::string(name));
    }
    return root;
}

/// Refuses an item that is not text, naming its type.
void require_text(const JsonValue& item, std::string_view name) {
    const std::string_view type = string_member(item, {"type"});
    static constexpr std::array<std::string_view, 4> kText{"", "text", "story", "composite"};
    if (std::find(kText.begin(), kText.end(), type) == kText.end()) {
        throw InputError(fmt::format("holds no article: it is a ninjs '{}' item, not text", type), std::string(name));
    }
}

/// A date member; a value that is not ISO 8601 is noted and left out.
std::optional<Date> date_member(const JsonValue& item, std::initializer_list<std::string_view> keys, Document& doc) {
    const std::string_view text = string_member(item, keys);
    if (text.empty()) return std::nullopt;
    std::optional<Date> date = markup::parse_iso8601(text);
    if (!date) {
        doc.notes.push_back(Note{0, "date-unreadable", fmt::format("'{}' is not an ISO 8601 date; it was left out", text)});
    }
    return date;
}

void read_dates(const JsonValue& item, Document& doc) {
    Metadata& m = doc.meta;
    m.date = date_member(item, {"firstCreated", "firstcreated", "versionCreated", "versioncreated"}, doc);
    if (!m.date) {
        if (const std::string_view iso = role_value(item, "descriptions", "briefkit-date"); !iso.empty()) {
            m.date = markup::parse_iso8601(iso);
        }
    }
    m.source.date = date_member(item, {"contentCreated"}, doc);
    if (!m.source.date) {
        if (const std::string_view iso = role_value(item, "descriptions", "briefkit-source-date"); !iso.empty()) {
            m.source.date = markup::parse_iso8601(iso);
        }
    }
}

void read_people(const JsonValue& item, Metadata& m) {
    if (const JsonValue* people = array_member(item, "people")) {
        for (const JsonValue& p : people->items()) {
            if (p.is_object() && string_member(p, {"rel"}) == "author") m.authors.emplace_back(string_member(p, {"name"}));
        }
        if (!m.authors.empty()) return;
    }
    if (const std::string_view by = string_member(item, {"by", "byline"}); !by.empty()) {
        m.authors = markup::authors_from_byline(by);
        return;
    }
    if (const JsonValue* authors = array_member(item, "authors")) {
        for (const JsonValue& a : authors->items()) {
            if (a.is_object()) {
                if (const std::string_view n = string_member(a, {"name"}); !n.empty()) m.authors.emplace_back(n);
            }
        }
    }
}

std::string_view agency(const JsonValue& item) {
    if (const JsonValue* sources = array_member(item, "infoSources")) {
        for (const JsonValue& s : sources->items()) {
            if (s.is_object()) {
                if (const std::string_view n = string_member(s, {"name"}); !n.empty()) return n;
            }
        }
    }
    if (const std::string_view s = string_member(item, {"source", "provider", "copyrightholder"}); !s.empty()) return s;
    if (const JsonValue* info = array_member(item, "infosource"); info != nullptr && info->size != 0 &&
                                                                  info->items().front().is_object()) {
        return string_member(info->items().front(), {"name"});
    }
    return {};
}

/// The body's markup (HTML or XHTML) and its plain text, from 3.x `bodies` or 1.x/2.x `body_*`.
std::pair<std::string_view, std::string_view> body_forms(const JsonValue& item) {
    std::string_view html;
    std::string_view text;
    if (const JsonValue* bodies = array_member(item, "bodies")) {
        for (const JsonValue& b : bodies->items()) {
            if (!b.is_object()) continue;
            const std::string_view type = string_member(b, {"contentType"});
            if (html.empty() && (type.find("html") != std::string_view::npos || type.find("xml") != std::string_view::npos)) {
                html = string_member(b, {"value"});
            } else if (text.empty() && (type.empty() || type == "text/plain")) {
                text = string_member(b, {"value"});
            }
        }
    } else {
        html = string_member(item, {"body_html", "body_xhtml"});
        text = string_member(item, {"body_text"});
    }
    return {html, text};
}

/// The body in the richest form the item has: markup, else plain text (a paragraph per line).
void read_body(const JsonValue& item, Document& doc, std::string_view name, const ReadOptions& options) {
    const auto [html, text] = body_forms(item);
    if (html.empty()) {
        markup::append_text_paragraphs(text, doc.body);
        return;
    }
    const markup::XmlTree parsed = markup::parse_html(html, name, options);
    markup::BodyRead read = markup::read_blocks(parsed.root(), false);
    doc.body = std::move(read.blocks);
    doc.notes.insert(doc.notes.end(), read.notes.begin(), read.notes.end());
}

Document read_item(const JsonValue& item, std::string_view name, const ReadOptions& options) {
    require_text(item, name);
    Document doc;
    Metadata& m = doc.meta;
    std::string_view title = role_value(item, "headlines", "main");
    if (title.empty()) title = role_value(item, "headlines", "");
    if (title.empty()) title = string_member(item, {"headline"});
    m.title = markup::collapse_space(title);
    read_dates(item, doc);
    m.source.name = agency(item);
    read_people(item, m);
    m.place = string_member(item, {"located"});
    if (m.place.empty()) {
        if (const JsonValue* d = item.find("datelinelocation"); d != nullptr && d->is_object()) m.place = string_member(*d, {"city"});
    }
    m.language = string_member(item, {"language"});
    if (!is_language_tag(m.language)) m.language.clear();
    // Usage terms that are a TLP label (as Briefkit writes the handling label) are one.
    if (const auto tlp = handling::tlp_label(string_member(item, {"usageTerms", "usageterms"}))) m.handling = tlp->label;
    const std::string_view uri = string_member(item, {"uri"});
    m.url = role_value(item, "altIds", "briefkit-url");
    if (m.url.empty() && (uri.starts_with("http://") || uri.starts_with("https://"))) m.url = uri;
    read_body(item, doc, name, options);
    return doc;
}

}  // namespace

bool looks_like_ninjs(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, 4096);
    const std::size_t first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first == std::string_view::npos || head[first] != '{') return false;
    return head.find("\"uri\"") != std::string_view::npos || head.find("\"guid\"") != std::string_view::npos ||
           head.find("\"data\"") != std::string_view::npos;
}

Document read_ninjs(std::string_view bytes, std::string_view name, const ReadOptions& options) {
    const markup::JsonTree tree = markup::parse_json(bytes, name, options);
    const JsonValue& root = tree.root();
    if (!root.is_object()) throw InputError("not ninjs: the file is not a JSON object", std::string(name));
    Document doc = read_item(unwrap(root, name), name, options);
    markup::finish_feed_document(doc, "ninjs", kLacks, name, options);
    return doc;
}

}  // namespace briefkit::formats
