// Helpers shared by the tests: reading articles from strings, paths, schema validation,
// YAML read-back and running the briefkit executable.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "briefkit/error.hpp"

#include "briefkit/model.hpp"
#include "briefkit/read_options.hpp"

namespace briefkit::test {

/// The source tree (for fixtures, samples and golden files).
[[nodiscard]] std::filesystem::path source_dir();

/// The shared test corpus beside the checkout (or $BRIEFKIT_CORPUS), or nullopt when absent.
[[nodiscard]] std::optional<std::filesystem::path> corpus_dir();

/// Reads `text` as a plain-text article named `name`.
[[nodiscard]] Document read(std::string_view text, const ReadOptions& options = {}, std::string_view name = "test.txt");

/// A table as text: `[caption]`, then one line per row with cells joined by ` | `, `--` after the header rows.
[[nodiscard]] std::string table_text(const Table& table);

/// The plain text of every body block, one string per block (a table as table_text() writes it).
[[nodiscard]] std::vector<std::string> block_texts(const Document& doc);

/// True when `doc` has a note with rule `rule`.
[[nodiscard]] bool has_note(const Document& doc, std::string_view rule);

/// `count` distinct articles (copies of three samples, each with its own last line) under
/// `dir/in`, spread over seven subfolders; returns `dir/in`.
std::filesystem::path make_articles(const std::filesystem::path& dir, int count);

/// The records of an NDJSON file (a manifest), parsed.
std::vector<nlohmann::json> read_ndjson(const std::filesystem::path& path);

/// A YAML article as a person would write it by hand: plain scalars, a folded paragraph.
extern const std::string kHandWrittenYaml;

/// The error a reader function (`formats::read_xml`, `read_yaml`...) throws for `text`, read
/// as a file called `bad`, as printed: `FILE:LINE: message`; `(no error)` when it reads.
template <typename Read>
[[nodiscard]] std::string error_of(Read read, const std::string& text) {
    try {
        (void)read(text, "bad", ReadOptions{});
    } catch (const InputError& e) {
        return describe(e);
    }
    return "(no error)";
}

/// Validates `xml` against formats/xml/article.xsd; returns the validation errors (empty when valid).
[[nodiscard]] std::string xsd_errors(const std::string& xml);

/// Reads `yaml` back with yaml-cpp and returns every difference from `doc`, field by field (empty when none).
[[nodiscard]] std::string yaml_differences(const Document& doc, const std::string& yaml);

/// IPTC's schemas beside the shared corpus (../shared/schemas), or nullopt when absent.
[[nodiscard]] std::optional<std::filesystem::path> schemas_dir();

/// Validates `xml` against IPTC's NewsML-G2 2.35 XSD (from schemas_dir(), which must exist);
/// returns the validation errors (empty when valid).
[[nodiscard]] std::string newsml_g2_xsd_errors(const std::string& xml);

/// True when Debian's python3-jsonschema (4.x, draft 2020-12) can be run as /usr/bin/python3.
[[nodiscard]] bool have_jsonschema();

/// Validates each JSON file of `files` against the JSON Schema `schema` with python3-jsonschema;
/// returns one line per invalid file (its path and first error), empty when all are valid.
[[nodiscard]] std::string json_schema_errors(const std::vector<std::filesystem::path>& files,
                                             const std::filesystem::path& schema);

/// What every feed format carries of `doc`, one field a line, whitespace runs made one space:
/// title, date, source and its date, place, URL, authors, language, and the text of every run of
/// the body that is not blank. Two documents that give the same string agree on what a lossy
/// format must carry, whatever their block kinds, heading levels and notes.
[[nodiscard]] std::string carried(const Document& doc);

/// every_kind(`nasty`) with authors that differ from its source (a byline naming the agency is
/// read as the agency's credit) and are not blank.
[[nodiscard]] Document every_kind_for_feeds(const std::string& nasty);

/// Result of running the briefkit executable.
struct RunResult {
    int exit_code = -1;  ///< The process's exit status.
    std::string out;     ///< What it wrote to standard output.
    std::string err;     ///< What it wrote to standard error.
};

/// Runs `briefkit` with `args` (shell-quoted here), feeding `input` on standard input.
[[nodiscard]] RunResult run_briefkit(const std::vector<std::string>& args, const std::string& input = {});

/// Runs the program `args[0]` with the rest of `args` (shell-quoted here), feeding `input` on standard input.
[[nodiscard]] RunResult run_command(const std::vector<std::string>& args, const std::string& input = {});

/// True when the program `name` is on the PATH.
[[nodiscard]] bool have_tool(const std::string& name);

/// A fresh empty temporary folder, removed when the object goes away.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    /// The folder's path.
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

/// Writes `bytes` to `path`, creating folders.
void write_file(const std::filesystem::path& path, std::string_view bytes);

/// The whole content of `path`.
[[nodiscard]] std::string read_file(const std::filesystem::path& path);

/// A document holding every node kind and every field, with `nasty` in every string that can hold it.
[[nodiscard]] Document every_kind(const std::string& nasty);

/// Strings that break naive writers and readers: YAML keywords and indicators, XML specials,
/// line breaks, C1 and Unicode line separators, a BOM, an emoji, the empty string.
extern const std::vector<std::string> kHostileStrings;

}  // namespace briefkit::test
