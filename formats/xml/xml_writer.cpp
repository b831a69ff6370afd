#include "formats/xml/xml_writer.hpp"

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>

#include <memory>
#include <vector>

#include "pipeline/error.hpp"
#include "pipeline/overloaded.hpp"
#include "pipeline/utf8.hpp"

namespace briefkit::formats {

namespace {

constexpr const char* kNamespace = "urn:briefkit:article:1";

struct BufferDeleter {
    void operator()(xmlBufferPtr b) const { xmlBufferFree(b); }
};
struct TextWriterDeleter {
    void operator()(xmlTextWriterPtr w) const { xmlFreeTextWriter(w); }
};

const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

/// `text` with every character XML 1.0 cannot carry (and any invalid UTF-8) replaced by U+FFFD.
std::string xml_safe(std::string_view text) {
    bool clean = true;
    for (char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if ((b < 0x20 && c != '\t' && c != '\n' && c != '\r') || b >= 0x80) {
            clean = false;
            break;
        }
    }
    if (clean) return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = utf8::next(text, pos);
        utf8::append(out, utf8::xml_allowed(cp) ? cp : 0xFFFD);
    }
    return out;
}

/// Wraps libxml2's text writer; each call throws OutputError when libxml2 reports a failure.
/// Indentation is written here rather than by libxml2, which would put spaces inside
/// mixed content (a paragraph with links) and so change the text.
class XmlOut {
public:
    XmlOut() : buffer_(xmlBufferCreate()) {
        if (!buffer_) throw OutputError("XML writer: out of memory");
        writer_.reset(xmlNewTextWriterMemory(buffer_.get(), 0));
        if (!writer_) throw OutputError("XML writer: out of memory");
        check(xmlTextWriterStartDocument(writer_.get(), "1.0", "UTF-8", nullptr));
    }

    void start(const char* name) {
        if (!mixed_ && !open_.empty()) {
            open_.back() = true;
            newline(open_.size());
        }
        check(xmlTextWriterStartElement(writer_.get(), x(name)));
        open_.push_back(false);
    }
    void end() {
        const bool had_children = open_.back();
        open_.pop_back();
        if (!mixed_ && had_children) newline(open_.size());
        check(xmlTextWriterEndElement(writer_.get()));
    }
    void attribute(const char* name, std::string_view value) {
        check(xmlTextWriterWriteAttribute(writer_.get(), x(name), x(xml_safe(value).c_str())));
    }
    void text(std::string_view value) { check(xmlTextWriterWriteString(writer_.get(), x(xml_safe(value).c_str()))); }
    void element(const char* name, std::string_view value) {
        start(name);
        text(value);
        end();
    }
    /// Inside mixed content no whitespace is added.
    void mixed(bool on) { mixed_ = on; }

    std::string finish() {
        check(xmlTextWriterEndDocument(writer_.get()));
        writer_.reset();
        return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_.get())),
                           static_cast<std::size_t>(xmlBufferLength(buffer_.get())));
    }

private:
    static void check(int rc) {
        if (rc < 0) throw OutputError("XML writer: libxml2 could not write the document");
    }

    void newline(std::size_t depth) {
        std::string ws = "\n";
        ws.append(depth * 2, ' ');
        check(xmlTextWriterWriteRaw(writer_.get(), x(ws.c_str())));
    }

    std::unique_ptr<xmlBuffer, BufferDeleter> buffer_;
    std::unique_ptr<xmlTextWriter, TextWriterDeleter> writer_;
    std::vector<bool> open_;  // per open element: whether it has child elements
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
void write_inlines(XmlOut& out, const char* name, const Inlines& content, const char* attribute = nullptr,
                   std::string_view value = {}) {
    out.start(name);
    if (attribute != nullptr) out.attribute(attribute, value);
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
                              }},
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
    // libxml2 must set up its globals once, before threads use it (the batch engine's workers do).
    xmlInitParser();
    return std::make_unique<XmlWriter>();
}

}  // namespace briefkit::formats
