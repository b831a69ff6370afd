#include "formats/nitf/nitf_writer.hpp"

#include "formats/markup/body_markup.hpp"
#include "formats/markup/iso_date.hpp"
#include "formats/markup/xml_out.hpp"

namespace briefkit::formats {

namespace {

using markup::XmlOut;

constexpr std::string_view kNitfNamespace = "http://iptc.org/std/NITF/2006-10-18/";

void write_head(XmlOut& out, const Document& doc) {
    const Metadata& m = doc.meta;
    out.start("head");
    out.element("title", m.title);
    out.start("docdata");
    out.start("doc-id");
    out.attribute("id-string", doc.id);
    out.end();
    if (m.date) {
        out.start("date.issue");
        out.attribute("norm", markup::basic_iso(*m.date));
        out.end();
    }
    if (!m.handling.empty()) {
        // The TLP label as the rights' limitations.
        out.start("doc.rights");
        out.attribute("limitations", m.handling);
        out.end();
    }
    out.end();
    if (!m.source.name.empty() || m.source.date || !m.url.empty()) {
        out.start("pubdata");
        if (!m.source.name.empty()) out.attribute("name", m.source.name);
        if (m.source.date) out.attribute("date.publication", markup::basic_iso(*m.source.date));
        if (!m.url.empty()) out.attribute("ex-ref", m.url);
        out.end();
    }
    out.end();
}

void write_body_head(XmlOut& out, const Metadata& m) {
    out.start("body.head");
    out.start("hedline");
    out.element("hl1", m.title);
    out.end();
    if (!m.authors.empty()) {
        out.start("byline");
        out.mixed(true);
        out.text("By ");
        for (std::size_t i = 0; i < m.authors.size(); ++i) {
            if (i != 0) out.text(i + 1 == m.authors.size() ? " and " : "; ");
            out.element("person", m.authors[i]);
        }
        out.mixed(false);
        out.end();
    }
    if (!m.source.name.empty()) out.element("distributor", m.source.name);
    if (!m.place.empty()) {
        out.start("dateline");
        out.element("location", m.place);
        out.end();
    }
    out.end();
}

/// The credit line, `Source: Kabar, 27 May 2020`, which the reader recognizes as the source's.
void write_body_end(XmlOut& out, const Source& source) {
    if (source.name.empty()) return;
    std::string credit = "Source: " + source.name;
    if (source.date) credit += ", " + (source.date->text.empty() ? source.date->iso() : source.date->text);
    out.start("body.end");
    out.element("tagline", credit);
    out.end();
}

class NitfWriter final : public Writer {
public:
    void write(const Document& doc, Sink& sink) const override {
        XmlOut out;
        out.start("nitf");
        out.attribute("xmlns", kNitfNamespace);
        out.attribute("version", "-//IPTC//DTD NITF 3.6//EN");
        if (!doc.meta.language.empty()) out.attribute("baselang", doc.meta.language);
        write_head(out, doc);
        out.start("body");
        write_body_head(out, doc.meta);
        out.start("body.content");
        markup::write_blocks(out, doc.body, markup::BodyDialect::nitf);
        out.end();
        write_body_end(out, doc.meta.source);
        out.end();
        out.end();
        sink.write(out.finish());
    }
};

}  // namespace

std::unique_ptr<Writer> make_nitf_writer(const WriterOptions& /*options*/) { return std::make_unique<NitfWriter>(); }

}  // namespace briefkit::formats
