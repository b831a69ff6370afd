#include "pipeline/model/text.hpp"

#include <utf8proc.h>

#include <cctype>

#include "pipeline/model/utf8.hpp"

namespace briefkit::unicode {

namespace {

utf8proc_category_t category(char32_t cp) { return utf8proc_category(static_cast<utf8proc_int32_t>(cp)); }

}  // namespace

bool is_upper(char32_t cp) { return category(cp) == UTF8PROC_CATEGORY_LU; }

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
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string ascii_upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
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

}  // namespace briefkit::unicode
