// XmlOut: XML text written directly (many times faster than building a tree and serializing it),
// for every writer of an XML format.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace briefkit::formats::markup {

/// Builds an XML document's text. Indentation is added only between elements, never inside mixed
/// content (a paragraph with links), where it would change the text. Escaping follows libxml2's
/// serializer: `< > & "` and CR everywhere, and tab and newline as well inside attribute values.
/// Characters XML 1.0 cannot carry, and invalid UTF-8, become U+FFFD. Form::json_string escapes
/// the markup once more, for the JSON string it goes in.
class XmlOut {
public:
    /// How the markup is laid out, and where it goes.
    enum class Form {
        indented,     ///< Elements on lines of their own, indented: a document people may read.
        json_string,  ///< Elements one after another, escaped to stand inside a JSON string
                      ///< (ninjs' HTML body): `"` `\` and line breaks as JSON writes them.
    };

    /// A document starting with the XML declaration (UTF-8), or a fragment without one; its text
    /// goes on the end of `start` (for markup inside a larger text, which is then not copied).
    explicit XmlOut(bool declaration = true, Form form = Form::indented, std::string start = {});

    /// Opens element `name`; its attributes may follow until content or a child is written.
    void start(std::string_view name);
    /// Closes the innermost open element (`<x/>` when it is empty).
    void end();
    /// Adds attribute `name="value"` to the element just opened.
    void attribute(std::string_view name, std::string_view value);
    /// Writes `value` as text content.
    void text(std::string_view value);
    /// Writes `<name>value</name>`.
    void element(std::string_view name, std::string_view value);
    /// Turns mixed content on or off: inside it no whitespace is added between elements.
    void mixed(bool on) { mixed_ = on; }
    /// The document's text, ending in a newline.
    [[nodiscard]] std::string finish();

private:
    struct Open {
        std::string_view name;
        bool has_children = false;  // whether it holds child elements
    };

    void close_start_tag();
    void newline(std::size_t depth);
    void escape(std::string_view text, bool in_attribute);

    std::string out_;
    std::vector<Open> open_;
    bool tag_open_ = false;  // the last start tag still lacks its '>'
    bool mixed_ = false;
    Form form_;
};

}  // namespace briefkit::formats::markup
