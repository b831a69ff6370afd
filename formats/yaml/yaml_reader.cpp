#include "formats/yaml/yaml_reader.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <span>
#include <string>
#include <vector>

#include "briefkit/error.hpp"
#include "pipeline/model/article_keys.hpp"
#include "pipeline/model/handling.hpp"
#include "pipeline/model/hash.hpp"
#include "pipeline/model/keys.hpp"
#include "pipeline/model/limits.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::formats {

namespace {

// Version 2 added tables, preformatted blocks and UTC offsets; version 1 files are a subset.
using article_keys::kSchema;
using article_keys::kSchemaFamily;
using article_keys::kSchemaVersion1;
constexpr auto kTopKeys = article_keys::kTop;
constexpr auto kSourceKeys = article_keys::kSource;

std::string list(std::span<const std::string_view> keys) {
    std::string out;
    for (const std::string_view k : keys) out += fmt::format("{}{}", out.empty() ? "" : ", ", k);
    return out;
}

/// `key` as a message quotes it: whole, or its start and its length when it is long.
std::string shown_key(const std::string& key) {
    constexpr std::size_t kShown = 40;
    if (key.size() <= kShown) return key;
    std::size_t cut = kShown;
    while (cut > 0 && (static_cast<unsigned char>(key[cut]) & 0xC0) == 0x80) --cut;
    return fmt::format("{}... ({} bytes)", key.substr(0, cut), key.size());
}

/// Reads the tree yaml-cpp built into the model, checking what the schema requires.
class TreeReader {
public:
    TreeReader(std::string_view bytes, std::string_view name) : bytes_(bytes), name_(name) {}

    Document read(const YAML::Node& root) {
        if (!root.IsMap()) fail(root, "", "the document must be a map of keys such as schema, title and body");
        const std::vector<Field> fields = fields_of(root, "", kTopKeys);
        const YAML::Node* schema = find(fields, "schema");
        if (schema == nullptr) fail(root, "schema", fmt::format("missing; an article starts 'schema: {}'", kSchema));
        if (const std::string stated = string_value(*schema, "schema"); !article_keys::known_schema(stated)) {
            fail(*schema, "schema",
                 fmt::format("is '{}'; this reader reads '{}', '{}' and '{}'", schema->Scalar(), kSchema,
                             article_keys::kSchemaVersion2, kSchemaVersion1));
        }
        Document doc;
        Metadata& m = doc.meta;
        const YAML::Node* title = find(fields, "title");
        if (title == nullptr) fail(root, "title", "missing (write title: \"\" for an article without one)");
        m.title = string_value(*title, "title");
        m.date = date_value(fields, "");
        if (const YAML::Node* source = find(fields, "source")) read_source(*source, m.source);
        if (const YAML::Node* place = find(fields, "place")) m.place = string_value(*place, "place");
        if (const YAML::Node* url = find(fields, "url")) m.url = string_value(*url, "url");
        if (const YAML::Node* language = find(fields, "language")) {
            m.language = string_value(*language, "language");
            if (!m.language.empty() && !is_language_tag(m.language)) {
                fail(*language, "language", fmt::format("is '{}', not a language tag such as en or pt-BR", m.language));
            }
        }
        if (const YAML::Node* label = find(fields, "handling")) {
            const std::string stated = string_value(*label, "handling");
            const std::optional<std::string> tlp = handling::stated_label(stated);
            if (!tlp) fail(*label, "handling", fmt::format("is '{}', {}", stated, handling::kNotALabel));
            m.handling = *tlp;
        }
        if (const YAML::Node* authors = find(fields, "authors")) {
            for (const YAML::Node& a : sequence(*authors, "authors")) m.authors.push_back(string_value(a, "authors"));
        }
        const YAML::Node* body = find(fields, "body");
        if (body == nullptr) fail(root, "body", "missing (write body: [] for an article without one)");
        for (const YAML::Node& block : sequence(*body, "body")) doc.body.push_back(read_block(block));
        if (const YAML::Node* notes = find(fields, "notes")) {
            for (const YAML::Node& note : sequence(*notes, "notes")) doc.notes.push_back(read_note(note));
        }
        const YAML::Node* id = find(fields, "id");
        restamp_id(doc, id != nullptr ? string_value(*id, "id") : std::string(), line(root));
        return doc;
    }

private:
    struct Field {
        std::string key;
        YAML::Node value;
    };

