#include "formats/markup/xml_tree.hpp"

#include <fmt/format.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <set>

#include "pipeline/model/error.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::formats::markup {

namespace {

struct ParserDeleter {
    void operator()(xmlParserCtxtPtr p) const { xmlFreeParserCtxt(p); }
};
struct XmlCharDeleter {
    void operator()(xmlChar* c) const { xmlFree(c); }
};

/// The first problem libxml2 reported, and what the parse was told about its input.
struct Problem {
    std::string message;
    int line = 0;
    bool found = false;
    std::string_view what;  ///< The format, for messages.
    std::set<std::string> entities;  ///< Entities the unloaded DTD would declare, referred to in the text.

    void record(std::string text, int at) {
        if (found) return;
        while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
        message = std::move(text);
        line = at;
        found = true;
    }
};

Problem& problem_of(void* context) {
    return *static_cast<Problem*>(static_cast<xmlParserCtxtPtr>(context)->_private);
}

/// SAX hook for `<!DOCTYPE ...>` where none is allowed: stops the parse before the internal
/// subset is read.
void refuse_doctype(void* context, const xmlChar* /*name*/, const xmlChar* /*public_id*/, const xmlChar* /*system_id*/) {
    problem_of(context).record(
        fmt::format("a document type declaration (<!DOCTYPE>) is not allowed in {}: it could load external files "
                    "or declare entities",
                    problem_of(context).what),
        xmlSAX2GetLineNumber(context));
    xmlStopParser(static_cast<xmlParserCtxtPtr>(context));
}

/// SAX hook for a DOCTYPE that may name an external DTD: the declaration is kept, so that an
/// entity the DTD would declare is a reference, not an error, but the DTD is never loaded.
void accept_external_doctype(void* context, const xmlChar* name, const xmlChar* public_id, const xmlChar* system_id) {
    xmlSAX2InternalSubset(context, name, public_id, system_id);
}

/// SAX hook for the external subset: never loaded.
void skip_external_subset(void* /*context*/, const xmlChar* /*name*/, const xmlChar* /*public_id*/,
                          const xmlChar* /*system_id*/) {}

/// SAX hook for a reference to an entity the document does not declare (its DTD would): kept
/// as a reference node, which the text readers resolve as HTML's entity of that name.
void record_reference(void* context, const xmlChar* name) {
    xmlSAX2Reference(context, name);
    problem_of(context).entities.insert(std::string(view(name)));
}

/// Stops the parse at any declaration of an internal subset (entities above all: they could
/// expand past every limit or name a file to read).
void refuse_declaration(void* context) {
    problem_of(context).record(
        fmt::format("the document type declaration has an internal subset (declarations inside [ ]), which {} "
                    "does not allow: it could declare entities",
                    problem_of(context).what),
        xmlSAX2GetLineNumber(context));
    xmlStopParser(static_cast<xmlParserCtxtPtr>(context));
}

void refuse_entity(void* context, const xmlChar*, int, const xmlChar*, const xmlChar*, xmlChar*) {
    refuse_declaration(context);
}
void refuse_element(void* context, const xmlChar*, int, xmlElementContentPtr) { refuse_declaration(context); }
void refuse_attribute(void* context, const xmlChar*, const xmlChar*, int, int, const xmlChar*, xmlEnumerationPtr tree) {
    xmlFreeEnumeration(tree);  // the hook owns it
    refuse_declaration(context);
}
void refuse_notation(void* context, const xmlChar*, const xmlChar*, const xmlChar*) { refuse_declaration(context); }
void refuse_unparsed(void* context, const xmlChar*, const xmlChar*, const xmlChar*, const xmlChar*) {
    refuse_declaration(context);
}

/// libxml2's structured error hook while parsing: keeps the first error.
void record_parse_error(void* context, xmlErrorPtr error) {
    // An entity its unloaded DTD would declare is read by record_reference(), not an error.
    if (error != nullptr && error->level >= XML_ERR_ERROR && error->code != XML_WAR_UNDECLARED_ENTITY) {
        problem_of(context).record(error->message != nullptr ? error->message : "", error->line);
    }
}

void record_error(void* data, xmlErrorPtr error) {
    if (error != nullptr && error->message != nullptr && error->level >= XML_ERR_ERROR) {
        static_cast<Problem*>(data)->record(error->message, error->line);
    }
}

void ignore_generic_error(void* /*context*/, const char* /*format*/, ...) {}

/// While alive, libxml2 messages raised outside a parser context on this thread (encoding and
/// I/O errors) are recorded in `problem` instead of printed on standard error: every message
/// Briefkit prints goes through its one error printer.
class CaptureLibxmlErrors {
public:
    explicit CaptureLibxmlErrors(Problem& problem) {
        xmlSetStructuredErrorFunc(&problem, &record_error);
        xmlSetGenericErrorFunc(nullptr, &ignore_generic_error);
    }
    ~CaptureLibxmlErrors() {
        xmlSetStructuredErrorFunc(nullptr, nullptr);
        xmlSetGenericErrorFunc(nullptr, nullptr);
    }
    CaptureLibxmlErrors(const CaptureLibxmlErrors&) = delete;
    CaptureLibxmlErrors& operator=(const CaptureLibxmlErrors&) = delete;
};

/// The most attributes an element may carry. No element of the formats read here has more than
/// a dozen, and libxml2 2.9 checks each attribute of an element against all the ones before it,
/// so 100,000 of them would take it minutes.
constexpr std::size_t kMaxAttributes = 64;

/// The deepest nesting libxml2 parses without XML_PARSE_HUGE, which is never used.
constexpr std::size_t kParserDepth = 256;

/// Scans the markup of `bytes` before libxml2 parses it, in one linear pass: refuses elements
/// nested deeper than --max-depth (or than libxml2's own 256 levels) and elements with more than
/// kMaxAttributes attributes, naming the line. What is not well-formed is left to libxml2 to
/// report; a document type declaration with an internal subset stops the scan, for libxml2's
/// hooks to refuse.
class MarkupScan {
public:
    MarkupScan(std::string_view bytes, std::string_view name, const ReadOptions& options, bool html)
        : bytes_(bytes), name_(name), options_(options), html_(html) {}

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
                const std::size_t close = rest.find('>');
                if (close == std::string_view::npos || rest.substr(0, close).find('[') != std::string_view::npos) return;
                skip_past(">");
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
            throw InputError(fmt::format("an element has {} attributes; no news format has over {} on an element",
                                         attributes, kMaxAttributes),
                             std::string(name_), line);
        }
        // HTML's void elements (<br>, <img>) open nothing, so HTML depth is only bounded by
        // libxml2's own limit; XML's nesting is exact.
        if (last == '/' || html_) return;
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
    bool html_;
    std::size_t at_ = 0;
    std::size_t depth_ = 0;
    int line_ = 1;
};

