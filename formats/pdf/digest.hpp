// The digest layout: many articles in one PDF, after a cover and a contents list whose rows
// link to the articles' first pages.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "formats/pdf/briefing.hpp"

namespace briefkit::formats::pdf {

/// Lays out and draws a digest of articles in one style into one PDF.
class DigestComposer {
public:
    /// A composer for `style`, shaping with `fonts`, hyphenating each article with what
    /// `hyphenator` gives for it (may be null).
    DigestComposer(const Style& style, FontSet& fonts,
                   std::function<const Hyphenator*(const Document&)> hyphenator);

    /// Adds the cover, the contents and every article of `docs` to `pdf`, with a bookmark for
    /// each article; returns the digest's one-line summary (`3 articles, 1 May 2020 to ...`).
    std::string compose(PdfFile& pdf, std::span<const Document> docs);

    /// Prints `day` as the digest's issue date in each article's header band.
    void set_issue_date(const CalendarDay& day) { composer_.set_issue_date(day); }

private:
    /// Every article's layout, and the contents paginated, before any page is drawn.
    struct Plan {
        std::vector<ArticleLayout> layouts;
        std::vector<FlowBlock> rows;                  ///< One contents row per article.
        std::vector<std::vector<Slice>> contents;     ///< The rows, page by page.
        std::vector<int> first_number;                ///< Each article's first page number.
        int total = 0;                                ///< Pages in the digest.
        std::string label;                            ///< The handling label of the cover and contents.
    };

    [[nodiscard]] Plan plan(std::span<const Document> docs);
    [[nodiscard]] FlowBlock contents_row(const Document& doc, const ArticleLayout& layout);
    double cover_line(Canvas& canvas, const std::string& text, Face face, double size, const Rgb& colour, double baseline);
    [[nodiscard]] static std::string summary(std::span<const Document> docs);
    void draw_cover(PdfFile& pdf, int page, const std::string& summary, int total, std::string_view label);
    void draw_contents_page(PdfFile& pdf, const Plan& plan, std::size_t p, int page, const std::vector<int>& article_pages);

    const Style& style_;
    BriefingComposer composer_;
    FontSet& fonts_;
    std::function<const Hyphenator*(const Document&)> hyphenator_;
    double width_;
};

}  // namespace briefkit::formats::pdf
