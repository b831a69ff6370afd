#include "formats/xml/xml_reader.hpp"

#include <fmt/format.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "formats/xml/article_schema.hpp"
#include "pipeline/model/hash.hpp"
#include "pipeline/model/error.hpp"

namespace briefkit::formats {

namespace {

constexpr std::string_view kNamespace = "urn:briefkit:article:1";

struct ParserDeleter {
    void operator()(xmlParserCtxtPtr p) const { xmlFreeParserCtxt(p); }
};
struct DocDeleter {
    void operator()(xmlDocPtr d) const { xmlFreeDoc(d); }
};
struct SchemaParserDeleter {
    void operator()(xmlSchemaParserCtxtPtr p) const { xmlSchemaFreeParserCtxt(p); }
};
struct SchemaDeleter {
    void operator()(xmlSchemaPtr s) const { xmlSchemaFree(s); }
};
struct ValidatorDeleter {
    void operator()(xmlSchemaValidCtxtPtr v) const { xmlSchemaFreeValidCtxt(v); }
};
struct XmlCharDeleter {
    void operator()(xmlChar* c) const { xmlFree(c); }
};

/// The first problem libxml2 reported.
struct Problem {
    std::string message;
    int line = 0;
    bool found = false;

    void record(std::string text, int at) {
        if (found) return;
        while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
        message = std::move(text);
        line = at;
        found = true;
    }
};

/// SAX hook for `<!DOCTYPE ...>`: stops the parse before the internal subset is read.
void refuse_doctype(void* context, const xmlChar* /*name*/, const xmlChar* /*public_id*/, const xmlChar* /*system_id*/) {
    auto* parser = static_cast<xmlParserCtxtPtr>(context);
    static_cast<Problem*>(parser->_private)
        ->record("a document type declaration (<!DOCTYPE>) is not allowed in article XML: it could load external "
                 "files or declare entities",
                 xmlSAX2GetLineNumber(context));
    xmlStopParser(parser);
}

/// libxml2's structured error hook while parsing: keeps the first error.
void record_parse_error(void* context, xmlErrorPtr error) {
    auto* parser = static_cast<xmlParserCtxtPtr>(context);
    if (error != nullptr && error->level >= XML_ERR_ERROR) {
        static_cast<Problem*>(parser->_private)->record(error->message != nullptr ? error->message : "", error->line);
    }
}

/// libxml2 must set up its globals once, before threads use it.
void init_libxml2() {
    static const bool done = [] {
        xmlInitParser();
        return true;
    }();
    (void)done;
}

/// The article schema, parsed once and shared (libxml2 only reads it while validating).
xmlSchemaPtr article_schema() {
    static const std::unique_ptr<xmlSchema, SchemaDeleter> schema = [] {
        init_libxml2();
        const std::string_view xsd = article_xsd();
        const std::unique_ptr<xmlSchemaParserCtxt, SchemaParserDeleter> parser(
            xmlSchemaNewMemParserCtxt(xsd.data(), static_cast<int>(xsd.size())));
        std::unique_ptr<xmlSchema, SchemaDeleter> parsed(parser ? xmlSchemaParse(parser.get()) : nullptr);
        if (!parsed) throw Error("the built-in article schema could not be loaded (out of memory?)");
        return parsed;
    }();
    return schema.get();
}

void record_validity_error(void* data, xmlErrorPtr error) {
    if (error != nullptr && error->message != nullptr) {
        static_cast<Problem*>(data)->record(error->message, error->line);
    }
}

std::string_view view(const xmlChar* text) {
    return text == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(text));
}

bool is(const xmlNode* node, std::string_view name) {
    return node->type == XML_ELEMENT_NODE && view(node->name) == name;
}

/// The elements among `node`'s children, in order (text between them is indentation).
template <typename F>
void for_each_element(const xmlNode* node, F&& f) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (child->type == XML_ELEMENT_NODE) f(child);
    }
}

/// The text of `node`: its text and CDATA children joined (comments and processing instructions skipped).
std::string text_of(const xmlNode* node) {
    std::string out;
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) out += view(child->content);
    }
    return out;
}

/// Turns a validated document tree into the model. Only what the schema cannot check is checked here.
class TreeReader {
public:
    explicit TreeReader(std::string_view name) : name_(name) {}

