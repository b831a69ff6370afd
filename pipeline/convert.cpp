#include "pipeline/convert.hpp"

#include "pipeline/input_reader.hpp"
#include "pipeline/model/deadline.hpp"
#include "pipeline/model/error.hpp"

namespace briefkit {

Document read_document(const Input& input, const ReadOptions& options) {
    const std::string bytes = read_input(input, options);
    return read_article(bytes, input.path, input.display, options);
}

Document read_article(std::string_view bytes, std::string_view path, std::string_view name,
                      const ReadOptions& options) {
    return choose_reader(path, bytes, options.from).read(bytes, name, options);
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

Converter::Converter(ConversionOptions options) : options_(std::move(options)) {
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
    out.document = read_article(bytes, path, name, options_.read);
    // Every output is made before any is written, so an article that fails in its last writer
    // (the time limit, a font error) leaves none of its files behind.
    out.outputs.resize(writers_.size());
    for (std::size_t f = 0; f < writers_.size(); ++f) {
        StringSink sink(out.outputs[f]);
        writers_[f]->write(out.document, sink);
        check_deadline();
        out.warnings.insert(out.warnings.end(), sink.warnings().begin(), sink.warnings().end());
    }
    return out;
}

}  // namespace briefkit
