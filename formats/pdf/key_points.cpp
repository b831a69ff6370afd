#include "formats/pdf/key_points.hpp"

#include <algorithm>
#include <array>
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

/// Each sentence's centrality: the sum of its cosine similarities to every other sentence,
/// divided by the square root of its length in words.
std::vector<double> centrality(const std::vector<std::string>& sentences) {
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
    return score;
}

/// True when `sentence` reads as a whole sentence of prose: it opens with a capital, a digit or
/// a quote, ends with `.`, `!` or `?` (and closing quotes or brackets), holds at least
/// kMinSentenceWords words and mostly words of letters, so that a table's row (`Shr 1.23 vs
/// 1.01`), a label or a line cut short (`... were -`) is never a key point.
bool is_whole_sentence(std::string_view sentence) {
    constexpr std::size_t kMinSentenceWords = 6;
    constexpr double kMinShareOfWords = 0.7;  // of its tokens, those that hold letters and no digit
    if (sentence.empty()) return false;
    const auto first = static_cast<unsigned char>(sentence.front());
    if (std::islower(first) != 0 || (first < 0x80 && std::isalnum(first) == 0 && first != '"' && first != '\'')) return false;
    std::string_view end = sentence;
    static constexpr std::array<std::string_view, 7> kClosers{"\"", "'", ")", "\u201D", "\u2019", "\u00BB", "\u201C"};
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        for (const std::string_view closer : kClosers) {
            if (end.ends_with(closer)) {
                end.remove_suffix(closer.size());
                trimmed = true;
            }
        }
    }
    if (end.empty() || std::string_view(".!?").find(end.back()) == std::string_view::npos) return false;
    std::size_t tokens = 0;
    std::size_t words = 0;
    for (std::size_t at = 0; at < sentence.size();) {
        const std::size_t stop = std::min(sentence.find(' ', at), sentence.size());
        const std::string_view token = sentence.substr(at, stop - at);
        at = stop + 1;
        if (token.empty()) continue;
        ++tokens;
        const bool digit = std::any_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
        const bool letter = std::any_of(token.begin(), token.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80;
        });
        if (letter && !digit) ++words;
    }
    return tokens >= kMinSentenceWords && static_cast<double>(words) >= kMinShareOfWords * static_cast<double>(tokens);
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
    if (count <= 0 || paragraphs.empty()) return {};
    std::vector<std::string> sentences;
    std::size_t lead_sentences = 0;  // the first paragraph's, printed just below the box
    for (const std::string& p : paragraphs) {
        check_deadline();
        for (std::string& s : split_sentences(p)) sentences.push_back(std::move(s));
        if (&p == &paragraphs.front()) lead_sentences = sentences.size();
    }
    std::vector<std::size_t> candidates;
    for (std::size_t i = lead_sentences; i < sentences.size(); ++i) {
        if (is_whole_sentence(sentences[i])) candidates.push_back(i);
    }
    // With few sentences to choose from, the box would print most of the article twice.
    if (candidates.size() < 2 * static_cast<std::size_t>(count)) return {};
    const std::vector<double> score = centrality(sentences);
    std::stable_sort(candidates.begin(), candidates.end(), [&](std::size_t a, std::size_t b) { return score[a] > score[b]; });
    candidates.resize(static_cast<std::size_t>(count));
    std::sort(candidates.begin(), candidates.end());
    std::vector<std::string> out;
    for (const std::size_t i : candidates) out.push_back(sentences[i]);
    return out;
}

}  // namespace briefkit::formats::pdf
