#include "formats/markup/xml_tree.hpp"

#include <fmt/format.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <tuple>
#include <limits>
#include <memory_resource>
#include <set>

#include "briefkit/error.hpp"
#include "pipeline/model/limits.hpp"
#include "pipeline/model/text.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::formats::markup {

namespace {

struct ParserDeleter {
    void operator()(xmlParserCtxtPtr p) const { xmlFreeParserCtxt(p); }
};
struct XmlCharDeleter {
    void operator()(xmlChar* c) const { xmlFree(c); }
};

/// The deepest nesting libxml2 parses without XML_PARSE_HUGE, which is never used.
constexpr std::size_t kParserDepth = 256;

/// The first problem libxml2 reported, and what the parse was told about its input.
struct Problem {
    std::string message;
    int line = 0;
    bool found = false;
    std::string_view what;  ///< The format, for messages.
    std::set<std::string> entities;  ///< Entities the unloaded DTD would declare, referred to in the text.
    struct TreeBuilder* builder = nullptr;  ///< Builds the tree from the parser's events; nullptr for libxml2's own.

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

}  // namespace

/// Every node and string of one tree, and the document node that holds its top-level nodes.
struct XmlTree::Arena {
    explicit Arena(std::size_t input_size) : memory(input_size * 2 + 1024) {}

    std::pmr::monotonic_buffer_resource memory;
    XmlNode document;
    int cut_at_line = 0;  ///< The line where the parse stopped at kParserDepth; 0 when it read all.
};

namespace {

/// Builds an XmlTree from a parser's events: elements, text (adjacent runs joined into one
/// node) and entity references, each node and string copied into the tree's arena.
struct TreeBuilder {
    explicit TreeBuilder(std::size_t input_size) : arena(std::make_unique<XmlTree::Arena>(input_size)) {
        open.push_back(Open{&arena->document, nullptr});
    }

    /// Opens an element; `name` and `namespace_uri` come from the parser (mostly from its
    /// dictionary, which hands out one pointer per distinct string).
    void start(const xmlChar* name, const xmlChar* namespace_uri, int line) {
        flush_text();
        XmlNode* node = append(NodeType::element, line);
        node->name = interned(name);
        node->namespace_uri = interned(namespace_uri);
        open.push_back(Open{node, nullptr});
    }

    /// Gives the element just started its `count` attributes, which `fill` writes.
    template <typename Fill>
    void attributes(std::size_t count, Fill&& fill) {
        if (count == 0) return;
        auto* list = static_cast<XmlAttribute*>(arena->memory.allocate(count * sizeof(XmlAttribute), alignof(XmlAttribute)));
        for (std::size_t i = 0; i < count; ++i) {
            auto [name, namespace_uri, value] = fill(i);
            new (&list[i]) XmlAttribute{copy(name), copy(namespace_uri), copy(value)};
        }
        open.back().node->attributes = std::span<const XmlAttribute>(list, count);
    }

    /// How many elements are open.
    [[nodiscard]] std::size_t depth() const { return open.size() - 1; }

    /// Records that the parse stopped at the depth limit at `line` (the first time only).
    void mark_cut(int line) {
        if (arena->cut_at_line == 0) arena->cut_at_line = std::max(1, line);
    }

    void end() {
        flush_text();
        if (open.size() > 1) open.pop_back();
    }

    void text(const char* data, std::size_t size, int line) {
        if (pending.empty()) pending_line = line;
        pending.append(data, size);
    }

    void reference(std::string_view entity, int line) {
        flush_text();
        append(NodeType::reference, line)->name = copy(entity);
    }

    [[nodiscard]] bool has_root() const { return first_element(&arena->document) != nullptr; }

    /// The tree built; the builder is spent.
    XmlTree finish() {
        flush_text();
        return XmlTree(std::move(arena));
    }

    std::string_view copy(std::string_view s) {
        if (s.empty()) return {};
        auto* at = static_cast<char*>(arena->memory.allocate(s.size(), 1));
        std::memcpy(at, s.data(), s.size());
        return {at, s.size()};
    }

private:
    /// `text` as a view into the arena, copied there once per parse for each name the parser
    /// repeats: a small cache keyed by the parser's pointer (and checked against the text, so
    /// a pointer that is not the dictionary's can never give another name).
    std::string_view interned(const xmlChar* text) {
        if (text == nullptr) return {};
        const std::string_view name(reinterpret_cast<const char*>(text));
        Interned& slot = interned_[(reinterpret_cast<std::uintptr_t>(text) >> 4) % interned_.size()];
        if (slot.dictionary != text || slot.copy != name) slot = Interned{text, copy(name)};
        return slot.copy;
    }

