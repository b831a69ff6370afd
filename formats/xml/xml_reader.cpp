#include "formats/xml/xml_reader.hpp"

#include <fmt/format.h>
#include <libxml/xmlschemas.h>

#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "briefkit/error.hpp"
#include "formats/markup/xml_tree.hpp"
#include "formats/xml/article_schema.hpp"
#include "pipeline/model/hash.hpp"
#include "pipeline/model/limits.hpp"

namespace briefkit::formats {

namespace {

constexpr std::string_view kNamespace = "urn:briefkit:article:1";

struct SchemaParserDeleter {
    void operator()(xmlSchemaParserCtxtPtr p) const { xmlSchemaFreeParserCtxt(p); }
};
struct SchemaDeleter {
    void operator()(xmlSchemaPtr s) const { xmlSchemaFree(s); }
};
struct ValidatorDeleter {
    void operator()(xmlSchemaValidCtxtPtr v) const { xmlSchemaFreeValidCtxt(v); }
};

using markup::attribute;
using markup::for_each_element;
using markup::is;
using markup::text_of;
using markup::view;

/// The first problem the schema validator reported.
struct Problem {
    std::string message;
    int line = 0;
    bool found = false;
};

/// The article schema, parsed once and shared (libxml2 only reads it while validating).
xmlSchemaPtr article_schema() {
    static const std::unique_ptr<xmlSchema, SchemaDeleter> schema = [] {
        markup::init_libxml2();
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
    auto* problem = static_cast<Problem*>(data);
    if (error == nullptr || error->message == nullptr || problem->found) return;
    std::string text = error->message;
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    *problem = Problem{std::move(text), error->line, true};
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

    static int line(const xmlNode* node) { return markup::line(node); }

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
            if (is(field, "handling")) m.handling = text_of(field);
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

}  // namespace

bool looks_like_xml(std::string_view bytes) {
    const markup::RootElement root = markup::root_element(bytes);
    return root.name == "article" && root.namespace_uri == kNamespace;
}

Document read_xml(std::string_view bytes, std::string_view name, const ReadOptions& options) {
    const std::string file(name);
    const markup::XmlDoc doc = markup::parse_xml_document(bytes, name, options, markup::Doctype::refuse, "article XML");
    Problem problem;
    const std::unique_ptr<xmlSchemaValidCtxt, ValidatorDeleter> validator(xmlSchemaNewValidCtxt(article_schema()));
    if (!validator) throw InputError("out of memory starting the XML schema validator", file);
    xmlSchemaSetValidStructuredErrors(validator.get(), &record_validity_error, &problem);
    if (xmlSchemaValidateDoc(validator.get(), doc.get()) != 0) {
        if (!problem.found) problem = Problem{"the document does not follow the schema", 0, true};
        throw InputError(fmt::format("not valid against the article schema ({}): {}", kNamespace, problem.message),
                         file, problem.line);
    }
    Document read = TreeReader(name).read(xmlDocGetRootElement(doc.get()));
    check_document_limits(read, name, options);
    return read;
}

}  // namespace briefkit::formats
