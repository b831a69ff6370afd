#include "formats/pdf/briefing.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <cmath>
#include <functional>
#include <optional>

#include "briefkit/overloaded.hpp"
#include "formats/pdf/key_points.hpp"
#include "formats/pdf/title_case.hpp"
#include "formats/pdf/typography.hpp"
#include "pipeline/model/deadline.hpp"
#include "pipeline/model/handling.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::formats::pdf {

namespace {

constexpr double kBandHeight = 36;       // header band on an article's first page
constexpr double kRunningHeader = 20;    // running header on later pages
constexpr int kWordsPerMinute = 200;     // reading speed for the reading time

// The proportions of the briefing page, in points or as multiples of a type size.
constexpr double kTitleLeading = 1.2;        // title leading, times its size
constexpr double kTitleNarrowing = 0.96;     // each step of balancing a title's lines narrows it so
constexpr std::size_t kMaxBalancedLines = 5; // a longer title is set as it falls
constexpr double kLabelColumn = 64;          // width of the metadata labels
constexpr double kColumnGap = 6;             // least gap between two metadata columns
constexpr double kMetaLeading = 1.4;         // metadata leading, times its size
constexpr double kMetaSpaceAbove = 0.4;      // space above the metadata, times the title size
constexpr double kKeyPointsSizeDrop = 1;     // key points are set this much smaller than the body
constexpr double kKeyPointsLeading = 1.3;    // their leading, times their size
constexpr double kBoxPadding = 6;            // space inside the key-points box
constexpr double kBulletIndent = 12;         // key points hang this far right of their bullet
constexpr double kParagraphSpace = 0.25;     // space between paragraphs, times the leading
constexpr double kListItemSpace = 0.5;       // space between list items, times the paragraph space
constexpr double kListIndent = 16;           // list items' indent; their marker sits in it
constexpr double kListMarkerInset = 4;       // the marker's distance from the margin
constexpr double kQuoteIndent = 14;          // quoted paragraphs' indent, right of their rule
constexpr double kHeadingLeading = 1.3;      // heading leading, times its size
constexpr double kHeadingSpaceAbove = 0.8;   // space above a heading, times the body leading
constexpr double kSourceLeading = 1.35;      // source line leading, times its size
constexpr double kNotesLeading = 1.3;        // notes leading, times their size
constexpr double kMarginGap = 18;            // between the text column and the margin column
constexpr double kMinMarginColumn = 100;     // the narrowest margin column the metadata stands in
constexpr double kLabelSize = 12;            // the handling label's size (FIRST's TLP asks 12 pt or more)
constexpr double kLabelPadding = 3;          // the label's box around it
constexpr std::size_t kFlowKeys = 1000;      // structure keys of the flow's blocks; the margin's are below

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

/// The dateline as printed: `BISHKEK (Agency)`.
std::string dateline(const Document& doc) {
    std::string out = upper(doc.meta.place);
    if (!doc.meta.source.name.empty()) out += " (" + doc.meta.source.name + ")";
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

/// The colour FIRST's Traffic Light Protocol 2.0 gives `label`'s level (set on black), or none
/// when the label is not a TLP level.
std::optional<Rgb> tlp_colour(std::string_view label) {
    const auto rgb = [](int hex) { return Rgb{((hex >> 16) & 0xFF) / 255.0, ((hex >> 8) & 0xFF) / 255.0, (hex & 0xFF) / 255.0}; };
    static constexpr std::pair<std::string_view, int> kLevels[] = {
        {"TLP:RED", 0xFF2B2B}, {"TLP:AMBER+STRICT", 0xFFC000}, {"TLP:AMBER", 0xFFC000}, {"TLP:GREEN", 0x33FF00}, {"TLP:CLEAR", 0xFFFFFF}};
    for (const auto& [name, hex] : kLevels) {
        if (label == name) return rgb(hex);
    }
    return std::nullopt;
}

/// Draws text in a block's marked content, and the text of each link in marked content of its
/// own, which the block's Link element holds (PDF/UA asks a Link for its text as well as its
/// annotation). Marked content opens when first drawn and runs on over lines until the text
/// changes between link and not; close() ends it.
class TaggedText {
public:
    using Open = std::function<std::pair<std::string_view, int>(const void* link_target)>;

    /// Marks with `open` (given the link's identity, or null for the block's own text), or
    /// draws untagged when `tagged` is false.
    TaggedText(Canvas& canvas, bool tagged, Open open) : canvas_(canvas), tagged_(tagged), open_(std::move(open)) {}
    TaggedText(const TaggedText&) = delete;
    TaggedText& operator=(const TaggedText&) = delete;
    ~TaggedText() { close(); }

    /// Draws `pieces` (placed relative to `x`) on the baseline at `baseline`.
    void draw(std::span<const Placed> pieces, double x, double baseline) {
        if (!tagged_) {
            canvas_.pieces(pieces, x, baseline);
            return;
        }
        for (std::size_t start = 0; start < pieces.size();) {
            const void* target = pieces[start].href.get();
            std::size_t end = start + 1;
            while (end < pieces.size() && pieces[end].href.get() == target) ++end;
            if (!open_now_ || target != target_) {
                close();
                const auto [tag, mcid] = open_(target);
                canvas_.begin_tagged(tag, mcid);
                open_now_ = true;
                target_ = target;
            }
            canvas_.pieces(pieces.subspan(start, end - start), x, baseline);
            start = end;
        }
    }

    /// Ends the marked content open now, if any.
    void close() {
        if (open_now_) canvas_.end_marked();
        open_now_ = false;
    }

private:
    Canvas& canvas_;
    bool tagged_;
    Open open_;
    bool open_now_ = false;
    const void* target_ = nullptr;
};

/// TaggedText's marks for the text of block `key` of role `role` on `page`: its own, and its links'.
TaggedText::Open block_marks(StructureRecorder* tags, std::size_t key, Role role, int page) {
    return [=](const void* link) { return link != nullptr ? tags->mark_link(key, role, page, link) : tags->mark(key, role, page); };
}

}  // namespace

BriefingComposer::BriefingComposer(const Style& style, FontSet& fonts, const Hyphenator* hyphenator)
    : style_(style),
      fonts_(fonts),
      hyphenator_(hyphenator),
      content_width_(style.measure > 0 ? style.measure : style.page_width - style.margin_left - style.margin_right),
      furniture_width_(style.page_width - style.margin_left - style.margin_right),
      text_x_(style.page_width - style.margin_right - content_width_),
      margin_x_(style.margin_left),
      margin_width_(text_x_ - kMarginGap - style.margin_left) {}

std::string BriefingComposer::format_date(const Date& date) {
    std::string out = fmt::format("{} {} {}", date.day.day, kMonths[(date.day.month + 11) % 12], date.day.year);
    if (date.time) out += fmt::format(", {:02}:{:02}", date.time->hour, date.time->minute);
    if (date.time && date.utc_offset) {
        const int offset = *date.utc_offset;
        out += offset == 0 ? std::string(" UTC")
                           : fmt::format(" UTC{}{:02}:{:02}", offset < 0 ? '-' : '+', std::abs(offset) / 60, std::abs(offset) % 60);
    }
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
    ArticleLayout out;
    language_ = doc.meta.language;
    std::vector<FlowBlock>& blocks = out.blocks;
    const std::size_t missing_before = fonts_.missing().size();
    const std::string body = body_text(doc);
    out.title = printed_title(doc, body);
    blocks.push_back(title_block(out.title));
    const std::vector<MetadataRow> rows = metadata_rows(doc, body);
    if (margin_width_ >= kMinMarginColumn) out.margin = margin_blocks(rows);
    if (out.margin.empty()) {
        for (FlowBlock& row : metadata_blocks(rows)) blocks.push_back(std::move(row));
    }
    const std::size_t front_matter = blocks.size();
    add_body(doc, blocks);
    add_source_lines(doc, blocks);
    add_rendering_notes(missing_before, blocks);
    // Key points summarise what a reader would turn pages for: a story that its first page holds
    // is read whole, and a box would print a third of it twice.
    if (style_.key_points && paginate(blocks, frame()).size() > 1) {
        if (std::optional<FlowBlock> box = key_points_box(doc)) {
            blocks.insert(blocks.begin() + static_cast<std::ptrdiff_t>(front_matter), std::move(*box));
        }
    }
    if (style_.notes_appendix && !doc.notes.empty()) add_notes_appendix(doc, blocks);
    out.pages = paginate(blocks, frame());
    return out;
}

std::string BriefingComposer::printed_title(const Document& doc, const std::string& body) const {
    std::string title = doc.meta.title.empty() ? std::string("Untitled article") : doc.meta.title;
    if (style_.title_case) {
        std::vector<std::string> names = doc.meta.authors;
        names.push_back(doc.meta.place);
        names.push_back(doc.meta.source.name);
        title = title_case(title, body, doc.meta.language, names);
    }
    return printed(title);
}

FlowBlock BriefingComposer::title_block(const std::string& title) {
    const Style& s = style_;
    FlowBlock block = text_block({{title, Face::body_bold, s.size_title, s.text, {}}}, s.size_title,
                                 s.size_title * kTitleLeading, 0, false);
    block.role = Role::title;
    // Balanced: the narrowest measure that keeps the number of lines, so that a second line
    // holds as much as the first rather than one word.
    const std::size_t lines = block.lines.size();
    for (double width = content_width_ * kTitleNarrowing; lines > 1 && lines < kMaxBalancedLines; width *= kTitleNarrowing) {
        std::vector<TextLine> narrower = set({{title, Face::body_bold, s.size_title, s.text, {}}}, width, false);
        if (narrower.size() != lines) break;
        block.lines = std::move(narrower);
    }
    block.keep_with_next = true;
    block.splittable = false;
    return block;
}

std::vector<MetadataRow> BriefingComposer::metadata_rows(const Document& doc, const std::string& body) const {
    const Style& s = style_;
    std::vector<MetadataRow> rows;
    const auto value = [&](std::string text, std::string href = {}) {
        return Span{std::move(text), Face::sans, s.size_meta, href.empty() ? s.text : s.accent, std::move(href)};
    };
    const Metadata& meta = doc.meta;
    if (!meta.source.name.empty()) rows.push_back({"Source", value(meta.source.name)});
    if (meta.date) {
        rows.push_back({"Published", value(format_date(*meta.date) +
                                           (meta.date->ambiguous ? " (day and month order assumed)" : ""))});
    }
    if (meta.source.date) rows.push_back({"Agency date", value(format_date(*meta.source.date))});
    if (!meta.place.empty()) rows.push_back({"Dateline", value(meta.place)});
    if (!meta.authors.empty()) {
        std::string names;
        for (const std::string& a : meta.authors) names += (names.empty() ? "" : ", ") + a;
        rows.push_back({"By", value(names)});
    }
    if (!meta.url.empty()) rows.push_back({"Original", value(meta.url, meta.url)});
    const std::size_t words = count_words(body);
    const auto minutes = std::max<std::size_t>(1, (words + kWordsPerMinute - 1) / kWordsPerMinute);
    rows.push_back({"Length", value(fmt::format("{} words, {} min read", words, minutes))});
    return rows;
}

FlowBlock BriefingComposer::metadata_row(const MetadataRow& row) {
    const Style& s = style_;
    FlowBlock block = text_block({row.value}, s.size_meta, s.size_meta * kMetaLeading, 0, false, kLabelColumn);
    block.marker = set({{row.label, Face::sans_bold, s.size_meta, s.muted, {}}}, kLabelColumn, false).front().pieces;
    block.splittable = false;
    return block;
}

std::vector<FlowBlock> BriefingComposer::metadata_blocks(const std::vector<MetadataRow>& rows) {
    // Short values pair up in two columns; a long one (the URL, many authors) takes a whole row.
    const double half = content_width_ / 2;
    const auto narrow = [&](const FlowBlock& row) {
        return row.lines.size() == 1 && row.lines.front().width < half - kLabelColumn - kColumnGap;
    };
    std::vector<FlowBlock> meta;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        FlowBlock row = metadata_row(rows[r]);
        if (r + 1 < rows.size() && narrow(row)) {
            FlowBlock right = metadata_row(rows[r + 1]);
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
        if (r == 0) meta[r].space_before = style_.size_title * kMetaSpaceAbove;
        meta[r].keep_with_next = r + 1 < meta.size();
    }
    return meta;
}

std::vector<FlowBlock> BriefingComposer::margin_blocks(const std::vector<MetadataRow>& rows) {
    const Style& s = style_;
    std::vector<FlowBlock> margin;
    double height = 0;
    for (const MetadataRow& row : rows) {
        FlowBlock entry;
        entry.size = s.size_meta;
        entry.leading = s.size_meta * kMetaLeading;
        // No space between entries (the bold label parts them): with a gap, pdftotext reads the
        // margin's entries one by one between the text's paragraphs.
        entry.lines = set({{row.label, Face::sans_bold, s.size_meta, s.muted, {}}}, margin_width_, false);
        for (TextLine& l : set({row.value}, margin_width_, false)) entry.lines.push_back(std::move(l));
        height += entry.space_before + slice_height(entry, 0, entry.lines.size());
        margin.push_back(std::move(entry));
    }
    const Frame f = frame();
    if (height > f.bottom - f.first_top) return {};  // too long for the margin: the grid takes it
    return margin;
}

void BriefingComposer::draw_margin(Canvas& canvas, const std::vector<FlowBlock>& margin, int page, StructureRecorder* tags) const {
    double top = frame().first_top;
    for (std::size_t i = 0; i < margin.size(); ++i) {
        const FlowBlock& entry = margin[i];
        top += entry.space_before;
        // Each entry a paragraph, before the title.
        TaggedText text(canvas, tags != nullptr, block_marks(tags, i, Role::paragraph, page));
        for (const TextLine& line : entry.lines) {
            text.draw(line.pieces, margin_x_, line_baseline(entry, top));
            top += entry.leading;
        }
    }
}

std::optional<FlowBlock> BriefingComposer::key_points_box(const Document& doc) {
    const Style& s = style_;
    std::vector<std::string> paragraphs;
    for (const Block& block : doc.body) {
        if (const auto* p = std::get_if<Paragraph>(&block)) paragraphs.push_back(plain_text(p->content));
    }
    const std::vector<std::string> points = key_points(paragraphs, s.key_point_count);
    if (points.empty()) return std::nullopt;
    FlowBlock box;
    box.size = s.size_body - kKeyPointsSizeDrop;
    box.leading = box.size * kKeyPointsLeading;
    box.space_before = s.leading;
    box.background = s.box;
    box.padding = kBoxPadding;
    box.splittable = false;
    const double inner = content_width_ - 2 * box.padding;
    const std::vector<Span> heading{{"Key points", Face::sans_bold, box.size, s.accent, {}}};
    for (TextLine& l : set(heading, inner, false)) box.lines.push_back(std::move(l));
    for (const std::string& point : points) {
        std::vector<TextLine> lines = set({{printed(point), Face::body, box.size, s.text, {}}}, inner - kBulletIndent, false);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            for (Placed& p : lines[i].pieces) p.x += kBulletIndent;
            if (i == 0) {
                std::vector<Placed> bullet =
                    set({{"\u2022", Face::body, box.size, s.accent, {}}}, kBulletIndent, false).front().pieces;
                lines[i].pieces.insert(lines[i].pieces.begin(), bullet.begin(), bullet.end());
            }
            box.lines.push_back(std::move(lines[i]));
        }
    }
    box.indent = box.padding;
    return box;
}

