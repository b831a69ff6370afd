#include "formats/pdf/pdf_writer.hpp"

#include <fmt/format.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <stdexcept>

#include "formats/pdf/briefing.hpp"
#include "formats/pdf/pdf_file.hpp"
#include "formats/pdf/style.hpp"
#include "pipeline/model/hash.hpp"
#include "pipeline/model/error.hpp"
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

std::string digest_bytes(const std::string& text) {
    const std::string hex = sha256_hex(text);
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    return out;
}

// Holds what every document written in one style shares: the style, its hyphenator and the date.
class Setup {
public:
    explicit Setup(const WriterOptions& options)
        : style_(load_style(options.style.empty() ? kDefaultStyle : options.style)), epoch_(source_date_epoch()) {
        try {
            // Load the faces now, so a damaged font fails before any input is read.
            const FontSet probe(style_);
            if (style_.hyphenate) {
                if (style_.hyphenation_exceptions.empty()) {
                    hyphenator_ = &Hyphenator::english();
                } else {
                    std::vector<std::string> exceptions = Hyphenator::default_exceptions();
                    exceptions.insert(exceptions.end(), style_.hyphenation_exceptions.begin(),
                                      style_.hyphenation_exceptions.end());
                    own_ = std::make_unique<Hyphenator>(Hyphenator::kDefaultPatterns, exceptions);
                    hyphenator_ = own_.get();
                }
            }
        } catch (const std::runtime_error& e) {
            if (dynamic_cast<const Error*>(&e) != nullptr) throw;
            throw UsageError(fmt::format("style '{}': {}", style_.name, e.what()));
        }
    }

    [[nodiscard]] const Style& style() const { return style_; }

    // English text (or text of unknown language) is hyphenated; other languages are not.
    [[nodiscard]] const Hyphenator* hyphenator(const Document& doc) const {
        return doc.meta.language.empty() || doc.meta.language == "en" ? hyphenator_ : nullptr;
    }

    void finish(PdfFile& pdf, const PdfInfo& base, const std::optional<std::time_t>& fallback_date,
                const std::string& identity) const {
        PdfInfo info = base;
        info.creator = fmt::format("Briefkit {}", kVersion);
        info.created = epoch_ ? epoch_ : fallback_date;
        pdf.set_info(info);
        pdf.set_id(digest_bytes(identity + "|" + style_.name + "|" + std::string(kVersion)));
    }

private:
    Style style_;
    std::optional<std::time_t> epoch_;
    const Hyphenator* hyphenator_ = nullptr;
    std::unique_ptr<Hyphenator> own_;
};

