// The briefing layout: one article as header band, title, metadata, key points, body, source
// line and notes, flowed onto pages with a running header and a `Page X of N` footer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "briefkit/model.hpp"
#include "formats/pdf/canvas.hpp"
#include "formats/pdf/font_set.hpp"
#include "formats/pdf/hyphenation.hpp"
#include "formats/pdf/pagination.hpp"
#include "formats/pdf/pdf_file.hpp"
#include "formats/pdf/structure.hpp"
#include "formats/pdf/style.hpp"

namespace briefkit::formats::pdf {

/// One article laid out and paginated, ready to draw.
struct ArticleLayout {
    std::vector<FlowBlock> blocks;               ///< Everything below the header band, in order.
    std::vector<std::vector<Slice>> pages;       ///< The blocks' slices, page by page.
    std::string title;                           ///< The title as printed (title-cased when the style asks).
    /// The metadata stacked in the margin column of the first page, from the text's top; empty
    /// when the measure leaves no margin wide enough, and the metadata stands in the text column.
    std::vector<FlowBlock> margin;
};

/// One row of the metadata grid: a label and its value.
struct MetadataRow {
    std::string label;  ///< Such as `Published`.
    Span value;         ///< The value, as set.
};

/// Lays out and draws articles in one style into one PDF.
class BriefingComposer {
public:
    /// A composer for `style`, shaping with `fonts` and hyphenating with `hyphenator` (may be null).
    BriefingComposer(const Style& style, FontSet& fonts, const Hyphenator* hyphenator);

    /// Prints `day` as the briefing's issue date in the header band (the article's own date stays
    /// in its metadata); without one the band names no date.
    void set_issue_date(const CalendarDay& day) { issued_ = day; }

    /// Lays out `doc` and paginates it.
    [[nodiscard]] ArticleLayout layout(const Document& doc);

    /// Adds the pages of `layout` to `pdf`, numbering them from `first_number` of `total`;
    /// returns the index of its first page.
    /// With `tags`, the content is marked and its structure recorded there, the page's
    /// furniture marked as artifacts.
    int draw(PdfFile& pdf, const Document& doc, const ArticleLayout& layout, int first_number, int total,
             StructureRecorder* tags = nullptr);

    /// Draws the running furniture of any page: handling label `label` (none when empty) and the
    /// `Page X of N` footer.
    void draw_furniture(Canvas& canvas, const std::string& left_text, int number, int total, std::string_view label);

    /// Sets `spans` as a paragraph `width` points wide.
    [[nodiscard]] std::vector<TextLine> set(const std::vector<Span>& spans, double width, bool justify);

    /// The text frame of every page.
    [[nodiscard]] Frame frame() const;

    /// A date as the briefing prints it: `27 May 2020`, or `9 March 1987, 04:58` with a time, and
    /// ` UTC` or ` UTC+06:00` after it when the zone is known.
    [[nodiscard]] static std::string format_date(const Date& date);

    /// A day as the briefing prints it: `27 May 2020`.
    [[nodiscard]] static std::string format_day(const CalendarDay& day) { return format_date(Date{day, std::nullopt, std::nullopt, {}, false}); }

    /// Emits each page's links into `pdf`, each under a Link element of the block its text is
    /// in when `tags` records the structure.
    static void add_links(PdfFile& pdf, int page, const Canvas& canvas, StructureRecorder* tags = nullptr);

    /// The blocks of `doc`'s body (the dateline run into its first paragraph), set in the text
    /// column, for a digest's story.
    [[nodiscard]] std::vector<FlowBlock> body_blocks(const Document& doc);

    /// The title of `doc` as printed (title-cased when the style asks).
    [[nodiscard]] std::string printed_title(const Document& doc) const { return printed_title(doc, body_text(doc)); }

    /// `content` as spans of `size` in `face` and `colour`, links in the accent colour, set
    /// typographically when the style asks.
    [[nodiscard]] std::vector<Span> spans_of(const Inlines& content, double size, Face face, const Rgb& colour) const;

    /// Draws the header band of a first page, naming the document `kind` (`Briefing`) on its right.
    void header_band(Canvas& canvas, std::string_view kind = "Briefing");

    /// Draws the running header of a later page: the organisation and `title`, over a rule.
    void running_header(Canvas& canvas, const std::string& title);

    /// `text` as printed in `language` (set typographically when the style asks).
    [[nodiscard]] std::string printed_text(const std::string& text, const std::string& language) const;