void check_parser_size(std::string_view bytes, std::string_view name, const ReadOptions& options) {
    check_input_size(bytes.size(), name, options);
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        throw InputError("file is too large for the XML parser", std::string(name));
    }
}

/// Sets the hooks that decide what a DOCTYPE may hold.
void set_doctype_hooks(xmlSAXHandler& sax, Doctype doctype) {
    if (doctype == Doctype::refuse) {
        sax.internalSubset = &refuse_doctype;
        return;
    }
    sax.internalSubset = &accept_external_doctype;
    sax.externalSubset = &skip_external_subset;
    sax.reference = &record_reference;
    sax.entityDecl = &refuse_entity;
    sax.elementDecl = &refuse_element;
    sax.attributeDecl = &refuse_attribute;
    sax.notationDecl = &refuse_notation;
    sax.unparsedEntityDecl = &refuse_unparsed;
}

/// The encoding the XML declaration at the start of `bytes` names, lower-cased; empty for none.
std::string declared_encoding(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, bytes.find("?>") == std::string_view::npos ? 0 : bytes.find("?>"));
    if (!head.starts_with("<?xml")) return {};
    const std::size_t at = head.find("encoding");
    if (at == std::string_view::npos) return {};
    const std::size_t quote = head.find_first_of("\"'", at);
    if (quote == std::string_view::npos) return {};
    const std::size_t close = head.find(head[quote], quote + 1);
    if (close == std::string_view::npos) return {};
    std::string name(head.substr(quote + 1, close - quote - 1));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return name;
}

