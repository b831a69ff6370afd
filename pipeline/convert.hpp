// convert(): one article, from its bytes to every requested output, in memory.
//
// Every command converts through a Converter: `convert` (the batch engine), `stream`,
// `digest` and `inspect`. It chooses the reader, reads the article into a Document under
// the article's time limit, and has each writer make its output in a string; writing
// files, manifests and replies is the caller's.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "briefkit/model.hpp"
#include "briefkit/read_options.hpp"
#include "pipeline/inputs.hpp"
#include "pipeline/model/writer.hpp"
#include "pipeline/registry.hpp"

namespace briefkit {

/// One article of an input, converted.
struct ConvertedArticle {
    Document document;                 ///< The article as read.
    std::vector<std::string> outputs;  ///< One per format of the Converter, in its order.
};

/// What converting one input made: its article, or each text item of a news message.
struct Conversion {
    bool skipped = false;                    ///< The caller's skip test passed: nothing was read or written.
    std::vector<ConvertedArticle> articles;  ///< The input's articles, in order; at least one unless skipped.
    std::vector<std::string> warnings;       ///< The writers' warnings (a character no font could draw).
};

/// When the outputs are made, in seconds since 1970: SOURCE_DATE_EPOCH when it is set to a
/// number (the reproducible-builds convention), else now.
[[nodiscard]] std::int64_t output_time();

/// The article as XML and JSON, by the registry's writers: what a PDF briefing attaches.
[[nodiscard]] std::function<std::vector<Rendering>(const Document&)> data_renderings();

/// What a Converter does with every article.
struct ConversionOptions {
    ReadOptions read;                          ///< Reader options, the input format included.
    WriterOptions write;                       ///< Writer options (the PDF style).
    std::vector<const WriterEntry*> formats;   ///< Outputs made for each article; none to only read.
    std::chrono::milliseconds timeout{60000};  ///< Time to read and convert each article; zero for none.
};

/// Tells, from an input's bytes, that it needs no conversion (a rerun's manifest shows it done).
using SkipTest = std::function<bool(std::string_view bytes)>;

/// Converts articles with one set of options. The writers are made once (a PDF style is loaded
/// once) and shared by every article; a Converter may be used from many threads at once.
class Converter {
public:
    /// A converter with `options`; throws UsageError when a writer cannot be made (a bad style).
    explicit Converter(ConversionOptions options);

    /// Reads `input` and converts it, reading and converting within the time limit. When `skip`
    /// is given and holds for the input's bytes, returns a Conversion marked skipped. Throws Error
    /// (LimitError past the time limit or out of memory); an error that names no file names
    /// `name`, or the input when `name` is empty.
    [[nodiscard]] Conversion convert(const Input& input, const SkipTest& skip = {}, std::string_view name = {}) const;

    /// Converts an article given as `bytes`, called `name` in errors, within the time limit;
    /// throws as the other convert() does.
    [[nodiscard]] Conversion convert(std::string_view bytes, std::string_view name) const;

private:
    /// Runs `conversion`, naming `name` in an error that names no file; out of memory is a LimitError.
    template <typename Conversion_fn>
    static Conversion named(const std::string& name, const Conversion_fn& conversion);
    Conversion convert_read(std::string_view bytes, std::string_view path, std::string_view name) const;

    ConversionOptions options_;
    std::vector<std::unique_ptr<Writer>> writers_;
};

/// Reads `input` (see read_input()) into its articles, with no time limit and no output.
[[nodiscard]] std::vector<Document> read_documents(const Input& input, const ReadOptions& options);

/// Reads `input`, which must hold one article (InputError naming how many it holds otherwise).
[[nodiscard]] Document read_document(const Input& input, const ReadOptions& options);

/// Reads the articles of `bytes` (from the file at `path`, which chooses the reader by its
/// extension; empty for none) with the reader choose_reader() picks; `name` is used in errors.
[[nodiscard]] std::vector<Document> read_articles(std::string_view bytes, std::string_view path, std::string_view name,
                                                  const ReadOptions& options);

/// The name of article `index` (from 0) of an input with `count` articles, from the input's
/// output stem: the stem itself for an input of one article, else `stem-item1`, `stem-item2`...
[[nodiscard]] std::string article_stem(std::string_view stem, std::size_t index, std::size_t count);

}  // namespace briefkit
