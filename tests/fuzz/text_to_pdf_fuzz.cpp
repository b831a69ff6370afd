// Fuzz target: the whole text-to-PDF path, arbitrary bytes through the text reader and the
// briefing writer (line breaking, hyphenation, pagination, font subsetting, libharu).
#include "briefkit/error.hpp"
#include "formats/pdf/pdf_writer.hpp"
#include "formats/text/text_reader.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace briefkit;
    static const auto pdf = formats::make_pdf_writer();
    Document doc;
    try {
        doc = formats::read_text(fuzz::as_text(data, size), "fuzz.txt", {});
    } catch (const InputError&) {
        return 0;
    }
    const std::string bytes = write_to_string(*pdf, doc);
    fuzz::require(bytes.starts_with("%PDF-") && bytes.find("%%EOF") != std::string::npos, "the PDF is not whole");
    return 0;
}