/// True when `bytes` are valid UTF-8 holding at least one character beyond ASCII.
bool utf8_beyond_ascii(std::string_view bytes) {
    if (utf8::is_ascii(bytes)) return false;
    for (std::size_t pos = 0; pos < bytes.size();) {
        const std::size_t n = utf8::sequence_length(bytes, pos);
        if (n == 0) return false;
        pos += n;
    }
    return true;
}

/// True when the declaration names a single-byte encoding that the UTF-8 bytes contradict.
bool mislabelled_utf8(std::string_view bytes, const std::string& declared) {
    static constexpr std::array<std::string_view, 8> kSingleByte{"iso-8859-1", "latin1",  "iso_8859-1", "us-ascii",
                                                                 "ascii",      "windows-1252", "cp1252", "iso-8859-15"};
    return std::find(kSingleByte.begin(), kSingleByte.end(), declared) != kSingleByte.end() && utf8_beyond_ascii(bytes);
}

}  // namespace

void init_libxml2() {
    static const bool done = [] {
        xmlInitParser();
        return true;
    }();
    (void)done;
}

XmlDoc parse_xml(std::string_view bytes, std::string_view name, const ReadOptions& options, Doctype doctype,
                 std::string_view what, std::vector<Note>* notes) {
    const std::string file(name);
    check_parser_size(bytes, name, options);
    init_libxml2();
    MarkupScan(bytes, name, options, false).run();
    Problem problem;
    problem.what = what;
    const CaptureLibxmlErrors capture(problem);
    const std::unique_ptr<xmlParserCtxt, ParserDeleter> parser(
        xmlCreateMemoryParserCtxt(bytes.data(), static_cast<int>(bytes.size())));
    if (!parser) throw InputError("out of memory starting the XML parser", file);
    // No network, no error printing (errors are collected here); never XML_PARSE_NOENT,
    // XML_PARSE_DTDLOAD, XML_PARSE_XINCLUDE or XML_PARSE_HUGE.
    // XML_PARSE_COMPACT keeps short texts inside their nodes: fewer allocations, the same tree.
    int parse_options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
    if (notes != nullptr) {
        if (const std::string declared = declared_encoding(bytes); mislabelled_utf8(bytes, declared)) {
            parse_options |= XML_PARSE_IGNORE_ENC;
            notes->push_back(Note{1, "charset-mislabelled",
                                  fmt::format("the XML declaration says encoding=\"{}\", but the bytes are UTF-8; read "
                                              "as UTF-8",
                                              declared)});
        }
    }
    xmlCtxtUseOptions(parser.get(), parse_options);
    parser->_private = &problem;
    set_doctype_hooks(*parser->sax, doctype);
    parser->sax->serror = &record_parse_error;
    parser->userData = parser.get();  // what the hooks above receive
    xmlParseDocument(parser.get());
    XmlDoc doc(parser->myDoc);
    parser->myDoc = nullptr;
    if (!problem.found && !parser->wellFormed) {
        const xmlError* error = xmlCtxtGetLastError(parser.get());
        problem.record(error != nullptr && error->message != nullptr ? error->message : "not well-formed XML",
                       error != nullptr ? error->line : 0);
    }
    if (problem.found || !doc || xmlDocGetRootElement(doc.get()) == nullptr) {
        throw InputError(fmt::format("not readable as {}: {}", what, problem.found ? problem.message : "no root element"),
                         file, problem.line);
    }
    if (notes != nullptr) {
        for (const std::string& entity : problem.entities) {
            notes->push_back(Note{0, "dtd-entity-read",
                                  fmt::format("&{}; is declared by the DTD, which is never loaded; it was read as "
                                              "HTML's entity of that name, or kept as written when HTML has none",
                                              entity)});
        }
    }
    return doc;
}

XmlDoc parse_html(std::string_view html, std::string_view name, const ReadOptions& options) {
    check_parser_size(html, name, options);
    init_libxml2();
    MarkupScan(html, name, options, true).run();
    Problem problem;
    const CaptureLibxmlErrors capture(problem);
    // HTML error recovery is the point of an HTML parser, so its complaints are not errors here.
    XmlDoc doc(htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                              HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING));
    if (!doc) throw InputError("the HTML body could not be parsed (out of memory?)", std::string(name));
    return doc;
}

