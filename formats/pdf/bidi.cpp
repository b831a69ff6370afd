#include "formats/pdf/bidi.hpp"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <memory>
#include <numeric>

#include "pipeline/model/utf8.hpp"

namespace briefkit::formats::pdf {

namespace {

struct BidiClose {
    void operator()(UBiDi* bidi) const { ubidi_close(bidi); }
};

/// True when `cp` is a strong right-to-left character or a control that opens right-to-left text.
bool right_to_left(char32_t cp) {
    switch (u_charDirection(static_cast<UChar32>(cp))) {
        case U_RIGHT_TO_LEFT: case U_RIGHT_TO_LEFT_ARABIC: case U_RIGHT_TO_LEFT_EMBEDDING: case U_RIGHT_TO_LEFT_OVERRIDE:
        case U_RIGHT_TO_LEFT_ISOLATE:
            return true;
        default:
            return false;
    }
}

}  // namespace

BidiLevels resolve_levels(std::string_view text) {
    BidiLevels out;
    if (!utf8::any_from_lead(text, 0xD6, right_to_left)) return out;  // nothing right to left at U+0580 or above
    std::vector<std::size_t> byte_of_unit;
    const std::u16string utf16 = utf8::to_utf16(text, byte_of_unit);
    UErrorCode error = U_ZERO_ERROR;
    const std::unique_ptr<UBiDi, BidiClose> bidi(ubidi_openSized(static_cast<int32_t>(utf16.size()), 0, &error));
    ubidi_setPara(bidi.get(), utf16.data(), static_cast<int32_t>(utf16.size()), UBIDI_DEFAULT_LTR, nullptr, &error);
    const UBiDiLevel* levels = ubidi_getLevels(bidi.get(), &error);
    if (U_FAILURE(error) || levels == nullptr) return out;  // out of memory: left to right, still legible
    out.paragraph = ubidi_getParaLevel(bidi.get()) & 1;
    out.of_byte.assign(text.size(), out.paragraph);
    for (std::size_t unit = 0; unit < utf16.size(); ++unit) {
        const std::size_t from = byte_of_unit[unit];
        const std::size_t to = unit + 1 < utf16.size() ? byte_of_unit[unit + 1] : text.size();
        std::fill(out.of_byte.begin() + static_cast<std::ptrdiff_t>(from), out.of_byte.begin() + static_cast<std::ptrdiff_t>(to),
                  levels[unit]);
    }
    return out;
}

std::vector<std::size_t> visual_order(const std::vector<std::uint8_t>& levels) {
    std::vector<std::size_t> order(levels.size());
    std::iota(order.begin(), order.end(), 0);
    if (levels.empty()) return order;
    const std::uint8_t highest = *std::max_element(levels.begin(), levels.end());
    std::uint8_t lowest_odd = 255;
    for (const std::uint8_t l : levels) {
        if ((l & 1) != 0) lowest_odd = std::min(lowest_odd, l);
    }
    for (int level = highest; level >= lowest_odd && level > 0; --level) {
        for (std::size_t i = 0; i < order.size();) {
            if (levels[order[i]] < level) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < order.size() && levels[order[j]] >= level) ++j;
            std::reverse(order.begin() + static_cast<std::ptrdiff_t>(i), order.begin() + static_cast<std::ptrdiff_t>(j));
            i = j;
        }
    }
    return order;
}

}  // namespace briefkit::formats::pdf