    Document read(const xmlNode* article) {
        Document doc;
        for_each_element(article, [&](const xmlNode* part) {
            if (is(part, "meta")) read_meta(part, doc.meta);
            if (is(part, "body")) read_body(part, doc.body);
            if (is(part, "notes")) read_notes(part, doc.notes);
        });
        restamp_id(doc, attribute(article, "id"), line(article));
        return doc;
    }

private:
    [[noreturn]] void fail(const xmlNode* node, const std::string& message) const {
        throw InputError(message, std::string(name_), line(node));
    }

    static int line(const xmlNode* node) { return static_cast<int>(xmlGetLineNo(node)); }

    static std::string attribute(const xmlNode* node, const char* name) {
        const std::unique_ptr<xmlChar, XmlCharDeleter> value(xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)));
        return std::string(view(value.get()));
    }

    Date read_date(const xmlNode* node) const {
        std::string iso = text_of(node);
        // The schema's date types ignore surrounding whitespace, so this reader does too.
        const std::size_t first = iso.find_first_not_of(" \t\r\n");
        iso = first == std::string::npos ? std::string() : iso.substr(first, iso.find_last_not_of(" \t\r\n") + 1 - first);
        std::optional<Date> date = Date::from_iso(iso);
        if (!date) {
            fail(node, fmt::format("date '{}' is not YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS or that with a zone (+06:00, Z)",
                                   iso));
        }
        date->text = attribute(node, "text");
        const std::string ambiguous = attribute(node, "ambiguous");
        date->ambiguous = ambiguous == "true" || ambiguous == "1";
        return *date;
    }

    void read_meta(const xmlNode* meta, Metadata& m) const {
        for_each_element(meta, [&](const xmlNode* field) {
            if (is(field, "title")) m.title = text_of(field);
            if (is(field, "date")) m.date = read_date(field);
            if (is(field, "place")) m.place = text_of(field);
            if (is(field, "url")) m.url = text_of(field);
            if (is(field, "language")) m.language = text_of(field);
            if (is(field, "source")) {
                for_each_element(field, [&](const xmlNode* part) {
                    if (is(part, "name")) m.source.name = text_of(part);
                    if (is(part, "date")) m.source.date = read_date(part);
                });
            }
            if (is(field, "authors")) {
                for_each_element(field, [&](const xmlNode* author) { m.authors.push_back(text_of(author)); });
            }
        });
    }

    /// Mixed content: runs of text (joined across comments and CDATA sections) and links.
    static Inlines read_inlines(const xmlNode* node) {
        Inlines out;
        for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
            if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
                const std::string_view text = view(child->content);
                if (text.empty()) continue;
                if (!out.empty() && std::holds_alternative<Text>(out.back())) {
                    std::get<Text>(out.back()).text += text;
                } else {
                    out.emplace_back(Text{std::string(text)});
                }
            } else if (is(child, "a")) {
                out.emplace_back(Link{text_of(child), attribute(child, "href")});
            }
        }
        return out;
    }

    void read_body(const xmlNode* body, std::vector<Block>& blocks) const {
        for_each_element(body, [&](const xmlNode* block) {
            if (is(block, "p")) {
                blocks.emplace_back(Paragraph{read_inlines(block)});
            } else if (is(block, "h")) {
                blocks.emplace_back(Heading{std::atoi(attribute(block, "level").c_str()), read_inlines(block)});
            } else if (is(block, "list")) {
                List list;
                const std::string ordered = attribute(block, "ordered");
                list.ordered = ordered == "true" || ordered == "1";
                for_each_element(block, [&](const xmlNode* item) { list.items.push_back(read_inlines(item)); });
                blocks.emplace_back(std::move(list));
            } else if (is(block, "quote")) {
                Quote quote;
                for_each_element(block, [&](const xmlNode* p) { quote.paragraphs.push_back(read_inlines(p)); });
                blocks.emplace_back(std::move(quote));
            } else if (is(block, "table")) {
                blocks.emplace_back(read_table(block));
            } else if (is(block, "pre")) {
                blocks.emplace_back(Preformatted{text_of(block)});
            }
        });
    }

    Table read_table(const xmlNode* node) const {
        Table table;
        const auto read_row = [&](const xmlNode* row, std::vector<std::vector<Inlines>>& into) {
            std::vector<Inlines> cells;
            for_each_element(row, [&](const xmlNode* cell) { cells.push_back(read_inlines(cell)); });
            if (cells.size() != table.columns.size()) {
                fail(row, fmt::format("a table row has {} cell{}; the table has {} columns", cells.size(),
                                      cells.size() == 1 ? "" : "s", table.columns.size()));
            }
            into.push_back(std::move(cells));
        };
        for_each_element(node, [&](const xmlNode* part) {
            if (is(part, "caption")) table.caption = read_inlines(part);
            if (is(part, "column")) table.columns.push_back(alignment_from_name(attribute(part, "align")).value_or(Alignment::left));
            if (is(part, "head")) for_each_element(part, [&](const xmlNode* row) { read_row(row, table.head); });
            if (is(part, "row")) read_row(part, table.rows);
        });
        return table;
    }

    void read_notes(const xmlNode* notes, std::vector<Note>& out) const {
        for_each_element(notes, [&](const xmlNode* note) {
            const std::string number = attribute(note, "line");
            char* end = nullptr;
            const long value = std::strtol(number.c_str(), &end, 10);
            if (end == number.c_str() || *end != '\0' || value < 0 || value > 1'000'000'000) {
                fail(note, fmt::format("note line '{}' is not a line number", number));
            }
            out.push_back(Note{static_cast<int>(value), attribute(note, "rule"), text_of(note)});
        });
    }

    std::string_view name_;
};