std::vector<Span> BriefingComposer::spans_of(const Inlines& content, double size, Face face, const Rgb& colour) const {
    std::vector<Span> spans;
    Typographer typographer(language_);
    const auto printed = [&](const std::string& text) { return style_.typographic ? typographer.set(text) : text; };
    for (const Inline& in : content) {
        std::visit(overloaded{
                       [&](const Text& t) { spans.push_back({printed(t.text), face, size, colour, {}}); },
                       [&](const Link& l) { spans.push_back({printed(l.text), face, size, style_.accent, l.href}); },
                   },
                   in);
    }
    return spans;
}

std::string BriefingComposer::printed_text(const std::string& text, const std::string& language) const {
    return style_.typographic ? Typographer(language).set(text) : text;
}

std::string BriefingComposer::printed(const std::string& text) const {
    return style_.typographic ? Typographer(language_).set(text) : text;
}

std::vector<FlowBlock> BriefingComposer::body_blocks(const Document& doc) {
    language_ = doc.meta.language;
    std::vector<FlowBlock> blocks;
    add_body(doc, blocks);
    if (!blocks.empty()) blocks.front().space_before = 0;
    return blocks;
}

void BriefingComposer::add_body(const Document& doc, std::vector<FlowBlock>& blocks) {
    BodyFlow flow{style_.leading};  // the first space is between the front matter and the body
    if (!doc.body.empty() && !std::holds_alternative<Paragraph>(doc.body.front()) && !doc.meta.place.empty()) {
        // The dateline runs into the first paragraph; before a table or a listing it stands alone.
        blocks.push_back(text_block({{dateline(doc), Face::body_bold, style_.size_body, style_.text, {}}}, style_.size_body,
                                    style_.leading, flow.space, false));
        blocks.back().keep_with_next = true;
        flow.space = style_.leading * kParagraphSpace;
    }
    for (const Block& block : doc.body) {
        check_deadline();  // setting a paragraph is the writer's longest step
        std::visit(overloaded{
                       [&](const Paragraph& p) { blocks.push_back(paragraph_block(doc, p, flow)); },
                       [&](const Heading& h) { blocks.push_back(heading_block(h)); },
                       [&](const List& l) { add_list(l, flow, blocks); },
                       [&](const Quote& q) { add_quote(q, flow, blocks); },
                       [&](const Table& t) { add_table(t, flow, blocks); },
                       [&](const Preformatted& p) { blocks.push_back(preformatted_block(p, flow)); },
                   },
                   block);
        flow.space = style_.leading * kParagraphSpace;
    }
}