    [[noreturn]] void fail(const YAML::Node& node, std::string_view key, const std::string& message) const {
        throw InputError(key.empty() ? message : fmt::format("'{}' {}", key, message), std::string(name_), line(node));
    }

    static int line(const YAML::Node& node) {
        const YAML::Mark mark = node.Mark();
        return mark.is_null() ? 0 : mark.line + 1;
    }

    /// The keys of map `node` with their values; unknown and repeated keys are errors.
    std::vector<Field> fields_of(const YAML::Node& node, std::string_view where,
                                 std::span<const std::string_view> known) const {
        std::vector<Field> fields;
        KeyCheck check(known);
        for (const auto& entry : node) {
            const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
            const std::string path = where.empty() ? shown_key(key) : fmt::format("{}.{}", where, shown_key(key));
            if (const std::string problem = check.problem(key); !problem.empty()) fail(entry.first, path, problem);
            fields.push_back({key, entry.second});
        }
        return fields;
    }

    static const YAML::Node* find(const std::vector<Field>& fields, std::string_view key) {
        for (const Field& f : fields) {
            if (f.key == key) return &f.value;
        }
        return nullptr;
    }

    /// Refuses text the model cannot hold: invalid UTF-8, or a character XML 1.0 does not allow
    /// (C0 controls but tab and line breaks, U+FFFE, U+FFFF), which the XML writer could not carry.
    void check_characters(const YAML::Node& node, std::string_view key, std::string_view text) const {
        for (std::size_t pos = 0; pos < text.size();) {
            if (utf8::sequence_length(text, pos) == 0) fail(node, key, "is not valid UTF-8");
            const char32_t cp = utf8::next(text, pos);
            if (!utf8::xml_allowed(cp)) {
                fail(node, key, fmt::format("holds U+{:04X}, a character article text cannot hold", static_cast<std::uint32_t>(cp)));
            }
        }
    }

    /// A scalar's text. A block scalar (`|` or `>`) loses the line breaks YAML adds at its end,
    /// which a person writing a folded paragraph does not mean as part of the text. Null is empty.
    std::string string_value(const YAML::Node& node, std::string_view key) const {
        if (node.IsNull()) return {};
        if (!node.IsScalar()) fail(node, key, "must be a string");
        std::string text = node.Scalar();
        check_characters(node, key, text);
        const YAML::Mark mark = node.Mark();
        const bool block = !mark.is_null() && static_cast<std::size_t>(mark.pos) < bytes_.size() &&
                           (bytes_[static_cast<std::size_t>(mark.pos)] == '|' ||
                            bytes_[static_cast<std::size_t>(mark.pos)] == '>');
        if (block) {
            while (!text.empty() && text.back() == '\n') text.pop_back();
        }
        return text;
    }

