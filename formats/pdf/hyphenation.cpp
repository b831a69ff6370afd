#include "formats/pdf/hyphenation.hpp"

#include <hyphen.h>
#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <unordered_map>

#include "pipeline/model/text.hpp"

namespace briefkit::formats::pdf {

namespace {

constexpr std::size_t kMinWord = 6;
constexpr int kLeftMin = 2;
constexpr int kRightMin = 2;

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

/// `letters`, each lowered.
std::u32string lowered(std::u32string letters) {
    for (char32_t& cp : letters) cp = unicode::to_lower(cp);
    return letters;
}

/// The name of the patterns file of `language` in `region`: `hyph_de_AT.dic`.
std::string fmt_name(const std::string& language, const std::string& region) { return "hyph_" + language + "_" + region + ".dic"; }

/// The languages whose every noun is capitalised, so that a capital marks no name.
bool capitalises_nouns(std::string_view language) { return language == "de" || language == "lb"; }

/// The primary subtag of BCP 47 `tag`, lowered, and its region subtag, raised (empty when none).
std::pair<std::string, std::string> language_and_region(std::string_view tag) {
    const std::size_t dash = tag.find_first_of("-_");
    std::string language = unicode::ascii_lower(tag.substr(0, dash));
    std::string region;
    if (dash != std::string_view::npos) {
        const std::string_view rest = tag.substr(dash + 1);
        const std::string_view sub = rest.substr(0, rest.find_first_of("-_"));
        if (sub.size() == 2) region = unicode::ascii_upper(sub);
    }
    if (language == "no") language = "nb";  // Norwegian's patterns are Bokmål's
    return {std::move(language), std::move(region)};
}

}  // namespace

/// libhyphen's dictionary, and for one in an 8-bit charset the byte of each letter it holds.
struct Hyphenator::Dictionary {
    HyphenDict* dict = nullptr;
    std::unordered_map<char32_t, char> bytes;  // empty for UTF-8 patterns
    int left = kLeftMin;
    int right = kRightMin;

    explicit Dictionary(const std::string& path) : dict(hnj_hyphen_load(path.c_str())) {
        if (dict == nullptr) return;
        left = std::max(kLeftMin, static_cast<int>(dict->lhmin));
        right = std::max(kRightMin, static_cast<int>(dict->rhmin));
        if (dict->utf8 != 0) return;
        // Each byte the charset gives a letter is found once, through iconv (glibc).
        const iconv_t cd = iconv_open("UTF-8", dict->cset);
        if (cd == reinterpret_cast<iconv_t>(-1)) return;  // NOLINT: iconv's error value
        for (int b = 0x20; b < 0x100; ++b) {
            char in = static_cast<char>(b);
            char out[8];
            char* in_at = &in;
            char* out_at = out;
            std::size_t in_left = 1;
            std::size_t out_left = sizeof out;
            if (iconv(cd, &in_at, &in_left, &out_at, &out_left) == static_cast<std::size_t>(-1)) continue;
            const std::u32string cp = unicode::decode(std::string_view(out, sizeof out - out_left));
            if (cp.size() == 1) bytes.emplace(cp.front(), in);
        }
        iconv_close(cd);
    }
    ~Dictionary() {
        if (dict != nullptr) hnj_hyphen_free(dict);
    }
    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;

