// libbriefkit's public API (briefkit/briefkit.hpp), over the format table and convert().
#include "briefkit/briefkit.hpp"

#include <fmt/format.h>

#include "pipeline/convert.hpp"
#include "pipeline/input_reader.hpp"
#include "pipeline/model/limits.hpp"
#include "pipeline/model/version.hpp"
#include "pipeline/output_file.hpp"
#include "pipeline/registry.hpp"

namespace briefkit {

namespace {

/// The output format called `name`; UsageError naming the formats there are otherwise.
const WriterEntry& writer_named(std::string_view name) {
    const WriterEntry* entry = find_writer(name);
    if (entry == nullptr) {
        throw UsageError(fmt::format("unknown output format '{}' (one of: {})", name, format_names(writers())));
    }
    return *entry;
}

/// The output format whose extension ends `path`'s name, the longest that does (`.nitf.xml` is NITF).
const WriterEntry& writer_for_path(const std::filesystem::path& path) {
    const std::string name = path.filename().string();
    const WriterEntry* best = nullptr;
    for (const WriterEntry& w : writers()) {
        const std::string suffix = fmt::format(".{}", w.extension);
        const bool matches = name.size() > suffix.size() && name.ends_with(suffix);
        if (matches && (best == nullptr || w.extension.size() > best->extension.size())) best = &w;
    }
    if (best == nullptr) {
        throw UsageError(fmt::format("no output format writes files named like '{}'; name the format", name));
    }
    return *best;
}

/// The pipeline's writer options for `options`: its time and the data a PDF attaches filled in.
WriterOptions writer_options(const WriteOptions& options) {
    WriterOptions out;
    out.style = options.style;
    out.made_at = options.made_at != 0 ? options.made_at : output_time();
    out.renderings = data_renderings();
    return out;
}

/// The one document of `docs`, or InputError naming `name` and how many it holds.
Document only_article(std::vector<Document> docs, std::string_view name) {
    if (docs.size() != 1) {
        throw InputError(fmt::format("holds {} articles where one was expected", docs.size()), std::string(name));
    }
    return std::move(docs.front());
}

}  // namespace

std::string_view version() { return kVersion; }

std::vector<FormatInfo> input_formats() {
    std::vector<FormatInfo> out;
    for (const ReaderEntry& r : readers()) {
        out.push_back({std::string(r.name), {r.extensions.begin(), r.extensions.end()}, {}, std::string(r.description),
                       true, false});
    }
    return out;
}

std::vector<FormatInfo> output_formats() {
    std::vector<FormatInfo> out;
    for (const WriterEntry& w : writers()) {
        out.push_back({std::string(w.name), {std::string(w.extension)}, std::string(w.media_type),
                       std::string(w.description), w.text, w.make_collection != nullptr});
    }
    return out;
}

std::vector<StyleInfo> styles() {
    for (const WriterEntry& w : writers()) {
        if (w.styles != nullptr) return w.styles();
    }
    return {};
}

std::vector<Document> read_all(std::string_view bytes, const ReadOptions& options, std::string_view name) {
    check_input_size(bytes.size(), name, options);
    return read_articles(bytes, {}, name, options);
}

Document read(std::string_view bytes, const ReadOptions& options, std::string_view name) {
    return only_article(read_all(bytes, options, name), name);
}

std::vector<Document> read_file_all(const std::filesystem::path& path, const ReadOptions& options) {
    Input input;
    input.path = path.string();
    input.display = input.path;
    return read_documents(input, options);
}

Document read_file(const std::filesystem::path& path, const ReadOptions& options) {
    return only_article(read_file_all(path, options), path.string());
}

std::string write(const Document& doc, std::string_view format, const WriteOptions& options) {
    const std::unique_ptr<Writer> writer = writer_named(format).make(writer_options(options));
    return write_to_string(*writer, doc);
}

void write_file(const Document& doc, const std::filesystem::path& path, std::string_view format,
                const WriteOptions& options) {
    const WriterEntry& entry = format.empty() ? writer_for_path(path) : writer_named(format);
    const std::string bytes = write_to_string(*entry.make(writer_options(options)), doc);
    write_file_atomically(path, bytes);
}

std::string write_collection(std::span<const Document> docs, std::string_view format, const WriteOptions& options) {
    const WriterEntry& entry = writer_named(format);
    if (entry.make_collection == nullptr) {
        throw UsageError(fmt::format("format '{}' cannot hold many articles in one output; use pdf", entry.name));
    }
    std::string out;
    StringSink sink(out);
    entry.make_collection(writer_options(options))->write(docs, sink);
    return out;
}

ExitCode exit_code(const Error& error) noexcept {
    return dynamic_cast<const UsageError*>(&error) != nullptr ? ExitCode::usage : ExitCode::some_failed;
}

}  // namespace briefkit
