// Key points: the most central whole sentences after the lead, by an extractive ranking.
#pragma once

#include <string>
#include <vector>

namespace briefkit::formats::pdf {

/// Splits `text` into sentences at . ! ? followed by a space and an upper-case letter, digit or
/// quote, never after common abbreviations (Mr., Dr., U.S., No., Jan., single initials).
[[nodiscard]] std::vector<std::string> split_sentences(const std::string& text);

/// `count` sentences of `paragraphs` after the first paragraph (the lead, printed just below
/// the box), in article order: the whole sentences of prose (never a table's row, a label or a
/// line cut short) most similar to the rest of the article. A sentence's centrality is the sum
/// of its cosine similarities (over lower-cased content words, stop words removed) to every
/// other sentence, divided by the square root of its length in words so long sentences do not
/// win by size alone. Empty when fewer than twice `count` sentences are there to choose from.
[[nodiscard]] std::vector<std::string> key_points(const std::vector<std::string>& paragraphs, int count);

}  // namespace briefkit::formats::pdf