    bool bool_value(const YAML::Node& node, std::string_view key) const {
        bool value = false;
        if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value)) fail(node, key, "must be true or false");
        return value;
    }

    int int_value(const YAML::Node& node, std::string_view key, int low, int high) const {
        int value = 0;
        if (!node.IsScalar() || !YAML::convert<int>::decode(node, value) || value < low || value > high) {
            fail(node, key, fmt::format("must be a whole number from {} to {}", low, high));
        }
        return value;
    }

    std::vector<YAML::Node> sequence(const YAML::Node& node, std::string_view key) const {
        if (node.IsNull()) return {};
        if (!node.IsSequence()) fail(node, key, "must be a list");
        return {node.begin(), node.end()};
    }

    /// `date`, `date_text` and `date_ambiguous` under `where` (empty for the top level).
    std::optional<Date> date_value(const std::vector<Field>& fields, std::string_view where) const {
        const auto path = [&](std::string_view key) {
            return where.empty() ? std::string(key) : fmt::format("{}.{}", where, key);
        };
        const YAML::Node* value = find(fields, "date");
        const YAML::Node* text = find(fields, "date_text");
        const YAML::Node* ambiguous = find(fields, "date_ambiguous");
        if (value == nullptr || value->IsNull()) {
            if (text != nullptr || ambiguous != nullptr) {
                fail(text != nullptr ? *text : *ambiguous, path(text != nullptr ? "date_text" : "date_ambiguous"),
                     fmt::format("is given without '{}'", path("date")));
            }
            return std::nullopt;
        }
        std::string iso = string_value(*value, path("date"));
        // YAML's own timestamps may put a space between day and time.
        if (iso.size() == 19 && iso[10] == ' ') iso[10] = 'T';
        std::optional<Date> date = Date::from_iso(iso);
        if (!date) {
            fail(*value, path("date"),
                 fmt::format("is '{}', not a real day written YYYY-MM-DD (or YYYY-MM-DDTHH:MM:SS, with a zone "
                             "such as +06:00 or Z if one is known)",
                             value->Scalar()));
        }
        date->text = text != nullptr ? string_value(*text, path("date_text")) : value->Scalar();
        date->ambiguous = ambiguous != nullptr && bool_value(*ambiguous, path("date_ambiguous"));
        return date;
    }

    void read_source(const YAML::Node& node, Source& source) const {
        if (node.IsNull()) return;
        if (!node.IsMap()) fail(node, "source", fmt::format("must be a map with the keys {}", list(kSourceKeys)));
        const std::vector<Field> fields = fields_of(node, "source", kSourceKeys);
        if (const YAML::Node* name = find(fields, "name")) source.name = string_value(*name, "source.name");
        source.date = date_value(fields, "source");
    }

    /// A string (one run of text), [] (nothing), or a list of `text:` and `link:`/`href:` maps.
    Inlines inlines(const YAML::Node& node, std::string_view key) const {
        if (node.IsNull()) return {};
        if (node.IsScalar()) return {Text{string_value(node, key)}};
        if (!node.IsSequence()) fail(node, key, "must be a string or a list of text and link entries");
        Inlines out;
        for (const YAML::Node& entry : node) {
            static constexpr auto kInlineKeys = article_keys::kInline;
            if (!entry.IsMap()) fail(entry, key, "entries must be maps such as {text: ...} or {link: ..., href: ...}");
            const std::vector<Field> fields = fields_of(entry, key, kInlineKeys);
            const YAML::Node* text = find(fields, "text");
            const YAML::Node* link = find(fields, "link");
            const YAML::Node* href = find(fields, "href");
            if (text != nullptr && link == nullptr && href == nullptr) {
                out.emplace_back(Text{string_value(*text, key)});
            } else if (link != nullptr && href != nullptr && text == nullptr) {
                out.emplace_back(Link{string_value(*link, key), string_value(*href, key)});
            } else {
                fail(entry, key, "entries hold either 'text', or 'link' with 'href'");
            }
        }
        return out;
    }

    /// Rows of cells under `key`, each row holding `columns` cells.
    std::vector<std::vector<Inlines>> table_rows(const YAML::Node& node, std::string_view key, std::size_t columns) const {
        std::vector<std::vector<Inlines>> rows;
        for (const YAML::Node& row : sequence(node, key)) {
            std::vector<Inlines>& cells = rows.emplace_back();
            for (const YAML::Node& cell : sequence(row, key)) cells.push_back(inlines(cell, key));
            if (cells.size() != columns) {
                fail(row, key, fmt::format("a row has {} cell{}; the table has {} columns", cells.size(),
                                           cells.size() == 1 ? "" : "s", columns));
            }
        }
        return rows;
    }

    Table read_table(const YAML::Node& node) const {
        static constexpr auto kTableKeys = article_keys::kTable;
        const std::vector<Field> parts = fields_of(node, "table", kTableKeys);
        const YAML::Node* columns = find(parts, "columns");
        const YAML::Node* rows = find(parts, "rows");
        if (columns == nullptr || rows == nullptr) fail(node, "table", "needs 'columns' and 'rows'");
        Table table;
        for (const YAML::Node& column : sequence(*columns, "table.columns")) {
            const std::optional<Alignment> alignment = alignment_from_name(string_value(column, "table.columns"));
            if (!alignment) fail(column, "table.columns", "entries must be left, right or center");
            table.columns.push_back(*alignment);
        }
        if (table.columns.empty()) fail(*columns, "table.columns", "needs at least one column");
        if (const YAML::Node* caption = find(parts, "caption")) table.caption = inlines(*caption, "table.caption");
        if (const YAML::Node* head = find(parts, "head")) table.head = table_rows(*head, "table.head", table.columns.size());
        table.rows = table_rows(*rows, "table.rows", table.columns.size());
        return table;
    }

    Block read_block(const YAML::Node& node) const {
        static constexpr auto kBlockKeys = article_keys::kBlocks;
        if (!node.IsMap() || node.size() != 1) {
            fail(node, "body", fmt::format("entries must each be a map with one key: {}", list(kBlockKeys)));
        }
        const std::vector<Field> fields = fields_of(node, "body", kBlockKeys);
        const Field& f = fields.front();
        if (f.key == "paragraph") return Paragraph{inlines(f.value, "paragraph")};
        if (f.key == "quote") {
            Quote quote;
            for (const YAML::Node& p : sequence(f.value, "quote")) quote.paragraphs.push_back(inlines(p, "quote"));
            if (quote.paragraphs.empty()) fail(f.value, "quote", "needs at least one paragraph");
            return quote;
        }
        if (f.key == "preformatted") return Preformatted{string_value(f.value, "preformatted")};
        if (!f.value.IsMap()) fail(f.value, f.key, "must be a map");
        if (f.key == "table") return read_table(f.value);
        if (f.key == "heading") {
            static constexpr auto kHeadingKeys = article_keys::kHeading;
            const std::vector<Field> parts = fields_of(f.value, "heading", kHeadingKeys);
            const YAML::Node* level = find(parts, "level");
            const YAML::Node* content = find(parts, "content");
            if (level == nullptr || content == nullptr) fail(f.value, "heading", "needs 'level' and 'content'");
            return Heading{int_value(*level, "heading.level", 1, 6), inlines(*content, "heading.content")};
        }
        static constexpr auto kListKeys = article_keys::kList;
        const std::vector<Field> parts = fields_of(f.value, "list", kListKeys);
        const YAML::Node* items = find(parts, "items");
        if (items == nullptr) fail(f.value, "list", "needs 'items'");
        List out;
        if (const YAML::Node* ordered = find(parts, "ordered")) out.ordered = bool_value(*ordered, "list.ordered");
        for (const YAML::Node& item : sequence(*items, "list.items")) out.items.push_back(inlines(item, "list.items"));
        if (out.items.empty()) fail(*items, "list.items", "needs at least one item");
        return out;
    }

    Note read_note(const YAML::Node& node) const {
        static constexpr auto kNoteKeys = article_keys::kNote;
        if (!node.IsMap()) fail(node, "notes", "entries must be maps with line, rule and message");
        const std::vector<Field> fields = fields_of(node, "notes", kNoteKeys);
        const YAML::Node* line_number = find(fields, "line");
        const YAML::Node* rule = find(fields, "rule");
        const YAML::Node* message = find(fields, "message");
        if (line_number == nullptr || rule == nullptr || message == nullptr) {
            fail(node, "notes", "entries need line, rule and message");
        }
        const std::string rule_name = string_value(*rule, "notes.rule");
        if (!is_note_rule(rule_name)) {
            fail(*rule, "notes.rule",
                 "must be a rule name such as line-joined: a letter, then letters, digits, '-', '_' or '.'");
        }
        return Note{int_value(*line_number, "notes.line", 0, 1'000'000'000), rule_name,
                    string_value(*message, "notes.message")};
    }

    std::string_view bytes_;
    std::string_view name_;
};

