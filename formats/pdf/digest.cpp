#include "formats/pdf/digest.hpp"

#include <fmt/format.h>

#include <optional>

#include "pipeline/model/handling.hpp"

namespace briefkit::formats::pdf {

namespace {

constexpr double kNumberColumn = 36;        // the page numbers' column of the contents
constexpr double kContentsTop = 48;         // the contents' first row, below its heading
constexpr double kContentsHeading = 24;     // the heading's baseline, below the top margin
constexpr double kRowLeading = 1.3;         // contents leading, times the body size
constexpr double kRowSpaceAbove = 0.6;      // space above a row, times the body leading
constexpr double kCoverRule = 0.28;         // the cover's rule, as a fraction of the page height down
constexpr double kCoverRuleHeight = 6;      // its thickness
constexpr double kCoverLeading = 1.25;      // cover lines' leading, times their size

}  // namespace

DigestComposer::DigestComposer(const Style& style, FontSet& fonts,
                               std::function<const Hyphenator*(const Document&)> hyphenator)
    : style_(style),
      composer_(style, fonts, nullptr),
      fonts_(fonts),
      hyphenator_(std::move(hyphenator)),
      width_(style.page_width - style.margin_left - style.margin_right) {}

std::string DigestComposer::compose(PdfFile& pdf, std::span<const Document> docs) {
    const Style& s = style_;
    const Plan laid_out = plan(docs);
    // Pages are added in reading order: cover, contents, then each article.
    const int cover = pdf.add_page(s.page_width, s.page_height);
    std::vector<int> contents_pages;
    for (std::size_t p = 0; p < laid_out.contents.size(); ++p) {
        contents_pages.push_back(pdf.add_page(s.page_width, s.page_height));
    }
    std::vector<int> article_pages;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        article_pages.push_back(
            composer_.draw(pdf, docs[i], laid_out.layouts[i], laid_out.first_number[i], laid_out.total));
    }
    const std::string line = summary(docs);
    draw_cover(pdf, cover, line, laid_out.total, laid_out.label);
    for (std::size_t p = 0; p < laid_out.contents.size(); ++p) {
        draw_contents_page(pdf, laid_out, p, contents_pages[p], article_pages);
    }
    for (std::size_t i = 0; i < docs.size(); ++i) pdf.bookmark(laid_out.layouts[i].title, article_pages[i]);
    return line;
}

DigestComposer::Plan DigestComposer::plan(std::span<const Document> docs) {
    Plan out;
    // The cover and contents carry the most restrictive label of the articles (and the style's).
    out.label = style_.handling_label;
    for (const Document& doc : docs) {
        BriefingComposer article(style_, fonts_, hyphenator_(doc));
        out.layouts.push_back(article.layout(doc));
        out.label = handling::printed_label(out.label, doc.meta.handling);
    }
    for (std::size_t i = 0; i < docs.size(); ++i) out.rows.push_back(contents_row(docs[i], out.layouts[i]));
    Frame frame = composer_.frame();
    frame.first_top = style_.margin_top + kContentsTop;
    out.contents = paginate(out.rows, frame);
    out.total = 1 + static_cast<int>(out.contents.size());
    for (const ArticleLayout& l : out.layouts) {
        out.first_number.push_back(out.total + 1);
        out.total += static_cast<int>(l.pages.size());
    }
    return out;
}

FlowBlock DigestComposer::contents_row(const Document& doc, const ArticleLayout& layout) {
    // The title, then source, date and place; the page number goes on the right when drawn.
    const Style& s = style_;
    FlowBlock row;
    row.size = s.size_body;
    row.leading = s.size_body * kRowLeading;
    row.space_before = s.leading * kRowSpaceAbove;
    row.splittable = false;
    row.lines = composer_.set({{layout.title, Face::body_bold, s.size_body, s.text, {}}}, width_ - kNumberColumn, false);
    std::string line;
    for (const std::string& part :
         {doc.meta.source.name, doc.meta.date ? BriefingComposer::format_date(*doc.meta.date) : std::string(),
          doc.meta.place}) {
        if (!part.empty()) line += (line.empty() ? "" : " \u00B7 ") + part;
    }
    if (!line.empty()) {
        for (TextLine& l : composer_.set({{line, Face::sans, s.size_meta, s.muted, {}}}, width_ - kNumberColumn, false)) {
            row.lines.push_back(std::move(l));
        }
    }
    return row;
}

