#include "formats/newsml/newsml_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <string>

#include "formats/markup/body_markup.hpp"
#include "formats/markup/xml_out.hpp"
#include "pipeline/model/version.hpp"

namespace briefkit::formats {

namespace {

using markup::XmlOut;

constexpr std::string_view kG2Namespace = "http://iptc.org/std/nar/2006-10-01/";
constexpr std::string_view kNitfNamespace = "http://iptc.org/std/NITF/2006-10-18/";

/// `seconds` since 1970 as an xs:dateTime in UTC.
std::string utc_date_time(std::int64_t seconds) {
    const auto t = static_cast<std::time_t>(seconds);
    std::tm parts{};
    gmtime_r(&t, &parts);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                       parts.tm_hour, parts.tm_min, parts.tm_sec);
}

/// versionCreated: the article's date as an xs:dateTime, else the time the outputs were made.
std::string version_created(const Metadata& m, std::int64_t made_at) {
    const std::optional<Date>& date = m.date ? m.date : m.source.date;
    if (!date) return utc_date_time(made_at);
    if (date->time) return date->iso();
    return date->iso() + "T00:00:00";
}

/// `<element><name>name</name></element>`. A G2 name is one line (the schema's pattern is
/// `[\S ]*`): a tab or line break in it is written as a space.
void named(XmlOut& out, std::string_view element, std::string_view name) {
    const auto breaks_line = [](char c) { return c == '\t' || c == '\n' || c == '\r'; };
    out.start(element);
    if (std::none_of(name.begin(), name.end(), breaks_line)) {
        out.element("name", name);
    } else {
        std::string line(name);
        std::replace_if(line.begin(), line.end(), breaks_line, ' ');
        out.element("name", line);
    }
    out.end();
}

void ext_property(XmlOut& out, std::string_view rel, std::string_view value) {
    out.start("contentMetaExtProperty");
    out.attribute("rel", rel);
    out.attribute("value", value);
    out.end();
}

void write_item_meta(XmlOut& out, const Metadata& m, std::int64_t made_at) {
    out.start("itemMeta");
    out.start("itemClass");
    out.attribute("qcode", "ninat:text");
    out.end();
    named(out, "provider", m.source.name.empty() ? "Briefkit" : m.source.name);
    out.element("versionCreated", version_created(m, made_at));
    out.start("generator");
    out.attribute("versioninfo", kVersion);
    out.text("Briefkit");
    out.end();
    out.end();
}

void write_content_meta(XmlOut& out, const Metadata& m) {
    out.start("contentMeta");
    if (m.date) out.element("contentCreated", m.date->iso());
    if (!m.place.empty()) named(out, "located", m.place);
    for (const std::string& author : m.authors) named(out, "creator", author);
    if (!m.source.name.empty()) named(out, "infoSource", m.source.name);
    if (!m.language.empty()) {
        out.start("language");
        out.attribute("tag", m.language);
        out.end();
    }
    if (!m.title.empty()) out.element("headline", m.title);
    if (!m.place.empty() || m.date) {
        std::string dateline = m.place;
        if (m.date) dateline += (dateline.empty() ? "" : ", ") + (m.date->text.empty() ? m.date->iso() : m.date->text);
        out.element("dateline", dateline);
    }
    if (m.source.date) ext_property(out, "bkprop:sourceDate", m.source.date->iso());
    if (!m.url.empty()) ext_property(out, "bkprop:url", m.url);
    if (!m.handling.empty()) ext_property(out, "bkprop:handling", m.handling);
    out.end();
}

class NewsmlWriter final : public Writer {
public:
    explicit NewsmlWriter(std::int64_t made_at) : made_at_(made_at) {}

    void write(const Document& doc, Sink& sink) const override {
        XmlOut out;
        out.start("newsItem");
        out.attribute("xmlns", kG2Namespace);
        out.attribute("guid", "urn:briefkit:" + doc.id);
        out.attribute("version", "1");
        out.attribute("standard", "NewsML-G2");
        out.attribute("standardversion", "2.35");
        out.attribute("conformance", "power");
        if (!doc.meta.language.empty()) out.attribute("xml:lang", doc.meta.language);
        out.start("catalogRef");
        out.attribute("href", "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml");
        out.end();
        write_item_meta(out, doc.meta, made_at_);
        write_content_meta(out, doc.meta);
        out.start("contentSet");
        out.start("inlineXML");
        out.attribute("contenttype", "application/nitf+xml");
        out.start("nitf");
        out.attribute("xmlns", kNitfNamespace);
        out.start("body");
        out.start("body.content");
        markup::write_blocks(out, doc.body, markup::BodyDialect::nitf);
        out.end();
        out.end();
        out.end();
        out.end();
        out.end();
        out.end();
        sink.write(out.finish());
    }

private:
    std::int64_t made_at_;
};

}  // namespace

std::unique_ptr<Writer> make_newsml_writer(const WriterOptions& options) {
    return std::make_unique<NewsmlWriter>(options.made_at);
}

}  // namespace briefkit::formats
