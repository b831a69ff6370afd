// Fuzz target: the daily brief, arbitrary bytes cut into up to eight articles at each record
// separator (0x1E), each read as text, then arranged (folding by story, sections, top stories)
// and laid out in columns with its front page, contents and appendix.
#include "briefkit/error.hpp"
#include "formats/pdf/pdf_writer.hpp"
#include "formats/text/text_reader.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace briefkit;
    constexpr std::size_t kMaxArticles = 8;
    static const auto digest = [] {
        WriterOptions options;
        options.digest.group_by = "place";
        return formats::make_pdf_digest_writer(options);
    }();
    const std::string_view all = fuzz::as_text(data, size);
    std::vector<Document> docs;
    for (std::size_t start = 0; start <= all.size() && docs.size() < kMaxArticles;) {
        const std::size_t end = std::min(all.find('\x1e', start), all.size());
        try {
            docs.push_back(formats::read_text(all.substr(start, end - start), "fuzz.txt", {}));
        } catch (const InputError&) {
        }
        start = end + 1;
    }
    if (docs.empty()) return 0;
    std::string bytes;
    StringSink sink(bytes);
    digest->write(docs, sink);
    fuzz::require(bytes.starts_with("%PDF-") && bytes.find("%%EOF") != std::string::npos, "the PDF is not whole");
    return 0;
}
