// Briefkit's TrueType subsetter against HarfBuzz's (hb-subset), on the glyphs a briefing uses:
// bytes of the subset and milliseconds per subset, per face. Why the PDF writer keeps its own
// for TrueType faces (bench/RESULTS.md).
//
//   briefkit_subset_speed [FONT.ttf...]   (default: the built-in styles' body and fallback faces)
#include <hb-subset.h>
#include <hb.h>

#include <chrono>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "formats/pdf/truetype.hpp"
#include "pipeline/model/utf8.hpp"

using briefkit::formats::pdf::FontFace;

namespace {

// A wire story's characters: what one briefing's body face draws.
constexpr const char* kText =
    "WASHINGTON (Reuters) - The Federal Reserve held rates at 5.25%-5.50% on Wednesday, officials said; "
    "\"We are prepared to act,\" Chair Jerome Powell told reporters. Growth slowed to 1.6% in Q1 (2024). "
    "\u201CJobs remain strong\u201D \u2014 \u00E9t\u00E9, na\u00EFve, \u0401\u043B\u043A\u0430 \u00A7 4 \u2116 12 "
    "\u0627\u0644\u0623\u0633\u0639\u0627\u0631 \u05E9\u05DC\u05D5\u05DD \u4E2D\u56FD\u65B0\u95FB";
constexpr int kRounds = 200;

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / kRounds;
}

/// hb-subset's subset of `glyphs`, keeping the tables Briefkit's keeps, without hinting; its size.
std::size_t hb_subset_bytes(hb_face_t* face, const std::vector<std::uint16_t>& glyphs) {
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    for (const std::uint16_t g : glyphs) hb_set_add(hb_subset_input_glyph_set(input), g);
    hb_set_clear(hb_subset_input_unicode_set(input));
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
    hb_tag_t tags[128];
    unsigned count = 128;
    hb_face_get_table_tags(face, 0, &count, tags);
    for (unsigned i = 0; i < count; ++i) {
        const hb_tag_t t = tags[i];
        const bool kept = t == HB_TAG('h', 'e', 'a', 'd') || t == HB_TAG('h', 'h', 'e', 'a') || t == HB_TAG('m', 'a', 'x', 'p') ||
                          t == HB_TAG('h', 'm', 't', 'x') || t == HB_TAG('l', 'o', 'c', 'a') || t == HB_TAG('g', 'l', 'y', 'f');
        if (!kept) hb_set_add(hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG), t);
    }
    hb_face_t* subset = hb_subset_or_fail(face, input);
    hb_blob_t* blob = hb_face_reference_blob(subset);
    const std::size_t bytes = hb_blob_get_length(blob);
    hb_blob_destroy(blob);
    hb_face_destroy(subset);
    hb_subset_input_destroy(input);
    return bytes;
}

void compare(const std::string& path) {
    const auto face = FontFace::load(path);
    std::vector<std::uint16_t> glyphs{0};
    std::set<std::uint16_t> seen{0};
    const std::string_view text = kText;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::uint16_t g = face->glyph(briefkit::utf8::next(text, pos));
        if (g != 0 && seen.insert(g).second) glyphs.push_back(g);
    }
    std::size_t ours = 0;
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kRounds; ++i) {
        std::vector<std::uint16_t> g = glyphs;
        ours = face->subset(g).size();
    }
    const double ours_ms = ms_since(start);
    hb_blob_t* blob = hb_blob_create(face->bytes().data(), static_cast<unsigned>(face->bytes().size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* hb_face = hb_face_create(blob, 0);
    std::size_t theirs = 0;
    start = std::chrono::steady_clock::now();
    for (int i = 0; i < kRounds; ++i) theirs = hb_subset_bytes(hb_face, glyphs);
    const double theirs_ms = ms_since(start);
    hb_face_destroy(hb_face);
    hb_blob_destroy(blob);
    std::printf("%-58s %4zu glyphs  Briefkit %7zu B %7.3f ms   hb-subset %7zu B %7.3f ms   (%.1fx the time, %+.1f%% bytes)\n",
                path.c_str(), glyphs.size(), ours, ours_ms, theirs, theirs_ms, theirs_ms / ours_ms,
                100.0 * (static_cast<double>(theirs) - static_cast<double>(ours)) / static_cast<double>(ours));
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> fonts(argv + 1, argv + argc);
    if (fonts.empty()) {
        fonts = {"/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
                 "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf", "/usr/share/fonts/truetype/noto/NotoSerifHebrew-Regular.ttf",
                 "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"};
    }
    for (const std::string& f : fonts) compare(f);
}
