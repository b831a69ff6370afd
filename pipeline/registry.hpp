// The format table: every reader and writer Briefkit has, in one place.
//
// Adding a format is one folder under formats/ and one row in registry.cpp;
// the command line lists, chooses and names outputs from these tables alone.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "briefkit/briefkit.hpp"
#include "briefkit/model.hpp"
#include "briefkit/read_options.hpp"
#include "pipeline/model/writer.hpp"

namespace briefkit {

/// One output format.
struct WriterEntry {
    std::string_view name;                  ///< Name used with `-t/--to`, such as `xml`.
    std::string_view extension;             ///< Output file extension without the dot.
    std::string_view media_type;            ///< IANA media type of the output.
    bool text;                              ///< True for text output, which stream mode sends inline.
    std::string_view description;           ///< One line for `briefkit formats`.
    std::unique_ptr<Writer> (*make)(const WriterOptions&);  ///< Creates the writer.
    /// Creates a writer of many documents into one output; nullptr when the format has none.
    std::unique_ptr<CollectionWriter> (*make_collection)(const WriterOptions&);
    /// What of the writer options decides this format's bytes beyond their text (a style file's
    /// content), for a rerun to see that its outputs would change; nullptr when nothing does.
    std::string (*settings_key)(const WriterOptions&);
    /// The format's built-in styles, the default first; nullptr when it has none.
    std::vector<StyleInfo> (*styles)();
    /// The schema its output is valid against (an XSD); nullptr when there is none.
    std::string_view (*schema)();
};

/// One input format.
struct ReaderEntry {
    std::string_view name;                       ///< Name of the input format, such as `text`.
    std::span<const std::string_view> extensions;  ///< File extensions it reads, without the dot.
    std::string_view description;                ///< One line for `briefkit formats`.
    /// Reads one input into its articles, `name` used in errors: one document for most formats;
    /// each text item, in order, of a news message that carries several.
    std::vector<Document> (*read)(std::string_view bytes, std::string_view name, const ReadOptions& options);
    /// True when the bytes of an input with no known extension are in this format; nullptr for
    /// the fallback format, plain text, which takes whatever no other format claims.
    bool (*sniff)(std::string_view bytes);
};

/// Every output format, in the order `briefkit formats` lists them.
[[nodiscard]] std::span<const WriterEntry> writers();

/// Every input format.
[[nodiscard]] std::span<const ReaderEntry> readers();

/// Every extension some input format reads (no dot), each once, in the table's order.
[[nodiscard]] std::vector<std::string_view> readable_extensions();

/// The output format called `name`, or nullptr.
[[nodiscard]] const WriterEntry* find_writer(std::string_view name);

/// The input format that reads files with extension `extension` (no dot, any case), or nullptr.
[[nodiscard]] const ReaderEntry* reader_for_extension(std::string_view extension);

/// The input format called `name`, or nullptr.
[[nodiscard]] const ReaderEntry* find_reader(std::string_view name);

/// The reader for the input at `path` holding `bytes`: the one named `chosen` when it is not empty
/// (ReadOptions::from; UsageError when no reader has that name), else the one for the file's
/// extension (of several sharing it, the first whose sniff() claims the bytes, else the first),
/// else the first whose sniff() claims the bytes, else text.
[[nodiscard]] const ReaderEntry& choose_reader(std::string_view path, std::string_view bytes, std::string_view chosen);

/// The names of every format in `entries`, comma-separated, for messages and help.
template <typename Entry>
[[nodiscard]] std::string format_names(std::span<const Entry> entries) {
    std::string names;
    for (const Entry& e : entries) names += (names.empty() ? "" : ", ") + std::string(e.name);
    return names;
}

}  // namespace briefkit
