// Fuzz target: the briefing style loader on arbitrary YAML. Font paths are taken from the
// source tree's styles/ folder, so the fuzzer reaches the keys after `fonts`. A style it accepts
// must have a page with room for text.
#include "briefkit/error.hpp"
#include "formats/pdf/style.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace briefkit;
    try {
        const formats::pdf::Style style =
            formats::pdf::parse_style(std::string(fuzz::as_text(data, size)), "fuzz.yaml", BRIEFKIT_SOURCE_DIR "/styles");
        fuzz::require(style.page_width - style.margin_left - style.margin_right > 0, "an accepted style has no text width");
        fuzz::require(style.page_height - style.margin_top - style.margin_bottom > 0, "an accepted style has no text height");
    } catch (const Error&) {
    }
    return 0;
}
