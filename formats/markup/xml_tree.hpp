// Safe XML parsing and tree helpers shared by every reader of an XML format (Briefkit's article
// XML, NITF, NewsML-G2, NewsML 1.2), the HTML bodies of ninjs, and web pages.
//
// parse_xml() never touches the network, never loads a DTD or expands an entity it declares,
// keeps libxml2's size limits (never XML_PARSE_HUGE), refuses elements nested deeper than
// --max-depth or carrying more attributes than any news format uses, and collects libxml2's
// messages into the error it throws instead of printing them: every error names the file and
// line.
#pragma once

#include <libxml/tree.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "briefkit/model.hpp"
#include "briefkit/read_options.hpp"

namespace briefkit::formats::markup {

/// Frees a libxml2 document.
struct XmlDocDeleter {
    /// Frees `doc`.
    void operator()(xmlDocPtr doc) const { xmlFreeDoc(doc); }
};

/// A parsed libxml2 document, owned: only for a reader that validates it against an XSD.
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocDeleter>;

/// What a reader accepts of a document type declaration.
enum class Doctype {
    refuse,         ///< No `<!DOCTYPE>` at all (Briefkit's own article XML).
    external_only,  ///< One naming an external DTD, which is never loaded; an internal subset is refused.
};

/// What a node of an XmlTree is.
enum class NodeType : std::uint8_t {
    element,    ///< An element, with its attributes and children.
    text,       ///< Character data (CDATA sections included), adjacent runs joined.
    reference,  ///< A reference to an entity the unloaded DTD would declare; `name` is the entity's.
};

/// One attribute of an element, its value with references resolved.
struct XmlAttribute {
    std::string_view name;           ///< Local name.
    std::string_view namespace_uri;  ///< Namespace URI; empty for none.
    std::string_view value;          ///< The value.
};

/// A node of a parsed document. Every view points into the XmlTree that holds the node.
struct XmlNode {
    NodeType type = NodeType::element;          ///< What the node is.
    int line = 0;                               ///< The input line it started on.
    std::string_view name;                      ///< Local name of an element; entity name of a reference.
    std::string_view namespace_uri;             ///< Namespace URI of an element; empty for none.
    std::string_view content;                   ///< The text of a text node.
    XmlNode* parent = nullptr;                  ///< The enclosing element; nullptr for a top-level node.
    XmlNode* children = nullptr;                ///< The first child.
    XmlNode* next = nullptr;                    ///< The next sibling.
    std::span<const XmlAttribute> attributes;   ///< An element's attributes, in document order.
};

/// A parsed document: a compact tree built straight from the parser's events, each node and
/// string in one arena that is freed at once. Move-only.
class XmlTree {
public:
    /// The arena and the builder's state, defined in xml_tree.cpp.
    struct Arena;

    /// A tree whose nodes live in `arena`.
    explicit XmlTree(std::unique_ptr<Arena> arena);
    ~XmlTree();
    XmlTree(XmlTree&&) noexcept;
    XmlTree& operator=(XmlTree&&) noexcept;
    XmlTree(const XmlTree&) = delete;
    XmlTree& operator=(const XmlTree&) = delete;

    /// The root element (for HTML, the first top-level element); nullptr when there is none.
    [[nodiscard]] const XmlNode* root() const;

