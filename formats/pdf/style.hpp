// Briefing styles: page, fonts, sizes, colours, header texts and toggles, read from YAML.
//
// The built-in styles are the files in styles/, compiled into the program; any other
// style is a YAML file of the same shape given by path. Every key is validated, and an
// error names the file, the line, the key and what was expected.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace briefkit::formats::pdf {

/// An RGB colour with components from 0 to 1.
struct Rgb {
    double r = 0, g = 0, b = 0;
};

/// How a digest in a style is put together and laid out.
struct DigestStyle {
    std::string title = "Daily brief";  ///< The brief's title on its front page.
    int columns = 2;                    ///< Columns of the stories and the contents: 1 or 2.
    int in_brief_words = 80;            ///< Stories of fewer words run on in the "In brief" section; 0 for none.
    bool new_page = false;              ///< Each story starts a new page.
    bool omit_briefed = false;          ///< Stories briefed before are left out (else marked "Previously reported").
    std::string group_by = "agency";    ///< The field of the sections: topic, place, agency, language or none.
    std::vector<std::string> sections;  ///< Sections printed first, in this order.
    std::string topics;                 ///< The topic rules file (a path from the style file's folder); empty for none.
    std::string sources;                ///< The sources file (the same); empty for none.
    int top_stories = 4;                ///< Stories on the front page.
};

/// A briefing style, with every length in points.
struct Style {
    std::string name;         ///< The built-in name or the file path it was read from.
    std::string description;  ///< One line for `briefkit styles`.
    double page_width = 0;    ///< Page width.
    double page_height = 0;   ///< Page height.
    double margin_top = 0, margin_bottom = 0, margin_left = 0, margin_right = 0;  ///< Page margins.
    /// The text column's width (the measure), from the left margin; the band and the page's
    /// furniture span the margins. 0 for the whole width between the margins.
    double measure = 0;
    std::string font_body, font_body_bold, font_sans, font_sans_bold;            ///< TrueType file paths.
    /// The monospace face of preformatted blocks; Debian's DejaVu Sans Mono unless the style names one.
    std::string font_mono = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
    std::vector<std::string> font_fallback;  ///< Faces tried, in order, for characters the others lack.
    /// The same for bold text: each fallback family's bold face (its regular one, or the file
    /// named, where there is none).
    std::vector<std::string> font_fallback_bold;
    double size_body = 10.5, leading = 14, size_title = 19, size_heading = 12, size_meta = 8.5, size_small = 7.5;  ///< Type sizes.
    Rgb accent, band_text, text, muted, box, label;  ///< Colours.
    std::string organisation;    ///< Organisation name in the header.
    std::string desk;            ///< Desk name in the header.
    std::string handling_label;  ///< Printed at the top and bottom of every page; empty for none.
    bool header_band = true;     ///< A filled band behind the header, or a rule under it.
    bool key_points = true;      ///< Show the key-points box.
    int key_point_count = 3;     ///< Sentences in the key-points box, the lead included.
    bool title_case = true;      ///< Turn all-caps headlines into title case.
    bool notes_appendix = false;  ///< List the reader's notes on an appendix page after the article.
    bool justify = true;         ///< Justify body text (else ragged right).
    bool typographic = true;     ///< Print quotes, apostrophes, dashes and ellipses as a typesetter sets them.
    bool attach_data = true;     ///< Attach the article's XML and JSON to its briefing.
    bool hyphenate = true;       ///< Hyphenate body text by its language's patterns.
    std::vector<std::string> hyphenation_exceptions;  ///< Extra exceptions, hyphens at allowed points.
    DigestStyle digest;  ///< How a digest in this style is put together.
};

/// True when `name_or_path` names a style file rather than a built-in style: it holds a '/' or
/// ends in `.yaml` after a name.
[[nodiscard]] bool is_style_path(const std::string& name_or_path);

/// Loads a built-in style by name, or a style file by path (see is_style_path()); throws UsageError naming the file, line and key of the first problem.
[[nodiscard]] Style load_style(const std::string& name_or_path);

/// Parses style YAML `text`; `origin` names it in errors and relative font paths are taken
/// from `base_dir`.
[[nodiscard]] Style parse_style(const std::string& text, const std::string& origin, const std::string& base_dir);

/// The built-in styles as (name, description) pairs, the default first.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> builtin_styles();

/// The name of the default style.
inline constexpr const char* kDefaultStyle = "briefing";

}  // namespace briefkit::formats::pdf
