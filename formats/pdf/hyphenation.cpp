#include "formats/pdf/hyphenation.hpp"

#include <hyphen.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "pipeline/model/text.hpp"

namespace briefkit::formats::pdf {

namespace {

constexpr std::size_t kMinWord = 6;
constexpr std::size_t kLeftMin = 2;
constexpr std::size_t kRightMin = 3;

// Words the en-US patterns split badly or that should not be split at all (names of places
// and organisations that recur in the news; a word without hyphens is never split).
const std::vector<std::string>& builtin_list() {
    static const std::vector<std::string> words{
        "present",  "presents",  "project",   "projects",  "record",   "records",  "reci-procity",
        "table",    "tables",    "Bishkek",   "Kyrgyzstan", "Kazakhstan", "Tajikistan", "Uzbekistan",
        "Reuters",  "Washington", "analysis", "ana-lyses", "pro-cess", "pro-cesses", "data-base",
    };
    return words;
}

using unicode::ascii_lower;

}  // namespace

Hyphenator::Hyphenator(const std::string& patterns_path, const std::vector<std::string>& exceptions)
    : path_(patterns_path) {
    std::error_code ec;
    if (!path_.empty() && !std::filesystem::is_regular_file(path_, ec)) {
        throw std::runtime_error("hyphenation patterns " + path_ + " are missing (Debian package hyphen-en-us)");
    }
    for (const std::string& entry : exceptions) {
        std::string word;
        std::vector<std::size_t> at;
        for (const char c : entry) {
            if (c == '-') {
                at.push_back(word.size());
            } else {
                word.push_back(c);
            }
        }
        exceptions_[ascii_lower(word)] = std::move(at);
    }
}

void* Hyphenator::dictionary() const {
    std::call_once(loaded_, [this] {
        if (!path_.empty()) dict_ = hnj_hyphen_load(path_.c_str());
    });
    return dict_;
}

Hyphenator::~Hyphenator() {
    if (dict_ != nullptr) hnj_hyphen_free(static_cast<HyphenDict*>(dict_));
}

std::vector<std::size_t> Hyphenator::points(std::string_view word) const {
    if (word.size() < kMinWord) return {};
    bool all_upper = true;
    for (const char c : word) {
        if (std::isalpha(static_cast<unsigned char>(c)) == 0) return {};
        if (std::islower(static_cast<unsigned char>(c)) != 0) all_upper = false;
    }
    if (all_upper) return {};
    const std::string lower = ascii_lower(word);
    if (const auto it = exceptions_.find(lower); it != exceptions_.end()) return it->second;
    auto* dict = static_cast<HyphenDict*>(dictionary());
    if (dict == nullptr) return {};
    std::vector<char> hyphens(lower.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    hnj_hyphen_hyphenate2(dict, lower.c_str(), static_cast<int>(lower.size()),
                          hyphens.data(), nullptr, &rep, &pos, &cut);
    if (rep != nullptr) {
        for (std::size_t i = 0; i < lower.size(); ++i) std::free(rep[i]);  // NOLINT: libhyphen allocates with malloc
        std::free(rep);                                                   // NOLINT
        std::free(pos);                                                   // NOLINT
        std::free(cut);                                                   // NOLINT
        return {};  // a non-standard (replacing) hyphenation: leave the word whole
    }
    std::vector<std::size_t> out;
    for (std::size_t i = kLeftMin - 1; i + kRightMin < lower.size(); ++i) {
        if ((hyphens[i] - '0') % 2 == 1) out.push_back(i + 1);
    }
    return out;
}

const std::vector<std::string>& Hyphenator::default_exceptions() { return builtin_list(); }

const Hyphenator& Hyphenator::english() {
    static const Hyphenator hyphenator(kDefaultPatterns, builtin_list());
    return hyphenator;
}

}  // namespace briefkit::formats::pdf
