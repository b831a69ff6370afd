#include "formats/pdf/pdf_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <stdexcept>

#include "briefkit/error.hpp"
#include "formats/brief/arrangement.hpp"
#include "formats/pdf/briefing.hpp"
#include "formats/pdf/digest.hpp"
#include "formats/pdf/pdf_file.hpp"
#include "formats/pdf/style.hpp"
#include "pipeline/model/hash.hpp"
#include "pipeline/model/version.hpp"

namespace briefkit::formats {

namespace {

using namespace briefkit::formats::pdf;

// SOURCE_DATE_EPOCH, read once when the writer is made (reproducible-builds.org's convention).
std::optional<std::time_t> source_date_epoch() {
    const char* value = std::getenv("SOURCE_DATE_EPOCH");
    if (value == nullptr || *value == '\0') return std::nullopt;
    long long seconds = 0;
    const char* end = value + std::char_traits<char>::length(value);
    const auto [ptr, ec] = std::from_chars(value, end, seconds);
    if (ec != std::errc() || ptr != end || seconds < 0) {
        throw UsageError(fmt::format("SOURCE_DATE_EPOCH='{}' is not a number of seconds since 1970", value));
    }
    return static_cast<std::time_t>(seconds);
}

std::optional<std::time_t> article_time(const Document& doc) {
    const std::optional<Date>& date = doc.meta.date ? doc.meta.date : doc.meta.source.date;
    if (!date) return std::nullopt;
    std::tm tm{};
    tm.tm_year = date->day.year - 1900;
    tm.tm_mon = date->day.month - 1;
    tm.tm_mday = date->day.day;
    if (date->time) {
        tm.tm_hour = date->time->hour;
        tm.tm_min = date->time->minute;
        tm.tm_sec = date->time->second;
    }
    return timegm(&tm);
}

std::string sha256_bytes(const std::string& text) {
    const std::string hex = sha256_hex(text);
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    return out;
}

/// What the document information and XMP name as the file's creator and producer.
std::string producer() { return fmt::format("Briefkit {}", kVersion); }

// Holds what every document written in one style shares: the style, its hyphenator and the date.
class Setup {
public:
    explicit Setup(const WriterOptions& options)
        : style_(load_style(options.style.empty() ? kDefaultStyle : options.style)),
          epoch_(source_date_epoch()),
          made_at_(options.made_at),
          renderings_(options.renderings),
          hyphenators_(style_.hyphenate, style_.hyphenation_exceptions) {
        try {
            // Load the faces now, so a damaged font fails before any input is read (the
            // fallback faces, read on first need, have their table directories checked).
            const FontSet probe(style_);
            for (const auto* list : {&style_.font_fallback, &style_.font_fallback_bold}) {
                for (const std::string& path : *list) FontFace::check_file(path);
            }
        } catch (const std::runtime_error& e) {
            if (dynamic_cast<const Error*>(&e) != nullptr) throw;
            throw UsageError(fmt::format("style '{}': {}", style_.name, e.what()));
        }
    }

    [[nodiscard]] const Style& style() const { return style_; }

