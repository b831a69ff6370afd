#include "formats/pdf/font_lookup.hpp"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace briefkit::formats::pdf {

namespace {

struct PatternFree {
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using Pattern = std::unique_ptr<FcPattern, PatternFree>;

bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

/// True when `font` is of `family` under any of the names it gives.
bool of_family(FcPattern* font, std::string_view family) {
    FcChar8* name = nullptr;
    for (int i = 0; FcPatternGetString(font, FC_FAMILY, i, &name) == FcResultMatch; ++i) {
        if (same_name(reinterpret_cast<const char*>(name), family)) return true;
    }
    return false;
}

}  // namespace

std::string font_file_for(const std::string& spec) {
    // fontconfig's configuration is process-wide and not made to be loaded by threads at once.
    static std::mutex mutex;
    const std::lock_guard<std::mutex> lock(mutex);
    const Pattern wanted(FcNameParse(reinterpret_cast<const FcChar8*>(spec.c_str())));
    FcChar8* family = nullptr;
    if (!wanted || FcPatternGetString(wanted.get(), FC_FAMILY, 0, &family) != FcResultMatch) {
        throw std::runtime_error("'" + spec + "' names no font family (expected a family such as 'Noto Serif', or 'Noto Serif:bold')");
    }
    const std::string family_name = reinterpret_cast<const char*>(family);
    FcConfigSubstitute(nullptr, wanted.get(), FcMatchPattern);
    FcDefaultSubstitute(wanted.get());
    FcResult result = FcResultNoMatch;
    const Pattern found(FcFontMatch(nullptr, wanted.get(), &result));
    FcChar8* file = nullptr;
    if (!found || FcPatternGetString(found.get(), FC_FILE, 0, &file) != FcResultMatch) {
        throw std::runtime_error("no installed font matches '" + spec + "' (fontconfig found none)");
    }
    if (!of_family(found.get(), family_name)) {
        FcChar8* nearest = nullptr;
        FcPatternGetString(found.get(), FC_FAMILY, 0, &nearest);
        throw std::runtime_error("no font of the family '" + family_name + "' is installed (fontconfig's nearest is '" +
                                 (nearest != nullptr ? reinterpret_cast<const char*>(nearest) : "?") + "', " +
                                 reinterpret_cast<const char*>(file) + ")");
    }
    return reinterpret_cast<const char*>(file);
}

}  // namespace briefkit::formats::pdf
