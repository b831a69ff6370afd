#include "formats/pdf/key_points.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <string_view>

#include "pipeline/model/deadline.hpp"
#include "pipeline/model/text.hpp"

namespace briefkit::formats::pdf {

namespace {

bool abbreviation(std::string_view word) {
    static const std::set<std::string_view> known{"mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "st",
                                                  "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                                                  "sept", "oct", "nov", "dec", "inc", "corp", "ltd", "co", "vs",
                                                  "u.s", "u.n", "u.k", "e.g", "i.e", "approx", "gov", "rep", "sen"};
    const std::string lower = unicode::ascii_lower(word);
    if (lower.size() == 1 && std::isalpha(static_cast<unsigned char>(lower[0])) != 0) return true;  // an initial
    return known.count(lower) != 0;
}

std::vector<std::string> content_words(const std::string& sentence) {
    static const std::set<std::string> stop{
        "a",    "an",   "the",  "and",  "or",   "but",  "of",    "in",   "on",    "at",   "to",   "for",
        "by",   "with", "from", "as",   "is",   "are",  "was",   "were", "be",    "been", "has",  "have",
        "had",  "it",   "its",  "this", "that", "these", "those", "he",  "she",   "they", "we",   "i",
        "his",  "her",  "their", "our", "said", "says", "will",  "would", "also", "not",  "which", "who",
        "after", "into", "about", "than", "more", "such", "other", "there", "all", "an",  "s"};
    std::vector<std::string> out;
    std::string word;
    const auto flush = [&] {
        if (word.size() > 1 && stop.count(word) == 0) out.push_back(word);
        word.clear();
    };
    for (const char c : sentence) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 || byte >= 0x80) {
            word.push_back(static_cast<char>(std::tolower(byte)));
        } else {
            flush();
        }
    }
    flush();
    return out;
}

}  // namespace

std::vector<std::string> split_sentences(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        const char c = text[i];
        if (c != '.' && c != '!' && c != '?') continue;
        std::size_t after = i + 1;
        while (after < text.size() && (text[after] == '"' || text[after] == '\'' || text[after] == ')')) ++after;
        if (after + 1 >= text.size() || text[after] != ' ') continue;
        const auto next = static_cast<unsigned char>(text[after + 1]);
        if (std::isupper(next) == 0 && std::isdigit(next) == 0 && next != '"' && next < 0x80) continue;
        if (c == '.') {
            std::size_t w = i;
            while (w > start && text[w - 1] != ' ') --w;
            if (abbreviation(std::string_view(text).substr(w, i - w))) continue;
        }
        out.push_back(text.substr(start, after - start));
        start = after + 1;
    }
    if (start < text.size()) out.push_back(text.substr(start));
    return out;
}

std::vector<std::string> key_points(const std::vector<std::string>& paragraphs, int count) {
    std::vector<std::string> sentences;
    for (const std::string& p : paragraphs) {
        check_deadline();
        for (std::string& s : split_sentences(p)) sentences.push_back(std::move(s));
    }
    if (count <= 0 || sentences.size() <= static_cast<std::size_t>(count)) return {};
    std::vector<std::map<std::string, double>> vectors;
    for (const std::string& s : sentences) {
        check_deadline();
        std::map<std::string, double> v;
        for (const std::string& w : content_words(s)) v[w] += 1;
        vectors.push_back(std::move(v));
    }
    const auto norm = [](const std::map<std::string, double>& v) {
        double sum = 0;
        for (const auto& [w, n] : v) sum += n * n;
        return std::sqrt(sum);
    };
    // A sentence's score is the sum of its cosine similarities to every other sentence. That sum
    // is its unit vector's dot product with the sum of all unit vectors, less 1 (itself), which
    // takes time linear in the text where comparing every pair took quadratic time: minutes for a
    // long input (a key-points box once hung on a 200 KB single-paragraph table).
    std::vector<double> norms;
    std::map<std::string, double> centroid;
    for (const auto& v : vectors) {
        check_deadline();
        norms.push_back(norm(v));
        for (const auto& [w, n] : v) centroid[w] += n / norms.back();
    }
    std::vector<double> score(sentences.size(), 0);
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        check_deadline();
        if (vectors[i].empty()) continue;
        double dot = 0;
        double length = 0;
        for (const auto& [w, n] : vectors[i]) {
            dot += n * centroid.find(w)->second;
            length += n;
        }
        score[i] = (dot / norms[i] - 1) / std::sqrt(std::max(length, 1.0));
    }
    std::vector<std::size_t> order;
    for (std::size_t i = 1; i < sentences.size(); ++i) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return score[a] > score[b]; });
    std::vector<std::size_t> chosen{0};
    for (std::size_t k = 0; k < order.size() && chosen.size() < static_cast<std::size_t>(count); ++k) {
        chosen.push_back(order[k]);
    }
    std::sort(chosen.begin(), chosen.end());
    std::vector<std::string> out;
    for (const std::size_t i : chosen) out.push_back(sentences[i]);
    return out;
}

}  // namespace briefkit::formats::pdf