    /// Draws `slice` of `block`, untagged, with the text column's left edge at `x`.
    void draw_block(Canvas& canvas, const FlowBlock& block, const Slice& slice, double x) const {
        draw_slice(canvas, block, slice, -1, nullptr, x);
    }

    /// The width of the text column.
    [[nodiscard]] double content_width() const { return content_width_; }

    /// The style.
    [[nodiscard]] const Style& style() const { return style_; }

    /// The fonts.
    [[nodiscard]] FontSet& fonts() { return fonts_; }

private:
    /// Where the body's flow stands: the space above the next block.
    struct BodyFlow {
        double space;
    };

    // The parts of an article's page, top to bottom; each returns or adds its blocks.
    [[nodiscard]] std::string printed_title(const Document& doc, const std::string& body) const;
    [[nodiscard]] FlowBlock title_block(const std::string& title);
    [[nodiscard]] std::vector<MetadataRow> metadata_rows(const Document& doc, const std::string& body) const;
    [[nodiscard]] FlowBlock metadata_row(const MetadataRow& row);
    [[nodiscard]] std::vector<FlowBlock> metadata_blocks(const std::vector<MetadataRow>& rows);
    [[nodiscard]] std::vector<FlowBlock> margin_blocks(const std::vector<MetadataRow>& rows);
    void draw_margin(Canvas& canvas, const std::vector<FlowBlock>& margin, int page, StructureRecorder* tags) const;
    void draw_slice(Canvas& canvas, const FlowBlock& block, const Slice& slice, int page, StructureRecorder* tags, double x) const;
    /// Draws a table slice's lines from `line_top`, each cell's part of a line tagged alone.
    void draw_table_lines(Canvas& canvas, const FlowBlock& block, const Slice& slice, double line_top, int page,
                          StructureRecorder* tags, double x) const;
    void handling_label(Canvas& canvas, double baseline, std::string_view label);
    [[nodiscard]] std::optional<FlowBlock> key_points_box(const Document& doc);
    void add_body(const Document& doc, std::vector<FlowBlock>& blocks);
    [[nodiscard]] FlowBlock paragraph_block(const Document& doc, const Paragraph& paragraph, const BodyFlow& flow);
    [[nodiscard]] FlowBlock heading_block(const Heading& heading);
    void add_list(const List& list, const BodyFlow& flow, std::vector<FlowBlock>& blocks);
    void add_quote(const Quote& quote, const BodyFlow& flow, std::vector<FlowBlock>& blocks);
    // Tables and preformatted blocks (table_blocks.cpp).
    void add_table(const Table& table, const BodyFlow& flow, std::vector<FlowBlock>& blocks);
    [[nodiscard]] std::vector<double> column_widths(const Table& table, double size, double gap);
    void add_table_rows(const Table& table, const std::vector<std::vector<Inlines>>& rows, Face face,
                        const std::vector<double>& widths, double gap, FlowBlock& block, std::vector<std::size_t>& row_of_line);
    [[nodiscard]] FlowBlock preformatted_block(const Preformatted& pre, const BodyFlow& flow);
    void draw_table_rules(Canvas& canvas, const FlowBlock& block, const Slice& slice, double height, double x) const;
    void add_source_lines(const Document& doc, std::vector<FlowBlock>& blocks);
    [[nodiscard]] FlowBlock run_in_block(const std::string& heading, const std::vector<std::string>& items,
                                         const Rgb& colour);
    void add_rendering_notes(std::size_t missing_before, std::vector<FlowBlock>& blocks);
    void add_notes_appendix(const Document& doc, std::vector<FlowBlock>& blocks);
    [[nodiscard]] std::string printed(const std::string& text) const;  // set typographically when the style asks

    [[nodiscard]] FlowBlock text_block(const std::vector<Span>& spans, double size, double leading, double space_before,
                                       bool justify, double indent = 0);

    const Style& style_;
    FontSet& fonts_;
    const Hyphenator* hyphenator_;
    double content_width_;    // the text column: the style's measure
    double furniture_width_;  // the band's, the running header's and the footer's: the margins'
    double text_x_;           // the text column's left edge: against the right margin
    double margin_x_;         // the margin column's left edge: the left margin
    double margin_width_;     // its width; too narrow for the metadata under kMinMarginColumn
    std::optional<CalendarDay> issued_;
    std::string language_;  // of the article being laid out: its quotation marks and dashes
};

}  // namespace briefkit::formats::pdf
