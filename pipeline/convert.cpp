#include "pipeline/convert.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <ctime>

#include "briefkit/error.hpp"
#include "pipeline/input_reader.hpp"
#include "pipeline/model/deadline.hpp"

namespace briefkit {

std::vector<Document> read_documents(const Input& input, const ReadOptions& options) {
    const std::string bytes = read_input(input, options);
    return read_articles(bytes, input.path, input.display, options);
}

Document read_document(const Input& input, const ReadOptions& options) {
    std::vector<Document> docs = read_documents(input, options);
    if (docs.size() != 1) {
        throw InputError(fmt::format("holds {} articles where one was expected", docs.size()), input.display);
    }
    return std::move(docs.front());
}

std::vector<Document> read_articles(std::string_view bytes, std::string_view path, std::string_view name,
                                    const ReadOptions& options) {
    return choose_reader(path, bytes, options.from).read(bytes, name, options);
}

std::string article_stem(std::string_view stem, std::size_t index, std::size_t count) {
    if (count == 1) return std::string(stem);
    return fmt::format("{}-item{}", stem, index + 1);
}

// A template rather than a std::function: the lambdas it runs capture more than std::function
// holds without allocating, and this runs once per article.
template <typename Conversion_fn>
Conversion Converter::named(const std::string& name, const Conversion_fn& conversion) {
    try {
        return conversion();
    } catch (Error& e) {
        e.name_file_if_unnamed(name);
        throw;
    } catch (const std::bad_alloc&) {
        throw out_of_memory(name);
    }
}

std::int64_t output_time() {
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0') {
        char* end = nullptr;
        const long long value = std::strtoll(epoch, &end, 10);
        if (*end == '\0' && value >= 0) return value;
    }
    return static_cast<std::int64_t>(std::time(nullptr));
}

std::function<std::vector<Rendering>(const Document&)> data_renderings() {
    // Made once and shared by every article (writers are thread-safe).
    std::vector<std::pair<const WriterEntry*, std::shared_ptr<const Writer>>> writers;
    for (const std::string_view name : {"xml", "json"}) {
        if (const WriterEntry* entry = find_writer(name)) writers.emplace_back(entry, entry->make(WriterOptions{}));
    }
    return [writers](const Document& doc) {
        std::vector<Rendering> out;
        for (const auto& [entry, writer] : writers) {
            out.push_back({doc.id + "." + std::string(entry->extension), std::string(entry->media_type), write_to_string(*writer, doc)});
        }
        return out;
    };
}

Converter::Converter(ConversionOptions options) : options_(std::move(options)) {
    if (options_.write.made_at == 0) options_.write.made_at = output_time();
    if (!options_.write.renderings) options_.write.renderings = data_renderings();
    for (const WriterEntry* format : options_.formats) writers_.push_back(format->make(options_.write));
}

Conversion Converter::convert(const Input& input, const SkipTest& skip, std::string_view name) const {
    const std::string article = name.empty() ? input.display : std::string(name);
    return named(article, [&] {
        const DeadlineScope deadline(options_.timeout, article);
        const std::string bytes = read_input(input, options_.read);
        if (skip && skip(bytes)) {
            Conversion skipped;
            skipped.skipped = true;
            return skipped;
        }
        return convert_read(bytes, input.path, input.display);
    });
}

Conversion Converter::convert(std::string_view bytes, std::string_view name) const {
    const std::string article(name);
    return named(article, [&] {
        const DeadlineScope deadline(options_.timeout, article);
        return convert_read(bytes, {}, article);
    });
}

Conversion Converter::convert_read(std::string_view bytes, std::string_view path, std::string_view name) const {
    Conversion out;
    for (Document& doc : read_articles(bytes, path, name, options_.read)) {
        out.articles.push_back({std::move(doc), {}});
    }
    // Every output is made before any is written, so an input that fails in its last writer
    // (the time limit, a font error) leaves none of its files behind.
    for (ConvertedArticle& article : out.articles) {
        article.outputs.resize(writers_.size());
        for (std::size_t f = 0; f < writers_.size(); ++f) {
            StringSink sink(article.outputs[f]);
            writers_[f]->write(article.document, sink);
            check_deadline();
            out.warnings.insert(out.warnings.end(), sink.warnings().begin(), sink.warnings().end());
        }
    }
    return out;
}

}  // namespace briefkit
