#include "formats/pdf/briefing.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <cmath>

#include "formats/pdf/key_points.hpp"
#include "formats/pdf/title_case.hpp"
#include "pipeline/model/deadline.hpp"
#include "pipeline/model/overloaded.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::formats::pdf {

namespace {

constexpr double kBandHeight = 36;       // header band on an article's first page
constexpr double kRunningHeader = 20;    // running header on later pages
constexpr double kLabelColumn = 64;      // width of the metadata labels
constexpr int kWordsPerMinute = 200;     // reading speed for the reading time

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

std::string upper(const std::string& s) {
    std::string out;
    std::size_t pos = 0;
    while (pos < s.size()) {
        utf8::append(out, static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(utf8::next(s, pos)))));
    }
    return out;
}

std::size_t count_words(const std::string& s) {
    std::size_t n = 0;
    bool in_word = false;
    for (const char c : s) {
        const bool space = c == ' ' || c == '\n' || c == '\t';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

}  // namespace

BriefingComposer::BriefingComposer(const Style& style, FontSet& fonts, const Hyphenator* hyphenator)
    : style_(style),
      fonts_(fonts),
      hyphenator_(hyphenator),
      content_width_(style.page_width - style.margin_left - style.margin_right) {}

std::string BriefingComposer::format_date(const Date& date) {
    std::string out = fmt::format("{} {} {}", date.day.day, kMonths[(date.day.month + 11) % 12], date.day.year);
    if (date.time) out += fmt::format(", {:02}:{:02}", date.time->hour, date.time->minute);
    return out;
}

Frame BriefingComposer::frame() const {
    return {style_.margin_top + kBandHeight + 10, style_.margin_top + kRunningHeader, style_.page_height - style_.margin_bottom};
}

std::vector<TextLine> BriefingComposer::set(const std::vector<Span>& spans, double width, bool justify) {
    return set_paragraph(spans, fonts_, {width, justify, justify ? hyphenator_ : nullptr});
}

FlowBlock BriefingComposer::text_block(const std::vector<Span>& spans, double size, double leading, double space_before,
                                       bool justify, double indent) {
    FlowBlock block;
    block.lines = set(spans, content_width_ - indent, justify);
    block.size = size;
    block.leading = leading;
    block.space_before = space_before;
    block.indent = indent;
    return block;
}

ArticleLayout BriefingComposer::layout(const Document& doc) {
    const Style& s = style_;
    ArticleLayout out;
    std::vector<FlowBlock>& blocks = out.blocks;
    const std::size_t missing_before = fonts_.missing().size();
    const std::string body = body_text(doc);

    // Title.
    out.title = doc.meta.title.empty() ? std::string("Untitled article") : doc.meta.title;
    if (s.title_case) out.title = title_case(out.title, body, doc.meta.language);
    FlowBlock title = text_block({{out.title, Face::body_bold, s.size_title, s.text, {}}}, s.size_title,
                                 s.size_title * 1.2, 0, false);
    title.keep_with_next = true;
    blocks.push_back(std::move(title));

    // Metadata: a label column and a value column.
    std::vector<std::pair<std::string, Span>> rows;
    const auto value = [&](std::string text, std::string href = {}) {
        return Span{std::move(text), Face::sans, s.size_meta, href.empty() ? s.text : s.accent, std::move(href)};
    };
    if (!doc.meta.source.name.empty()) rows.emplace_back("Source", value(doc.meta.source.name));
    if (doc.meta.date) {
        rows.emplace_back("Published", value(format_date(*doc.meta.date) +
                                             (doc.meta.date->ambiguous ? " (day and month order assumed)" : "")));
    }
    if (doc.meta.source.date) rows.emplace_back("Agency date", value(format_date(*doc.meta.source.date)));
    if (!doc.meta.place.empty()) rows.emplace_back("Dateline", value(doc.meta.place));
    if (!doc.meta.authors.empty()) {
        std::string names;
        for (const std::string& a : doc.meta.authors) names += (names.empty() ? "" : ", ") + a;
        rows.emplace_back("By", value(names));
    }
    if (!doc.meta.url.empty()) rows.emplace_back("Original", value(doc.meta.url, doc.meta.url));
    const std::size_t words = count_words(body);
    const auto minutes = std::max<std::size_t>(1, (words + kWordsPerMinute - 1) / kWordsPerMinute);
    rows.emplace_back("Length", value(fmt::format("{} words, {} min read", words, minutes)));
    rows.emplace_back("Document", value(doc.id));
    // Short values pair up in two columns; a long one (the URL, many authors) takes a whole row.
    const double half = content_width_ / 2;
    const auto meta_row = [&](const std::pair<std::string, Span>& r) {
        FlowBlock row = text_block({r.second}, s.size_meta, s.size_meta * 1.4, 0, false, kLabelColumn);
        row.marker = set({{r.first, Face::sans_bold, s.size_meta, s.muted, {}}}, kLabelColumn, false).front().pieces;
        row.splittable = false;
        return row;
    };
    const auto narrow = [&](const FlowBlock& row) {
        return row.lines.size() == 1 && row.lines.front().width < half - kLabelColumn - 6;
    };
    std::vector<FlowBlock> meta;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        FlowBlock row = meta_row(rows[r]);
        if (r + 1 < rows.size() && narrow(row)) {
            FlowBlock right = meta_row(rows[r + 1]);
            if (narrow(right)) {
                for (Placed& p : right.marker) p.x += half;
                for (Placed& p : right.lines.front().pieces) p.x += half;
                row.marker.insert(row.marker.end(), right.marker.begin(), right.marker.end());
                auto& pieces = row.lines.front().pieces;
                pieces.insert(pieces.end(), right.lines.front().pieces.begin(), right.lines.front().pieces.end());
                ++r;
            }
        }
        meta.push_back(std::move(row));
    }
    for (std::size_t r = 0; r < meta.size(); ++r) {
        if (r == 0) meta[r].space_before = s.size_title * 0.4;
        meta[r].keep_with_next = r + 1 < meta.size();
        blocks.push_back(std::move(meta[r]));
    }

    // Key points.
    if (s.key_points) {
        std::vector<std::string> paragraphs;
        for (const Block& block : doc.body) {
            if (const auto* p = std::get_if<Paragraph>(&block)) paragraphs.push_back(plain_text(p->content));
        }
        const std::vector<std::string> points = key_points(paragraphs, s.key_point_count);
        if (!points.empty()) {
            FlowBlock box;
            box.size = s.size_body - 1.5;
            box.leading = box.size * 1.28;
            box.space_before = s.leading;
            box.background = s.box;
            box.padding = 6;
            box.splittable = false;
            const double inner = content_width_ - 2 * box.padding;
            const std::vector<Span> heading{{"Key points", Face::sans_bold, box.size, s.accent, {}}};
            for (TextLine& l : set(heading, inner, false)) box.lines.push_back(std::move(l));
            for (const std::string& point : points) {
                std::vector<TextLine> lines = set({{point, Face::body, box.size, s.text, {}}}, inner - 12, true);
                for (std::size_t i = 0; i < lines.size(); ++i) {
                    for (Placed& p : lines[i].pieces) p.x += 12;
                    if (i == 0) {
                        std::vector<Placed> bullet =
                            set({{"\u2022", Face::body, box.size, s.accent, {}}}, 12, false).front().pieces;
                        lines[i].pieces.insert(lines[i].pieces.begin(), bullet.begin(), bullet.end());
                    }
                    box.lines.push_back(std::move(lines[i]));
                }
            }
            box.indent = box.padding;
            blocks.push_back(std::move(box));
        }
    }

    // Body.
    const auto spans_of = [&](const Inlines& content, double size, Face face, const Rgb& colour) {
        std::vector<Span> spans;
        for (const Inline& in : content) {
            std::visit(overloaded{
                           [&](const Text& t) { spans.push_back({t.text, face, size, colour, {}}); },
                           [&](const Link& l) { spans.push_back({l.text, face, size, s.accent, l.href}); },
                       },
                       in);
        }
        return spans;
    };
    const double para_space = s.leading * 0.25;
    bool first_paragraph = true;
    double space = s.leading;  // between the front matter and the body
    for (const Block& block : doc.body) {
        check_deadline();  // setting a paragraph is the writer's longest step
        std::visit(
            overloaded{
                [&](const Paragraph& p) {
                    std::vector<Span> spans = spans_of(p.content, s.size_body, Face::body, s.text);
                    if (first_paragraph && !doc.meta.place.empty()) {
                        std::string dateline = upper(doc.meta.place);
                        if (!doc.meta.source.name.empty()) dateline += " (" + doc.meta.source.name + ")";
                        spans.insert(spans.begin(), Span{dateline + " \u2014 ", Face::body_bold, s.size_body, s.text, {}});
                    }
                    first_paragraph = false;
                    blocks.push_back(text_block(spans, s.size_body, s.leading, space, s.justify));
                },
                [&](const Heading& h) {
                    FlowBlock b = text_block(spans_of(h.content, s.size_heading, Face::sans_bold, s.accent),
                                             s.size_heading, s.size_heading * 1.3, s.leading * 0.8, false);
                    b.keep_with_next = true;
                    blocks.push_back(std::move(b));
                },
                [&](const List& l) {
                    for (std::size_t i = 0; i < l.items.size(); ++i) {
                        FlowBlock b = text_block(spans_of(l.items[i], s.size_body, Face::body, s.text), s.size_body,
                                                 s.leading, i == 0 ? space : para_space * 0.5, s.justify, 16);
                        const std::string mark = l.ordered ? fmt::format("{}.", i + 1) : std::string("\u2022");
                        b.marker = set({{mark, Face::body, s.size_body, s.text, {}}}, 16, false).front().pieces;
                        for (Placed& p : b.marker) p.x += 4;
                        blocks.push_back(std::move(b));
                    }
                },
                [&](const Quote& q) {
                    for (std::size_t i = 0; i < q.paragraphs.size(); ++i) {
                        FlowBlock b = text_block(spans_of(q.paragraphs[i], s.size_body, Face::body, s.muted),
                                                 s.size_body, s.leading, i == 0 ? space : para_space, s.justify, 14);
                        b.rule_left = s.accent;
                        blocks.push_back(std::move(b));
                    }
                },
            },
            block);
        space = para_space;
    }

    // Source line.
    std::string source = "Source: " + (doc.meta.source.name.empty() ? std::string("unknown agency") : doc.meta.source.name);
    if (doc.meta.source.date) source += ", " + format_date(*doc.meta.source.date);
    else if (doc.meta.date) source += ", " + format_date(*doc.meta.date);
    std::vector<Span> source_spans{{source + (doc.meta.url.empty() ? "." : ". Original: "), Face::sans, s.size_small, s.muted, {}}};
    if (!doc.meta.url.empty()) source_spans.push_back({doc.meta.url, Face::sans, s.size_small, s.accent, doc.meta.url});
    blocks.push_back(text_block(source_spans, s.size_small, s.size_small * 1.35, s.leading, false));

    // Notes, run in as one paragraph each: the reader's repairs, and characters no font could draw.
    const auto run_in = [&](const std::string& heading, const std::vector<std::string>& items, const Rgb& colour) {
        std::vector<Span> spans{{heading + ". ", Face::sans_bold, s.size_small, colour, {}}};
        std::string text;
        for (const std::string& item : items) text += (text.empty() ? "" : " ") + item;
        spans.push_back({text, Face::sans, s.size_small, s.muted, {}});
        blocks.push_back(text_block(spans, s.size_small, s.size_small * 1.3, s.size_small, false));
    };
    if (s.notes_appendix && !doc.notes.empty()) {
        std::vector<std::string> items;
        for (const Note& note : doc.notes) {
            const std::string where = note.line > 0 ? fmt::format("Line {}", note.line) : std::string("File");
            items.push_back(fmt::format("{} ({}): {}.", where, note.rule, note.message));
        }
        run_in("Reader notes", items, s.muted);
    }
    if (fonts_.missing().size() > missing_before) {
        // Only the characters this article brought (a digest's fonts serve every article).
        std::vector<std::string> items;
        for (std::size_t i = missing_before; i < fonts_.missing().size(); ++i) items.push_back(fonts_.missing()[i] + ".");
        run_in("Rendering notes", items, s.label);
    }
    out.pages = paginate(blocks, frame());
    return out;
}

