// Content-stream operators for one page: filled boxes, rules and lines of placed glyphs.
//
// Words are drawn as TJ arrays that keep a real space glyph between them, its gap adjusted
// to the justified width, so text extraction and copying give back the words with spaces.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "formats/pdf/paragraph.hpp"
#include "formats/pdf/pdf_file.hpp"

namespace briefkit::formats::pdf {

/// A link area found while drawing.
struct LinkArea {
    Rect area;         ///< Where the link text is.
    std::string href;  ///< Its target.
    const std::string* target = nullptr;  ///< The placed pieces' shared target, to join them without comparing text.
    int mcid = -1;     ///< The marked content its text is drawn in; -1 outside any.
};

/// Builds the content stream of one page, in PDF coordinates (origin bottom left).
class Canvas {
public:
    /// A canvas for a page `page_height` points tall.
    explicit Canvas(double page_height) : height_(page_height) {}

    /// A filled rectangle, with `top` measured from the page's top edge.
    void fill_rect(double left, double top, double width, double height, const Rgb& colour);

    /// A horizontal rule at `y` from the page's top edge.
    void rule(double left, double right, double y, double thickness, const Rgb& colour);

    /// Draws `line` with its left edge at `x` and its baseline `baseline` points below the page's top edge.
    void text_line(const TextLine& line, double x, double baseline);

    /// Draws `pieces` (already placed relative to `x`) on the baseline at `baseline`.
    void pieces(std::span<const Placed> pieces, double x, double baseline);

    /// Opens marked content tagged `tag` with marked-content id `mcid` (a structure element's part).
    void begin_tagged(std::string_view tag, int mcid);
    /// Opens marked content that is page furniture, not the document's content (an artifact).
    void begin_artifact();
    /// Closes the marked content opened last.
    void end_marked();
    /// The operators written so far.
    [[nodiscard]] const std::string& operators() const { return ops_; }

    /// The link areas drawn so far.
    [[nodiscard]] const std::vector<LinkArea>& links() const { return links_; }

private:
    void colour(const Rgb& c, bool stroke);
    void glyphs(const Placed& p);

    double height_;
    std::string ops_;
    std::vector<LinkArea> links_;
    int mcid_ = -1;  // the marked content open now, if tagged
};

/// A number as a PDF content stream writes it: at most 3 decimals, no trailing zeros.
[[nodiscard]] std::string pdf_number(double value);

}  // namespace briefkit::formats::pdf