    /// The input line where the parse stopped, at an element nested past the 256 levels libxml2
    /// reads, keeping what came before; 0 when the whole input was read.
    [[nodiscard]] int depth_cut_line() const;

private:
    std::unique_ptr<Arena> arena_;
};

/// Sets up libxml2's globals once, before threads use it.
void init_libxml2();

/// Parses `bytes` as XML under the rules above; `what` names the format in errors (`NITF`).
/// A document that declares a single-byte encoding (ISO-8859-1, Windows-1252, ASCII) but whose
/// bytes are UTF-8 with characters beyond ASCII is read as the UTF-8 it is, and a note
/// (`charset-mislabelled`) goes into `notes` when it is given; so does a note
/// (`dtd-entity-read`) for each entity the unloaded DTD would declare. Throws InputError naming
/// `name` and the line, or LimitError past a limit.
[[nodiscard]] XmlTree parse_xml(std::string_view bytes, std::string_view name, const ReadOptions& options,
                                Doctype doctype, std::string_view what, std::vector<Note>* notes = nullptr);

/// parse_xml() building libxml2's own tree instead, for a reader that validates it against an XSD.
[[nodiscard]] XmlDoc parse_xml_document(std::string_view bytes, std::string_view name, const ReadOptions& options,
                                        Doctype doctype, std::string_view what);

/// Parses `html` (a fragment, as a ninjs body holds it, or a whole web page; UTF-8) with
/// libxml2's HTML parser in recovery mode, without network access, and within the same size
/// limits; nesting past 256 levels ends the parse there (depth_cut_line()). `name` is used in errors.
[[nodiscard]] XmlTree parse_html(std::string_view html, std::string_view name, const ReadOptions& options);

/// The root element of an XML document, as a quick look at its start sees it.
struct RootElement {
    std::string name;       ///< Local name, such as `nitf`; empty when none was found.
    std::string namespace_uri;  ///< Its namespace URI; empty for none.
};

/// The root element of `bytes` from their first 4 KB (past the XML declaration, comments,
/// processing instructions and a DOCTYPE), for choosing a reader by content; no parse.
[[nodiscard]] RootElement root_element(std::string_view bytes);

/// True when `node` is an element whose local name is `name` (any namespace).
[[nodiscard]] inline bool is(const XmlNode* node, std::string_view name) {
    return node != nullptr && node->type == NodeType::element && node->name == name;
}

/// The value of attribute `name` of `node` (no namespace); empty when it has none or `node` is null.
[[nodiscard]] std::string_view attribute(const XmlNode* node, std::string_view name);

/// True when `node` has attribute `name` (no namespace), even with an empty value (`itemscope`).
[[nodiscard]] bool has_attribute(const XmlNode* node, std::string_view name);

/// The input line `node` started on.
[[nodiscard]] inline int line(const XmlNode* node) { return node->line; }

/// The language of `node` from `xml:lang` on it or the nearest element around it; empty for none.
[[nodiscard]] std::string_view xml_lang(const XmlNode* node);

/// The text an entity reference stands for (one the unloaded DTD would declare): HTML's entity
/// of that name (`&mdash;` is U+2014), else the reference as written.
[[nodiscard]] std::string entity_text(std::string_view entity);

/// `text` with its character references (`&#8222;`, `&#x201C;`) and HTML's named entities
/// (`&amp;`) resolved; an ampersand that starts no known reference is kept as written.
[[nodiscard]] std::string resolve_references(std::string_view text);

/// True when `bytes` at `at` holds the tag name `name` (lower case) in any letter case, followed by
/// a space, `>` or `/`: the name of a `<script` or `</style`, not of `<scripted`.
[[nodiscard]] bool tag_name_at(std::string_view bytes, std::size_t at, std::string_view name);

/// The text children of `node` joined (references resolved by entity_text()).
[[nodiscard]] std::string text_of(const XmlNode* node);

/// Every text of `node` and its descendants in document order; a space before and after each
/// element that `set_apart`, when given, says true for (a block that ends a line).
[[nodiscard]] std::string all_text(const XmlNode* node, bool (*set_apart)(const XmlNode*) = nullptr);

/// The first element among `node`'s children, or nullptr.
[[nodiscard]] const XmlNode* first_element(const XmlNode* node);

/// The first child element of `node` called `name`, or nullptr.
[[nodiscard]] const XmlNode* child(const XmlNode* node, std::string_view name);

/// Calls `f` with each element among `node`'s children, in order.
template <typename F>
void for_each_element(const XmlNode* node, F&& f) {
    if (node == nullptr) return;
    for (const XmlNode* c = node->children; c != nullptr; c = c->next) {
        if (c->type == NodeType::element) f(c);
    }
}

// The same helpers over libxml2's own tree (parse_xml_document()).

/// `text` as a string_view; empty for null.
[[nodiscard]] std::string_view view(const xmlChar* text);

/// True when `node` is an element whose local name is `name` (any namespace).
[[nodiscard]] bool is(const xmlNode* node, std::string_view name);

/// The value of attribute `name` of `node` (no namespace); empty when it has none.
[[nodiscard]] std::string attribute(const xmlNode* node, const char* name);

/// The input line `node` started on.
[[nodiscard]] int line(const xmlNode* node);

/// The text and CDATA children of `node` joined (comments and processing instructions skipped).
[[nodiscard]] std::string text_of(const xmlNode* node);

/// Calls `f` with each element among `node`'s children, in order.
template <typename F>
void for_each_element(const xmlNode* node, F&& f) {
    if (node == nullptr) return;
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) f(c);
    }
}

}  // namespace briefkit::formats::markup