/// Walks the parser's events before any node is built: refuses collections nested deeper than
/// --max-depth (yaml-cpp's own guard allows 2,000 levels of recursion), refuses a document whose
/// text, with every alias expanded to what it repeats, is over --max-input-size (aliases would
/// otherwise multiply a small file past every limit), and counts the documents.
class EventCheck final : public YAML::EventHandler {
public:
    EventCheck(std::string_view name, const ReadOptions& options) : name_(name), options_(options) {}

    /// Documents with content seen so far, and the line where the second begins.
    std::size_t documents = 0;
    int second_line = 0;  ///< 1-based; 0 when there is no second document.

    /// Reads every document of `bytes`. It stops at the first document with nothing in it, as
    /// yaml-cpp 0.7's LoadAll() does not: input such as a lone `,` makes it yield empty documents
    /// forever (yaml-cpp issue #1040, fixed upstream in 0.8.0).
    void run(const std::string& bytes) {
        std::istringstream stream(bytes);
        YAML::Parser parser(stream);
        for (;;) {
            empty_ = true;
            if (!parser.HandleNextDocument(*this) || empty_) return;
            ++documents;
        }
    }

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    // A null is no content: yaml-cpp 0.7 reports one for each of the endless empty documents above.
    void OnNull(const YAML::Mark&, YAML::anchor_t anchor) override {
        if (anchor != 0) anchored_[anchor] = 0;
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        const auto found = anchored_.find(anchor);
        leaf(mark, 0, found != anchored_.end() ? found->second : 0);
    }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string& value) override {
        leaf(mark, anchor, value.size());
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(mark, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
        open(mark, anchor);
    }
    void OnMapEnd() override { close(); }

private:
    /// A collection being read: its anchor (0 for none) and the bytes of text it holds so far.
    struct Open {
        YAML::anchor_t anchor = 0;
        std::size_t bytes = 0;
    };

    /// Notes that the document has content, and where the second document's begins.
    void content(const YAML::Mark& mark) {
        empty_ = false;
        if (documents == 1 && second_line == 0) second_line = mark.is_null() ? 0 : mark.line + 1;
    }

    /// A scalar, null or alias standing for `bytes` of text once expanded.
    void leaf(const YAML::Mark& mark, YAML::anchor_t anchor, std::size_t bytes) {
        content(mark);
        if (anchor != 0) anchored_[anchor] = bytes;
        if (!open_.empty()) open_.back().bytes += bytes;
        expanded_ += bytes;
        if (expanded_ > options_.max_input_size) {
            throw LimitError(fmt::format("holds over {} bytes of text once its aliases are expanded, over the limit "
                                         "(--max-input-size)",
                                         options_.max_input_size),
                             std::string(name_), mark.is_null() ? 0 : mark.line + 1);
        }
    }

    void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
        content(mark);
        check_depth(open_.size() + 1, name_, mark.is_null() ? 0 : mark.line + 1, options_);
        open_.push_back({anchor, 0});
    }

    /// Ends the innermost collection: an anchored one is remembered with its size, which counts
    /// in the collection around it too (the running total has it already).
    void close() {
        if (open_.empty()) return;
        const Open done = open_.back();
        open_.pop_back();
        if (done.anchor != 0) anchored_[done.anchor] = done.bytes;
        if (!open_.empty()) open_.back().bytes += done.bytes;
    }

    std::string_view name_;
    const ReadOptions& options_;
    std::vector<Open> open_;
    std::map<YAML::anchor_t, std::size_t> anchored_;  // anchor -> bytes of text it stands for
    std::size_t expanded_ = 0;
    bool empty_ = true;
};

}  // namespace

