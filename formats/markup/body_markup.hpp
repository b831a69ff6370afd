// Body blocks to and from the markup the news formats carry them in: NITF's body.content, and
// XHTML (in NewsML-G2 and ninjs). Both use the same HTML-like vocabulary: `p`, headings,
// `ul`/`ol`/`li`, quotations, `table`, `pre` and inline `a`.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "briefkit/model.hpp"
#include "formats/markup/xml_out.hpp"
#include "formats/markup/xml_tree.hpp"

namespace briefkit::formats::markup {

/// Which vocabulary a body is written in.
enum class BodyDialect {
    nitf,   ///< NITF 3.6 body.content: `p`, `hl2`, `ul`/`ol`/`li`, `bq`/`block`, `table`, `pre`, `a`.
    xhtml,  ///< XHTML: `p`, `h1`-`h6`, `ul`/`ol`/`li`, `blockquote`, `table`, `pre`, `a`.
};

/// Writes `name` holding `content` as mixed content (text with `<a href>` links), with an optional attribute.
void write_inlines(XmlOut& out, std::string_view name, const Inlines& content, std::string_view attribute = {},
                   std::string_view value = {});

/// Writes every block of `blocks` as children of the element open in `out`.
void write_blocks(XmlOut& out, const std::vector<Block>& blocks, BodyDialect dialect);

/// Blocks read from markup, and notes on what was left out.
struct BodyRead {
    std::vector<Block> blocks;  ///< The blocks, in reading order.
    std::vector<Note> notes;    ///< What was left out (pictures, scripts), one note per kind and line.
};

/// Says which elements a reading leaves out, as if they were not there.
using NodeFilter = std::function<bool(const XmlNode*)>;

/// Reads the block-level content among `first` and its following siblings (the children of NITF's
/// body.content, of an XHTML `body`, or the top nodes of an HTML fragment) in either dialect.
/// Containers (`block`, `div`, `section`) are read through; text outside any paragraph becomes
/// one; whitespace runs are one space, as in the markup's own rendering. Notes carry the node's
/// line when `lines_are_files` (the markup is the input file), else 0 (HTML inside a JSON string).
/// Elements `left_out` says true for are skipped with all they hold; given it, furniture
/// (`header`, `nav`, `footer`, `aside`) is read like any container, and `left_out` alone decides.
[[nodiscard]] BodyRead read_blocks(const XmlNode* first, bool lines_are_files, const NodeFilter* left_out = nullptr);

/// Appends the paragraphs of plain `text` to `blocks`. Where blank lines or first-line indents
/// set paragraphs apart, those are the paragraphs, their wrapped lines joined; text with
/// neither has a paragraph on each line. Whitespace runs become one space.
void append_text_paragraphs(std::string_view text, std::vector<Block>& blocks);

/// The text of `node` and its descendants with whitespace runs made one space and trimmed.
[[nodiscard]] std::string collapsed_text(const XmlNode* node);

/// The text of `node` as lines read it: a space between blocks and at each `<br>` (a name in
/// one `<div>` and a section in the next stay two words), whitespace runs one space, trimmed.
[[nodiscard]] std::string spaced_text(const XmlNode* node);

/// `text` with whitespace runs made one space, trimmed.
[[nodiscard]] std::string collapse_space(std::string_view text);

}  // namespace briefkit::formats::markup
