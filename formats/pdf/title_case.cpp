#include "formats/pdf/title_case.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "pipeline/model/deadline.hpp"
#include "pipeline/model/text.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::formats::pdf {

namespace {

using unicode::decode;
using unicode::encode;
using unicode::is_lower;
using unicode::is_upper;

char32_t lower(char32_t cp, bool turkic) {
    if (turkic && cp == 'I') return 0x131;
    if (turkic && cp == 0x130) return 'i';
    return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
}

// Words written wholly in capitals (two letters or more) anywhere in `body`.
std::set<std::u32string> capital_words(const std::u32string& body) {
    std::set<std::u32string> out;
    std::u32string word;
    bool all_upper = true;
    int letters = 0;
    const auto flush = [&] {
        if (letters >= 2 && all_upper) out.insert(word);
        word.clear();
        all_upper = true;
        letters = 0;
    };
    constexpr std::size_t kDeadlineStride = 4096;  // code points between two looks at the clock
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (i % kDeadlineStride == 0) check_deadline();
        const char32_t cp = body[i];
        if (unicode::is_cased_letter(cp) || (cp >= '0' && cp <= '9')) {
            word.push_back(cp);
            if (unicode::is_cased_letter(cp)) {
                ++letters;
                if (!is_upper(cp)) all_upper = false;
            }
        } else {
            flush();
        }
    }
    flush();
    return out;
}

/// A word of a title: [begin, end) of its code points.
struct Word {
    std::size_t begin, end;
};

bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }

/// The words of `text`: maximal runs of letters, digits, apostrophes and inner dots.
std::vector<Word> find_words(const std::u32string& text) {
    const auto in_word = [&](std::size_t j) {
        const char32_t cp = text[j];
        return unicode::is_cased_letter(cp) || is_digit(cp) || cp == '\'' || cp == 0x2019 ||
               (cp == '.' && j + 1 < text.size() && unicode::is_cased_letter(text[j + 1]));
    };
    std::vector<Word> words;
    for (std::size_t i = 0; i < text.size();) {
        if (!unicode::is_cased_letter(text[i]) && !is_digit(text[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && in_word(j)) ++j;
        words.push_back({i, j});
        i = j;
    }
    return words;
}

/// True when `word` of `text` is an English ordinal (`3RD`, `21ST`): digits, then st, nd, rd or th.
bool is_ordinal(const std::u32string& text, const Word& word) {
    std::size_t k = word.begin;
    while (k < word.end && is_digit(text[k])) ++k;
    if (k == word.begin || word.end - k != 2) return false;
    std::u32string suffix;
    for (std::size_t i = k; i < word.end; ++i) suffix.push_back(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(text[i]))));
    return suffix == U"st" || suffix == U"nd" || suffix == U"rd" || suffix == U"th";
}

/// True when `word` of `text` is a code to keep as it is: digits anywhere in its run of
/// non-spaces (COVID-19, 1987/88), inner dots (U.S.), or a ticker in parentheses ("(NYSE: IBM)").
bool is_code(const std::u32string& text, const Word& word) {
    std::size_t token_begin = word.begin;
    std::size_t token_end = word.end;
    while (token_begin > 0 && text[token_begin - 1] != ' ') --token_begin;
    while (token_end < text.size() && text[token_end] != ' ') ++token_end;
    bool digit = false;
    bool dotted = false;
    for (std::size_t k = token_begin; k < token_end; ++k) digit = digit || is_digit(text[k]);
    if (is_ordinal(text, word)) return false;
    for (std::size_t k = word.begin; k < word.end; ++k) dotted = dotted || text[k] == '.';
    const char32_t before = word.begin > 0 ? text[word.begin - 1] : U' ';
    const char32_t after = word.end < text.size() ? text[word.end] : U' ';
    const bool ticker = before == '(' || after == ')' || before == '<' || after == '>';
    return digit || dotted || ticker;
}

/// True for an all-caps headline: at least four capitals, and under one lowercase letter per ten.
bool is_all_caps(const std::u32string& text) {
    int upper = 0;
    int lowers = 0;
    for (const char32_t cp : text) {
        if (is_upper(cp)) ++upper;
        if (is_lower(cp)) ++lowers;
    }
    return upper >= 4 && lowers * 10 <= upper;
}

/// Words kept in capitals: acronyms a headline's body may not show.
const std::set<std::u32string>& acronyms() {
    static const std::set<std::u32string> words{U"UN",  U"EU",  U"US",  U"USA", U"UK",   U"NATO", U"CSTO",
                                                U"CIS", U"SCO", U"OSCE", U"IMF", U"WHO", U"OPEC", U"GDP",
                                                U"CEO", U"AI",  U"EDT", U"EST", U"CDT", U"CST",  U"PDT",
                                                U"PST", U"GMT", U"UTC", U"BST", U"CET"};
    return words;
}

/// The wires' abbreviations of units and amounts, lower-case wherever they stand (`mln dlrs`,
/// `cts/lb`, `3rd qtr` keeps its `Qtr`: a word, not a unit).
const std::set<std::u32string>& units() {
    static const std::set<std::u32string> words{U"mln", U"bln", U"trln", U"dlrs", U"dlr", U"cts", U"ct", U"pct", U"lb",
                                                U"lbs", U"kg",  U"km",   U"mths", U"yrs", U"yr",  U"oz", U"pc"};
    return words;
}