    /// The day the briefing is issued: the day the outputs are made (SOURCE_DATE_EPOCH when set),
    /// in UTC; none when the converter gave no time.
    [[nodiscard]] std::optional<CalendarDay> issue_day() const {
        if (made_at_ <= 0) return std::nullopt;
        const auto t = static_cast<std::time_t>(made_at_);
        std::tm tm{};
        gmtime_r(&t, &tm);
        return CalendarDay{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
    }

    // Text is hyphenated by its language's patterns (English when it names none); a language
    // Debian has no patterns for is set without hyphens.
    [[nodiscard]] const Hyphenator* hyphenator(const Document& doc) const { return hyphenators_.for_language(doc.meta.language); }

    /// Attaches `doc`'s data (its XML and JSON) when the style asks and the pipeline made them.
    void attach_data(PdfFile& pdf, const Document& doc) const {
        if (!style_.attach_data || !renderings_) return;
        std::vector<Attachment> files;
        for (Rendering& r : renderings_(doc)) {
            files.push_back({std::move(r.name), std::move(r.media_type), fmt::format("The article's data, as {}", r.media_type), std::move(r.bytes)});
        }
        pdf.attach(std::move(files));
    }

    void finish(PdfFile& pdf, const PdfInfo& base, const std::optional<std::time_t>& fallback_date,
                const std::string& identity) const {
        PdfInfo info = base;
        info.creator = producer();
        info.created = epoch_ ? epoch_ : fallback_date;
        pdf.set_info(info);
        pdf.set_id(sha256_bytes(identity + "|" + style_.name + "|" + std::string(kVersion)));
    }

private:
    Style style_;
    std::optional<std::time_t> epoch_;
    std::int64_t made_at_;
    std::function<std::vector<Rendering>(const Document&)> renderings_;
    Hyphenators hyphenators_;
};

/// `text` with XML's special characters escaped.
std::string xml_text(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

/// The XMP packet of a briefing: title, authors, agency, language, the article's date and the
/// producer, as Dublin Core, XMP and PDF properties.
std::string xmp_packet(const Document& doc, const PdfInfo& info) {
    std::string creators;
    for (const std::string& a : doc.meta.authors) creators += fmt::format("<rdf:li>{}</rdf:li>", xml_text(a));
    std::string out =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" "
        "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
    out += fmt::format("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>\n", xml_text(info.title));
    if (!creators.empty()) out += fmt::format("<dc:creator><rdf:Seq>{}</rdf:Seq></dc:creator>\n", creators);
    if (!doc.meta.source.name.empty()) {
        out += fmt::format("<dc:publisher><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:publisher>\n", xml_text(doc.meta.source.name));
    }
    if (!doc.meta.language.empty()) out += fmt::format("<dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>\n", xml_text(doc.meta.language));
    if (doc.meta.date) out += fmt::format("<dc:date><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:date>\n", doc.meta.date->iso());
    out += fmt::format("<dc:identifier>{}</dc:identifier>\n", xml_text(doc.id));
    out += fmt::format("<pdf:Producer>{0}</pdf:Producer>\n<xmp:CreatorTool>{0}</xmp:CreatorTool>\n", xml_text(producer()));
    out += "</rdf:Description>\n</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"r\"?>";
    return out;
}

PdfInfo info_for(const Document& doc, const std::string& title) {
    PdfInfo info;
    info.title = title;
    // The byline when there is one; else the agency.
    for (const std::string& a : doc.meta.authors) info.author += (info.author.empty() ? "" : ", ") + a;
    if (info.author.empty()) info.author = doc.meta.source.name;
    std::string subject = "News briefing";
    if (!doc.meta.place.empty()) subject += ": " + doc.meta.place;
    if (doc.meta.date) subject += ", " + BriefingComposer::format_date(*doc.meta.date);
    info.subject = subject;
    std::string keywords;
    for (const std::string& k : {doc.meta.source.name, doc.meta.place, doc.meta.language, doc.id}) {
        if (!k.empty()) keywords += (keywords.empty() ? "" : ", ") + k;
    }
    info.keywords = keywords;
    return info;
}

class PdfWriter final : public Writer {
public:
    explicit PdfWriter(const WriterOptions& options) : setup_(options) {}

    void write(const Document& doc, Sink& sink) const override {
        try {
            PdfFile pdf;
            FontSet fonts(setup_.style());
            BriefingComposer composer(setup_.style(), fonts, setup_.hyphenator(doc));
            if (const auto day = setup_.issue_day()) composer.set_issue_date(*day);
            const ArticleLayout layout = composer.layout(doc);
            const int total = static_cast<int>(layout.pages.size());
            StructureRecorder tags;
            const int first = composer.draw(pdf, doc, layout, 1, total, &tags);
            pdf.set_structure(tags.document());
            pdf.bookmark(layout.title, first);
            pdf.embed_fonts(fonts);
            pdf.set_language_and_title_display(doc.meta.language);
            setup_.attach_data(pdf, doc);
            const PdfInfo info = info_for(doc, layout.title);
            pdf.set_xmp(xmp_packet(doc, info));
            setup_.finish(pdf, info, article_time(doc), doc.id);
            sink.write(pdf.save());
            for (const std::string& m : fonts.missing()) sink.warn(m);
        } catch (const Error&) {
            throw;
        } catch (const std::exception& e) {
            throw OutputError(fmt::format("cannot write the PDF briefing: {}", e.what()));
        }
    }

private:
    Setup setup_;
};

/// What a brief is arranged by: the style's digest settings, under what the command line asks.
brief::BriefSettings brief_settings(const Style& style, const DigestRequest& request) {
    brief::BriefSettings settings;
    const std::string group = request.group_by.empty() ? style.digest.group_by : request.group_by;
    const std::optional<brief::Grouping> grouping = brief::grouping_named(group);
    if (!grouping) throw UsageError(fmt::format("--group-by {}: expected topic, place, agency, language or none", group));
    settings.group_by = *grouping;
    settings.section_order = style.digest.sections;
    const std::string topics = request.topics.empty() ? style.digest.topics : request.topics;
    if (!topics.empty()) settings.topics = brief::TopicRules::load(topics);
    if (settings.group_by == brief::Grouping::topic && topics.empty()) {
        throw UsageError("sections by topic need topic rules: give --topics FILE, or topics: in the style's digest settings");
    }
    const std::string sources = request.sources.empty() ? style.digest.sources : request.sources;
    if (!sources.empty()) settings.sources = brief::SourceList::load(sources);
    settings.briefed = request.briefed;
    settings.since = request.since;
    settings.omit_briefed = style.digest.omit_briefed;
    settings.top_stories = static_cast<std::size_t>(style.digest.top_stories);
    settings.style_label = style.handling_label;
    return settings;
}

class PdfDigestWriter final : public CollectionWriter {
public:
    // The sources and topics files are read now, so that a mistake in them is said before any input is read.
    explicit PdfDigestWriter(const WriterOptions& options)
        : setup_(options), request_(options.digest), made_at_(options.made_at), settings_(brief_settings(setup_.style(), request_)) {}

    void write(std::span<const Document> docs, Sink& sink) const override {
        try {
            write_digest(docs, sink);
        } catch (const Error&) {
            throw;
        } catch (const std::exception& e) {
            throw OutputError(fmt::format("cannot write the PDF digest: {}", e.what()));
        }
    }

private:
    void write_digest(std::span<const Document> docs, Sink& sink) const {
        const Style& s = setup_.style();
        const brief::Brief arranged = brief::arrange(docs, settings_);
        PdfFile pdf;
        FontSet fonts(s);
        DigestComposer digest(s, fonts, [this](const Document& doc) { return setup_.hyphenator(doc); });
        const Masthead masthead{request_.title.empty() ? s.digest.title : request_.title, request_.issue, setup_.issue_day(), made_at_};
        digest.compose(pdf, docs, arranged, masthead);
        pdf.embed_fonts(fonts);
        PdfInfo info;
        info.title = masthead.title + (masthead.issue > 0 ? fmt::format(" No. {}", masthead.issue) : std::string()) + ": " +
                     DigestComposer::summary(arranged);
        info.author = s.organisation;
        info.subject = s.desk;
        std::optional<std::time_t> newest;
        std::string identity;
        for (const Document& doc : docs) {
            const auto t = article_time(doc);
            if (t && (!newest || *t > *newest)) newest = t;
        }
        // The identity of the brief is its articles, in any order.
        std::vector<std::string> ids;
        for (const Document& doc : docs) ids.push_back(doc.id);
        std::sort(ids.begin(), ids.end());
        for (const std::string& id : ids) identity += id + ",";
        setup_.finish(pdf, info, newest, identity);
        sink.write(pdf.save());
        for (const std::string& m : fonts.missing()) sink.warn(m);
    }

    Setup setup_;
    DigestRequest request_;
    std::int64_t made_at_;
    brief::BriefSettings settings_;
};

}  // namespace

std::unique_ptr<Writer> make_pdf_writer(const WriterOptions& options) { return std::make_unique<PdfWriter>(options); }

std::unique_ptr<CollectionWriter> make_pdf_digest_writer(const WriterOptions& options) {
    return std::make_unique<PdfDigestWriter>(options);
}

std::string pdf_settings_key(const WriterOptions& options) {
    // Only a regular file is read: the style loader refuses anything else, with a clearer error
    // than a read of /dev/zero could give.
    std::error_code ec;
    if (!is_style_path(options.style) || !std::filesystem::is_regular_file(options.style, ec)) return {};
    std::ifstream in(options.style, std::ios::binary);
    return "|" + sha256_hex(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
}

}  // namespace briefkit::formats
