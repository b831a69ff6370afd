// Near-duplicate articles: the same story from several agencies, or an update of an earlier
// item, found by the overlap of their words.
//
// Each article is read as the set of its word 3-shingles (every run of three words of its
// title and body, lower-cased, hashed to 64 bits), each weighted by how rare it is in the batch
// (ln(1 + N/df): a sentence every notice of a template repeats weighs ln 2, a company's name and
// figures up to ln(1 + N)). Two articles tell the same story when the weighted resemblance
// of their sets (Jaccard: shared weight over all) is at least kSameResemblance, or when the
// smaller, of at least kMinContained shingles, lies almost wholly in the larger (a flash and the
// full story, an update that adds paragraphs). Both are computed exactly, not estimated by
// MinHash or SimHash: each article looks up its rarest shingles (enough that a pair over the
// thresholds must share one) in an index of every article's, and each candidate pair's sets are
// intersected. The same articles in any order give the same groups.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "briefkit/model.hpp"

namespace briefkit::brief {

/// Resemblance from which two articles tell the same story.
inline constexpr double kSameResemblance = 0.5;
/// Containment (shared over the smaller set) from which the smaller article is part of the larger.
inline constexpr double kSameContainment = 0.9;
/// Fewest shingles the smaller article needs for containment alone to make the pair the same story.
inline constexpr std::size_t kMinContained = 12;

/// An article's word 3-shingles, hashed, sorted and without repeats.
using Shingles = std::vector<std::uint64_t>;

/// The shingles of `doc`'s title and body text.
[[nodiscard]] Shingles shingles_of(const Document& doc);

/// How much two articles' words overlap, by weight.
struct Overlap {
    double resemblance = 0;  ///< Shared weight over the weight of both.
    double containment = 0;  ///< Shared weight over the lighter article's.
    std::size_t smaller = 0;  ///< Shingles of the article with fewer.
};

/// True when an overlap makes two articles the same story.
[[nodiscard]] bool same_story(const Overlap& o);

/// The articles of one batch, each shingle weighted by its rarity in the batch.
class StoryIndex {
public:
    /// Indexes `articles`, which must outlive the index.
    explicit StoryIndex(std::span<const Shingles> articles);

    /// The overlap of articles `a` and `b`.
    [[nodiscard]] Overlap overlap(std::size_t a, std::size_t b) const;

    /// The articles grouped by story: each group's indices ascending, the groups in the order
    /// of their first index, every article in exactly one group.
    [[nodiscard]] std::vector<std::vector<std::size_t>> groups() const;

private:
    std::span<const Shingles> articles_;
    std::vector<std::vector<double>> weights_;  // each article's shingles' weights, in its order
    std::vector<double> totals_;                // each article's weight
    std::vector<std::pair<std::uint64_t, std::uint32_t>> postings_;  // (shingle, article), sorted
};

/// StoryIndex(articles).groups().
[[nodiscard]] std::vector<std::vector<std::size_t>> story_groups(std::span<const Shingles> articles);

}  // namespace briefkit::brief