FlowBlock BriefingComposer::paragraph_block(const Document& doc, const Paragraph& paragraph, const BodyFlow& flow) {
    const Style& s = style_;
    std::vector<Span> spans = spans_of(paragraph.content, s.size_body, Face::body, s.text);
    if (&paragraph == std::get_if<Paragraph>(&doc.body.front()) && !doc.meta.place.empty()) {
        // The dateline runs into the body's first block when it is a paragraph: `BISHKEK (Agency) — `.
        spans.insert(spans.begin(), Span{dateline(doc) + " \u2014 ", Face::body_bold, s.size_body, s.text, {}});
    }
    return text_block(spans, s.size_body, s.leading, flow.space, s.justify);
}

FlowBlock BriefingComposer::heading_block(const Heading& heading) {
    const Style& s = style_;
    FlowBlock block = text_block(spans_of(heading.content, s.size_heading, Face::sans_bold, s.accent), s.size_heading,
                                 s.size_heading * kHeadingLeading, s.leading * kHeadingSpaceAbove, false);
    block.role = Role::heading;
    block.keep_with_next = true;
    block.splittable = false;
    return block;
}

void BriefingComposer::add_list(const List& list, const BodyFlow& flow, std::vector<FlowBlock>& blocks) {
    const Style& s = style_;
    const double item_space = s.leading * kParagraphSpace * kListItemSpace;
    for (std::size_t i = 0; i < list.items.size(); ++i) {
        FlowBlock b = text_block(spans_of(list.items[i], s.size_body, Face::body, s.text), s.size_body, s.leading,
                                 i == 0 ? flow.space : item_space, s.justify, kListIndent);
        b.role = Role::list_item;
        const std::string mark = list.ordered ? fmt::format("{}.", i + 1) : std::string("\u2022");
        b.marker = set({{mark, Face::body, s.size_body, s.text, {}}}, kListIndent, false).front().pieces;
        for (Placed& p : b.marker) p.x += kListMarkerInset;
        blocks.push_back(std::move(b));
    }
}