void BriefingComposer::add_links(PdfFile& pdf, int page, const Canvas& canvas) {
    for (const LinkArea& link : canvas.links()) pdf.link_to_url(page, link.area, link.href);
}

void BriefingComposer::header_band(Canvas& canvas, const Document& doc) {
    const Style& s = style_;
    const double left = s.margin_left;
    const double top = s.margin_top;
    const Rgb& ink = s.header_band ? s.band_text : s.accent;
    if (s.header_band) {
        canvas.fill_rect(0, top, s.page_width, kBandHeight, s.accent);
    } else {
        canvas.rule(left, s.page_width - s.margin_right, top + kBandHeight + 2, 1.2, s.accent);
    }
    const std::vector<TextLine> org = set({{s.organisation, Face::sans_bold, 13, ink, {}}}, content_width_ * 0.6, false);
    if (!org.empty()) canvas.text_line(org.front(), left, top + 19);
    const std::vector<TextLine> desk = set({{s.desk, Face::sans, 8.5, ink, {}}}, content_width_ * 0.6, false);
    if (!desk.empty()) canvas.text_line(desk.front(), left, top + 33);
    const std::string when = doc.meta.date ? format_date(*doc.meta.date)
                                           : doc.meta.source.date ? format_date(*doc.meta.source.date) : "undated";
    const std::vector<std::pair<std::string, double>> right{{"Briefing, " + when, 19}, {doc.id, 33}};
    for (const auto& [text, baseline] : right) {
        const std::vector<TextLine> line = set({{text, Face::sans, 8.5, ink, {}}}, content_width_ * 0.45, false);
        if (!line.empty()) canvas.text_line(line.front(), s.page_width - s.margin_right - line.front().width, top + baseline);
    }
}

