#include "formats/brief/same_story.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <unordered_map>

#include "pipeline/model/text.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::brief {

namespace {

constexpr std::size_t kShingleWords = 3;

std::uint64_t mix(std::uint64_t x) {
    // splitmix64's finaliser: every input bit moves every output bit.
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

std::uint64_t rotate(std::uint64_t x, int by) { return (x << by) | (x >> (64 - by)); }

bool is_word_char(char32_t cp) { return (cp >= U'0' && cp <= U'9') || unicode::is_letter(cp); }

/// The hashes of the words of `text`, lower-cased, in order.
void append_word_hashes(const std::string& text, std::vector<std::uint64_t>& words) {
    constexpr std::uint64_t kBasis = 0xCBF29CE484222325ULL;  // FNV-1a over code points
    constexpr std::uint64_t kPrime = 0x100000001B3ULL;
    std::uint64_t h = kBasis;
    bool in_word = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t cp = utf8::next(text, pos);
        if (is_word_char(cp)) {
            h = (h ^ unicode::to_lower(cp)) * kPrime;
            in_word = true;
        } else if (in_word) {
            words.push_back(h);
            h = kBasis;
            in_word = false;
        }
    }
    if (in_word) words.push_back(h);
}

/// A union-find forest over the articles, the smaller index always the root.
class Groups {
public:
    explicit Groups(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), std::size_t{0}); }

    std::size_t root(std::size_t i) {
        while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
        return i;
    }

    void join(std::size_t a, std::size_t b) {
        a = root(a);
        b = root(b);
        if (a != b) parent_[std::max(a, b)] = std::min(a, b);
    }

private:
    std::vector<std::size_t> parent_;
};

/// Counts, for every pair of articles that share a shingle, how many they share (exactly).
std::unordered_map<std::uint64_t, std::uint32_t> shared_counts(std::span<const Shingles> articles,
                                                               std::span<const std::size_t> distinct) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> postings;
    for (const std::size_t a : distinct) {
        for (const std::uint64_t h : articles[a]) postings.emplace_back(h, static_cast<std::uint32_t>(a));
    }
    std::sort(postings.begin(), postings.end());
    std::unordered_map<std::uint64_t, std::uint32_t> counts;
    for (std::size_t start = 0; start < postings.size();) {
        std::size_t end = start + 1;
        while (end < postings.size() && postings[end].first == postings[start].first) ++end;
        for (std::size_t i = start; i < end; ++i) {
            for (std::size_t j = i + 1; j < end; ++j) {
                ++counts[(std::uint64_t{postings[i].second} << 32) | postings[j].second];
            }
        }
        start = end;
    }
    return counts;
}

Overlap overlap_of(std::size_t shared, std::size_t a, std::size_t b) {
    Overlap o;
    o.smaller = std::min(a, b);
    const std::size_t all = a + b - shared;
    o.resemblance = all == 0 ? 0 : static_cast<double>(shared) / static_cast<double>(all);
    o.containment = o.smaller == 0 ? 0 : static_cast<double>(shared) / static_cast<double>(o.smaller);
    return o;
}

}  // namespace

Shingles shingles_of(const Document& doc) {
    std::vector<std::uint64_t> words;
    append_word_hashes(doc.meta.title, words);
    std::string run;
    for (const Block& block : doc.body) {
        for_each_run(block, [&](const Inlines& content) {
            run.clear();
            append_plain_text(run, content);
            append_word_hashes(run, words);
        });
    }
    Shingles out;
    if (words.empty()) return out;
    if (words.size() < kShingleWords) {
        std::uint64_t h = 0;
        for (const std::uint64_t w : words) h = rotate(h, 21) ^ w;
        out.push_back(mix(h));
        return out;
    }
    for (std::size_t i = 0; i + kShingleWords <= words.size(); ++i) {
        out.push_back(mix(words[i] ^ rotate(words[i + 1], 21) ^ rotate(words[i + 2], 42)));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Overlap overlap(const Shingles& a, const Shingles& b) {
    std::size_t shared = 0;
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] < b[j]) {
            ++i;
        } else if (b[j] < a[i]) {
            ++j;
        } else {
            ++shared, ++i, ++j;
        }
    }
    return overlap_of(shared, a.size(), b.size());
}

bool same_story(const Overlap& o) {
    return o.resemblance >= kSameResemblance || (o.smaller >= kMinContained && o.containment >= kSameContainment);
}

std::vector<std::vector<std::size_t>> story_groups(std::span<const Shingles> articles) {
    Groups groups(articles.size());
    // Articles with the same words are joined first and counted once: a hundred copies of one
    // story would otherwise make ten thousand pairs of every shingle.
    std::map<const Shingles*, std::size_t, bool (*)(const Shingles*, const Shingles*)> first_with(
        [](const Shingles* a, const Shingles* b) { return *a < *b; });
    std::vector<std::size_t> distinct;
    for (std::size_t a = 0; a < articles.size(); ++a) {
        if (articles[a].empty()) continue;
        const auto [it, added] = first_with.emplace(&articles[a], a);
        if (added) {
            distinct.push_back(a);
        } else {
            groups.join(it->second, a);
        }
    }
    for (const auto& [pair, shared] : shared_counts(articles, distinct)) {
        const auto a = static_cast<std::size_t>(pair >> 32);
        const auto b = static_cast<std::size_t>(pair & 0xFFFFFFFFU);
        if (same_story(overlap_of(shared, articles[a].size(), articles[b].size()))) groups.join(a, b);
    }
    std::vector<std::vector<std::size_t>> out;
    std::vector<std::size_t> group_of(articles.size(), SIZE_MAX);
    for (std::size_t a = 0; a < articles.size(); ++a) {
        const std::size_t r = groups.root(a);
        if (group_of[r] == SIZE_MAX) {
            group_of[r] = out.size();
            out.emplace_back();
        }
        out[group_of[r]].push_back(a);
    }
    return out;
}

}  // namespace briefkit::brief
