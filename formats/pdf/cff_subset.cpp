#include "formats/pdf/cff_subset.hpp"

#include <hb-subset.h>

#include <array>
#include <memory>
#include <stdexcept>

namespace briefkit::formats::pdf {

namespace {

struct BlobDeleter {
    void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
};
struct FaceDeleter {
    void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};
struct InputDeleter {
    void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); }
};

/// The tables a PDF viewer reads of an embedded OpenType CFF font; layout tables go.
constexpr std::array<hb_tag_t, 9> kKept{HB_TAG('C', 'F', 'F', ' '), HB_TAG('h', 'e', 'a', 'd'), HB_TAG('h', 'h', 'e', 'a'),
                                        HB_TAG('h', 'm', 't', 'x'), HB_TAG('m', 'a', 'x', 'p'), HB_TAG('c', 'm', 'a', 'p'),
                                        HB_TAG('O', 'S', '/', '2'), HB_TAG('p', 'o', 's', 't'), HB_TAG('n', 'a', 'm', 'e')};

/// True when `font` is an OpenType file (`OTTO`) whose table directory lists a `CFF ` table.
bool holds_cff_table(std::string_view font) {
    if (font.size() < 12 || font.substr(0, 4) != "OTTO") return false;
    const std::size_t tables = (static_cast<unsigned char>(font[4]) << 8) | static_cast<unsigned char>(font[5]);
    for (std::size_t t = 0; t < tables && 12 + 16 * t + 4 <= font.size(); ++t) {
        if (font.substr(12 + 16 * t, 4) == "CFF ") return true;
    }
    return false;
}

}  // namespace

std::string subset_cff(std::string_view font_bytes, const std::vector<std::uint16_t>& glyphs, const std::string& name) {
    const std::unique_ptr<hb_blob_t, BlobDeleter> blob(
        hb_blob_create(font_bytes.data(), static_cast<unsigned>(font_bytes.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    const std::unique_ptr<hb_face_t, FaceDeleter> face(hb_face_create(blob.get(), 0));
    const std::unique_ptr<hb_subset_input_t, InputDeleter> input(hb_subset_input_create_or_fail());
    if (!input) throw std::runtime_error("font " + name + ": out of memory subsetting it");
    hb_set_t* kept_glyphs = hb_subset_input_glyph_set(input.get());
    for (const std::uint16_t g : glyphs) hb_set_add(kept_glyphs, g);
    hb_set_clear(hb_subset_input_unicode_set(input.get()));
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
    std::array<hb_tag_t, 128> tags{};
    unsigned count = static_cast<unsigned>(tags.size());
    hb_face_get_table_tags(face.get(), 0, &count, tags.data());
    hb_set_t* dropped = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (unsigned i = 0; i < count; ++i) {
        bool kept = false;
        for (const hb_tag_t k : kKept) kept = kept || tags[i] == k;
        if (!kept) hb_set_add(dropped, tags[i]);
    }
    const std::unique_ptr<hb_face_t, FaceDeleter> subset(hb_subset_or_fail(face.get(), input.get()));
    if (!subset) throw std::runtime_error("font " + name + ": its CFF outlines are damaged (HarfBuzz's subsetter could not read them)");
    const std::unique_ptr<hb_blob_t, BlobDeleter> out(hb_face_reference_blob(subset.get()));
    unsigned length = 0;
    const char* data = hb_blob_get_data(out.get(), &length);
    std::string font(data, length);
    // A CFF table HarfBuzz cannot read is dropped, not reported: the subset must still hold one.
    if (!holds_cff_table(font)) throw std::runtime_error("font " + name + ": its CFF outlines are damaged (HarfBuzz's subsetter dropped them)");
    return font;
}

}  // namespace briefkit::formats::pdf
