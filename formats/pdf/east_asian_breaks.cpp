#include "formats/pdf/east_asian_breaks.hpp"

#include <unicode/ubrk.h>
#include <unicode/uchar.h>

#include <memory>
#include <string>

#include "pipeline/model/utf8.hpp"

namespace briefkit::formats::pdf {

namespace {

struct BreakClose {
    void operator()(UBreakIterator* it) const { ubrk_close(it); }
};

/// True for a letter of a script written without spaces between words: ideographs, kana,
/// Hangul (the line break classes ID, CJ, H2, H3, JL, JV, JT).
bool east_asian(char32_t cp) {
    if (cp < 0x1100) return false;
    switch (u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_LINE_BREAK)) {
        case U_LB_IDEOGRAPHIC: case U_LB_CONDITIONAL_JAPANESE_STARTER: case U_LB_H2: case U_LB_H3: case U_LB_JL:
        case U_LB_JV: case U_LB_JT:
            return true;
        default:
            return false;
    }
}

}  // namespace

std::vector<std::size_t> east_asian_breaks(std::string_view word) {
    std::vector<std::size_t> out;
    if (!utf8::any_from_lead(word, 0xE1, east_asian)) return out;  // no East Asian letter at U+1000 or above
    std::vector<std::size_t> byte_of_unit;
    const std::u16string utf16 = utf8::to_utf16(word, byte_of_unit);
    std::vector<bool> east(utf16.size());  // per unit: its character is East Asian
    for (std::size_t unit = 0; unit < utf16.size(); ++unit) {
        std::size_t at = byte_of_unit[unit];
        east[unit] = east_asian(utf8::next(word, at));
    }
    // One iterator per thread: opening one loads ICU's rules.
    thread_local std::unique_ptr<UBreakIterator, BreakClose> iterator;
    UErrorCode error = U_ZERO_ERROR;
    if (!iterator) iterator.reset(ubrk_open(UBRK_LINE, "", nullptr, 0, &error));
    if (U_FAILURE(error) || !iterator) return out;  // no rules: the word stays whole, as before
    ubrk_setText(iterator.get(), utf16.data(), static_cast<int32_t>(utf16.size()), &error);
    if (U_FAILURE(error)) return out;
    const auto length = static_cast<int32_t>(utf16.size());
    for (int32_t at = ubrk_following(iterator.get(), 0); at != UBRK_DONE && at < length; at = ubrk_next(iterator.get())) {
        const auto unit = static_cast<std::size_t>(at);
        if (east[unit - 1] || east[unit]) out.push_back(byte_of_unit[unit]);
    }
    return out;
}

}  // namespace briefkit::formats::pdf
