// Line classifiers: what a cleaned line looks like, independent of where it stands.
#include <utf8proc.h>

#include <array>
#include <cctype>
#include <regex>

#include "formats/text/article_parts.hpp"
#include "pipeline/model/text.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::formats::text {

namespace {

using unicode::is_letter;
using unicode::is_lower;

/// The first letter or digit of `text`, or 0.
char32_t first_alnum(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = utf8::next(text, pos);
        if (is_letter(cp) || ascii_digit(cp)) return cp;
        // Opening quotes and brackets may come before the first letter; anything else ends the search.
        if (cp != '"' && cp != '\'' && cp != '(' && cp != '[' && cp != 0x201C && cp != 0x2018 && cp != 0xAB &&
            cp != 0x201E) {
            return 0;
        }
    }
    return 0;
}

// Lower-case words that may stand inside a place name: "Rio de Janeiro", "Stratford-upon-Avon".
constexpr std::array<std::string_view, 22> kPlaceConnectors{
    "de", "del", "da", "do", "dos", "das", "di", "du", "des", "la", "le",
    "el", "al", "am", "an", "der", "of", "on", "upon", "and", "the", "y",
};

bool place_word(std::string_view word) {
    if (word.empty()) return false;
    for (std::string_view c : kPlaceConnectors) {
        if (word == c) return true;
    }
    std::size_t pos = 0;
    const char32_t first = utf8::next(word, pos);
    if (!unicode::is_upper_or_title(first)) return false;
    bool seen_period = false;
    std::size_t letters = 1;
    while (pos < word.size()) {
        const char32_t cp = utf8::next(word, pos);
        if (ascii_digit(cp)) return false;
        if (cp == '.') {
            seen_period = true;
        } else if (is_letter(cp)) {
            ++letters;
        } else if (cp == '/' && pos < word.size()) {
            // Two places as one (`DALLAS/FORT`): the part after the slash is a word too.
            return place_word(word.substr(pos));
        } else if (cp != '-' && cp != '\'' && cp != 0x2019) {
            return false;
        }
    }
    // A period belongs only to an abbreviation such as "Ind.", "N.J." or "St.".
    return !seen_period || letters <= 5;
}

}  // namespace

std::size_t length(std::string_view text) {
    std::size_t n = 0;
    for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

std::optional<std::string> url_line(std::string_view text) {
    static const std::regex re(R"(^<?((?:https?://|www\.)[^\s<>]+)>?$)", std::regex::icase);
    if (text.size() < 8 || text.size() > 2048) return std::nullopt;
    // It starts with http or www, perhaps after '<'.
    const char first = static_cast<char>(std::tolower(static_cast<unsigned char>(text[text[0] == '<' ? 1 : 0])));
    if (first != 'h' && first != 'w') return std::nullopt;
    std::cmatch m;
    if (!std::regex_match(text.begin(), text.end(), m, re)) return std::nullopt;
    return m[1].str();
}

bool separator_line(std::string_view text) {
    if (text.empty() || text.size() > 240) return false;
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = utf8::next(text, pos);
        switch (cp) {
            case '-':
            case '*':
            case '=':
            case '_':
            case '~':
            case ' ':
            case 0x2014:  // em dash
            case 0x2013:  // en dash
            case 0x2015:  // horizontal bar
            case 0x2500:  // box drawing horizontal
                break;
            default: return false;
        }
    }
    return true;
}

bool ends_sentence(std::string_view text) {
    std::size_t pos = text.size();
    // Step back over closing quotes and brackets.
    while (pos > 0) {
        std::size_t start = pos - 1;
        while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        std::size_t p = start;
        const char32_t cp = utf8::next(text, p);
        switch (cp) {
            case '.':
            case '!':
            case '?':
            case ':':
            case ';':
            case 0x2026:  // ellipsis
                return true;
            case '"':
            case '\'':
            case ')':
            case ']':
            case 0x201D:
            case 0x2019:
            case 0xBB:
                pos = start;
                continue;
            default: return false;
        }
    }
    return false;
}

bool starts_lower(std::string_view text) { return is_lower(first_alnum(text)); }

bool starts_upper_or_digit(std::string_view text) {
    const char32_t cp = first_alnum(text);
    return unicode::is_upper_or_title(cp) || ascii_digit(cp);
}

bool all_caps(std::string_view text) {
    bool letters = false;
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = utf8::next(text, pos);
        if (is_lower(cp)) return false;
        letters = letters || unicode::is_upper_or_title(cp);
    }
    return letters;
}

bool place_like(std::string_view text) {
    if (text.empty() || length(text) > 60) return false;
    const char last = text.back();
    if (last == ':' || last == ';' || last == '!' || last == '?' || last == ',' || last == '"') return false;
    int words = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view word = text.substr(start, end - start);
        if (!word.empty() && word.back() == ',') word.remove_suffix(1);
        if (!place_word(word)) return false;
        ++words;
        start = end + 1;
    }
    return words >= 1 && words <= 6;
}

}  // namespace briefkit::formats::text