    /// A dictionary string and its copy in the arena.
    struct Interned {
        const xmlChar* dictionary = nullptr;
        std::string_view copy;
    };

    /// An open element and its last child so far.
    struct Open {
        XmlNode* node;
        XmlNode* last;
    };

    XmlNode* append(NodeType type, int line) {
        auto* node = new (arena->memory.allocate(sizeof(XmlNode), alignof(XmlNode))) XmlNode{};
        node->type = type;
        node->line = line;
        Open& parent = open.back();
        node->parent = parent.node == &arena->document ? nullptr : parent.node;
        (parent.last == nullptr ? parent.node->children : parent.last->next) = node;
        parent.last = node;
        return node;
    }

    void flush_text() {
        if (pending.empty()) return;
        append(NodeType::text, pending_line)->content = copy(pending);
        pending.clear();
    }

    std::unique_ptr<XmlTree::Arena> arena;
    std::vector<Open> open;
    std::string pending;
    int pending_line = 0;
    std::array<Interned, 64> interned_{};
};

TreeBuilder& builder_of(void* context) { return *problem_of(context).builder; }

int line_of(void* context) { return xmlSAX2GetLineNumber(context); }

/// Stops the parse at an element nested past kParserDepth, as libxml2's own tree builder does
/// (its HTML parser has no limit of its own): what was read so far is kept.
bool stop_at_depth_limit(void* context) {
    TreeBuilder& builder = builder_of(context);
    if (builder.depth() < kParserDepth) return false;
    builder.mark_cut(line_of(context));
    xmlStopParser(static_cast<xmlParserCtxtPtr>(context));
    return true;
}

/// SAX2 start of an XML element.
void start_element_ns(void* context, const xmlChar* local_name, const xmlChar* /*prefix*/, const xmlChar* uri,
                      int /*namespace_count*/, const xmlChar** /*namespaces*/, int attribute_count,
                      int /*defaulted*/, const xmlChar** attributes) {
    TreeBuilder& builder = builder_of(context);
    if (stop_at_depth_limit(context)) return;
    builder.start(local_name, uri, line_of(context));
    // Each attribute is five pointers: local name, prefix, URI, value start, value end.
    builder.attributes(static_cast<std::size_t>(attribute_count), [&](std::size_t i) {
        const xmlChar* const* a = attributes + 5 * i;
        const std::string_view value(reinterpret_cast<const char*>(a[3]), static_cast<std::size_t>(a[4] - a[3]));
        if (value.find('&') == std::string_view::npos) return std::tuple{view(a[0]), view(a[2]), value};
        return std::tuple{view(a[0]), view(a[2]), builder.copy(resolve_references(value))};
    });
}

void end_element_ns(void* context, const xmlChar*, const xmlChar*, const xmlChar*) { builder_of(context).end(); }

void characters(void* context, const xmlChar* text, int size) {
    builder_of(context).text(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size), line_of(context));
}

void ignore_characters(void* /*context*/, const xmlChar* /*text*/, int /*size*/) {}

/// SAX1 start of an HTML element (libxml2's HTML parser gives names lower-cased and values decoded).
void start_html_element(void* context, const xmlChar* name, const xmlChar** attributes) {
    TreeBuilder& builder = builder_of(context);
    if (stop_at_depth_limit(context)) return;
    builder.start(name, nullptr, line_of(context));
    std::size_t count = 0;
    while (attributes != nullptr && attributes[2 * count] != nullptr) ++count;
    builder.attributes(count, [&](std::size_t i) {
        return std::tuple{view(attributes[2 * i]), std::string_view(), view(attributes[2 * i + 1])};
    });
}

void end_html_element(void* context, const xmlChar*) { builder_of(context).end(); }

/// SAX hook for a reference to an entity the document does not declare (its DTD would): kept
/// as a reference node, which the text readers resolve as HTML's entity of that name.
void record_reference(void* context, const xmlChar* name) {
    Problem& problem = problem_of(context);
    if (problem.builder != nullptr) {
        problem.builder->reference(view(name), line_of(context));
    } else {
        xmlSAX2Reference(context, name);
    }
    problem.entities.insert(std::string(view(name)));
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
            at_ = open;
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
    /// The line of byte `at`, counted only for an error.
    [[nodiscard]] int line_at(std::size_t at) const {
        return 1 + static_cast<int>(std::count(bytes_.begin(), bytes_.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    }

    void skip_past(std::string_view end) {
        const std::size_t found = bytes_.find(end, at_);
        at_ = found == std::string_view::npos ? bytes_.size() : found + end.size();
    }

    /// A start tag at at_: counts its attributes (an '=' outside quoted values) and its depth.
    /// Quoted values, most of a tag's bytes, are skipped with one search each.
    void start_tag() {
        const std::size_t start = at_;
        std::size_t attributes = 0;
        std::size_t i = at_ + 1;
        bool after_equals = false;  // a quote opens a value only after '=', as HTML parsers read a tag
        while (i < bytes_.size()) {
            const char c = bytes_[i];
            if (c == '>') break;
            if ((c == '"' || c == '\'') && after_equals) {
                const std::size_t close = bytes_.find(c, i + 1);
                i = close == std::string_view::npos ? bytes_.size() : close + 1;
                after_equals = false;
                continue;
            }
            if (c == '=') {
                ++attributes;
                after_equals = true;
            } else if (!is_space(c)) {
                after_equals = false;
            }
            ++i;
        }
        at_ = std::min(i + 1, bytes_.size());
        if (attributes > kMaxAttributes) {
            throw InputError(fmt::format("an element has {} attributes; no news format has over {} on an element",
                                         attributes, kMaxAttributes),
                             std::string(name_), line_at(start));
        }
        // HTML's void elements (<br>, <img>) open nothing, so HTML depth is only bounded by
        // libxml2's own limit; XML's nesting is exact.
        std::size_t last = i;  // just past the last character before '>' that is not a space
        while (last > start + 1 && is_space(bytes_[last - 1])) --last;
        if (html_) {
            skip_raw_text(start);
            return;
        }
        if (bytes_[last - 1] == '/') return;
        ++depth_;
        if (depth_ > kParserDepth && options_.max_depth >= kParserDepth) {
            throw LimitError(fmt::format("nested over {} levels deep, the most the XML parser reads (--max-depth "
                                         "cannot raise it further)",
                                         kParserDepth),
                             std::string(name_), line_at(start));
        }
        if (depth_ > options_.max_depth) check_depth(depth_, name_, line_at(start), options_);
    }

    /// After an HTML `<script>` or `<style>` tag at `start`, skips its content: raw text, in
    /// which a `<` (`if (a<b)`) starts no tag.
    void skip_raw_text(std::size_t start) {
        for (const std::string_view raw : {std::string_view("script"), std::string_view("style")}) {
            if (!tag_name_at(bytes_, start + 1, raw)) continue;
            for (std::size_t at = at_; (at = bytes_.find("</", at)) != std::string_view::npos; at += 2) {
                if (tag_name_at(bytes_, at + 2, raw)) {
                    at_ = at;
                    return;
                }
            }
            at_ = bytes_.size();
            return;
        }
    }

    static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

    std::string_view bytes_;
    std::string_view name_;
    const ReadOptions& options_;
    bool html_;
    std::size_t at_ = 0;
    std::size_t depth_ = 0;
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
    return unicode::ascii_lower(head.substr(quote + 1, close - quote - 1));
}

/// True when the declaration names a single-byte encoding that the UTF-8 bytes contradict.
bool mislabelled_utf8(std::string_view bytes, const std::string& declared) {
    static constexpr std::array<std::string_view, 8> kSingleByte{"iso-8859-1", "latin1",  "iso_8859-1", "us-ascii",
                                                                 "ascii",      "windows-1252", "cp1252", "iso-8859-15"};
    return std::find(kSingleByte.begin(), kSingleByte.end(), declared) != kSingleByte.end() &&
           !utf8::is_ascii(bytes) && utf8::is_valid(bytes);
}

}  // namespace

void init_libxml2() {
    static const bool done = [] {
        xmlInitParser();
        return true;
    }();
    (void)done;
}

namespace {

/// Points the parser's events at the tree builder instead of libxml2's tree.
void use_tree_builder(xmlSAXHandler& sax) {
    sax = xmlSAXHandler{};
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = &start_element_ns;
    sax.endElementNs = &end_element_ns;
    sax.characters = &characters;
    sax.ignorableWhitespace = &characters;
    sax.cdataBlock = &characters;
}

/// Runs libxml2's XML parser over `bytes` under the rules of parse_xml(): into `builder` when
/// one is given, else into libxml2's own tree, which it returns.
XmlDoc run_xml_parser(std::string_view bytes, std::string_view name, const ReadOptions& options, Doctype doctype,
                      std::string_view what, std::vector<Note>* notes, TreeBuilder* builder) {
    const std::string file(name);
    check_parser_size(bytes, name, options);
    init_libxml2();
    MarkupScan(bytes, name, options, false).run();
    Problem problem;
    problem.what = what;
    problem.builder = builder;
    const CaptureLibxmlErrors capture(problem);
    const std::unique_ptr<xmlParserCtxt, ParserDeleter> parser(
        xmlCreateMemoryParserCtxt(bytes.data(), static_cast<int>(bytes.size())));
    if (!parser) throw InputError("out of memory starting the XML parser", file);
    if (builder != nullptr) use_tree_builder(*parser->sax);
    // No network, no error printing (errors are collected here); never XML_PARSE_NOENT,
    // XML_PARSE_DTDLOAD, XML_PARSE_XINCLUDE or XML_PARSE_HUGE.
    // XML_PARSE_COMPACT keeps short texts inside libxml2's nodes: fewer allocations, the same tree.
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
    const bool has_root = builder != nullptr ? builder->has_root() : doc && xmlDocGetRootElement(doc.get()) != nullptr;
    if (problem.found || !has_root) {
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

}  // namespace

XmlTree::XmlTree(std::unique_ptr<Arena> arena) : arena_(std::move(arena)) {}
XmlTree::~XmlTree() = default;
XmlTree::XmlTree(XmlTree&&) noexcept = default;
XmlTree& XmlTree::operator=(XmlTree&&) noexcept = default;

const XmlNode* XmlTree::root() const { return first_element(&arena_->document); }

int XmlTree::depth_cut_line() const { return arena_->cut_at_line; }

XmlTree parse_xml(std::string_view bytes, std::string_view name, const ReadOptions& options, Doctype doctype,
                  std::string_view what, std::vector<Note>* notes) {
    TreeBuilder builder(bytes.size());
    (void)run_xml_parser(bytes, name, options, doctype, what, notes, &builder);
    return builder.finish();
}

XmlDoc parse_xml_document(std::string_view bytes, std::string_view name, const ReadOptions& options, Doctype doctype,
                          std::string_view what) {
    return run_xml_parser(bytes, name, options, doctype, what, nullptr, nullptr);
}

XmlTree parse_html(std::string_view html, std::string_view name, const ReadOptions& options) {
    check_parser_size(html, name, options);
    init_libxml2();
    MarkupScan(html, name, options, true).run();
    Problem problem;
    TreeBuilder builder(html.size());
    problem.builder = &builder;
    const CaptureLibxmlErrors capture(problem);
    const std::unique_ptr<xmlParserCtxt, ParserDeleter> parser(htmlNewParserCtxt());
    if (!parser) throw InputError("out of memory starting the HTML parser", std::string(name));
    xmlSAXHandler& sax = *parser->sax;
    sax = xmlSAXHandler{};
    sax.startElement = &start_html_element;
    sax.endElement = &end_html_element;
    sax.characters = &characters;
    sax.cdataBlock = &characters;  // the content of <script> and <style>, which readers skip
    sax.ignorableWhitespace = &ignore_characters;  // what libxml2's own HTML tree drops
    parser->_private = &problem;
    parser->userData = parser.get();
    // HTML error recovery is the point of an HTML parser, so its complaints are not errors here.
    (void)htmlCtxtReadMemory(parser.get(), html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                             HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
    return builder.finish();
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

std::string_view attribute(const XmlNode* node, std::string_view name) {
    if (node == nullptr) return {};
    for (const XmlAttribute& a : node->attributes) {
        if (a.name == name && a.namespace_uri.empty()) return a.value;
    }
    return {};
}

bool has_attribute(const XmlNode* node, std::string_view name) {
    if (node == nullptr) return false;
    return std::any_of(node->attributes.begin(), node->attributes.end(),
                       [&](const XmlAttribute& a) { return a.name == name && a.namespace_uri.empty(); });
}

std::string_view xml_lang(const XmlNode* node) {
    static constexpr std::string_view kXmlNamespace = "http://www.w3.org/XML/1998/namespace";
    for (; node != nullptr; node = node->parent) {
        for (const XmlAttribute& a : node->attributes) {
            if (a.name == "lang" && a.namespace_uri == kXmlNamespace) return a.value;
        }
    }
    return {};
}

std::string resolve_references(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t amp = text.find('&', at);
        const std::size_t semi = amp == std::string_view::npos ? amp : text.find(';', amp);
        if (semi == std::string_view::npos) {
            out += text.substr(at);
            break;
        }
        out += text.substr(at, amp - at);
        const std::string_view entity = text.substr(amp + 1, semi - amp - 1);
        unsigned long code = 0;
        if (entity.starts_with("#x") || entity.starts_with("#X")) {
            code = std::strtoul(std::string(entity.substr(2)).c_str(), nullptr, 16);
        } else if (entity.starts_with("#")) {
            code = std::strtoul(std::string(entity.substr(1)).c_str(), nullptr, 10);
        }
        if (code > 0 && code <= 0x10FFFF) {
            utf8::append(out, static_cast<char32_t>(code));
        } else {
            out += entity_text(entity);
        }
        at = semi + 1;
    }
    return out;
}


std::string entity_text(std::string_view entity) {
    if (const htmlEntityDesc* found = htmlEntityLookup(reinterpret_cast<const xmlChar*>(std::string(entity).c_str()));
        found != nullptr) {
        std::string out;
        utf8::append(out, static_cast<char32_t>(found->value));
        return out;
    }
    return "&" + std::string(entity) + ";";
}

std::string text_of(const XmlNode* node) {
    std::string out;
    for (const XmlNode* c = node->children; c != nullptr; c = c->next) {
        if (c->type == NodeType::text) out += c->content;
        if (c->type == NodeType::reference) out += entity_text(c->name);
    }
    return out;
}

namespace {
void append_all_text(std::string& out, const XmlNode* node, bool (*set_apart)(const XmlNode*)) {
    for (const XmlNode* c = node->children; c != nullptr; c = c->next) {
        if (c->type == NodeType::text) {
            out += c->content;
        } else if (c->type == NodeType::reference) {
            out += entity_text(c->name);
        } else {
            const bool apart = set_apart != nullptr && c->type == NodeType::element && set_apart(c);
            if (apart) out += ' ';
            append_all_text(out, c, set_apart);
            if (apart) out += ' ';
        }
    }
}
}  // namespace

std::string all_text(const XmlNode* node, bool (*set_apart)(const XmlNode*)) {
    std::string out;
    append_all_text(out, node, set_apart);
    return out;
}

const XmlNode* first_element(const XmlNode* node) {
    for (const XmlNode* c = node->children; c != nullptr; c = c->next) {
        if (c->type == NodeType::element) return c;
    }
    return nullptr;
}

const XmlNode* child(const XmlNode* node, std::string_view name) {
    if (node == nullptr) return nullptr;
    for (const XmlNode* c = node->children; c != nullptr; c = c->next) {
        if (is(c, name)) return c;
    }
    return nullptr;
}

std::string_view view(const xmlChar* text) {
    return text == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(text));
}

bool is(const xmlNode* node, std::string_view name) {
    return node != nullptr && node->type == XML_ELEMENT_NODE && view(node->name) == name;
}

std::string attribute(const xmlNode* node, const char* name) {
    const std::unique_ptr<xmlChar, XmlCharDeleter> value(
        xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name)));
    return std::string(view(value.get()));
}

int line(const xmlNode* node) { return static_cast<int>(xmlGetLineNo(node)); }

std::string text_of(const xmlNode* node) {
    std::string out;
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) out += view(c->content);
        if (c->type == XML_ENTITY_REF_NODE) out += entity_text(view(c->name));
    }
    return out;
}

bool tag_name_at(std::string_view bytes, std::size_t at, std::string_view name) {
    if (bytes.size() - std::min(at, bytes.size()) <= name.size()) return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (unicode::ascii_lower(bytes[at + i]) != name[i]) return false;
    }
    const char after = bytes[at + name.size()];
    return after == ' ' || after == '\t' || after == '\r' || after == '\n' || after == '>' || after == '/';
}

}  // namespace briefkit::formats::markup