void BriefingComposer::add_quote(const Quote& quote, const BodyFlow& flow, std::vector<FlowBlock>& blocks) {
    const Style& s = style_;
    for (std::size_t i = 0; i < quote.paragraphs.size(); ++i) {
        FlowBlock b = text_block(spans_of(quote.paragraphs[i], s.size_body, Face::body, s.muted), s.size_body, s.leading,
                                 i == 0 ? flow.space : s.leading * kParagraphSpace, s.justify, kQuoteIndent);
        b.rule_left = s.accent;
        b.role = Role::quote;
        blocks.push_back(std::move(b));
    }
}

void BriefingComposer::add_source_lines(const Document& doc, std::vector<FlowBlock>& blocks) {
    // The credit, and the original's address on a line of its own (where it breaks only at its
    // own punctuation, never after a short line of credit).
    const Style& s = style_;
    const Metadata& meta = doc.meta;
    std::string source = "Source: " + (meta.source.name.empty() ? std::string("unknown agency") : meta.source.name);
    if (meta.source.date) {
        source += ", " + format_date(*meta.source.date);
    } else if (meta.date) {
        source += ", " + format_date(*meta.date);
    }
    blocks.push_back(text_block({{source + ".", Face::sans, s.size_small, s.muted, {}}}, s.size_small, s.size_small * kSourceLeading,
                                s.leading, false));
    if (meta.url.empty()) return;
    blocks.back().keep_with_next = true;
    blocks.push_back(text_block({{"Original: ", Face::sans, s.size_small, s.muted, {}}, {meta.url, Face::sans, s.size_small, s.accent, meta.url}},
                                s.size_small, s.size_small * kSourceLeading, 0, false));
}