/// The most attributes an element may carry. No element of the article schema has more than
/// three, and libxml2 2.9 checks each attribute of an element against all the ones before it, so
/// 100,000 of them would take it minutes before the schema could refuse them.
constexpr std::size_t kMaxAttributes = 64;

/// The deepest nesting libxml2 parses without XML_PARSE_HUGE, which is never used.
constexpr std::size_t kParserDepth = 256;

/// Scans the markup of `bytes` before libxml2 parses it, in one linear pass: refuses elements
/// nested deeper than --max-depth (or than libxml2's own 256 levels) and elements with more than
/// kMaxAttributes attributes, naming the line. What is not well-formed is left to libxml2 to
/// report, and a document type declaration to its refusal; the scan stops there.
class MarkupScan {
public:
    MarkupScan(std::string_view bytes, std::string_view name, const ReadOptions& options)
        : bytes_(bytes), name_(name), options_(options) {}

    void run() {
        while (true) {
            const std::size_t open = bytes_.find('<', at_);
            if (open == std::string_view::npos) return;
            advance_to(open);
            const std::string_view rest = bytes_.substr(at_);
            if (rest.starts_with("<!--")) {
                skip_past("-->");
            } else if (rest.starts_with("<![CDATA[")) {
                skip_past("]]>");
            } else if (rest.starts_with("<?")) {
                skip_past("?>");
            } else if (rest.starts_with("<!")) {
                return;  // a document type declaration: libxml2 refuses it
            } else if (rest.starts_with("</")) {
                if (depth_ > 0) --depth_;
                skip_past(">");
            } else {
                start_tag();
            }
        }
    }

private:
    /// Moves to `to`, counting the lines passed.
    void advance_to(std::size_t to) {
        line_ += static_cast<int>(std::count(bytes_.begin() + static_cast<std::ptrdiff_t>(at_),
                                             bytes_.begin() + static_cast<std::ptrdiff_t>(to), '\n'));
        at_ = to;
    }

    void skip_past(std::string_view end) {
        const std::size_t found = bytes_.find(end, at_);
        advance_to(found == std::string_view::npos ? bytes_.size() : found + end.size());
    }

    /// A start tag at at_: counts its attributes (an '=' outside quoted values) and its depth.
    void start_tag() {
        const int line = line_;
        std::size_t attributes = 0;
        char quote = 0;
        char last = 0;  // the last character outside quotes that is not a space
        std::size_t i = at_ + 1;
        for (; i < bytes_.size(); ++i) {
            const char c = bytes_[i];
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                break;
            } else if (c == '=') {
                ++attributes;
            }
            if (quote == 0 && c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '>') last = c;
        }
        advance_to(std::min(i + 1, bytes_.size()));
        if (attributes > kMaxAttributes) {
            throw InputError(fmt::format("an element has {} attributes; article XML has at most {} on any element",
                                         attributes, kMaxAttributes),
                             std::string(name_), line);
        }
        if (last == '/') return;  // an empty element, <a/>, opens nothing
        ++depth_;
        if (depth_ > kParserDepth && options_.max_depth >= kParserDepth) {
            throw LimitError(fmt::format("nested over {} levels deep, the most the XML parser reads (--max-depth "
                                         "cannot raise it further)",
                                         kParserDepth),
                             std::string(name_), line);
        }
        check_depth(depth_, name_, line, options_);
    }

    std::string_view bytes_;
    std::string_view name_;
    const ReadOptions& options_;
    std::size_t at_ = 0;
    std::size_t depth_ = 0;
    int line_ = 1;
};