    /// `word` as the patterns' charset writes it; empty when a letter is not in it.
    [[nodiscard]] std::string encoded(const std::u32string& word) const {
        if (dict->utf8 != 0) return unicode::encode(word);
        std::string out;
        for (const char32_t cp : word) {
            const auto it = bytes.find(cp);
            if (it == bytes.end()) return {};
            out.push_back(it->second);
        }
        return out;
    }
};

Hyphenator::Hyphenator(const std::string& patterns_path, const std::vector<std::string>& exceptions, bool capitals_mark_names)
    : path_(patterns_path), capitals_mark_names_(capitals_mark_names) {
    std::error_code ec;
    if (!path_.empty() && !std::filesystem::is_regular_file(path_, ec)) {
        throw std::runtime_error("hyphenation patterns " + path_ + " are missing (Debian package hyphen-en-us)");
    }
    for (const std::string& entry : exceptions) {
        std::u32string word;
        std::vector<std::size_t> at;  // letters before each hyphen
        for (const char32_t cp : unicode::decode(entry)) {
            if (cp == U'-') {
                at.push_back(word.size());
            } else {
                word.push_back(unicode::to_lower(cp));
            }
        }
        exceptions_[unicode::encode(word)] = std::move(at);
    }
}

Hyphenator::~Hyphenator() = default;

namespace {

/// The patterns of the file at `path`, loaded the first time any hyphenator asks for them and
/// kept for the process: a writer is made for each input, and loading costs more than a briefing.
std::shared_ptr<const Hyphenator::Dictionary> shared_dictionary(const std::string& path) {
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const Hyphenator::Dictionary>, std::less<>> loaded;
    const std::lock_guard lock(mutex);
    auto& dictionary = loaded[path];
    if (dictionary == nullptr) dictionary = std::make_shared<const Hyphenator::Dictionary>(path);
    return dictionary;
}

}  // namespace

const Hyphenator::Dictionary* Hyphenator::dictionary() const {
    std::call_once(loaded_, [this] {
        if (!path_.empty()) dict_ = shared_dictionary(path_);
    });
    return dict_ != nullptr && dict_->dict != nullptr ? dict_.get() : nullptr;
}

std::vector<std::size_t> Hyphenator::points(std::string_view word) const {
    if (word.size() < kMinWord) return {};
    const std::u32string letters = unicode::decode(word);
    if (letters.size() < kMinWord) return {};
    bool all_upper = true;
    for (const char32_t cp : letters) {
        if (!unicode::is_letter(cp)) return {};
        if (!unicode::is_upper(cp)) all_upper = false;
    }
    if (all_upper) return {};
    // The byte offset after each letter, to turn letter counts into offsets in `word`.
    std::vector<std::size_t> ends;
    ends.reserve(letters.size());
    for (std::size_t at = 0; at < word.size();) {
        do ++at;
        while (at < word.size() && (static_cast<unsigned char>(word[at]) & 0xC0) == 0x80);
        ends.push_back(at);
    }
    const std::u32string lower = lowered(letters);
    if (const auto it = exceptions_.find(unicode::encode(lower)); it != exceptions_.end()) {
        std::vector<std::size_t> out;
        for (const std::size_t letters_before : it->second) {
            if (letters_before > 0 && letters_before <= ends.size()) out.push_back(ends[letters_before - 1]);
        }
        return out;
    }
    const Dictionary* d = dictionary();
    if (d == nullptr) return {};
    const std::string encoded = d->encoded(lower);
    if (encoded.empty()) return {};
    std::vector<char> hyphens(encoded.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    hnj_hyphen_hyphenate2(d->dict, encoded.c_str(), static_cast<int>(encoded.size()), hyphens.data(), nullptr, &rep, &pos, &cut);
    if (rep != nullptr) {
        for (std::size_t i = 0; i < encoded.size(); ++i) std::free(rep[i]);  // NOLINT: libhyphen allocates with malloc
        std::free(rep);                                                     // NOLINT
        std::free(pos);                                                     // NOLINT
        std::free(cut);                                                     // NOLINT
        return {};  // a non-standard (replacing) hyphenation (old German `Schiff-fahrt`): leave the word whole
    }
    // libhyphen marks a point after letter i (counted in letters, for UTF-8 patterns too) with an odd digit.
    std::vector<std::size_t> out;
    const auto n = static_cast<int>(letters.size());
    for (int i = d->left - 1; i + d->right < n; ++i) {
        if ((hyphens[static_cast<std::size_t>(i)] - '0') % 2 == 1) out.push_back(ends[static_cast<std::size_t>(i)]);
    }
    return out;
}

const std::vector<std::string>& Hyphenator::default_exceptions() { return builtin_list(); }

const Hyphenator& Hyphenator::english() {
    static const Hyphenator hyphenator(kDefaultPatterns, builtin_list());
    return hyphenator;
}

std::string Hyphenator::patterns_for(std::string_view tag, const std::string& folder) {
    const auto [language, region] = language_and_region(tag);
    const auto letters = [](const std::string& s) { return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'z' && std::isalpha(static_cast<unsigned char>(c)); }); };
    if (language.empty() || language.size() > 3 || !letters(language) || !letters(region)) return {};  // a tag is never a path
    namespace fs = std::filesystem;
    std::vector<std::string> names;
    if (!region.empty()) names.push_back(fmt_name(language, region));
    if (language == "en") names.push_back(fmt_name(language, "US"));
    names.push_back(fmt_name(language, unicode::ascii_upper(language)));
    names.push_back("hyph_" + language + ".dic");
    std::error_code ec;
    for (const std::string& name : names) {
        if (fs::is_regular_file(fs::path(folder) / name, ec)) return (fs::path(folder) / name).string();
    }
    // Else the first of the language's countries' patterns, in name order.
    std::vector<std::string> found;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.starts_with("hyph_" + language + "_") && name.ends_with(".dic")) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    return found.empty() ? std::string() : found.front();
}

Hyphenators::Hyphenators(bool enabled, std::vector<std::string> extra_exceptions)
    : enabled_(enabled), extra_(std::move(extra_exceptions)) {}

Hyphenators::~Hyphenators() = default;

const Hyphenator* Hyphenators::for_language(std::string_view tag) const {
    if (!enabled_) return nullptr;
    const std::string key = tag.empty() ? std::string("en") : unicode::ascii_lower(tag);
    const std::string language = language_and_region(key).first;
    const std::lock_guard lock(mutex_);
    if (const auto it = by_language_.find(key); it != by_language_.end()) return it->second.get();
    const std::string path = Hyphenator::patterns_for(key);
    std::unique_ptr<Hyphenator> made;
    if (!path.empty()) {
        std::vector<std::string> exceptions = language == "en" ? builtin_list() : std::vector<std::string>();
        exceptions.insert(exceptions.end(), extra_.begin(), extra_.end());
        made = std::make_unique<Hyphenator>(path, exceptions, !capitalises_nouns(language));
    }
    const Hyphenator* out = made.get();
    by_language_.emplace(key, std::move(made));
    return out;
}

}  // namespace briefkit::formats::pdf
