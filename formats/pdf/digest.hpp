// The digest layout: a brief of many articles in one PDF. A front page (the masthead, the
// issue's numbers, the top stories, then the contents), the stories run on in one or two
// columns under their section heads, short ones in "In brief", and an appendix of the versions
// folded together, the sources and the agencies the sources file lacks.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "formats/brief/arrangement.hpp"
#include "formats/pdf/briefing.hpp"

namespace briefkit::formats::pdf {

/// What the front page says of the issue.
struct Masthead {
    std::string title;                  ///< The brief's title.
    int issue = 0;                      ///< Its number; 0 prints none.
    std::optional<CalendarDay> issued;  ///< The issue's date.
    std::int64_t compiled_at = 0;       ///< When it was compiled, seconds since 1970 (UTC); 0 prints none.
};

/// Where a story was printed, for the contents, the front page, links and bookmarks.
struct StoryPlace {
    int page = 0;      ///< Index of its page in the PDF.
    double top = 0;    ///< Its headline's top, from the page's top edge.
};

/// Lays out and draws a brief in one style into one PDF.
class DigestComposer {
public:
    /// A composer for `style`, shaping with `fonts`, hyphenating each article with what
    /// `hyphenator` gives for it (may be null).
    DigestComposer(const Style& style, FontSet& fonts, std::function<const Hyphenator*(const Document&)> hyphenator);

    /// Adds the brief `brief` of `docs` to `pdf`, with bookmarks by section.
    void compose(PdfFile& pdf, std::span<const Document> docs, const brief::Brief& brief, const Masthead& masthead);

    /// The one-line summary of `brief`: `20 stories from 24 articles by 7 agencies, 26 February to 31 March 1987`.
    [[nodiscard]] static std::string summary(const brief::Brief& brief);

private:
    struct Flow;
    struct Plan;

    // Building the blocks (digest_blocks.cpp).
    void add_section_head(Flow& flow, const std::string& name, bool first);
    void add_story(Flow& flow, const Document& doc, const brief::BriefItem& item, std::span<const Document> docs, bool first);
    void add_in_brief(Flow& flow, const Document& doc, const brief::BriefItem& item, const std::string& section);
    void add_appendix(Flow& flow, std::span<const Document> docs, const brief::Brief& brief);
    void add_agency_list(Flow& flow, const brief::Brief& brief);
    [[nodiscard]] std::string printed_title(const Document& doc);
    [[nodiscard]] std::string meta_line(const Document& doc, const brief::BriefItem& item) const;
    [[nodiscard]] std::string credit_line(const Document& doc, const brief::BriefItem& item) const;
    [[nodiscard]] FlowBlock small_block(std::vector<Span> spans, double space_before);
    [[nodiscard]] FlowBlock contents_row(const std::string& title, bool section);
    [[nodiscard]] FlowBlock top_story(const Document& doc, const std::string& title);

    // Laying out and drawing (digest.cpp).
    [[nodiscard]] Plan plan(std::span<const Document> docs, const brief::Brief& brief, const Masthead& masthead);
    [[nodiscard]] double column_x(std::size_t column) const;
    void draw_front(PdfFile& pdf, const Plan& plan, const std::vector<int>& pages);
    void draw_body(PdfFile& pdf, const Plan& plan, const std::vector<int>& pages);
    void draw_columns(Canvas& canvas, const std::vector<FlowBlock>& blocks, const std::vector<std::vector<Slice>>& columns,
                      std::size_t first_column);
    [[nodiscard]] std::vector<std::pair<TextLine, double>> masthead_lines(const std::string& summary, const brief::Brief& brief,
                                                                         const Masthead& masthead);
    void draw_page_numbers(PdfFile& pdf, Canvas& canvas, const Plan& plan, std::size_t page, const std::vector<int>& pages);
    void draw_leaders(Canvas& canvas, const FlowBlock& block, double from, double to, double baseline);
    void add_bookmarks(PdfFile& pdf, const Plan& plan, const std::vector<int>& pages);
    [[nodiscard]] StoryPlace place_of(const Plan& plan, std::size_t block, const std::vector<int>& pages) const;

    const Style& style_;
    Style column_style_;        // the style with the measure of one column
    BriefingComposer composer_;  // sets text a column wide, and draws the page furniture
    FontSet& fonts_;
    std::function<const Hyphenator*(const Document&)> hyphenator_;
    double column_width_;
    double gap_;
    std::size_t columns_;
    std::string running_title_;
    bool sources_file_ = false;  // whether the brief was given a sources file, so an agency can be missing from it
};

}  // namespace briefkit::formats::pdf