/// While alive, libxml2 messages raised outside a parser context on this thread (encoding and
/// I/O errors) are recorded in `problem` instead of printed on standard error: every message
/// Briefkit prints goes through its one error printer.
class CaptureLibxmlErrors {
public:
    explicit CaptureLibxmlErrors(Problem& problem) {
        xmlSetStructuredErrorFunc(&problem, &record_validity_error);
        xmlSetGenericErrorFunc(nullptr, &ignore_generic_error);
    }
    ~CaptureLibxmlErrors() {
        xmlSetStructuredErrorFunc(nullptr, nullptr);
        xmlSetGenericErrorFunc(nullptr, nullptr);
    }
    CaptureLibxmlErrors(const CaptureLibxmlErrors&) = delete;
    CaptureLibxmlErrors& operator=(const CaptureLibxmlErrors&) = delete;

private:
    static void ignore_generic_error(void* /*context*/, const char* /*format*/, ...) {}
};

}  // namespace

bool looks_like_xml(std::string_view bytes) {
    std::string_view head = bytes.substr(0, 512);
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    const std::size_t first = head.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return false;
    head.remove_prefix(first);
    return head.starts_with("<?xml") || (head.starts_with("<") && head.find(kNamespace) != std::string_view::npos);
}

Document read_xml(std::string_view bytes, std::string_view name, const ReadOptions& options) {
    const std::string file(name);
    check_input_size(bytes.size(), name, options);
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        throw InputError("file is too large for the XML parser", file);
    }
    init_libxml2();
    MarkupScan(bytes, name, options).run();
    Problem problem;
    const CaptureLibxmlErrors capture(problem);
    const std::unique_ptr<xmlParserCtxt, ParserDeleter> parser(
        xmlCreateMemoryParserCtxt(bytes.data(), static_cast<int>(bytes.size())));
    if (!parser) throw InputError("out of memory starting the XML parser", file);
    // No network, no error printing (errors are collected here); never XML_PARSE_NOENT,
    // XML_PARSE_DTDLOAD or XML_PARSE_HUGE.
    xmlCtxtUseOptions(parser.get(), XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
    parser->_private = &problem;
    parser->sax->internalSubset = &refuse_doctype;
    parser->sax->serror = &record_parse_error;
    parser->userData = parser.get();  // what the hooks above receive
    xmlParseDocument(parser.get());
    const std::unique_ptr<xmlDoc, DocDeleter> doc(parser->myDoc);
    parser->myDoc = nullptr;
    if (!problem.found && !parser->wellFormed) {
        const xmlError* error = xmlCtxtGetLastError(parser.get());
        problem.record(error != nullptr && error->message != nullptr ? error->message : "not well-formed XML",
                       error != nullptr ? error->line : 0);
    }
    if (problem.found || !doc) {
        throw InputError(fmt::format("not readable as article XML: {}", problem.message), file, problem.line);
    }

    const std::unique_ptr<xmlSchemaValidCtxt, ValidatorDeleter> validator(xmlSchemaNewValidCtxt(article_schema()));
    if (!validator) throw InputError("out of memory starting the XML schema validator", file);
    xmlSchemaSetValidStructuredErrors(validator.get(), &record_validity_error, &problem);
    if (xmlSchemaValidateDoc(validator.get(), doc.get()) != 0) {
        if (!problem.found) problem.record("the document does not follow the schema", 0);
        throw InputError(fmt::format("not valid against the article schema ({}): {}", kNamespace, problem.message),
                         file, problem.line);
    }
    Document read = TreeReader(name).read(xmlDocGetRootElement(doc.get()));
    check_document_limits(read, name, options);
    return read;
}

}  // namespace briefkit::formats
