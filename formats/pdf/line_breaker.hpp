// Total-fit line breaking (Knuth and Plass, "Breaking Paragraphs into Lines", 1981).
//
// A paragraph is a list of boxes (text that cannot stretch), glue (space that can) and
// penalties (places a line may end, at a cost). The breaker picks the breaks that minimise
// the demerits of the whole paragraph, so no line is much looser than its neighbours.
#pragma once

#include <cstddef>
#include <vector>

namespace briefkit::formats::pdf {

/// One element of a paragraph to be broken into lines.
struct Item {
    /// What the element is.
    enum class Kind { box, glue, penalty };
    Kind kind = Kind::box;  ///< Box, glue or penalty.
    double width = 0;       ///< Natural width in points (a penalty's width is added only if the line ends there).
    double stretch = 0;     ///< How far glue may stretch, in points.
    double shrink = 0;      ///< How far glue may shrink, in points.
    double penalty = 0;     ///< A penalty's cost; kForcedBreak forces a break, kNoBreak forbids one.
    bool flagged = false;   ///< True for a hyphenation penalty; two flagged breaks in a row cost extra.
};

/// A penalty at or below this value forces a break.
inline constexpr double kForcedBreak = -10000;
/// Stretch of the glue that fills a paragraph's last line: far more than any line needs.
inline constexpr double kFill = 100000;
/// A penalty at or above this value forbids a break.
inline constexpr double kNoBreak = 10000;

/// Where a line ends, and how much its glue had to stretch (positive) or shrink (negative).
struct Break {
    std::size_t position = 0;  ///< Index of the glue or penalty the line ends at.
    double ratio = 0;          ///< Adjustment ratio: the share of the line's stretch or shrink used.
};

/// Tuning of the breaker; TeX's, but for the tolerance, the run of hyphens and the last line.
struct BreakParameters {
    /// Largest badness a line may have. 100 (TeX's is 200) keeps every word space within 1.5
    /// times its natural width where glue stretches by half a space (ratio 1).
    double tolerance = 100;
    double line_penalty = 10;         ///< Added to every line's badness.
    double flagged_demerits = 3000;   ///< For two hyphenated lines in a row.
    double fitness_demerits = 3000;   ///< For a very loose line next to a tight one.
    int max_flagged_run = 2;          ///< Most hyphenated lines in a row; 0 for no limit.
    double one_word_last_demerits = 1e6;    ///< For a paragraph whose last line is one word.
    bool escalate = true;             ///< Raise the tolerance when nothing fits (else return no breaks).
};

/// The best breaks for `items` set in lines of `line_width` points. The list must end with a
/// forced break (glue with kFill stretch, then a kForcedBreak penalty). When no set of breaks
/// keeps every line within tolerance and the run of hyphenated lines within its limit, the
/// tolerance is raised step by step until one does; when none does, a last pass accepts lines
/// past any tolerance (preferring the least loose), overfull lines, and a run past the limit at a
/// high cost, so the result is never empty for a non-empty paragraph; with `params.escalate`
/// false it is empty instead. A word space is glue of some
/// width that does not fill the line; a last line without one is one word.
[[nodiscard]] std::vector<Break> break_lines(const std::vector<Item>& items, double line_width,
                                             const BreakParameters& params = {});

}  // namespace briefkit::formats::pdf