FlowBlock BriefingComposer::run_in_block(const std::string& heading, const std::vector<std::string>& items,
                                         const Rgb& colour) {
    const Style& s = style_;
    std::vector<Span> spans{{heading + ". ", Face::sans_bold, s.size_small, colour, {}}};
    std::string text;
    for (const std::string& item : items) text += (text.empty() ? "" : " ") + item;
    spans.push_back({text, Face::sans, s.size_small, s.muted, {}});
    return text_block(spans, s.size_small, s.size_small * kNotesLeading, s.size_small, false);
}

void BriefingComposer::add_rendering_notes(std::size_t missing_before, std::vector<FlowBlock>& blocks) {
    if (fonts_.missing().size() <= missing_before) return;
    // Run in after the article: characters no font could draw, which the page shows as boxes.
    // Only the characters this article brought (a digest's fonts serve every article).
    std::vector<std::string> items;
    for (std::size_t i = missing_before; i < fonts_.missing().size(); ++i) items.push_back(fonts_.missing()[i] + ".");
    blocks.push_back(run_in_block("Rendering notes", items, style_.label));
}

void BriefingComposer::add_notes_appendix(const Document& doc, std::vector<FlowBlock>& blocks) {
    // The reader's repairs and decisions on a page of their own, one note a paragraph, ragged:
    // long addresses break after their slashes.
    const Style& s = style_;
    FlowBlock heading = text_block({{"Reader notes", Face::sans_bold, s.size_heading, s.accent, {}}}, s.size_heading,
                                   s.size_heading * kHeadingLeading, 0, false);
    heading.new_page = true;
    heading.role = Role::heading;
    heading.keep_with_next = true;
    blocks.push_back(std::move(heading));
    for (const Note& note : doc.notes) {
        const std::string where = note.line > 0 ? fmt::format("Line {}", note.line) : std::string("File");
        blocks.push_back(text_block({{fmt::format("{} \u00B7 {}  ", where, note.rule), Face::sans_bold, s.size_small, s.muted, {}},
                                     {note.message + ".", Face::sans, s.size_small, s.text, {}}},
                                    s.size_small, s.size_small * kNotesLeading, s.size_small * 0.6, false));
    }
}

