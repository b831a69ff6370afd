#include "pipeline/registry.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "briefkit/error.hpp"
#include "formats/anpa/anpa_reader.hpp"
#include "formats/html/html_reader.hpp"
#include "formats/json/json_reader.hpp"
#include "formats/json/json_writer.hpp"
#include "formats/newsml/newsml_reader.hpp"
#include "formats/newsml/newsml_writer.hpp"
#include "formats/ninjs/ninjs_reader.hpp"
#include "formats/ninjs/ninjs_writer.hpp"
#include "formats/nitf/nitf_reader.hpp"
#include "formats/nitf/nitf_writer.hpp"
#include "formats/pdf/pdf_writer.hpp"
#include "formats/pdf/style.hpp"
#include "formats/text/text_reader.hpp"
#include "formats/xml/article_schema.hpp"
#include "formats/xml/xml_reader.hpp"
#include "formats/xml/xml_writer.hpp"
#include "formats/yaml/yaml_reader.hpp"
#include "formats/yaml/yaml_writer.hpp"

namespace briefkit {

namespace {

/// The PDF styles as the format table lists them.
std::vector<StyleInfo> pdf_styles() {
    std::vector<StyleInfo> out;
    for (auto& [name, description] : formats::pdf::builtin_styles()) {
        const bool is_default = name == formats::pdf::kDefaultStyle;
        out.push_back({std::move(name), std::move(description), is_default});
    }
    return out;
}

constexpr std::array<std::string_view, 1> kTextExtensions{"txt"};
constexpr std::array<std::string_view, 1> kXmlExtensions{"xml"};
constexpr std::array<std::string_view, 2> kNitfExtensions{"nitf", "xml"};
constexpr std::array<std::string_view, 2> kNewsmlExtensions{"newsml", "xml"};
constexpr std::array<std::string_view, 3> kAnpaExtensions{"anpa", "tst", "ans"};
constexpr std::array<std::string_view, 2> kYamlExtensions{"yaml", "yml"};
constexpr std::array<std::string_view, 1> kJsonExtensions{"json"};
constexpr std::array<std::string_view, 2> kNinjsExtensions{"ninjs", "json"};
constexpr std::array<std::string_view, 3> kHtmlExtensions{"html", "htm", "xhtml"};

const std::array<WriterEntry, 7> kWriters{{
    {"xml", "xml", "application/xml", true, "Article XML (urn:briefkit:article:1), valid against the shipped XSD",
     &formats::make_xml_writer, nullptr, nullptr, nullptr, &formats::article_xsd},
    {"yaml", "yaml", "application/yaml", true, "Article YAML (briefkit/article/3), every string quoted",
     &formats::make_yaml_writer, nullptr, nullptr, nullptr, nullptr},
    {"json", "json", "application/json", true, "Article JSON (briefkit/article/3), valid against the shipped JSON Schema",
     &formats::make_json_writer, nullptr, nullptr, nullptr, &formats::article_json_schema},
    {"nitf", "nitf.xml", "application/nitf+xml", true, "NITF 3.6, the news industry's XML for one article",
     &formats::make_nitf_writer, nullptr, nullptr, nullptr, nullptr},
    {"ninjs", "ninjs.json", "application/json", true, "ninjs 3.1, IPTC's news in JSON (valid against IPTC's schema)",
     &formats::make_ninjs_writer, nullptr, nullptr, nullptr, nullptr},
    {"newsml", "newsml.xml", "application/vnd.iptc.g2.newsitem+xml", true,
     "NewsML-G2 2.35 newsItem with a NITF body (valid against IPTC's schema)", &formats::make_newsml_writer, nullptr,
     nullptr, nullptr, nullptr},
    {"pdf", "pdf", "application/pdf", false, "Printable briefing PDF, laid out from a style (see 'briefkit styles')",
     &formats::make_pdf_writer, &formats::make_pdf_digest_writer, &formats::pdf_settings_key, &pdf_styles, nullptr},
}};

/// A reader of one document as a reader of a file's articles.
template <Document (*Read)(std::string_view, std::string_view, const ReadOptions&)>
std::vector<Document> one(std::string_view bytes, std::string_view name, const ReadOptions& options) {
    std::vector<Document> docs;
    docs.push_back(Read(bytes, name, options));
    return docs;
}

const std::array<ReaderEntry, 10> kReaders{{
    {"text", kTextExtensions, "Plain-text news article in any common encoding", &one<&formats::read_text>, nullptr},
    {"xml", kXmlExtensions, "Article XML (urn:briefkit:article:1), validated against the shipped XSD",
     &one<&formats::read_xml>, &formats::looks_like_xml},
    {"yaml", kYamlExtensions, "Article YAML (briefkit/article/3), as written or edited by hand", &one<&formats::read_yaml>,
     &formats::looks_like_yaml},
    {"json", kJsonExtensions, "Article JSON (briefkit/article/3), as written or made by a program", &one<&formats::read_json>,
     &formats::looks_like_json},
    {"nitf", kNitfExtensions, "NITF 3.x (any agency's; a DOCTYPE naming an external DTD is allowed, never loaded)",
     &one<&formats::read_nitf>, &formats::looks_like_nitf},
    {"ninjs", kNinjsExtensions, "ninjs 1.x, 2.x and 3.x text items, also in AP Media API envelopes", &one<&formats::read_ninjs>,
     &formats::looks_like_ninjs},
    {"newsml", kNewsmlExtensions, "NewsML-G2 text items (NITF, XHTML or plain text), each of a newsMessage",
     &formats::read_newsml_g2, &formats::looks_like_newsml_g2},
    {"newsml1", kNewsmlExtensions, "NewsML 1.2 text items (NITF, HTML or plain text)", &formats::read_newsml_1,
     &formats::looks_like_newsml_1},
    {"anpa", kAnpaExtensions, "ANPA-1312 wire transmissions (AP's, with its headline, byline and time trailer)",
     &one<&formats::read_anpa>, &formats::looks_like_anpa},
    {"html", kHtmlExtensions, "Web pages: the article and its metadata, without the page's menus, ads and comments",
     &one<&formats::read_html>, &formats::looks_like_html},
}};

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::span<const WriterEntry> writers() { return kWriters; }

std::span<const ReaderEntry> readers() { return kReaders; }

std::vector<std::string_view> readable_extensions() {
    std::vector<std::string_view> out;
    for (const ReaderEntry& r : readers()) {
        for (std::string_view e : r.extensions) {
            if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
        }
    }
    return out;
}

const WriterEntry* find_writer(std::string_view name) {
    for (const WriterEntry& w : kWriters) {
        if (w.name == name) return &w;
    }
    return nullptr;
}

const ReaderEntry* reader_for_extension(std::string_view extension) {
    for (const ReaderEntry& r : kReaders) {
        for (std::string_view ext : r.extensions) {
            if (iequals(ext, extension)) return &r;
        }
    }
    return nullptr;
}

const ReaderEntry* find_reader(std::string_view name) {
    for (const ReaderEntry& r : kReaders) {
        if (r.name == name) return &r;
    }
    return nullptr;
}

const ReaderEntry& choose_reader(std::string_view path, std::string_view bytes, std::string_view chosen) {
    if (!chosen.empty()) {
        if (const ReaderEntry* r = find_reader(chosen)) return *r;
        throw UsageError(fmt::format("unknown input format '{}' (known: {})", chosen, format_names(readers())));
    }
    const std::size_t slash = path.find_last_of('/');
    const std::string_view file = slash == std::string_view::npos ? path : path.substr(slash + 1);
    if (const std::size_t dot = file.find_last_of('.'); dot != std::string_view::npos && dot > 0) {
        // Several formats share `.xml` and `.json`: the first of them whose sniff claims the
        // bytes reads them, else the first of them (which names what it expected).
        const std::string_view extension = file.substr(dot + 1);
        const ReaderEntry* first = nullptr;
        for (const ReaderEntry& r : kReaders) {
            if (std::none_of(r.extensions.begin(), r.extensions.end(),
                             [&](std::string_view e) { return iequals(e, extension); })) {
                continue;
            }
            if (first == nullptr) first = &r;
            if (r.sniff != nullptr && r.sniff(bytes)) return r;
        }
        if (first != nullptr) return *first;
    }
    for (const ReaderEntry& r : kReaders) {
        if (r.sniff != nullptr && r.sniff(bytes)) return r;
    }
    return kReaders.front();
}

}  // namespace briefkit
