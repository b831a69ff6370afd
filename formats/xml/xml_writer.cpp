#include "formats/xml/xml_writer.hpp"

#include <array>
#include <string>
#include <vector>

#include "pipeline/model/overloaded.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::formats {

namespace {

constexpr std::string_view kNamespace = "urn:briefkit:article:1";
// Version 2 added tables, preformatted blocks and UTC offsets; see the XSD's head.
constexpr std::string_view kSchemaVersion = "2";

using EntityTable = std::array<std::string_view, 256>;

/// The reference each byte is written as in text, or empty when it stands for itself.
constexpr EntityTable entity_table(bool in_attribute) {
    EntityTable t{};
    t['<'] = "&lt;";
    t['>'] = "&gt;";
    t['&'] = "&amp;";
    t['"'] = "&quot;";
    t['\r'] = "&#13;";
    if (in_attribute) {
        t['\n'] = "&#10;";
        t['\t'] = "&#9;";
    }
    return t;
}
constexpr EntityTable kTextEntities = entity_table(false);
constexpr EntityTable kAttributeEntities = entity_table(true);

/// Builds the document text. Indentation is added only between elements, never inside mixed
/// content (a paragraph with links), where it would change the text. Escaping follows
/// libxml2's serializer, so that readers of earlier output see the same bytes: `< > & "` and
/// CR everywhere, and tab and newline as well inside attribute values. Characters XML 1.0
/// cannot carry, and invalid UTF-8, become U+FFFD.
class XmlOut {
public:
    XmlOut() { out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

    void start(std::string_view name) {
        if (!mixed_ && !open_.empty()) {
            open_.back().has_children = true;
            newline(open_.size());
        } else {
            close_start_tag();
        }
        out_ += '<';
        out_ += name;
        open_.push_back({name, false});
        tag_open_ = true;
    }
    void end() {
        const Open element = open_.back();
        open_.pop_back();
        if (tag_open_) {
            out_ += "/>";
            tag_open_ = false;
            return;
        }
        if (!mixed_ && element.has_children) newline(open_.size());
        out_ += "</";
        out_ += element.name;
        out_ += '>';
    }
    void attribute(std::string_view name, std::string_view value) {
        out_ += ' ';
        out_ += name;
        out_ += "=\"";
        escape(value, true);
        out_ += '"';
    }
    void text(std::string_view value) {
        close_start_tag();
        escape(value, false);
    }
    void element(std::string_view name, std::string_view value) {
        start(name);
        text(value);
        end();
    }
    /// Inside mixed content no whitespace is added.
    void mixed(bool on) { mixed_ = on; }

    std::string finish() {
        out_ += '\n';
        return std::move(out_);
    }

private:
    struct Open {
        std::string_view name;
        bool has_children = false;  // whether it holds child elements
    };

    void close_start_tag() {
        if (!tag_open_) return;
        out_ += '>';
        tag_open_ = false;
    }
    void newline(std::size_t depth) {
        close_start_tag();
        out_ += '\n';
        out_.append(depth * 2, ' ');
    }
    void escape(std::string_view text, bool in_attribute) {
        const auto& entities = in_attribute ? kAttributeEntities : kTextEntities;
        std::size_t done = 0;  // text[done, i) is copied as it is, in one piece
        for (std::size_t i = 0; i < text.size();) {
            const auto byte = static_cast<unsigned char>(text[i]);
            if (byte < 0x80 && (byte >= 0x20 || byte == '\t' || byte == '\n' || byte == '\r')) {
                const std::string_view entity = entities[byte];
                if (!entity.empty()) {
                    out_.append(text, done, i - done);
                    out_ += entity;
                    done = i + 1;
                }
                ++i;
                continue;
            }
            std::size_t next = i;
            const char32_t cp = utf8::next(text, next);
            // A well-formed character that XML allows stays in the run; anything else is replaced.
            if (byte >= 0x80 && utf8::xml_allowed(cp) && next - i == encoded_length(cp)) {
                i = next;
                continue;
            }
            out_.append(text, done, i - done);
            const std::string_view entity = cp < 0x80 ? entities[cp] : std::string_view();
            if (entity.empty()) {
                utf8::append(out_, utf8::xml_allowed(cp) ? cp : 0xFFFD);
            } else {
                out_ += entity;  // an overlong form of `<`, say
            }
            i = done = next;
        }
        out_.append(text, done);
    }

    /// Bytes in the shortest UTF-8 encoding of `cp`: a longer one (an overlong form) is not well-formed.
    static std::size_t encoded_length(char32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

    std::string out_;
    std::vector<Open> open_;
    bool tag_open_ = false;  // the last start tag still lacks its '>'
    bool mixed_ = false;
};

void write_date(XmlOut& out, const Date& date) {
    out.start("date");
    out.attribute("text", date.text);
    if (date.ambiguous) out.attribute("ambiguous", "true");
    out.text(date.iso());
    out.end();
}

/// Writes one element of mixed content (text with `<a href>` links), with an optional attribute.
void write_inlines(XmlOut& out, std::string_view name, const Inlines& content, std::string_view attribute = {},
                   std::string_view value = {}) {
    out.start(name);
    if (!attribute.empty()) out.attribute(attribute, value);
    out.mixed(true);
    for (const Inline& node : content) {
        std::visit(overloaded{[&](const Text& t) { out.text(t.text); },
                              [&](const Link& l) {
                                  out.start("a");
                                  out.attribute("href", l.href);
                                  out.text(l.text);
                                  out.end();
                              }},
                   node);
    }
    out.mixed(false);
    out.end();
}

void write_meta(XmlOut& out, const Metadata& m) {
    out.start("meta");
    out.element("title", m.title);
    if (m.date) write_date(out, *m.date);
    if (!m.source.name.empty() || m.source.date) {
        out.start("source");
        if (!m.source.name.empty()) out.element("name", m.source.name);
        if (m.source.date) write_date(out, *m.source.date);
        out.end();
    }
    if (!m.place.empty()) out.element("place", m.place);
    if (!m.url.empty()) out.element("url", m.url);
    if (!m.authors.empty()) {
        out.start("authors");
        for (const std::string& a : m.authors) out.element("author", a);
        out.end();
    }
    if (!m.language.empty()) out.element("language", m.language);
    out.end();
}

/// `<table>`: the caption, one `<column align>` per column, the header rows in `<head>`, then the
/// body rows, each `<row>` of `<cell>`s.
void write_table(XmlOut& out, const Table& table) {
    out.start("table");
    if (!table.caption.empty()) write_inlines(out, "caption", table.caption);
    for (const Alignment a : table.columns) {
        out.start("column");
        out.attribute("align", alignment_name(a));
        out.end();
    }
    const auto write_rows = [&](const std::vector<std::vector<Inlines>>& rows) {
        for (const std::vector<Inlines>& row : rows) {
            out.start("row");
            for (const Inlines& cell : row) write_inlines(out, "cell", cell);
            out.end();
        }
    };
    if (!table.head.empty()) {
        out.start("head");
        write_rows(table.head);
        out.end();
    }
    write_rows(table.rows);
    out.end();
}

void write_body(XmlOut& out, const std::vector<Block>& body) {
    out.start("body");
    for (const Block& block : body) {
        std::visit(overloaded{[&](const Paragraph& p) { write_inlines(out, "p", p.content); },
                              [&](const Heading& h) {
                                  write_inlines(out, "h", h.content, "level", std::to_string(h.level));
                              },
                              [&](const List& l) {
                                  out.start("list");
                                  if (l.ordered) out.attribute("ordered", "true");
                                  for (const Inlines& item : l.items) write_inlines(out, "item", item);
                                  out.end();
                              },
                              [&](const Quote& q) {
                                  out.start("quote");
                                  for (const Inlines& p : q.paragraphs) write_inlines(out, "p", p);
                                  out.end();
                              },
                              [&](const Table& t) { write_table(out, t); },
                              [&](const Preformatted& p) { out.element("pre", p.text); }},
                   block);
    }
    out.end();
}

void write_notes(XmlOut& out, const std::vector<Note>& notes) {
    if (notes.empty()) return;
    out.start("notes");
    for (const Note& n : notes) {
        out.start("note");
        out.attribute("line", std::to_string(n.line));
        out.attribute("rule", n.rule);
        out.text(n.message);
        out.end();
    }
    out.end();
}

class XmlWriter final : public Writer {
public:
    void write(const Document& doc, Sink& sink) const override {
        XmlOut out;
        out.start("article");
        out.attribute("xmlns", kNamespace);
        out.attribute("version", kSchemaVersion);
        out.attribute("id", doc.id);
        write_meta(out, doc.meta);
        write_body(out, doc.body);
        write_notes(out, doc.notes);
        out.end();
        sink.write(out.finish());
    }
};

}  // namespace

std::unique_ptr<Writer> make_xml_writer(const WriterOptions& /*options*/) {
    return std::make_unique<XmlWriter>();
}

}  // namespace briefkit::formats