void BriefingComposer::add_links(PdfFile& pdf, int page, const Canvas& canvas, StructureRecorder* tags) {
    for (const LinkArea& link : canvas.links()) {
        const int annotation = pdf.link_to_url(page, link.area, link.href);
        if (tags != nullptr && link.mcid >= 0) tags->link(page, link.mcid, annotation);
    }
}

void BriefingComposer::header_band(Canvas& canvas, std::string_view kind) {
    const Style& s = style_;
    const double left = s.margin_left;
    const double top = s.margin_top;
    const Rgb& ink = s.header_band ? s.band_text : s.accent;
    if (s.header_band) {
        canvas.fill_rect(0, top, s.page_width, kBandHeight, s.accent);
    } else {
        canvas.rule(left, s.page_width - s.margin_right, top + kBandHeight + 2, 1.2, s.accent);
    }
    const std::vector<TextLine> org = set({{s.organisation, Face::sans_bold, 13, ink, {}}}, furniture_width_ * 0.6, false);
    if (!org.empty()) canvas.text_line(org.front(), left, top + 19);
    const std::vector<TextLine> desk = set({{s.desk, Face::sans, 8.5, ink, {}}}, furniture_width_ * 0.6, false);
    if (!desk.empty()) canvas.text_line(desk.front(), left, top + 33);
    // The issue date, not the article's: a briefing printed today of an article of 2020.
    const std::string issued = issued_ ? format_day(*issued_) : std::string();
    const std::vector<std::pair<std::string, double>> right{{std::string(kind), 19}, {issued, 33}};
    for (const auto& [text, baseline] : right) {
        if (text.empty()) continue;
        const std::vector<TextLine> line = set({{text, Face::sans, 8.5, ink, {}}}, furniture_width_ * 0.45, false);
        if (!line.empty()) canvas.text_line(line.front(), s.page_width - s.margin_right - line.front().width, top + baseline);
    }
}

