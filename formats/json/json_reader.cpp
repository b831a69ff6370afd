#include "formats/json/json_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <vector>

#include "briefkit/error.hpp"
#include "formats/markup/json_tree.hpp"
#include "pipeline/model/article_keys.hpp"
#include "pipeline/model/handling.hpp"
#include "pipeline/model/hash.hpp"
#include "pipeline/model/keys.hpp"
#include "pipeline/model/limits.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::formats {

namespace {

using Json = markup::JsonValue;

using article_keys::kSchema;
using article_keys::kSchemaFamily;
using article_keys::kSchemaVersion1;
constexpr auto kTopKeys = article_keys::kTop;
constexpr auto kSourceKeys = article_keys::kSource;

/// Turns a parsed JSON value into the model; every error names the path of the value at fault.
class TreeReader {
public:
    explicit TreeReader(std::string_view name) : name_(name) {}

    Document read(const Json& root) {
        if (!root.is_object()) fail("", "the document must be an object with keys such as schema, title and body");
        const Json* schema = root.find("schema");
        if (schema == nullptr) {
            fail("", fmt::format("not article JSON: it has no \"schema\" key (an article starts \"schema\": \"{}\"; "
                                 "ninjs, with \"uri\" or \"guid\", reads with -f ninjs)",
                                 kSchema));
        }
        check_keys(root, "", kTopKeys);
        if (const std::string stated = string_value(*schema, "schema"); !article_keys::known_schema(stated)) {
            fail("schema", fmt::format("is '{}'; this reader reads '{}', '{}' and '{}'", stated, kSchema,
                                       article_keys::kSchemaVersion2, kSchemaVersion1));
        }
        Document doc;
        Metadata& m = doc.meta;
        const Json* title = root.find("title");
        if (title == nullptr) fail("title", "is missing (write \"title\": \"\" for an article without one)");
        m.title = string_value(*title, "title");
        m.date = date_value(root, "");
        if (const Json* source = root.find("source")) read_source(*source, m.source);
        if (const Json* place = root.find("place")) m.place = string_value(*place, "place");
        if (const Json* url = root.find("url")) m.url = string_value(*url, "url");
        if (const Json* language = root.find("language")) {
            m.language = string_value(*language, "language");
            if (!m.language.empty() && !is_language_tag(m.language)) {
                fail("language", fmt::format("is '{}', not a language tag such as en or pt-BR", m.language));
            }
        }
        if (const Json* label = root.find("handling")) {
            const std::string stated = string_value(*label, "handling");
            const std::optional<std::string> tlp = handling::stated_label(stated);
            if (!tlp) fail("handling", fmt::format("is '{}', {}", stated, handling::kNotALabel));
            m.handling = *tlp;
        }
        if (const Json* authors = root.find("authors")) {
            std::size_t i = 0;
            for (const Json& a : array(*authors, "authors")) m.authors.push_back(string_value(a, at("authors", i++)));
        }
        const Json* body = root.find("body");
        if (body == nullptr) fail("body", "is missing (write \"body\": [] for an article without one)");
        std::size_t i = 0;
        for (const Json& b : array(*body, "body")) doc.body.push_back(read_block(b, at("body", i++)));
        if (const Json* notes = root.find("notes")) {
            i = 0;
            for (const Json& n : array(*notes, "notes")) doc.notes.push_back(read_note(n, at("notes", i++)));
        }
        const Json* id = root.find("id");
        restamp_id(doc, id != nullptr ? string_value(*id, "id") : std::string(), 0);
        return doc;
    }

private:
    [[noreturn]] void fail(std::string_view path, const std::string& message) const {
        throw InputError(path.empty() ? message : fmt::format("'{}' {}", path, message), std::string(name_));
    }

    static std::string at(std::string_view path, std::size_t index) { return fmt::format("{}[{}]", path, index); }
    static std::string member(std::string_view path, std::string_view key) {
        return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
    }

    void check_keys(const Json& object, std::string_view path, std::span<const std::string_view> known) const {
        KeyCheck check(known);
        for (const markup::JsonMember& m : object.members()) {
            if (const std::string problem = check.problem(m.key); !problem.empty()) fail(member(path, m.key), problem);
        }
    }

    void check_characters(std::string_view path, std::string_view text) const {
        for (std::size_t pos = 0; pos < text.size();) {
            const char32_t cp = utf8::next(text, pos);
            if (!utf8::xml_allowed(cp)) {
                fail(path, fmt::format("holds U+{:04X}, a character article text cannot hold", static_cast<std::uint32_t>(cp)));
            }
        }
    }