/// English words left lower-case inside a title.
const std::set<std::u32string>& small_words() {
    static const std::set<std::u32string> words{U"a",  U"an", U"the", U"and",  U"but", U"or",   U"nor",  U"for",
                                                U"on", U"at", U"to",  U"from", U"by",  U"of",   U"in",   U"with",
                                                U"as", U"vs", U"via", U"into", U"over", U"per"};
    return words;
}

/// How often the body writes a word capitalised and in lower case, inside its sentences.
struct CaseCounts {
    int capitalised = 0;
    int lower = 0;
};

/// The lower-cased words of `body` with how it writes each where no sentence starts: whether a
/// language capitalises the word (a name, a German noun) is read from the article itself.
std::map<std::u32string, CaseCounts> body_forms(const std::u32string& body, bool turkic) {
    std::map<std::u32string, CaseCounts> forms;
    bool sentence_start = true;
    constexpr std::size_t kDeadlineStride = 4096;
    for (std::size_t i = 0; i < body.size();) {
        if (i % kDeadlineStride == 0) check_deadline();
        if (!unicode::is_cased_letter(body[i])) {
            if (std::u32string_view(U".!?:\n\u2014\u00AB\u201E\u201C\"").find(body[i]) != std::u32string_view::npos) sentence_start = true;
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < body.size() && unicode::is_cased_letter(body[j])) ++j;
        if (!sentence_start) {
            std::u32string key;
            for (std::size_t k = i; k < j; ++k) key.push_back(lower(body[k], turkic));
            CaseCounts& c = forms[key];
            (is_upper(body[i]) ? c.capitalised : c.lower) += 1;
        }
        sentence_start = false;
        i = j;
    }
    return forms;
}

/// True when word `w` of an English headline is capitalised: all but the small words (of, in,
/// and) inside it, and the units (mln, dlrs) anywhere.
bool title_cased_word(const std::u32string& text, const std::vector<Word>& words, std::size_t w, const std::u32string& lowered) {
    if (units().count(lowered) != 0) return false;
    const char32_t before = words[w].begin > 0 ? text[words[w].begin - 1] : U' ';
    const char32_t before2 = words[w].begin > 1 ? text[words[w].begin - 2] : U' ';
    const bool first = w == 0;
    const bool last = w + 1 == words.size();
    const bool after_colon = words[w].begin > 1 && (before2 == ':' || before == ':');
    return first || last || after_colon || small_words().count(lowered) == 0;
}

/// True when word `w` of a headline in sentence case is capitalised: the first, and those the
/// body capitalises more often than not inside its sentences (names; in German, nouns).
bool sentence_cased_word(std::size_t w, const std::u32string& lowered,
                         const std::map<std::u32string, CaseCounts>& forms) {
    if (w == 0) return true;
    const auto form = forms.find(lowered);
    return form != forms.end() && form->second.capitalised > form->second.lower;
}

}  // namespace

std::string title_case(const std::string& title, const std::string& body, const std::string& language,
                       const std::vector<std::string>& names) {
    const std::u32string text = decode(title);
    if (!is_all_caps(text)) return title;
    const bool turkic = language == "tr" || language == "az";
    // A headline in no stated language is taken for English when it is written in Latin letters.
    const bool latin = std::all_of(text.begin(), text.end(), [](char32_t cp) { return !unicode::is_cased_letter(cp) || cp < 0x250; });
    const bool english = language == "en" || language.starts_with("en-") || (language.empty() && latin);
    const std::u32string body_text = decode(body);
    const std::set<std::u32string> in_body = capital_words(body_text);
    std::map<std::u32string, CaseCounts> forms;
    if (!english) {
        forms = body_forms(body_text, turkic);
        for (const std::string& name : names) {
            // The metadata's names (the place, the authors) are names wherever they stand.
            std::u32string key;
            for (const char32_t cp : decode(name + " ")) {
                if (unicode::is_cased_letter(cp)) {
                    key.push_back(lower(cp, turkic));
                } else if (!key.empty()) {
                    forms[key].capitalised += 1000;
                    key.clear();
                }
            }
        }
    }
    const std::vector<Word> words = find_words(text);
    std::u32string out = text;
    for (std::size_t w = 0; w < words.size(); ++w) {
        const std::u32string word = text.substr(words[w].begin, words[w].end - words[w].begin);
        if (is_code(text, words[w]) || acronyms().count(word) != 0 || in_body.count(word) != 0) continue;
        std::u32string lowered;
        for (const char32_t cp : word) lowered.push_back(lower(cp, turkic));
        const bool capital = english ? title_cased_word(text, words, w, lowered) : sentence_cased_word(w, lowered, forms);
        if (capital && !is_ordinal(text, words[w])) {
            // Capitalise the first letter; after an apostrophe (O'BRIEN) keep the next capital too.
            lowered[0] = word[0];
            for (std::size_t k = 1; k + 1 < lowered.size(); ++k) {
                if ((lowered[k] == '\'' || lowered[k] == 0x2019) && k == 1) lowered[k + 1] = word[k + 1];
            }
        }
        out.replace(words[w].begin, lowered.size(), lowered);
    }
    return encode(out);
}

}  // namespace briefkit::formats::pdf