void BriefingComposer::running_header(Canvas& canvas, const std::string& title) {
    const Style& s = style_;
    std::string text = s.organisation.empty() ? title : s.organisation + " \u00B7 " + title;
    std::vector<TextLine> lines = set({{text, Face::sans, s.size_small, s.muted, {}}}, furniture_width_, false);
    if (lines.empty()) return;
    canvas.text_line(lines.front(), s.margin_left, s.margin_top + 8);
    canvas.rule(s.margin_left, s.page_width - s.margin_right, s.margin_top + 12, 0.5, s.muted);
}

void BriefingComposer::draw_furniture(Canvas& canvas, const std::string& left_text, int number, int total, std::string_view label) {
    const Style& s = style_;
    const double foot = s.page_height - s.margin_bottom;
    canvas.rule(s.margin_left, s.page_width - s.margin_right, foot + 8, 0.5, s.muted);
    const std::vector<TextLine> left = set({{left_text, Face::sans, s.size_small, s.muted, {}}}, furniture_width_ * 0.6, false);
    if (!left.empty()) canvas.text_line(left.front(), s.margin_left, foot + 18);
    const std::vector<TextLine> page =
        set({{fmt::format("Page {} of {}", number, total), Face::sans, s.size_small, s.muted, {}}}, furniture_width_, false);
    canvas.text_line(page.front(), s.page_width - s.margin_right - page.front().width, foot + 18);
    if (!label.empty()) {
        handling_label(canvas, s.margin_top * 0.6, label);
        handling_label(canvas, s.page_height - s.margin_bottom * 0.25, label);
    }
}

void BriefingComposer::handling_label(Canvas& canvas, double baseline, std::string_view label) {
    // FIRST's TLP 2.0: 12 pt or larger, right-aligned, each level's colour on black.
    const Style& s = style_;
    const std::optional<Rgb> tlp = tlp_colour(label);
    const std::vector<TextLine> set_label = set({{std::string(label), Face::sans_bold, kLabelSize, tlp ? *tlp : s.label, {}}}, furniture_width_, false);
    if (set_label.empty()) return;
    const double x = s.page_width - s.margin_right - set_label.front().width;
    if (tlp) {
        canvas.fill_rect(x - kLabelPadding, baseline - kLabelSize * 0.8 - kLabelPadding, set_label.front().width + 2 * kLabelPadding,
                         kLabelSize + 2 * kLabelPadding, Rgb{0, 0, 0});
    }
    canvas.text_line(set_label.front(), x, baseline);
}

int BriefingComposer::draw(PdfFile& pdf, const Document& doc, const ArticleLayout& layout, int first_number, int total,
                           StructureRecorder* tags) {
    const Style& s = style_;
    int first_page = -1;
    for (std::size_t p = 0; p < layout.pages.size(); ++p) {
        check_deadline();
        const int page = pdf.add_page(s.page_width, s.page_height);
        if (first_page < 0) first_page = page;
        Canvas canvas(s.page_height);
        if (tags != nullptr) canvas.begin_artifact();
        if (p == 0) {
            header_band(canvas);
        } else {
            running_header(canvas, layout.title);
        }
        draw_furniture(canvas, doc.id, first_number + static_cast<int>(p), total, handling::printed_label(s.handling_label, doc.meta.handling));
        if (tags != nullptr) canvas.end_marked();
        if (p == 0) draw_margin(canvas, layout.margin, page, tags);
        for (const Slice& slice : layout.pages[p]) draw_slice(canvas, layout.blocks[slice.block], slice, page, tags, text_x_);
        pdf.append_content(page, canvas.operators());
        add_links(pdf, page, canvas, tags);
    }
    return first_page;
}

