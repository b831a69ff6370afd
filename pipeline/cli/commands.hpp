// The subcommands of `briefkit`, each a function of its parsed options.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "briefkit/error.hpp"
#include "briefkit/read_options.hpp"
#include "pipeline/model/writer.hpp"

namespace briefkit::cli {

/// Options of `briefkit convert`, as parsed from the command line.
struct ConvertOptions {
    std::vector<std::string> inputs;  ///< Files, folders and `-`.
    std::vector<std::string> to;      ///< Output format names; empty means all.
    std::string output = "out";       ///< Output folder, or `-` for standard output.
    std::string glob;                 ///< File name pattern for folders; empty means every readable extension.
    ReadOptions read;                 ///< Reader options.
    WriterOptions write;              ///< Writer options.
    unsigned jobs = 0;                ///< Worker threads; 0 means one per core.
    bool quiet = false;               ///< No progress line.
    std::string manifest;             ///< Manifest path; empty for the default under the output folder.
    bool force = false;               ///< Convert even inputs the manifest shows done.
    std::string shard;                ///< `K/N`, or empty (then Slurm's array variables, if set).
    double timeout = 60;              ///< Seconds each input may take; 0 for no limit.
    bool sync = false;                ///< fsync() every output and its folder.
    bool follow_links = false;        ///< Read links in input folders that lead outside them.
};

/// Options of `briefkit digest`, as parsed from the command line.
struct DigestOptions {
    std::vector<std::string> inputs;  ///< Files, folders and `-`.
    std::string output;               ///< The digest file to write.
    std::string to = "pdf";           ///< The format, which must be able to hold many documents.
    std::string glob;                 ///< File name pattern for folders.
    ReadOptions read;                 ///< Reader options.
    WriterOptions write;              ///< Writer options.
    double timeout = 60;              ///< Seconds each input may take to read, and each article to set; 0 for no limit.
    bool follow_links = false;        ///< Read links in input folders that lead outside them.
    std::string since;                ///< A manifest of what was briefed before, or a day (`2026-12-02`); empty for none.
    std::string manifest;             ///< Where to record the articles this digest holds; empty for nowhere.
};

/// `briefkit convert`: converts every input; returns the exit code.
[[nodiscard]] ExitCode convert(const ConvertOptions& options);

/// `briefkit inspect`: prints the model and notes of one input as YAML; returns the exit code.
[[nodiscard]] ExitCode inspect(const std::string& input, const ReadOptions& read);

/// `briefkit digest`: writes every readable input into one digest; returns the exit code.
[[nodiscard]] ExitCode digest(const DigestOptions& options);

/// Options of `briefkit stream`, as parsed from the command line.
struct StreamCommandOptions {
    std::vector<std::string> to;  ///< Output formats; empty means yaml.
    std::string output = "out";   ///< Folder for outputs that cannot travel inline (PDF).
    ReadOptions read;             ///< Reader options.
    WriterOptions write;          ///< Writer options.
    double timeout = 60;          ///< Seconds each record may take; 0 for no limit.
};

/// `briefkit stream`: NDJSON records on standard input to NDJSON results on standard output.
[[nodiscard]] ExitCode stream(const StreamCommandOptions& options);

/// `briefkit merge-manifests`: joins shard manifests, reporting duplicate and missing inputs.
[[nodiscard]] ExitCode merge_manifests(const std::vector<std::string>& manifests, const std::string& output,
                                       const std::vector<std::string>& inputs, const std::string& glob);

/// `briefkit styles`: lists the built-in PDF styles.
[[nodiscard]] ExitCode list_styles();

/// `briefkit formats`: lists the registered readers and writers.
[[nodiscard]] ExitCode list_formats();

/// `briefkit schema FORMAT`: prints the schema the output format `format` is valid against.
[[nodiscard]] ExitCode print_schema(std::string_view format);

}  // namespace briefkit::cli
