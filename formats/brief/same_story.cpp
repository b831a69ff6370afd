#include "formats/brief/same_story.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

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

/// The groups of `groups`, each ascending, in the order of their first article.
std::vector<std::vector<std::size_t>> listed(Groups& groups, std::size_t n) {
    std::vector<std::vector<std::size_t>> out;
    std::vector<std::size_t> group_of(n, SIZE_MAX);
    for (std::size_t a = 0; a < n; ++a) {
        const std::size_t r = groups.root(a);
        if (group_of[r] == SIZE_MAX) {
            group_of[r] = out.size();
            out.emplace_back();
        }
        out[group_of[r]].push_back(a);
    }
    return out;
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

bool same_story(const Overlap& o) {
    return o.resemblance >= kSameResemblance || (o.smaller >= kMinContained && o.containment >= kSameContainment);
}

StoryIndex::StoryIndex(std::span<const Shingles> articles) : articles_(articles) {
    for (std::size_t a = 0; a < articles.size(); ++a) {
        for (const std::uint64_t h : articles[a]) postings_.emplace_back(h, static_cast<std::uint32_t>(a));
    }
    std::sort(postings_.begin(), postings_.end());
    // Each shingle's weight, ln(1 + N/df), from its run of postings.
    std::vector<std::pair<std::uint64_t, double>> weight;
    const auto n = static_cast<double>(articles.size());
    for (std::size_t start = 0; start < postings_.size();) {
        std::size_t end = start + 1;
        while (end < postings_.size() && postings_[end].first == postings_[start].first) ++end;
        weight.emplace_back(postings_[start].first, std::log(1 + n / static_cast<double>(end - start)));
        start = end;
    }
    for (const Shingles& article : articles) {
        std::vector<double>& w = weights_.emplace_back();
        for (const std::uint64_t h : article) {
            w.push_back(std::lower_bound(weight.begin(), weight.end(), std::pair(h, 0.0))->second);
        }
        totals_.push_back(std::accumulate(w.begin(), w.end(), 0.0));
    }
}

Overlap StoryIndex::overlap(std::size_t a, std::size_t b) const {
    const Shingles& x = articles_[a];
    const Shingles& y = articles_[b];
    double shared = 0;
    for (std::size_t i = 0, j = 0; i < x.size() && j < y.size();) {
        if (x[i] < y[j]) {
            ++i;
        } else if (y[j] < x[i]) {
            ++j;
        } else {
            shared += weights_[a][i];
            ++i, ++j;
        }
    }
    Overlap o;
    o.smaller = std::min(x.size(), y.size());
    const double all = totals_[a] + totals_[b] - shared;
    const double lighter = std::min(totals_[a], totals_[b]);
    o.resemblance = all > 0 ? shared / all : 0;
    o.containment = lighter > 0 ? shared / lighter : 0;
    return o;
}

std::vector<std::vector<std::size_t>> StoryIndex::groups() const {
    Groups groups(articles_.size());
    std::vector<std::size_t> seen(articles_.size(), SIZE_MAX);
    std::vector<std::size_t> order;
    for (std::size_t a = 0; a < articles_.size(); ++a) {
        // The rarest shingles of `a`, until what is left weighs less than half of it: an article
        // over either threshold with `a` holds at least one of them (the lighter of two that
        // make the same story shares more than half its weight).
        order.resize(articles_[a].size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
            return std::pair(weights_[a][j], articles_[a][i]) < std::pair(weights_[a][i], articles_[a][j]);
        });
        double left = totals_[a];
        for (const std::size_t i : order) {
            if (left < kSameResemblance * totals_[a]) break;
            left -= weights_[a][i];
            const std::uint64_t h = articles_[a][i];
            for (auto p = std::lower_bound(postings_.begin(), postings_.end(), std::pair(h, std::uint32_t{0}));
                 p != postings_.end() && p->first == h; ++p) {
                const std::size_t b = p->second;
                if (b == a || seen[b] == a) continue;
                seen[b] = a;
                if (groups.root(a) != groups.root(b) && same_story(overlap(a, b))) groups.join(a, b);
            }
        }
    }
    return listed(groups, articles_.size());
}

std::vector<std::vector<std::size_t>> story_groups(std::span<const Shingles> articles) { return StoryIndex(articles).groups(); }

}  // namespace briefkit::brief