void BriefingComposer::draw_slice(Canvas& canvas, const FlowBlock& block, const Slice& slice, int page, StructureRecorder* tags,
                                  double x) const {
    const double height = slice_height(block, slice);
    if (block.rule_above && slice.first == 0 && !slice.at_top) {
        canvas.rule(x, x + content_width_, slice.top - block.space_before / 2, 0.5, *block.rule_above);
    }
    const bool decorated = block.background || block.rule_left || block.table_rules;
    if (tags != nullptr && decorated) canvas.begin_artifact();  // boxes and rules are decoration
    if (block.background) canvas.fill_rect(x, slice.top, content_width_, height, *block.background);
    if (block.rule_left) canvas.fill_rect(x + 2, slice.top + 2, 1.5, height - 4, *block.rule_left);
    if (block.table_rules) draw_table_rules(canvas, block, slice, height, x);
    if (tags != nullptr && decorated) canvas.end_marked();
    // Marked content: a slice's lines together, a table's each line (a row) alone, a list
    // item's marker as its label; a grid row's label is part of its paragraph; each link's text
    // its own (TaggedText).
    const std::size_t key = kFlowKeys + slice.block;
    double line_top = slice.top + block.padding;
    if (tags != nullptr && slice.repeated > 0) canvas.begin_artifact();  // a table's header, again
    for (std::size_t l = 0; l < slice.repeated; ++l) {
        canvas.text_line(block.lines[l], x + block.indent, line_baseline(block, line_top));
        line_top += block.leading;
    }
    if (tags != nullptr && slice.repeated > 0) canvas.end_marked();
    if (block.role == Role::table && block.table_rules) {
        draw_table_lines(canvas, block, slice, line_top, page, tags, x);
        return;
    }
    const bool marker = slice.first == 0 && !block.marker.empty();
    if (marker && block.role == Role::list_item) {
        TaggedText label(canvas, tags != nullptr, [&](const void*) { return tags->mark(key, block.role, page, Part::label); });
        label.draw(block.marker, x, line_baseline(block, line_top));
    }
    TaggedText body(canvas, tags != nullptr, block_marks(tags, key, block.role, page));
    if (marker && block.role != Role::list_item) body.draw(block.marker, x, line_baseline(block, line_top));
    for (std::size_t l = slice.first; l < slice.last; ++l) {
        body.draw(block.lines[l].pieces, x + block.indent, line_baseline(block, line_top));
        line_top += block.leading;
    }
}

void BriefingComposer::draw_table_lines(Canvas& canvas, const FlowBlock& block, const Slice& slice, double line_top, int page,
                                        StructureRecorder* tags, double x) const {
    // Each cell's part of each line is marked alone, a TH or TD of its row.
    const std::size_t key = kFlowKeys + slice.block;
    const TableRules& rules = *block.table_rules;
    for (std::size_t l = slice.first; l < slice.last; ++l) {
        const TextLine& line = block.lines[l];
        const double baseline = line_baseline(block, line_top);
        for (std::size_t k = 0; k < line.cells.size(); ++k) {
            const std::size_t first = line.cells[k].first;
            const std::size_t end = k + 1 < line.cells.size() ? line.cells[k + 1].first : line.pieces.size();
            const bool head = l < rules.head_lines;
            const std::size_t row = rules.row_of_line[l];
            const std::size_t column = line.cells[k].second;
            TaggedText cell(canvas, tags != nullptr, [&](const void* link) {
                return link != nullptr ? tags->mark_link(key, Role::table, page, link, StructureRecorder::CellPlace{head, row, column})
                                       : tags->mark_cell(key, page, head, row, column);
            });
            cell.draw(std::span(line.pieces).subspan(first, end - first), x + block.indent, baseline);
        }
        line_top += block.leading;
    }
}

}  // namespace briefkit::formats::pdf
