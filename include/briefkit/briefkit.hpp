// Briefkit as a library: read news articles into the document model, write them in any format.
//
//     #include <briefkit/briefkit.hpp>
//
//     briefkit::Document doc = briefkit::read_file("story.txt");
//     std::string xml = briefkit::write(doc, "xml");
//     briefkit::write_file(doc, "story.pdf");   // the format by the file's extension
//
// Reading picks the reader as `briefkit convert` does: ReadOptions::from when it names one, else
// the file's extension, else the bytes' content, else plain text; every repair the reader makes
// is in Document::notes. Writing takes any format `briefkit formats` lists. Every function throws
// a briefkit::Error (briefkit/error.hpp) naming the file, and the line where there is one;
// exit_code() maps it to the command line's exit code. Every function may be called from many
// threads at once.
//
// What is stable (the ABI): the declarations of this header, briefkit/model.hpp, error.hpp and
// read_options.hpp keep their meaning within a major version; the library's soname changes with
// any change to a type's layout. Nothing else of Briefkit is exported.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "briefkit/error.hpp"
#include "briefkit/export.hpp"
#include "briefkit/model.hpp"
#include "briefkit/read_options.hpp"

namespace briefkit {

/// The library's version, such as `0.1.0`.
[[nodiscard]] BRIEFKIT_API std::string_view version();

/// One input or output format, as `briefkit formats` lists it.
struct FormatInfo {
    std::string name;                     ///< The name ReadOptions::from and write() take, such as `nitf`.
    std::vector<std::string> extensions;  ///< Extensions without the dot: the files it reads, or the one it writes.
    std::string media_type;               ///< The IANA media type of its output; empty for an input format.
    std::string description;              ///< One line saying what it is.
    bool text = true;                     ///< False for a binary output (the PDF).
    bool collection = false;              ///< True when it can put many articles into one output (write_collection()).
};

/// One named style of an output format (`--style NAME`).
struct StyleInfo {
    std::string name;         ///< The name `--style` and WriteOptions::style take.
    std::string description;  ///< One line for `briefkit styles`.
    bool is_default = false;  ///< True for the style used without one.
};

/// Every input format, in the order `briefkit formats` lists them.
[[nodiscard]] BRIEFKIT_API std::vector<FormatInfo> input_formats();

/// Every output format, in the order `briefkit formats` lists them.
[[nodiscard]] BRIEFKIT_API std::vector<FormatInfo> output_formats();

/// The built-in styles of the PDF briefing, the default first.
[[nodiscard]] BRIEFKIT_API std::vector<StyleInfo> styles();

/// How documents are written.
struct WriteOptions {
    /// The PDF style: a built-in name (styles()) or a style file's path; empty for the default.
    std::string style;
    /// When the output is made, in seconds since 1970, for formats that state it; 0 for
    /// SOURCE_DATE_EPOCH when that is set, else now.
    std::int64_t made_at = 0;
};

/// The articles of `bytes`: one for most inputs, each text item of a news message that carries
/// several. `name` is what errors call the input; `options.from` chooses the reader by name,
/// else its content does. Throws InputError (LimitError over a limit) or UsageError (an unknown
/// format name).
[[nodiscard]] BRIEFKIT_API std::vector<Document> read_all(std::string_view bytes, const ReadOptions& options = {},
                                                          std::string_view name = "-");

/// The one article of `bytes`, as read_all() reads it; InputError when it holds several.
[[nodiscard]] BRIEFKIT_API Document read(std::string_view bytes, const ReadOptions& options = {},
                                         std::string_view name = "-");

/// The articles of the file at `path`, its extension choosing the reader unless `options.from`
/// names one. Throws InputError naming the file when it cannot be read.
[[nodiscard]] BRIEFKIT_API std::vector<Document> read_file_all(const std::filesystem::path& path,
                                                               const ReadOptions& options = {});

/// The one article of the file at `path`, as read_file_all() reads it; InputError when it holds several.
[[nodiscard]] BRIEFKIT_API Document read_file(const std::filesystem::path& path, const ReadOptions& options = {});

/// `doc` written in the output format called `format` (output_formats()). Throws UsageError for
/// an unknown format or style.
[[nodiscard]] BRIEFKIT_API std::string write(const Document& doc, std::string_view format,
                                             const WriteOptions& options = {});

/// Writes `doc` to the file at `path` in `format`, or in the format its extension names when
/// `format` is empty (`.pdf`, `.nitf.xml`). The file appears whole or not at all: the bytes go
/// to a temporary file that then takes its name. Throws UsageError, or OutputError naming `path`.
BRIEFKIT_API void write_file(const Document& doc, const std::filesystem::path& path, std::string_view format = {},
                             const WriteOptions& options = {});

/// Every document of `docs` as one output of `format` (a PDF digest, with contents and bookmarks);
/// UsageError when the format cannot hold many articles (FormatInfo::collection).
[[nodiscard]] BRIEFKIT_API std::string write_collection(std::span<const Document> docs, std::string_view format,
                                                        const WriteOptions& options = {});

/// The exit code the `briefkit` command exits with for `error`: ExitCode::usage for a UsageError,
/// ExitCode::some_failed for any other.
[[nodiscard]] BRIEFKIT_API ExitCode exit_code(const Error& error) noexcept;

}  // namespace briefkit
