// Safe XML parsing and tree helpers shared by every reader of an XML format (Briefkit's article
// XML, NITF, NewsML-G2, NewsML 1.2) and the HTML bodies of ninjs.
//
// parse_xml() never touches the network, never loads a DTD or expands an entity it declares,
// keeps libxml2's size limits (never XML_PARSE_HUGE), refuses elements nested deeper than
// --max-depth or carrying more attributes than any news format uses, and collects libxml2's
// messages into the error it throws instead of printing them: every error names the file and
// line.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/model/model.hpp"
#include "pipeline/model/read_options.hpp"

namespace briefkit::formats::markup {

/// Frees a libxml2 document.
struct XmlDocDeleter {
    /// Frees `doc`.
    void operator()(xmlDocPtr doc) const { xmlFreeDoc(doc); }
};

/// A parsed document, owned.
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocDeleter>;

/// What a reader accepts of a document type declaration.
enum class Doctype {
    refuse,         ///< No `<!DOCTYPE>` at all (Briefkit's own article XML).
    external_only,  ///< One naming an external DTD, which is never loaded; an internal subset is refused.
};

/// Sets up libxml2's globals once, before threads use it.
void init_libxml2();

/// Parses `bytes` as XML under the rules above; `what` names the format in errors (`NITF`).
/// A document that declares a single-byte encoding (ISO-8859-1, Windows-1252, ASCII) but whose
/// bytes are UTF-8 with characters beyond ASCII is read as the UTF-8 it is, and a note
/// (`charset-mislabelled`) goes into `notes` when it is given. Throws InputError naming `name`
/// and the line, or LimitError past a limit.
[[nodiscard]] XmlDoc parse_xml(std::string_view bytes, std::string_view name, const ReadOptions& options,
                               Doctype doctype, std::string_view what, std::vector<Note>* notes = nullptr);

/// Parses `html` (a fragment or a page, as a ninjs body holds it) with libxml2's HTML parser,
/// without network access, and within the same depth and size limits; `name` is used in errors.
[[nodiscard]] XmlDoc parse_html(std::string_view html, std::string_view name, const ReadOptions& options);

/// The root element of an XML document, as a quick look at its start sees it.
struct RootElement {
    std::string name;       ///< Local name, such as `nitf`; empty when none was found.
    std::string namespace_uri;  ///< Its namespace URI; empty for none.
};

/// The root element of `bytes` from their first 4 KB (past the XML declaration, comments,
/// processing instructions and a DOCTYPE), for choosing a reader by content; no parse.
[[nodiscard]] RootElement root_element(std::string_view bytes);

/// `text` as a string_view; empty for null.
[[nodiscard]] std::string_view view(const xmlChar* text);

/// True when `node` is an element whose local name is `name` (any namespace).
[[nodiscard]] bool is(const xmlNode* node, std::string_view name);

/// The namespace URI of element `node`; empty for none.
[[nodiscard]] std::string_view namespace_of(const xmlNode* node);

/// The value of attribute `name` of `node` (no namespace); empty when it has none.
[[nodiscard]] std::string attribute(const xmlNode* node, const char* name);

/// The input line `node` started on.
[[nodiscard]] int line(const xmlNode* node);

/// The text an entity reference stands for (one the unloaded DTD would declare): HTML's entity
/// of that name (`&mdash;` is U+2014), else the reference as written.
[[nodiscard]] std::string entity_text(const xmlNode* reference);

/// The text and CDATA children of `node` joined (comments and processing instructions skipped).
[[nodiscard]] std::string text_of(const xmlNode* node);

/// Every text of `node` and its descendants in document order.
[[nodiscard]] std::string all_text(const xmlNode* node);

/// The first child element of `node` called `name`, or nullptr.
[[nodiscard]] const xmlNode* child(const xmlNode* node, std::string_view name);

/// Calls `f` with each element among `node`'s children, in order.
template <typename F>
void for_each_element(const xmlNode* node, F&& f) {
    if (node == nullptr) return;
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) f(c);
    }
}

}  // namespace briefkit::formats::markup