PdfInfo info_for(const Document& doc, const std::string& title) {
    PdfInfo info;
    info.title = title;
    info.author = doc.meta.source.name;
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
            const ArticleLayout layout = composer.layout(doc);
            const int total = static_cast<int>(layout.pages.size());
            const int first = composer.draw(pdf, doc, layout, 1, total);
            pdf.bookmark(layout.title, first);
            pdf.embed_fonts(fonts);
            setup_.finish(pdf, info_for(doc, layout.title), article_time(doc), doc.id);
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

class PdfDigestWriter final : public CollectionWriter {
public:
    explicit PdfDigestWriter(const WriterOptions& options) : setup_(options) {}

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
        PdfFile pdf;
        FontSet fonts(s);
        BriefingComposer composer(s, fonts, nullptr);
        const double width = s.page_width - s.margin_left - s.margin_right;

        std::vector<ArticleLayout> layouts;
        for (const Document& doc : docs) {
            BriefingComposer article(s, fonts, setup_.hyphenator(doc));
            layouts.push_back(article.layout(doc));
        }

        // Contents rows: the title, then source, date and place, with the page number on the right.
        constexpr double kNumberColumn = 36;
        std::vector<FlowBlock> rows;
        for (std::size_t i = 0; i < docs.size(); ++i) {
            const Document& doc = docs[i];
            FlowBlock row;
            row.size = s.size_body;
            row.leading = s.size_body * 1.3;
            row.space_before = s.leading * 0.6;
            row.splittable = false;
            row.lines = composer.set({{layouts[i].title, Face::body_bold, s.size_body, s.text, {}}}, width - kNumberColumn, false);
            std::string line;
            for (const std::string& part :
                 {doc.meta.source.name, doc.meta.date ? BriefingComposer::format_date(*doc.meta.date) : std::string(),
                  doc.meta.place}) {
                if (!part.empty()) line += (line.empty() ? "" : " \u00B7 ") + part;
            }
            if (!line.empty()) {
                for (TextLine& l : composer.set({{line, Face::sans, s.size_meta, s.muted, {}}}, width - kNumberColumn, false)) {
                    row.lines.push_back(std::move(l));
                }
            }
            rows.push_back(std::move(row));
        }
        Frame frame = composer.frame();
        frame.first_top = s.margin_top + 48;
        const std::vector<std::vector<Slice>> contents = paginate(rows, frame);

        int total = 1 + static_cast<int>(contents.size());
        std::vector<int> first_number;
        for (const ArticleLayout& l : layouts) {
            first_number.push_back(total + 1);
            total += static_cast<int>(l.pages.size());
        }

        // Pages are added in reading order: cover, contents, then each article.
        const int cover = pdf.add_page(s.page_width, s.page_height);
        std::vector<int> contents_pages;
        for (std::size_t p = 0; p < contents.size(); ++p) contents_pages.push_back(pdf.add_page(s.page_width, s.page_height));
        std::vector<int> article_pages;
        for (std::size_t i = 0; i < docs.size(); ++i) {
            article_pages.push_back(composer.draw(pdf, docs[i], layouts[i], first_number[i], total));
        }

        // Cover.
        Canvas canvas(s.page_height);
        canvas.fill_rect(0, s.page_height * 0.28, s.page_width, 6, s.accent);
        const auto line_at = [&](const std::string& text, Face face, double size, const Rgb& colour, double baseline) {
            for (const TextLine& l : composer.set({{text, face, size, colour, {}}}, width, false)) {
                canvas.text_line(l, s.margin_left, baseline);
                baseline += size * 1.25;
            }
            return baseline;
        };
        double y = s.page_height * 0.28 + 40;
        y = line_at(s.organisation, Face::sans_bold, 22, s.accent, y);
        y = line_at(s.desk, Face::sans, 12, s.muted, y + 4);
        y = line_at("Briefing digest", Face::body_bold, 30, s.text, y + 30);
        std::optional<Date> earliest;
        std::optional<Date> latest;
        for (const Document& doc : docs) {
            if (!doc.meta.date) continue;
            if (!earliest || doc.meta.date->day < earliest->day) earliest = doc.meta.date;
            if (!latest || latest->day < doc.meta.date->day) latest = doc.meta.date;
        }
        std::string span = fmt::format("{} article{}", docs.size(), docs.size() == 1 ? "" : "s");
        if (earliest) {
            span += ", " + BriefingComposer::format_date(Date{earliest->day, std::nullopt, {}, false});
            if (latest->day != earliest->day) span += " to " + BriefingComposer::format_date(Date{latest->day, std::nullopt, {}, false});
        }
        line_at(span, Face::sans, 12, s.text, y + 8);
        composer.draw_furniture(canvas, "Digest", 1, total);
        pdf.append_content(cover, canvas.operators());

        // Contents, each row a link to its article.
        for (std::size_t p = 0; p < contents.size(); ++p) {
            Canvas page(s.page_height);
            if (p == 0) {
                for (const TextLine& l : composer.set({{"Contents", Face::sans_bold, s.size_title, s.accent, {}}}, width, false)) {
                    page.text_line(l, s.margin_left, s.margin_top + 24);
                }
            }
            for (const Slice& slice : contents[p]) {
                const FlowBlock& row = rows[slice.block];
                double line_top = slice.top;
                const double first_baseline = line_top + (row.leading - row.size) / 2 + 0.8 * row.size;
                for (std::size_t l = slice.first; l < slice.last; ++l) {
                    const double baseline = line_top + (row.leading - row.size) / 2 + 0.8 * row.size;
                    page.text_line(row.lines[l], s.margin_left, baseline);
                    line_top += row.leading;
                }
                const std::vector<TextLine> number = composer.set(
                    {{fmt::format("{}", first_number[slice.block]), Face::body_bold, s.size_body, s.text, {}}}, kNumberColumn, false);
                page.text_line(number.front(), s.page_width - s.margin_right - number.front().width, first_baseline);
                pdf.link_to_page(contents_pages[p],
                                 {s.margin_left, s.page_height - line_top, s.page_width - s.margin_right,
                                  s.page_height - slice.top},
                                 article_pages[slice.block]);
            }
            composer.draw_furniture(page, "Contents", 2 + static_cast<int>(p), total);
            pdf.append_content(contents_pages[p], page.operators());
        }

        std::string identity;
        for (std::size_t i = 0; i < docs.size(); ++i) {
            pdf.bookmark(layouts[i].title, article_pages[i]);
            identity += docs[i].id + ",";
        }
        pdf.embed_fonts(fonts);
        PdfInfo info;
        info.title = "Briefing digest: " + span;
        info.author = s.organisation;
        info.subject = s.desk;
        std::optional<std::time_t> newest;
        for (const Document& doc : docs) {
            const auto t = article_time(doc);
            if (t && (!newest || *t > *newest)) newest = t;
        }
        setup_.finish(pdf, info, newest, identity);
        sink.write(pdf.save());
        for (const std::string& m : fonts.missing()) sink.warn(m);
    }

    Setup setup_;
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
