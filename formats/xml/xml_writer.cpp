#include "formats/xml/xml_writer.hpp"

#include <string>
#include <vector>

#include "briefkit/overloaded.hpp"
#include "formats/markup/body_markup.hpp"
#include "formats/markup/xml_out.hpp"

namespace briefkit::formats {

namespace {

constexpr std::string_view kNamespace = "urn:briefkit:article:1";
// Version 2 added tables, preformatted blocks and UTC offsets; see the XSD's head.
constexpr std::string_view kSchemaVersion = "2";
constexpr std::string_view kSchemaVersionWithHandling = "3";

using markup::write_inlines;
using markup::XmlOut;

void write_date(XmlOut& out, const Date& date) {
    out.start("date");
    out.attribute("text", date.text);
    if (date.ambiguous) out.attribute("ambiguous", "true");
    out.text(date.iso());
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
    if (!m.handling.empty()) out.element("handling", m.handling);
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
        // Version 3 only for an article with a handling label, so that version 2 readers read the rest.
        out.attribute("version", doc.meta.handling.empty() ? kSchemaVersion : kSchemaVersionWithHandling);
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