bool looks_like_yaml(std::string_view bytes) {
    std::string_view head = bytes.substr(0, 512);
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    for (std::size_t start = 0; start < head.size();) {
        std::size_t end = head.find('\n', start);
        if (end == std::string_view::npos) end = head.size();
        std::string_view line = head.substr(start, end - start);
        if (line.starts_with("schema:") && line.find(kSchemaFamily) != std::string_view::npos) return true;
        start = end + 1;
    }
    return false;
}

Document read_yaml(std::string_view bytes, std::string_view name, const ReadOptions& options) {
    const std::string file(name);
    check_input_size(bytes.size(), name, options);
    const std::string text(bytes);
    YAML::Node root;
    try {
        EventCheck check(name, options);
        check.run(text);
        if (check.documents == 0) throw InputError("empty YAML file: no article to read", file);
        if (check.documents > 1) {
            throw InputError(fmt::format("holds {} YAML documents; an article file holds one", check.documents), file,
                             check.second_line);
        }
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        throw InputError(fmt::format("not readable as YAML: {}", e.msg), file, e.mark.is_null() ? 0 : e.mark.line + 1);
    }
    if (root.IsNull()) throw InputError("empty YAML file: no article to read", file);
    try {
        Document doc = TreeReader(bytes, name).read(root);
        check_document_limits(doc, name, options);
        return doc;
    } catch (const YAML::Exception& e) {
        throw InputError(fmt::format("not readable as article YAML: {}", e.msg), file,
                         e.mark.is_null() ? 0 : e.mark.line + 1);
    }
}

}  // namespace briefkit::formats