    std::string string_value(const Json& value, std::string_view path) const {
        if (value.is_null()) return {};
        if (!value.is_string()) fail(path, "must be a string");
        check_characters(path, value.text);
        return std::string(value.text);
    }

    bool bool_value(const Json& value, std::string_view path) const {
        if (value.kind != markup::JsonKind::boolean) fail(path, "must be true or false");
        return value.truth;
    }

    int int_value(const Json& value, std::string_view path, int low, int high) const {
        const std::optional<std::int64_t> n = value.integer();
        if (!n || *n < low || *n > high) fail(path, fmt::format("must be a whole number from {} to {}", low, high));
        return static_cast<int>(*n);
    }

    std::span<const Json> array(const Json& value, std::string_view path) const {
        if (value.is_null()) return {};
        if (!value.is_array()) fail(path, "must be a list");
        return value.items();
    }

    std::optional<Date> date_value(const Json& object, std::string_view path) const {
        const Json* value = object.find("date");
        const Json* text = object.find("date_text");
        const Json* ambiguous = object.find("date_ambiguous");
        if (value == nullptr || value->is_null()) {
            if (text != nullptr || ambiguous != nullptr) {
                fail(member(path, text != nullptr ? "date_text" : "date_ambiguous"),
                     fmt::format("is given without '{}'", member(path, "date")));
            }
            return std::nullopt;
        }
        const std::string iso = string_value(*value, member(path, "date"));
        std::optional<Date> date = Date::from_iso(iso);
        if (!date) {
            fail(member(path, "date"), fmt::format("is '{}', not a real day written YYYY-MM-DD (or YYYY-MM-DDTHH:MM:SS, "
                                                   "with a zone such as +06:00 or Z if one is known)",
                                                   iso));
        }
        date->text = text != nullptr ? string_value(*text, member(path, "date_text")) : iso;
        date->ambiguous = ambiguous != nullptr && bool_value(*ambiguous, member(path, "date_ambiguous"));
        return date;
    }

    void read_source(const Json& value, Source& source) const {
        if (value.is_null()) return;
        if (!value.is_object()) fail("source", "must be an object with the keys name, date, date_text, date_ambiguous");
        check_keys(value, "source", kSourceKeys);
        if (const Json* n = value.find("name")) source.name = string_value(*n, "source.name");
        source.date = date_value(value, "source");
    }

    Inlines inlines(const Json& value, std::string_view path) const {
        if (value.is_null()) return {};
        if (value.is_string()) return {Text{string_value(value, path)}};
        if (!value.is_array()) fail(path, "must be a string or a list of text and link objects");
        Inlines out;
        std::size_t i = 0;
        for (const Json& entry : value.items()) {
            static constexpr auto kInlineKeys = article_keys::kInline;
            const std::string where = at(path, i++);
            if (!entry.is_object()) fail(where, "must be an object such as {\"text\": ...} or {\"link\": ..., \"href\": ...}");
            check_keys(entry, where, kInlineKeys);
            const Json* text = entry.find("text");
            const Json* link = entry.find("link");
            const Json* href = entry.find("href");
            if (text != nullptr && link == nullptr && href == nullptr) {
                out.emplace_back(Text{string_value(*text, member(where, "text"))});
            } else if (link != nullptr && href != nullptr && text == nullptr) {
                out.emplace_back(Link{string_value(*link, member(where, "link")), string_value(*href, member(where, "href"))});
            } else {
                fail(where, "holds either 'text', or 'link' with 'href'");
            }
        }
        return out;
    }

    std::vector<Inlines> inline_list(const Json& value, std::string_view path) const {
        std::vector<Inlines> out;
        std::size_t i = 0;
        for (const Json& entry : array(value, path)) out.push_back(inlines(entry, at(path, i++)));
        return out;
    }

    std::vector<std::vector<Inlines>> table_rows(const Json& value, std::string_view path, std::size_t columns) const {
        std::vector<std::vector<Inlines>> rows;
        std::size_t i = 0;
        for (const Json& row : array(value, path)) {
            const std::string where = at(path, i++);
            rows.push_back(inline_list(row, where));
            if (rows.back().size() != columns) {
                fail(where, fmt::format("has {} cell{}; the table has {} columns", rows.back().size(),
                                        rows.back().size() == 1 ? "" : "s", columns));
            }
        }
        return rows;
    }

