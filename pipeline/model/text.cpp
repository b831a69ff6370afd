#include "pipeline/model/text.hpp"

#include <utf8proc.h>

#include <cctype>
#include <cstdlib>
#include <memory>

#include "pipeline/model/utf8.hpp"

namespace briefkit::unicode {

namespace {

utf8proc_category_t category(char32_t cp) { return utf8proc_category(static_cast<utf8proc_int32_t>(cp)); }

}  // namespace

bool is_upper(char32_t cp) { return category(cp) == UTF8PROC_CATEGORY_LU; }

char32_t to_lower(char32_t cp) {
    if (cp > 0x10FFFF) return cp;
    return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
}

bool is_upper_or_title(char32_t cp) {
    const utf8proc_category_t cat = category(cp);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

bool is_lower(char32_t cp) { return category(cp) == UTF8PROC_CATEGORY_LL; }

bool is_cased_letter(char32_t cp) {
    const utf8proc_category_t cat = category(cp);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LT;
}

bool is_letter(char32_t cp) {
    const utf8proc_category_t cat = category(cp);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

std::string expand_tabs(std::string_view text, std::size_t column) {
    constexpr std::size_t kTabStop = 8;
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        if (utf8::next(text, pos) == '\t') {
            const std::size_t spaces = kTabStop - column % kTabStop;
            out.append(spaces, ' ');
            column += spaces;
        } else {
            out.append(text.substr(start, pos - start));
            ++column;
        }
    }
    return out;
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

std::string ascii_upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string letters_key(std::string_view text) {
    std::u32string key;
    for (const char32_t cp : decode(fold_case(text))) {
        if (is_letter(cp) || (cp >= U'0' && cp <= U'9')) key.push_back(cp);
    }
    return encode(key);
}

std::string_view whole_prefix(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return text;
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    return text.substr(0, cut);
}

std::string shortened(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return std::string(text);
    const std::size_t space = text.rfind(' ', limit);
    return std::string(whole_prefix(text, space == std::string_view::npos || space < limit / 2 ? limit : space)) + "\u2026";
}

std::u32string decode(std::string_view text) {
    std::u32string out;
    std::size_t pos = 0;
    while (pos < text.size()) out.push_back(utf8::next(text, pos));
    return out;
}

std::string encode(std::u32string_view text) {
    std::string out;
    for (const char32_t cp : text) utf8::append(out, cp);
    return out;
}

namespace {

/// True for a code point whose case folding is its lower case, one code point for one, so that
/// utf8proc's allocating full mapping need not be asked: ASCII, Latin-1 and Latin Extended-A and B,
/// and Cyrillic, except the four whose folding differs (ß, İ, ŉ, ſ).
bool folds_to_lower(char32_t cp) {
    if (cp < 0x80) return true;
    if (cp == 0x00DF || cp == 0x0130 || cp == 0x0149 || cp == 0x017F) return false;
    return (cp >= 0x00C0 && cp <= 0x024F) || (cp >= 0x0400 && cp <= 0x052F);
}

}  // namespace

std::string fold_case(std::string_view word) {
    std::string out;
    out.reserve(word.size());
    if (utf8::is_ascii(word)) {
        out.assign(word);
        for (char& c : out) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        return out;
    }
    // Letters of these scripts fold one by one; a word of nothing else needs no allocation by utf8proc.
    for (std::size_t pos = 0; pos < word.size();) {
        const char32_t cp = utf8::next(word, pos);
        if (!folds_to_lower(cp)) {
            out.clear();
            break;
        }
        utf8::append(out, static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))));
    }
    if (!out.empty()) return out;
    utf8proc_uint8_t* folded = nullptr;
    const utf8proc_ssize_t n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(word.data()), static_cast<utf8proc_ssize_t>(word.size()),
                     &folded, static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE));
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(folded, &std::free);
    if (n < 0) return std::string(word);
    return std::string(reinterpret_cast<const char*>(folded), static_cast<std::size_t>(n));
}

}  // namespace briefkit::unicode