void BriefingComposer::running_header(Canvas& canvas, const std::string& title) {
    const Style& s = style_;
    std::string text = s.organisation.empty() ? title : s.organisation + " \u00B7 " + title;
    std::vector<TextLine> lines = set({{text, Face::sans, s.size_small, s.muted, {}}}, content_width_, false);
    if (lines.empty()) return;
    canvas.text_line(lines.front(), s.margin_left, s.margin_top + 8);
    canvas.rule(s.margin_left, s.page_width - s.margin_right, s.margin_top + 12, 0.5, s.muted);
}

void BriefingComposer::draw_furniture(Canvas& canvas, const std::string& left_text, int number, int total) {
    const Style& s = style_;
    const double foot = s.page_height - s.margin_bottom;
    canvas.rule(s.margin_left, s.page_width - s.margin_right, foot + 8, 0.5, s.muted);
    const std::vector<TextLine> left = set({{left_text, Face::sans, s.size_small, s.muted, {}}}, content_width_ * 0.6, false);
    if (!left.empty()) canvas.text_line(left.front(), s.margin_left, foot + 18);
    const std::vector<TextLine> page =
        set({{fmt::format("Page {} of {}", number, total), Face::sans, s.size_small, s.muted, {}}}, content_width_, false);
    canvas.text_line(page.front(), s.page_width - s.margin_right - page.front().width, foot + 18);
    if (!s.handling_label.empty()) {
        const std::vector<TextLine> label =
            set({{s.handling_label, Face::sans_bold, s.size_small + 0.5, s.label, {}}}, content_width_, false);
        const double x = (s.page_width - label.front().width) / 2;
        canvas.text_line(label.front(), x, s.margin_top * 0.55);
        canvas.text_line(label.front(), x, s.page_height - s.margin_bottom * 0.3);
    }
}