    Table read_table(const Json& value, std::string_view path) const {
        static constexpr auto kTableKeys = article_keys::kTable;
        check_keys(value, path, kTableKeys);
        const Json* columns = value.find("columns");
        const Json* rows = value.find("rows");
        if (columns == nullptr || rows == nullptr) fail(path, "needs 'columns' and 'rows'");
        Table table;
        std::size_t i = 0;
        for (const Json& column : array(*columns, member(path, "columns"))) {
            const std::string where = at(member(path, "columns"), i++);
            const std::optional<Alignment> alignment = alignment_from_name(string_value(column, where));
            if (!alignment) fail(where, "must be left, right or center");
            table.columns.push_back(*alignment);
        }
        if (table.columns.empty()) fail(member(path, "columns"), "needs at least one column");
        if (const Json* caption = value.find("caption")) table.caption = inlines(*caption, member(path, "caption"));
        if (const Json* head = value.find("head")) table.head = table_rows(*head, member(path, "head"), table.columns.size());
        table.rows = table_rows(*rows, member(path, "rows"), table.columns.size());
        return table;
    }

    Block read_structured(const std::string& kind, const Json& value, const std::string& path) const {
        if (!value.is_object()) fail(path, "must be an object");
        if (kind == "table") return read_table(value, path);
        if (kind == "heading") {
            static constexpr auto kHeadingKeys = article_keys::kHeading;
            check_keys(value, path, kHeadingKeys);
            const Json* level = value.find("level");
            const Json* content = value.find("content");
            if (level == nullptr || content == nullptr) fail(path, "needs 'level' and 'content'");
            return Heading{int_value(*level, member(path, "level"), 1, 6), inlines(*content, member(path, "content"))};
        }
        static constexpr auto kListKeys = article_keys::kList;
        check_keys(value, path, kListKeys);
        const Json* items = value.find("items");
        if (items == nullptr) fail(path, "needs 'items'");
        List list;
        if (const Json* ordered = value.find("ordered")) list.ordered = bool_value(*ordered, member(path, "ordered"));
        list.items = inline_list(*items, member(path, "items"));
        if (list.items.empty()) fail(member(path, "items"), "needs at least one item");
        return list;
    }

    Block read_block(const Json& value, const std::string& path) const {
        static constexpr auto kBlockKeys = article_keys::kBlocks;
        if (!value.is_object() || value.size != 1) {
            fail(path, "must be an object with one key: paragraph, heading, list, quote, table or preformatted");
        }
        check_keys(value, path, kBlockKeys);
        const std::string kind(value.members().front().key);
        const Json& content = value.members().front().value;
        const std::string where = member(path, kind);
        if (kind == "paragraph") return Paragraph{inlines(content, where)};
        if (kind == "preformatted") return Preformatted{string_value(content, where)};
        if (kind == "quote") {
            Quote quote{inline_list(content, where)};
            if (quote.paragraphs.empty()) fail(where, "needs at least one paragraph");
            return quote;
        }
        return read_structured(kind, content, where);
    }

    Note read_note(const Json& value, const std::string& path) const {
        static constexpr auto kNoteKeys = article_keys::kNote;
        if (!value.is_object()) fail(path, "must be an object with line, rule and message");
        check_keys(value, path, kNoteKeys);
        const Json* number = value.find("line");
        const Json* rule = value.find("rule");
        const Json* message = value.find("message");
        if (number == nullptr || rule == nullptr || message == nullptr) fail(path, "needs line, rule and message");
        const std::string rule_name = string_value(*rule, member(path, "rule"));
        if (!is_note_rule(rule_name)) {
            fail(member(path, "rule"), "must be a rule name such as line-joined: a letter, then letters, digits, '-', '_' or '.'");
        }
        return Note{int_value(*number, member(path, "line"), 0, 1'000'000'000), rule_name,
                    string_value(*message, member(path, "message"))};
    }

    std::string_view name_;
};

}  // namespace

bool looks_like_json(std::string_view bytes) {
    std::string_view head = bytes.substr(0, 512);
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    const std::size_t first = head.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || head[first] != '{') return false;
    const std::size_t key = head.find_first_not_of(" \t\r\n", first + 1);
    return key != std::string_view::npos && head.substr(key).starts_with("\"schema\"") &&
           head.find(kSchemaFamily) != std::string_view::npos;
}

Document read_json(std::string_view bytes, std::string_view name, const ReadOptions& options) {
    const markup::JsonTree tree = markup::parse_json(bytes, name, options);
    Document doc = TreeReader(name).read(tree.root());
    check_document_limits(doc, name, options);
    return doc;
}

}  // namespace briefkit::formats