std::string DigestComposer::summary(std::span<const Document> docs) {
    std::optional<Date> earliest;
    std::optional<Date> latest;
    for (const Document& doc : docs) {
        if (!doc.meta.date) continue;
        if (!earliest || doc.meta.date->day < earliest->day) earliest = doc.meta.date;
        if (!latest || latest->day < doc.meta.date->day) latest = doc.meta.date;
    }
    std::string line = fmt::format("{} article{}", docs.size(), docs.size() == 1 ? "" : "s");
    if (earliest) {
        line += ", " + BriefingComposer::format_date(Date{earliest->day, std::nullopt, std::nullopt, {}, false});
        if (latest->day != earliest->day) {
            line += " to " + BriefingComposer::format_date(Date{latest->day, std::nullopt, std::nullopt, {}, false});
        }
    }
    return line;
}

double DigestComposer::cover_line(Canvas& canvas, const std::string& text, Face face, double size, const Rgb& colour,
                                  double baseline) {
    for (const TextLine& l : composer_.set({{text, face, size, colour, {}}}, width_, false)) {
        canvas.text_line(l, style_.margin_left, baseline);
        baseline += size * kCoverLeading;
    }
    return baseline;
}

void DigestComposer::draw_cover(PdfFile& pdf, int page, const std::string& summary, int total, std::string_view label) {
    const Style& s = style_;
    Canvas canvas(s.page_height);
    canvas.fill_rect(0, s.page_height * kCoverRule, s.page_width, kCoverRuleHeight, s.accent);
    double y = s.page_height * kCoverRule + 40;
    y = cover_line(canvas, s.organisation, Face::sans_bold, 22, s.accent, y);
    y = cover_line(canvas, s.desk, Face::sans, 12, s.muted, y + 4);
    y = cover_line(canvas, "Briefing digest", Face::body_bold, 30, s.text, y + 30);
    cover_line(canvas, summary, Face::sans, 12, s.text, y + 8);
    composer_.draw_furniture(canvas, "Digest", 1, total, label);
    pdf.append_content(page, canvas.operators());
}

void DigestComposer::draw_contents_page(PdfFile& pdf, const Plan& plan, std::size_t p, int page,
                                        const std::vector<int>& article_pages) {
    // Each row is a link to its article.
    const Style& s = style_;
    Canvas canvas(s.page_height);
    if (p == 0) {
        for (const TextLine& l : composer_.set({{"Contents", Face::sans_bold, s.size_title, s.accent, {}}}, width_, false)) {
            canvas.text_line(l, s.margin_left, s.margin_top + kContentsHeading);
        }
    }
    for (const Slice& slice : plan.contents[p]) {
        const FlowBlock& row = plan.rows[slice.block];
        double line_top = slice.top;
        const double first_baseline = line_baseline(row, line_top);
        for (std::size_t l = slice.first; l < slice.last; ++l) {
            canvas.text_line(row.lines[l], s.margin_left, line_baseline(row, line_top));
            line_top += row.leading;
        }
        const std::vector<TextLine> number = composer_.set(
            {{fmt::format("{}", plan.first_number[slice.block]), Face::body_bold, s.size_body, s.text, {}}},
            kNumberColumn, false);
        canvas.text_line(number.front(), s.page_width - s.margin_right - number.front().width, first_baseline);
        pdf.link_to_page(page,
                         {s.margin_left, s.page_height - line_top, s.page_width - s.margin_right,
                          s.page_height - slice.top},
                         article_pages[slice.block]);
    }
    composer_.draw_furniture(canvas, "Contents", 2 + static_cast<int>(p), plan.total, plan.label);
    pdf.append_content(page, canvas.operators());
}

}  // namespace briefkit::formats::pdf