RootElement root_element(std::string_view bytes) {
    std::string_view s = bytes.substr(0, 4096);
    if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
    std::size_t at = 0;
    while (true) {
        at = s.find('<', at);
        if (at == std::string_view::npos || at + 1 >= s.size()) return {};
        const std::string_view rest = s.substr(at);
        const std::string_view end = rest.starts_with("<!--") ? "-->" : rest.starts_with("<?") ? "?>" : "";
        if (!end.empty()) {
            const std::size_t close = s.find(end, at);
            if (close == std::string_view::npos) return {};
            at = close + end.size();
        } else if (rest.starts_with("<!")) {
            const std::size_t open_subset = rest.find('[');
            const std::size_t close = rest.find('>');
            if (close == std::string_view::npos) return {};
            const std::size_t subset_end = open_subset < close ? rest.find("]>") : std::string_view::npos;
            at += (open_subset < close && subset_end != std::string_view::npos ? subset_end + 2 : close + 1);
        } else {
            break;
        }
    }
    const std::string_view tag = s.substr(at + 1, s.find('>', at) == std::string_view::npos ? std::string_view::npos
                                                                                             : s.find('>', at) - at - 1);
    const std::size_t name_end = tag.find_first_of(" \t\r\n/>");
    const std::string_view qname = tag.substr(0, name_end);
    const std::size_t colon = qname.find(':');
    RootElement root{std::string(colon == std::string_view::npos ? qname : qname.substr(colon + 1)), {}};
    const std::string attribute_name =
        colon == std::string_view::npos ? "xmlns=" : "xmlns:" + std::string(qname.substr(0, colon)) + "=";
    for (std::size_t pos = tag.find(attribute_name); pos != std::string_view::npos; pos = tag.find(attribute_name, pos + 1)) {
        if (pos > 0 && tag[pos - 1] != ' ' && tag[pos - 1] != '\t' && tag[pos - 1] != '\n' && tag[pos - 1] != '\r') continue;
        const std::size_t quote = pos + attribute_name.size();
        if (quote >= tag.size()) break;
        const std::size_t close = tag.find(tag[quote], quote + 1);
        if (close != std::string_view::npos) root.namespace_uri = std::string(tag.substr(quote + 1, close - quote - 1));
        break;
    }
    return root;
}

std::string_view view(const xmlChar* text) {
    return text == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(text));
}

bool is(const xmlNode* node, std::string_view name) {
    return node != nullptr && node->type == XML_ELEMENT_NODE && view(node->name) == name;
}

std::string_view namespace_of(const xmlNode* node) {
    return node->ns == nullptr ? std::string_view() : view(node->ns->href);
}

std::string attribute(const xmlNode* node, const char* name) {
    const std::unique_ptr<xmlChar, XmlCharDeleter> value(
        xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name)));
    return std::string(view(value.get()));
}

int line(const xmlNode* node) { return static_cast<int>(xmlGetLineNo(node)); }

std::string entity_text(const xmlNode* reference) {
    if (const htmlEntityDesc* entity = htmlEntityLookup(reference->name); entity != nullptr) {
        std::string out;
        utf8::append(out, static_cast<char32_t>(entity->value));
        return out;
    }
    return "&" + std::string(view(reference->name)) + ";";
}

std::string text_of(const xmlNode* node) {
    std::string out;
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) out += view(c->content);
        if (c->type == XML_ENTITY_REF_NODE) out += entity_text(c);
    }
    return out;
}

namespace {
void append_all_text(std::string& out, const xmlNode* node) {
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            out += view(c->content);
        } else if (c->type == XML_ENTITY_REF_NODE) {
            out += entity_text(c);
        } else if (c->type == XML_ELEMENT_NODE) {
            append_all_text(out, c);
        }
    }
}
}  // namespace

std::string all_text(const xmlNode* node) {
    std::string out;
    append_all_text(out, node);
    return out;
}

const xmlNode* child(const xmlNode* node, std::string_view name) {
    if (node == nullptr) return nullptr;
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
        if (is(c, name)) return c;
    }
    return nullptr;
}

}  // namespace briefkit::formats::markup