int BriefingComposer::draw(PdfFile& pdf, const Document& doc, const ArticleLayout& layout, int first_number, int total) {
    const Style& s = style_;
    int first_page = -1;
    for (std::size_t p = 0; p < layout.pages.size(); ++p) {
        const int page = pdf.add_page(s.page_width, s.page_height);
        if (first_page < 0) first_page = page;
        Canvas canvas(s.page_height);
        if (p == 0) {
            header_band(canvas, doc);
        } else {
            running_header(canvas, layout.title);
        }
        for (const Slice& slice : layout.pages[p]) {
            const FlowBlock& block = layout.blocks[slice.block];
            const double height = slice_height(block, slice.first, slice.last);
            if (block.background) canvas.fill_rect(s.margin_left, slice.top, content_width_, height, *block.background);
            if (block.rule_left) {
                canvas.fill_rect(s.margin_left + 2, slice.top + 2, 1.5, height - 4, *block.rule_left);
            }
            double line_top = slice.top + block.padding;
            for (std::size_t l = slice.first; l < slice.last; ++l) {
                const double baseline = line_top + (block.leading - block.size) / 2 + 0.8 * block.size;
                if (l == 0 && !block.marker.empty()) canvas.pieces(block.marker, s.margin_left, baseline);
                canvas.text_line(block.lines[l], s.margin_left + block.indent, baseline);
                line_top += block.leading;
            }
        }
        draw_furniture(canvas, doc.id, first_number + static_cast<int>(p), total);
        pdf.append_content(page, canvas.operators());
        add_links(pdf, page, canvas);
    }
    return first_page;
}

}  // namespace briefkit::formats::pdf
