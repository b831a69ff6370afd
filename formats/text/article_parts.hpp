// The reader's internal stages and the working state they share. Not a public header.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "briefkit/model.hpp"
#include "briefkit/read_options.hpp"
#include "formats/markup/agencies.hpp"
#include "formats/markup/dates.hpp"
#include "formats/text/lines.hpp"
#include "formats/text/note_log.hpp"

namespace briefkit::formats::text {

using markup::ascii_digit;
using markup::DateReading;
using markup::days_between;
using markup::fold_case;
using markup::known_agency;
using markup::has_year_digits;
using markup::month_number;
using markup::month_number_lenient;
using markup::parse_date;
using markup::regex_space;
using markup::valid_day;

/// Everything the stages learn about an article while it is read.
struct Draft {
    std::vector<Line> lines;                      ///< Cleaned input lines.
    std::size_t body_begin = 0;                   ///< First line after the header.
    std::size_t body_end = 0;                     ///< One past the last line before the trailer.
    Metadata meta;                                ///< Metadata found so far.
    std::optional<CalendarDay> date_alternative;  ///< Other reading of an ambiguous date.
    std::optional<CalendarDay> source_date_alternative;  ///< Same, for the agency's date.
    int date_line = 0;                            ///< Input line of the date.
    int source_date_line = 0;                     ///< Input line of the agency's date.
    std::string trailer_source;                   ///< Name a `Source:` label gave, if any.
    bool wire = false;                            ///< Wire-copy layout: timestamp line, indented paragraphs.
    std::vector<Block> body;                      ///< Body blocks.
    std::vector<int> block_lines;                 ///< First input line of each body block.
};

/// Takes a line holding only a TLP label, among the first or last few, out of the text into
/// `meta.handling` (the most restrictive, when both ends hold one), noting each.
void read_handling_label(Draft& draft, NoteLog& notes);

/// Finds URL lines, `Source:` labels and the wire sign-off at the end; sets `body_end`.
void read_trailer(Draft& draft, NoteLog& notes);

/// Finds the headline, date, agency, place and byline at the start; sets `body_begin`.
void read_header(Draft& draft, const ReadOptions& options, NoteLog& notes);

/// Builds body blocks from the lines between header and trailer, repairing wraps and breaks.
void read_body(Draft& draft, NoteLog& notes);

/// A run of body lines laid out in columns, and the block it becomes.
struct LineTable {
    std::size_t begin = 0;  ///< First line (its caption line, when it has one).
    std::size_t end = 0;    ///< One past the last line.
    Block block;            ///< A Table, or Preformatted when the columns are not clean.
};

/// Finds the column layouts among the body lines, noting each (`table-found`, `layout-kept`).
[[nodiscard]] std::vector<LineTable> find_column_tables(const Draft& draft, NoteLog& notes);


/// True when `text` is a whole wire figure row that compares two figures (`Net 7.6 mln vs 7.5 mln`).
[[nodiscard]] bool compared_figure_row(std::string_view text);

/// Gathers runs of one-line figure paragraphs (`Net 86,220,000 vs 102,629,000`) into tables.
void gather_figure_rows(Draft& draft, NoteLog& notes);

/// Moves a dateline glued to the first paragraph (`LONDON, March 9 - `) into `place`.
void extract_dateline(Draft& draft, NoteLog& notes);

/// A place with the month and day that follow it split off: `WASHINGTON, MARCH 25` gives
/// `WASHINGTON` and `MARCH 25`. The date part is empty when there is none.
struct PlaceAndDate {
    std::string_view place;  ///< The place, without a trailing comma.
    std::string_view date;   ///< The month and day, as written.
};

/// Splits a trailing `Month Day` (any letter case, comma optional) off a dateline.
[[nodiscard]] PlaceAndDate split_dateline_date(std::string_view text);

/// Splits paragraph text into text and link inlines.
[[nodiscard]] Inlines link_inlines(std::string_view text);


// Line classifiers shared by the stages.

/// The address on a line that holds nothing but a URL, bare or in `<...>`.
[[nodiscard]] std::optional<std::string> url_line(std::string_view text);

/// True for a separator line: only `-`, `—`, `*`, `=`, `_`, `~` and spaces.
[[nodiscard]] bool separator_line(std::string_view text);

/// True when `text` ends a sentence: `.`, `!`, `?`, `…`, `:`, `;` or a closing quote or bracket after one.
[[nodiscard]] bool ends_sentence(std::string_view text);

/// True when `text` looks like a dateline place: a few capitalized words, no sentence.
[[nodiscard]] bool place_like(std::string_view text);

/// True when the first letter of `text` is lower case.
[[nodiscard]] bool starts_lower(std::string_view text);

/// True when the first letter of `text` is upper case or `text` starts with a digit.
[[nodiscard]] bool starts_upper_or_digit(std::string_view text);

/// True when `text` has letters and none of them is lower case.
[[nodiscard]] bool all_caps(std::string_view text);

/// Number of code points in `text`.
[[nodiscard]] std::size_t length(std::string_view text);

}  // namespace briefkit::formats::text
